import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateRepresentations } from "../../scripts/generate-representations";
import { addWorkingDays, londonDate } from "../domain/calendar";
import { inboxSorts, type Viewer } from "../domain/casework";
import { deadlineHorizon } from "../domain/deadlines";
import { createTestDb } from "../../test/db";
import { openDatabase, type Db } from "./db.server";
import { runningDeadlinesQuery } from "./deadlines.server";
import { getRetentionSettings, planRetention, retentionCandidatesQuery } from "./retention.server";
import { COUNT_LIMIT, countsByStatus, countsByStatusQueries, INBOX_PAGE_SIZE, inboxQueries, listRepresentations, type InboxFilters } from "./representations.server";

// The inbox at a million cases stays fast only while every query is answered by an index
// (decision record 038). A small generated database (with ANALYZE, as the generator leaves it)
// is enough to see the plans SQLite chooses; `npm run bench` times them at a million.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-plans-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let db: Db;
let client: Database.Database;
const today = londonDate(new Date());
const viewers: Record<string, Viewer> = {};

beforeAll(async () => {
  const file = path.join(dir, "plans.sqlite");
  await generateRepresentations({ count: 4_000, file, demo: false });
  db = openDatabase(file);
  client = (db as unknown as { $client: Database.Database }).$client;
  const id = (email: string) => (client.prepare("SELECT id FROM staff_users WHERE email = ?").get(email) as { id: number }).id;
  const manager = id("manager.2.0@generated.invalid");
  viewers.officer = { id: 0, role: "complaints-officer", teamIds: [] };
  viewers.teamManager = { id: manager, role: "team-manager", teamIds: [2] };
  viewers.investigator = { id: id("investigator.0@generated.invalid"), role: "investigator", teamIds: [] };
}, 120_000);

/** The plan's lines, e.g. "SEARCH representations USING INDEX representations_inbox_team_id_idx (team_id=?)". */
function plan(query: { toSQL(): { sql: string; params: unknown[] } }): string[] {
  const { sql, params } = query.toSQL();
  return (client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail);
}

/** A full table scan: "SCAN representations" with no index after it (a virtual table's own index is fine). */
const fullScan = (line: string) => /^SCAN (representations|stages|current_stage|stage_people)( AS \w+)?$/.test(line);

const nameInData = () => (client.prepare("SELECT person_name AS name FROM representations WHERE id >= 1000 AND person_name <> '' ORDER BY id").get() as { name: string }).name;
const referenceInData = () => (client.prepare("SELECT reference FROM representations WHERE id = 2000").get() as { reference: string }).reference;

const filterCases = (): Array<[string, InboxFilters]> => [
  ["no filter", {}],
  ["page 10", { page: 10 }],
  ...inboxSorts.map((sort): [string, InboxFilters] => [`sorted by ${sort}`, { sort }]),
  ["status", { status: "open" }],
  ["kind", { kind: "comment" }],
  ["process", { process: "corporate" }],
  ["stage", { stage: "statutory-stage2" }],
  ["team", { teamId: 3 }],
  ["responding manager", { assigneeId: 5 }],
  ["young person", { youngPerson: true }],
  ["safeguarding", { safeguarding: true }],
  ["overdue", { overdue: true }],
  ["due within 5 working days", { dueWithin: 5 }],
  ["a common surname", { q: nameInData().split(" ")[1] }],
  ["a whole name", { q: nameInData() }],
  ["a reference", { q: referenceInData() }],
  ["the start of a reference", { q: "SU" }],
];

describe("the inbox's query plans", () => {
  it("are read from a database with the migrations' own indexes and triggers (the generator rebuilds those it defers)", async () => {
    const schemaOf = (c: Database.Database) => c.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY name").all();
    const fresh = await createTestDb();
    expect(schemaOf(client)).toEqual(schemaOf((fresh as unknown as { $client: Database.Database }).$client));
  });

  it("find every filter, sort, search and page through an index, for each scope", () => {
    for (const [scope, viewer] of Object.entries(viewers)) {
      for (const [name, filters] of filterCases()) {
        const { list, count } = inboxQueries(db, viewer, filters, today);
        for (const [which, query] of [["list", list], ["count", count]] as const) {
          const lines = plan(query);
          expect(lines.filter(fullScan), `${scope}, ${name}, ${which}: ${lines.join(" / ")}`).toEqual([]);
          expect(lines.some((l) => /USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY|VIRTUAL TABLE/.test(l)), `${scope}, ${name}, ${which}`).toBe(true);
        }
      }
    }
  });

  it("give each sort and each filter its order from an index, without sorting the matches", () => {
    // Searches are left out: a rare name's few matches are sorted by design (see searchCondition).
    const ordered = filterCases().filter(([, f]) => !f.q && !f.overdue && f.dueWithin === undefined);
    for (const [name, filters] of ordered) {
      const lines = plan(inboxQueries(db, viewers.officer as Viewer, filters, today).list);
      expect(lines.filter((l) => l.includes("TEMP B-TREE")), `${name}: ${lines.join(" / ")}`).toEqual([]);
    }
  });

  it("count by status through an index, and find the dashboard's deadlines through the stored next deadline", () => {
    for (const viewer of Object.values(viewers)) {
      for (const { query } of countsByStatusQueries(db, viewer)) expect(plan(query).filter(fullScan)).toEqual([]);
      const lines = plan(runningDeadlinesQuery(db, viewer, deadlineHorizon(today)));
      expect(lines.filter(fullScan), lines.join(" / ")).toEqual([]);
    }
    expect(plan(runningDeadlinesQuery(db, "all", addWorkingDays(today, 3))).some((l) => l.includes("representations_deadlines_idx"))).toBe(true);
  });
});

describe("the inbox's counts", () => {
  it("stop past COUNT_LIMIT and say so, and stay exact below it", async () => {
    const small = await createTestDb();
    const c = (small as unknown as { $client: Database.Database }).$client;
    // COUNT_LIMIT + 5 new cases, two of them from young people.
    c.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO representations (reference, kind, method_received, received_at, received_on, person_name, person_relationship, answers)
       SELECT printf('SU-TEST-%05d', i), 'complaint', 'E-form', i, '2026-01-01', 'Someone', CASE WHEN i <= 2 THEN 'young-person' ELSE 'parent' END, '{}' FROM n`,
    ).run(COUNT_LIMIT + 5);
    const officer = { id: 0, role: "complaints-officer", teamIds: [] };
    const all = listRepresentations(small, officer, {}, today);
    expect([all.total, all.totalIsMore, all.pageCount]).toEqual([COUNT_LIMIT, true, COUNT_LIMIT / INBOX_PAGE_SIZE]);
    expect(countsByStatus(small, officer)).toEqual({ new: COUNT_LIMIT + 1 });
    const young = listRepresentations(small, officer, { youngPerson: true }, today);
    expect([young.total, young.totalIsMore, young.rows.map((r) => r.reference)]).toEqual([2, false, ["SU-TEST-00002", "SU-TEST-00001"]]);
  });
});

it("generates a database as the daily retention run leaves it, so a server started on it has nothing to take", () => {
  expect(planRetention(db).cases).toEqual([]);
  // Complaints past their period are there, anonymised; compliments and comments past theirs are not.
  expect(client.prepare("SELECT count(*) AS n FROM representations WHERE anonymised_at IS NOT NULL AND kind = 'complaint'").get()).not.toEqual({ n: 0 });
  expect(client.prepare("SELECT count(*) AS n FROM representations WHERE anonymised_at IS NOT NULL AND kind <> 'complaint'").get()).toEqual({ n: 0 });
});

it("finds the retention run's candidates by their own index, not by reading every closed case", () => {
  const lines = plan(retentionCandidatesQuery(db, getRetentionSettings(db), today));
  expect(lines.some(fullScan), lines.join("\n")).toBe(false);
  expect(lines.join("\n")).toContain("representations_retention_idx");
});
