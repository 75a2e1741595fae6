import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { addCalendarDays } from "../app/domain/calendar";
import { migrateDatabase, openDatabase } from "../app/services/db.server";
import { buildReport } from "../app/domain/report/tables";
import { reportExtras, reportFacts, reportLimits, reportLists } from "../app/services/report.server";
import { seedDatabase } from "../db/seed";

// A benchmark (not a test): the annual report over a database of BENCH_ROWS representations
// (default 1,000,000) spread over ten financial years, each complaint with a Stage 1 and one in
// five with a Stage 2. Prints how long building the database took and the report's time.
const rows = Number(process.env.BENCH_ROWS || 1_000_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-bench-report-"));
const db = openDatabase(path.join(dir, "bench.sqlite"));
migrateDatabase(db);
await seedDatabase(db, { demo: false });
const sqlite = db.$client;
const started = performance.now();
const insertRep = sqlite.prepare(
  `insert into representations (reference, kind, status, process, method_received, received_at, received_on, person_name, person_relationship, answers, received_from, primary_nature, team_id)
   values (?, ?, 'closed', ?, 'Email', ?, ?, 'x', 'parent', '{}', 'Parent', 'Conduct of worker', 1)`,
);
const insertStage = sqlite.prepare(`insert into stages (representation_id, sequence, kind, state, started_on, responded_on, finding) values (?, ?, ?, ?, ?, ?, 'Upheld')`);
sqlite.transaction(() => {
  for (let i = 0; i < rows; i += 1) {
    const day = addCalendarDays("2016-04-01", i % 3650);
    const kind = i % 10 === 0 ? "compliment" : "complaint";
    const id = Number(insertRep.run(`B${i}`, kind, kind === "complaint" ? (i % 3 === 0 ? "corporate" : "statutory") : null, Date.parse(`${day}T12:00:00Z`), day).lastInsertRowid);
    if (kind !== "complaint") continue;
    const escalated = i % 5 === 0;
    insertStage.run(id, 1, "statutory-stage1", escalated ? "escalated" : "closed", day, addCalendarDays(day, 5 + (i % 20)));
    if (escalated) insertStage.run(id, 2, "statutory-stage2", "closed", addCalendarDays(day, 30), addCalendarDays(day, 70));
  }
})();
console.log(`built ${rows} representations in ${Math.round(performance.now() - started)} ms`);
for (const year of [2025, 2025]) {
  const t0 = performance.now();
  const facts = reportFacts(db, year);
  const t1 = performance.now();
  const tables = buildReport({ year, facts, lists: reportLists(db), limits: reportLimits(db), extras: reportExtras(db, year) });
  const t2 = performance.now();
  console.log(`annual report ${year}: ${facts.length} facts read in ${Math.round(t1 - t0)} ms, ${tables.length} tables counted in ${Math.round(t2 - t1)} ms`);
}
fs.rmSync(dir, { recursive: true, force: true });
