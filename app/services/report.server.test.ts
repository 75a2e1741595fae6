import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateRepresentations } from "../../scripts/generate-representations";
import { standingOf } from "../domain/eligibility";
import { METHOD_EFORM, METHOD_YOUNG_PERSONS_EFORM } from "../domain/representation";
import type { ReportFact } from "../domain/report/facts";
import { yearRange, yearsShown } from "../domain/report/years";
import { openDatabase, type Db } from "./db.server";
import { offThread, stopReadPools } from "./read-pool.server";
import { annualReportOffThread } from "./report-runner.server";
import { annualReportAfresh, outcomeFactQueries, outcomeFacts, reportFactQueries, reportFacts } from "./report.server";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import type { SQL } from "drizzle-orm";

// reportFacts reads in two index-served parts (decision 044). The reference below is the plain
// statement of what it must read, as it was written before: every case received in the five years
// or with a stage started or answered in them, with all its stages in order. Both must give the
// same facts on a generated database with equality answers, outcomes sought, findings, costs and
// cases received before the five years whose later stages fall in them.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-report-"));
afterAll(async () => {
  await stopReadPools();
  fs.rmSync(dir, { recursive: true, force: true });
});

let db: Db;
let client: Database.Database;

beforeAll(async () => {
  const file = path.join(dir, "report.sqlite");
  await generateRepresentations({ count: 3_000, file, demo: false });
  db = openDatabase(file);
  client = (db as unknown as { $client: Database.Database }).$client;
  // What the generator leaves out: equality answers, outcomes sought, findings (codes), costs.
  client.exec(`
    insert into equality_responses (representation_id, age_band, gender, disability)
      select id, '18-24', case when id % 2 then 'woman' else null end, 'no' from representations where id % 7 = 0;
    insert into case_codes (representation_id, list, reference_value_id)
      select r.id, 'outcome-sought', v.id from representations r join reference_values v on v.list = 'outcome-sought'
      where r.kind = 'complaint' and (r.id + v.id) % 9 = 0;
    update stages set finding = case id % 3
        when 0 then (select code from reference_values where list = 'finding' order by id limit 1)
        when 1 then (select code from reference_values where list = 'finding' order by id limit 1 offset 1)
        else 'a finding no longer in the list' end
      where responded_on is not null and id % 4 <> 0;
    -- Cases received long ago whose last stage started only later and is still open (counted by its start only).
    insert into stages (representation_id, sequence, kind, state, started_on)
      select r.id, (select max(sequence) + 1 from stages where representation_id = r.id), 'ombudsman', 'open', date(r.received_on, '+3 years')
      from representations r where r.kind = 'complaint' and r.id % 11 = 0 and exists (select 1 from stages where representation_id = r.id);
    insert into stage_people (stage_id, role, name, cost_pence) select id, 'independent-person', 'IP', 1000 + id from stages where kind = 'statutory-stage2';
  `);
}, 120_000);

/** The facts as the report read them before decision 044: one IN over a union of three sets. */
function referenceFacts(year: number): ReportFact[] {
  const years = yearsShown(year);
  const from = yearRange(years[years.length - 1] ?? year).from;
  const to = yearRange(year).to;
  const inScope = `(select id from representations where received_on between @from and @to
    union select representation_id from stages where responded_on between @from and @to
    union select representation_id from stages where started_on between @from and @to)`;
  type Row = Record<string, string | number | null>;
  const rows = client
    .prepare(`select r.id, r.kind, r.process, r.status, r.received_on, r.method_received, r.received_from, rf.code as received_from_code,
      r.primary_nature, t.name as team, r.refusal_reason, r.imported_at, e.age_band, e.gender, e.disability, e.ethnic_group, e.id as has_equality
      from representations r
      left join reference_values rf on rf.list = 'received-from' and rf.label = r.received_from
      left join teams t on t.id = r.team_id
      left join equality_responses e on e.representation_id = r.id
      where r.id in ${inScope}`)
    .all({ from, to }) as Row[];
  const stages = client
    .prepare(`select s.id, s.representation_id, s.kind, s.state, s.started_on, s.requested_on, s.responded_on, coalesce(fv.label, s.finding) as finding,
      s.panel_on, s.panel_report_on, s.ombudsman_decision, s.remedy_pence, (select sum(p.cost_pence) from stage_people p where p.stage_id = s.id) as cost_pence
      from stages s left join reference_values fv on fv.list = 'finding' and fv.code = s.finding
      where s.representation_id in ${inScope} order by s.representation_id, s.sequence`)
    .all({ from, to }) as Row[];
  const sought = client
    .prepare(`select c.representation_id, v.label from case_codes c join reference_values v on v.id = c.reference_value_id
      where c.list = 'outcome-sought' and c.representation_id in ${inScope}`)
    .all({ from, to }) as Row[];
  const facts: ReportFact[] = rows.map((r) => ({
    id: r.id as number,
    kind: r.kind as ReportFact["kind"],
    process: r.process as ReportFact["process"],
    status: r.status as string,
    receivedOn: r.received_on as string,
    method: r.method_received as string,
    receivedFrom: r.received_from as string | null,
    nature: r.primary_nature as string | null,
    team: r.team as string | null,
    youngPerson: standingOf({ receivedFrom: (r.received_from as string | null) ?? undefined, receivedFromCode: (r.received_from_code as string | null) ?? undefined }) === "child",
    refusalReason: r.refusal_reason as string | null,
    outcomesSought: sought.filter((o) => o.representation_id === r.id).map((o) => o.label as string),
    equality: r.has_equality ? { ageBand: r.age_band as string | null, gender: r.gender as string | null, disability: r.disability as string | null, ethnicGroup: r.ethnic_group as string | null } : null,
    equalityOffered: r.method_received === METHOD_EFORM || r.method_received === METHOD_YOUNG_PERSONS_EFORM,
    imported: r.imported_at !== null,
    stages: stages
      .filter((s) => s.representation_id === r.id)
      .map((s) => ({
        id: s.id as number,
        kind: s.kind as ReportFact["stages"][number]["kind"],
        state: s.state as ReportFact["stages"][number]["state"],
        startedOn: s.started_on as string,
        requestedOn: s.requested_on as string | null,
        respondedOn: s.responded_on as string | null,
        finding: s.finding as string | null,
        panelOn: s.panel_on as string | null,
        panelReportOn: s.panel_report_on as string | null,
        ombudsmanDecision: s.ombudsman_decision as string | null,
        remedyPence: s.remedy_pence as number | null,
        costPence: (s.cost_pence as number | null) ?? 0,
      })),
  }));
  // Issue 10's records are added by the same reads in both (decision 043): this test is about the base facts.
  outcomeFacts(db, facts, { from, to });
  return facts;
}

/** Compared as a sorted list of their JSON. */
const canonical = (facts: ReportFact[]) => facts.map((f) => JSON.stringify(f)).sort();

describe("reportFacts", () => {
  it("reads the same facts as the plain three-set query, for the latest year and an older one", () => {
    const latest = Number((client.prepare("select max(received_on) as d from representations").get() as { d: string }).d.slice(0, 4)) - 1;
    for (const year of [latest, latest - 3]) {
      const expected = referenceFacts(year);
      const facts = reportFacts(db, year);
      // The database has every kind of fact the tables count, so the comparison means something.
      expect(expected.some((f) => f.equality && f.outcomesSought.length > 0)).toBe(true);
      expect(expected.some((f) => f.stages.some((s) => s.costPence > 0 && s.finding))).toBe(true);
      const before = yearRange(year - 4).from;
      expect(expected.some((f) => f.receivedOn < before && f.stages.every((s) => !s.respondedOn || s.respondedOn < before))).toBe(true);
      expect(facts.length).toBe(expected.length);
      expect(canonical(facts)).toEqual(canonical(expected));
    }
  });
});

describe("the report's query plans", () => {
  /** The plan's lines, e.g. "SEARCH r USING COVERING INDEX representations_report_idx (received_on>? AND received_on<?)". */
  function plan(query: SQL): string[] {
    const { sql, params } = new SQLiteSyncDialect().sqlToQuery(query);
    return (client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail);
  }

  it("reads cases from the covering index (never their wide rows by a scan) and stages through their indexes", () => {
    const q = reportFactQueries(2024);
    const late = (client.prepare("select id from representations where received_on < '2019-04-01' limit 3").all() as Array<{ id: number }>).map((r) => r.id);
    const plans = [q.received, q.stageCases, q.late(late), q.stages(late), q.sought(late)].map(plan);
    // No table is read from end to end: representations and stages only through an index.
    for (const lines of plans) expect(lines.filter((l) => /^SCAN (r|s|c|representations|stages|case_codes)\b/.test(l))).toEqual([]);
    const [received, stageCases, lateCases, stages, sought] = plans as [string[], string[], string[], string[], string[]];
    expect(received).toEqual([expect.stringContaining("COVERING INDEX representations_report_idx (received_on>? AND received_on<?)")]);
    expect(stageCases.filter((l) => l.includes("stages")).every((l) => /COVERING INDEX stages_(responded|started)_on_idx/.test(l))).toBe(true);
    expect(lateCases.some((l) => l.includes("INTEGER PRIMARY KEY"))).toBe(true);
    for (const lines of [stages, sought]) expect(lines.some((l) => l.includes("COVERING INDEX representations_report_idx"))).toBe(true);
  });

  it("reads issue 10's records through the ids of the stages already read, and referrals from their own index (decision 050)", () => {
    const stageIds = (client.prepare("select id from stages where responded_on is not null limit 5").all() as Array<{ id: number }>).map((r) => r.id);
    const q = outcomeFactQueries(reportFactQueries(2024).range, stageIds);
    const plans = [q.stages, q.outcomes, q.points, q.costs, q.referred].map(plan);
    for (const lines of plans) expect(lines.filter((l) => /^SCAN (stages|stage_codes|stage_points|stage_people|representations|c|v)\b/.test(l))).toEqual([]);
    expect(plans[0]!.some((l) => l.includes("INTEGER PRIMARY KEY"))).toBe(true);
    expect(plans[4]).toEqual([expect.stringContaining("representations_advocacy_idx")]);
  });
});

describe("the annual report in the read pool's report queue", () => {
  it("counts the same report in its worker thread, with its own connection, as counted afresh in process", async () => {
    const year = Number((client.prepare("select max(received_on) as d from representations").get() as { d: string }).d.slice(0, 4)) - 1;
    const inProcess = annualReportAfresh(db, year);
    expect(inProcess.find((t) => t.id === "received")?.rows.at(-1)?.values[0]).toBeGreaterThan(0);
    client.exec("delete from report_kept_counts");
    expect(await annualReportOffThread(db, year)).toEqual(inProcess);
    // The worker's connection is read-only: the server's thread kept the closed years it counted (decision 050)…
    const kept = (client.prepare("select year from report_kept_counts").all() as Array<{ year: number }>).map((r) => r.year);
    expect(kept.length).toBeGreaterThan(0);
    // …and the next report reads them.
    expect(await annualReportOffThread(db, year)).toEqual(inProcess);
    // One table, and a second report from the same (already running) worker.
    expect(await annualReportOffThread(db, year - 1, "timescales")).toEqual(annualReportAfresh(db, year - 1, "timescales"));
  }, 60_000);

  it("refuses a database that is not a file (the worker could not open it)", async () => {
    const memory = openDatabase(":memory:");
    await expect(offThread(memory, "countReport", 2024)).rejects.toThrow(/database file/);
  });
});
