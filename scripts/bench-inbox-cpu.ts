// Server CPU per inbox page (decision 055): /proc utime+stime of the server process and of its
// main (request) thread around N officer inbox pages fetched one at a time. Needs a built app
// (`npm run build`) and a million-case database you may write to (a session is made in it):
//   npx tsx scripts/bench-inbox-cpu.ts [FILE]       N=300 PORT=3272 PROF=dir (node --cpu-prof into dir)
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { createSession, sessionCookie } from "../app/services/auth.server";
import { openDatabase } from "../app/services/db.server";

const FILE = path.resolve(process.argv[2] ?? ".bench/representations-1000000.sqlite");
const N = Number(process.env.N || 200);
const PORT = Number(process.env.PORT || 3272);
const PROF = process.env.PROF;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "h6-cpu-"));
const tick = 100; // USER_HZ: /proc counts CPU time in hundredths of a second
const cpu = (file: string) => {
  const f = fs.readFileSync(file, "utf8").split(") ")[1]!.split(" ");
  return ((Number(f[11]) + Number(f[12])) / tick) * 1000;
};

const db = openDatabase(FILE);
const client = (db as unknown as { $client: Database.Database }).$client;
const id = (client.prepare("SELECT id FROM staff_users WHERE email = ?").get("officer@northshire.example") as { id: number }).id;
const cookie = (await sessionCookie(createSession(db, id))).split(";")[0]!;
client.close();

const args = [...(PROF ? ["--cpu-prof", `--cpu-prof-dir=${PROF}`] : []), "--import", "tsx", "server/index.ts"];
const child = spawn(process.execPath, args, {
  env: { ...process.env, PORT: String(PORT), HOST: "127.0.0.1", DATABASE_FILE: FILE, MAIL_DIR: path.join(work, "mail"), ATTACHMENTS_DIR: path.join(work, "a"), BACKUP_DIR: path.join(work, "b"), NODE_ENV: "production", DEMO_MODE: "true", LOG_LEVEL: "warn" },
  stdio: ["ignore", "ignore", "inherit"],
});
const base = `http://127.0.0.1:${PORT}`;
for (let i = 0; ; i++) {
  try { if ((await fetch(base + "/")).ok) break; } catch { /* not yet */ }
  await new Promise((r) => setTimeout(r, 200));
}
const queries = ["", "page=10", "q=Smith", "sort=received-newest", "status=open"];
const get = async (q: string) => { const r = await fetch(`${base}/staff?${q}`, { headers: { cookie, "accept-encoding": "gzip, br" } }); await r.arrayBuffer(); if (!r.ok) throw new Error(String(r.status)); };
for (let i = 0; i < 30; i++) await get(queries[i % queries.length]!);
const pid = child.pid!;
const [p0, m0, t0] = [cpu(`/proc/${pid}/stat`), cpu(`/proc/${pid}/task/${pid}/stat`), performance.now()];
for (let i = 0; i < N; i++) await get(queries[i % queries.length]!);
const [p1, m1, t1] = [cpu(`/proc/${pid}/stat`), cpu(`/proc/${pid}/task/${pid}/stat`), performance.now()];
console.log(`${N} inbox pages: process CPU ${((p1 - p0) / N).toFixed(1)} ms/page, request thread ${((m1 - m0) / N).toFixed(1)} ms/page, wall ${((t1 - t0) / N).toFixed(1)} ms/page; ${fs.readFileSync("/proc/loadavg", "utf8").trim()}`);
child.kill("SIGTERM");
await new Promise((r) => child.on("exit", r));
