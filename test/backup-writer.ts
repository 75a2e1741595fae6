// A second process for the backup test: sends compliments with an attached file through the
// app's own services as fast as it can, telling the parent about each one once it is committed,
// until told to stop. Run with `node --import tsx`.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { storeUpload } from "../app/services/attachments.server";
import { openDatabase } from "../app/services/db.server";
import { createDraft, saveStepAnswers } from "../app/services/drafts.server";
import { teamOptions } from "../app/services/public-teams.server";
import { submitDraft } from "../app/services/submission.server";
import type { StepId } from "../app/domain/form/steps";
import { samplePdf } from "./sample-files";

const [dbArg, dirArg] = process.argv.slice(2);
if (!dbArg || !dirArg || !process.send) throw new Error("usage: backup-writer <database> <attachments dir> (forked)");
const attachmentsDir: string = dirArg;
const send = process.send.bind(process);
const db = openDatabase(dbArg);
const firstTeam = teamOptions(db)[0]?.[0];
if (!firstTeam) throw new Error("no teams seeded");
const team: string = firstTeam;

let stopping = false;
process.on("message", (message) => {
  if (message === "stop") stopping = true;
});

async function writeOne(n: number) {
  let draft = createDraft(db);
  const answers: Record<string, Record<string, string>> = {
    kind: { kind: "compliment" },
    "compliment-team": { team, workerName: `Worker ${n}` },
    "compliment-what": { whatWentWell: `Compliment number ${n}: she listened and kept every promise.` },
    "compliment-share": { mayShare: "yes" },
    "compliment-contact": { contactMethod: "email", email: `person${n}@example.com` },
  };
  for (const [step, values] of Object.entries(answers)) draft = saveStepAnswers(db, draft, step as StepId, values);

  // As receiveUpload leaves a file: in `.incoming/`, with its size and hash. Each one differs.
  const content = Buffer.concat([samplePdf, Buffer.from(`% ${n} ${randomBytes(8).toString("hex")}\n`)]);
  const incoming = path.join(attachmentsDir, ".incoming");
  fs.mkdirSync(incoming, { recursive: true });
  const tempPath = path.join(incoming, randomBytes(16).toString("hex"));
  fs.writeFileSync(tempPath, content);
  const sha256 = createHash("sha256").update(content).digest("hex");
  const stored = await storeUpload(db, attachmentsDir, draft.id, { tempPath, originalName: `letter-${n}.pdf`, sizeBytes: content.length, sha256 });
  if (!stored.ok) throw new Error(`upload refused: ${stored.problem}`);

  const result = submitDraft(db, draft.id, { language: "en", publicUrl: "http://localhost:3000" });
  if (result.outcome !== "sent") throw new Error(`not sent: ${result.outcome}`);
  send({ reference: result.reference, storageKey: stored.attachment.storageKey, committedAt: Date.now() });
}

let n = 0;
while (!stopping) {
  n += 1;
  await writeOne(n);
  // Lets the "stop" message in.
  await new Promise((resolve) => setImmediate(resolve));
}
db.$client.close();
process.disconnect();
