// `npm run test:resilience`: runs each part against the built server on loopback and prints a
// table of figures; exits non-zero if any figure fails. Flags pick parts (--sends, --kills,
// --smtp, --fuzz, --audit; none means all), --quick runs small sizes while developing, and
// --no-build skips `npm run build` when the build is fresh.
import { spawnSync } from "node:child_process";
import { runAudit } from "./audit";
import { runFuzz } from "./fuzz";
import { ROOT, type Figure } from "./harness";
import { runKills } from "./kills";
import { runSends } from "./sends";
import { runSmtpDown } from "./smtp-down";

const args = new Set(process.argv.slice(2));
const quick = args.has("--quick");
const chosen = ["--sends", "--kills", "--smtp", "--fuzz", "--audit"].filter((flag) => args.has(flag));
const wants = (flag: string) => chosen.length === 0 || chosen.includes(flag);

// --fuzz-bodies=N sets the bodies per route (10,000 unless quick).
const fuzzBodies = Number(process.argv.find((a) => a.startsWith("--fuzz-bodies="))?.split("=")[1] ?? (quick ? 200 : 10_000));

const parts: Array<[string, () => Promise<Figure[]>]> = [
  ["--audit", () => runAudit()],
  ["--sends", () => runSends(quick ? { sends: 200, connections: 200 } : { sends: 10_000, connections: 200 })],
  ["--kills", () => runKills(quick ? { kills: 1, connections: 50, drafts: 200 } : { kills: 5, connections: 50, drafts: 1000 })],
  ["--smtp", () => runSmtpDown(quick ? { sends: 50, connections: 50 } : { sends: 500, connections: 50 })],
  ["--fuzz", () => runFuzz({ bodiesPerRoute: fuzzBodies })],
];

if (!args.has("--no-build")) {
  // The built server, as `npm start` runs it.
  const build = spawnSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const figures: Figure[] = [];
const started = Date.now();
for (const [flag, run] of parts) {
  if (!wants(flag)) continue;
  const partStarted = Date.now();
  console.log(`\n${flag.slice(2)}: running${quick ? " (quick)" : ""}…`);
  try {
    const result = await run();
    for (const f of result) console.log(`  ${f.unavailable ? "n/a " : f.ok ? "ok  " : "FAIL"} ${f.figure}`);
    figures.push(...result);
  } catch (error) {
    const figure = { part: flag.slice(2), figure: `did not finish: ${(error as Error).stack ?? String(error)}`, ok: false };
    console.log(`  FAIL ${figure.figure}`);
    figures.push(figure);
  }
  console.log(`  (${((Date.now() - partStarted) / 1000).toFixed(0)}s)`);
}

const width = Math.max(...figures.map((f) => f.part.length));
console.log(`\nResilience figures${quick ? " (quick sizes)" : ""}, ${((Date.now() - started) / 1000).toFixed(0)}s in all:\n`);
const mark = (f: Figure) => (f.unavailable ? "n/a " : f.ok ? "ok  " : "FAIL");
for (const f of figures) console.log(`${mark(f)}  ${f.part.padEnd(width)}  ${f.figure}`);
const failed = figures.filter((f) => !f.ok && !f.unavailable).length;
const unavailable = figures.filter((f) => f.unavailable).length;
console.log(failed ? `\n${failed} figure(s) failed.` : `\nEvery figure measured holds${unavailable ? `; ${unavailable} could not be measured here (n/a above)` : ""}.`);
process.exit(failed ? 1 : 0);
