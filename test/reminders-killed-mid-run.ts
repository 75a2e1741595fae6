// A second server process for app/services/reminders.server.test.ts: it runs the reminders job
// on the database file given, and once the digests are written (not yet committed) it says so
// and waits inside the transaction until the test kills it with SIGKILL.
import fs from "node:fs";
import { openDatabase, type Db } from "../app/services/db.server";
import { remindersJob } from "../app/services/reminders.server";
import { runDailyJobIfDue } from "../app/services/scheduler.server";

const [file, now] = process.argv.slice(2);
if (!file || !now) throw new Error("usage: reminders-killed-mid-run.ts <database file> <ISO time>");
const job = remindersJob({ hour: 7, publicUrl: "https://speakup.example" });
await runDailyJobIfDue(
  openDatabase(file),
  {
    ...job,
    run: (tx: Db, at: Date) => {
      const result = job.run(tx, at);
      fs.writeSync(1, "written\n");
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
      return result;
    },
  },
  new Date(now),
);
