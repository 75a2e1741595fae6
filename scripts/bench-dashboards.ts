import os from "node:os";
import path from "node:path";
import { londonDate } from "../app/domain/calendar";
import type { Viewer } from "../app/domain/casework";
import { deadlineDashboard, deadlineHorizon } from "../app/domain/deadlines";
import { managersDashboard } from "../app/services/dashboard.server";
import { migrateDatabase, openDatabase } from "../app/services/db.server";
import { runningDeadlines } from "../app/services/deadlines.server";

// A benchmark (not a test): the deadlines dashboard (query and grouping) and the managers'
// dashboard, in this process, on a generated database (decision record 051), as `npm run bench`
// measures them but alone, so they can be repeated in seconds. It migrates the file it is given:
// point it at a copy, never at a database someone else is measuring from.
//   npx tsx scripts/bench-dashboards.ts [FILE] (default .bench/representations-1000000.sqlite)
const file = path.resolve(process.argv[2] ?? path.join(".bench", "representations-1000000.sqlite"));
const db = openDatabase(file);
migrateDatabase(db);
const client = db.$client;
const today = londonDate(new Date());
const idOf = (email: string) => (client.prepare("SELECT id FROM staff_users WHERE email = ?").get(email) as { id: number } | undefined)?.id ?? 0;
const teamManager = idOf("team.manager@northshire.example");
const viewers: Array<[string, Viewer]> = [
  ["complaints officer", { id: idOf("officer@northshire.example"), role: "complaints-officer", teamIds: [] }],
  ["team manager", { id: teamManager, role: "team-manager", teamIds: (client.prepare("SELECT team_id AS id FROM staff_team_members WHERE staff_user_id = ?").all(teamManager) as Array<{ id: number }>).map((t) => t.id) }],
];

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)] ?? NaN;
/** Wall time p50 and p95 of 20 runs after 2 to warm up, and the CPU time of a run (less moved by other work on the machine). */
function time(label: string, run: () => unknown) {
  const wall: number[] = [];
  let cpu = 0;
  for (let i = 0; i < 22; i += 1) {
    const c = process.cpuUsage();
    const t = performance.now();
    run();
    if (i < 2) continue;
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu += (used.user + used.system) / 1000;
  }
  console.log(`${label}: p50 ${percentile(wall, 50).toFixed(1)} ms, p95 ${percentile(wall, 95).toFixed(1)} ms, CPU ${(cpu / wall.length).toFixed(1)} ms a run (load average ${os.loadavg()[0]?.toFixed(1)})`);
}

const cases = (client.prepare("SELECT count(*) AS n FROM representations").get() as { n: number }).n;
console.log(`${cases.toLocaleString("en-GB")} representations in ${file}, ${os.cpus().length} CPU(s)`);
for (const [label, viewer] of viewers) {
  const rows = runningDeadlines(db, viewer, deadlineHorizon(today)).length;
  time(`Deadlines dashboard query and grouping, ${label} (${rows} rows)`, () => deadlineDashboard(runningDeadlines(db, viewer, deadlineHorizon(today)), today));
}
time("Managers' dashboard queries", () => managersDashboard(db, today));
