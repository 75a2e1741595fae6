// Remix's request handler called in process, with no HTTP and no Express (decision 053): the CPU
// time of a send (POST /form/check-answers of the bench's comment) and of the start page, on the
// built app (`npm run build` first) and a new SQLite file. Three rounds, so the first shows the
// warm-up and the others the steady state.
//
//   npx tsx scripts/bench-handler.ts                 as the server runs it
//   BENCH_ORIGINAL_MATCHING=1 npx tsx scripts/bench-handler.ts   without server/route-matches.ts
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-handler-"));
// Read by the build's config on first use: set before anything loads it.
Object.assign(process.env, {
  DATABASE_FILE: path.join(dir, "handler.sqlite"),
  MAIL_DIR: path.join(dir, "mail"),
  ATTACHMENTS_DIR: path.join(dir, "attachments"),
  NODE_ENV: "production",
  DEMO_MODE: "true",
  SENDS_PER_HOUR_PER_ADDRESS: "100000000",
});
const { getDb, migrateDatabase } = await import("../app/services/db.server");
const { seedDatabase } = await import("../db/seed");
const { createDraft, draftCookieHeader, saveStepAnswers } = await import("../app/services/drafts.server");
if (!process.env.BENCH_ORIGINAL_MATCHING) (await import("../server/route-matches")).keepRouteMatches();
const { createRequestHandler } = await import("@remix-run/node");

const db = getDb();
migrateDatabase(db);
await seedDatabase(db, { demo: false });
const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
const handle = createRequestHandler(build, "production");
const context = { clientAddress: "127.0.0.1", cspNonce: "bench" };

const SENDS = 2000;
const ROUNDS = 3;
const COMMENT = { kind: { kind: "comment" }, "comment-about": { commentAbout: "Letters" }, "comment-what": { comment: "Your letters use words my family does not understand." }, "comment-contact": {} };
const cookies: string[] = [];
for (let i = 0; i < SENDS * ROUNDS; i += 1) {
  let draft = createDraft(db);
  for (const [step, values] of Object.entries(COMMENT)) draft = saveStepAnswers(db, draft, step as never, values as never);
  cookies.push((await draftCookieHeader({ id: draft.id, answers: {}, representationId: null })).split(";")[0] as string);
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
let next = 0;
for (let round = 1; round <= ROUNDS; round += 1) {
  let started = cpuMs();
  for (let i = 0; i < SENDS; i += 1) {
    const request = new Request("http://localhost/form/check-answers", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies[next++] as string }, body: "declaration=yes" });
    const response = await handle(request, context);
    if (response.status !== 302) throw new Error(`The send answered ${response.status}`);
  }
  const send = (cpuMs() - started) / SENDS;
  started = cpuMs();
  for (let i = 0; i < SENDS / 2; i += 1) await (await handle(new Request("http://localhost/"), context)).text();
  const page = (cpuMs() - started) / (SENDS / 2);
  console.log(`Round ${round}: ${send.toFixed(2)} ms of CPU a send, ${page.toFixed(2)} ms a start page (load average ${os.loadavg()[0]?.toFixed(1)})`);
}
fs.rmSync(dir, { recursive: true, force: true });
process.exit(0);
