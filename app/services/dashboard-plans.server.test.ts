import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateRepresentations } from "../../scripts/generate-representations";
import { londonDate } from "../domain/calendar";
import type { Viewer } from "../domain/casework";
import { deadlineHorizon } from "../domain/deadlines";
import { managersDashboard } from "./dashboard.server";
import { openDatabase, type Db } from "./db.server";
import { runningDeadlinesQuery } from "./deadlines.server";

// Both dashboards stay fast at a million cases only while no query walks the cases (decision
// record 051): the deadlines dashboard reads the cases with a deadline from two small indexes, and
// the managers' dashboard reads kept counts and running stages, never a representation.
// A small generated database (with ANALYZE, as the generator leaves it) shows the plans SQLite
// chooses; `npm run bench` times them at a million.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-dashboard-plans-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let db: Db;
let client: Database.Database;
const today = londonDate(new Date());

beforeAll(async () => {
  const file = path.join(dir, "plans.sqlite");
  await generateRepresentations({ count: 3_000, file, demo: false });
  db = openDatabase(file);
  client = (db as unknown as { $client: Database.Database }).$client;
}, 120_000);

const explain = (sql: string, params: unknown[]) => (client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail);
const fullScan = (line: string) => /^SCAN (representations|stages|current_stage|stage_people|equality_responses)( AS \w+)?$/.test(line);

describe("the dashboards' query plans", () => {
  it("read the deadlines dashboard's rows in order from its two covering indexes, for each scope", () => {
    const id = (email: string) => (client.prepare("SELECT id FROM staff_users WHERE email = ?").get(email) as { id: number }).id;
    const viewers: Array<Viewer | "all"> = [
      "all",
      { id: 0, role: "complaints-officer", teamIds: [] },
      { id: id("manager.2.0@generated.invalid"), role: "team-manager", teamIds: [2] },
      { id: id("investigator.0@generated.invalid"), role: "investigator", teamIds: [] },
    ];
    for (const viewer of viewers) {
      const { sql, params } = runningDeadlinesQuery(db, viewer, deadlineHorizon(today)).toSQL();
      const lines = explain(sql, params);
      const where = `${typeof viewer === "string" ? viewer : viewer.role}: ${lines.join(" / ")}`;
      expect(lines.filter(fullScan), where).toEqual([]);
      expect(lines.some((l) => l.includes("USING COVERING INDEX representations_deadlines_idx")), where).toBe(true);
      expect(lines.some((l) => l.includes("USING COVERING INDEX stages_running_idx")), where).toBe(true);
      // Rows come out in the dashboard's order (next deadline, then reference): nothing is sorted.
      expect(lines.filter((l) => l.includes("TEMP B-TREE")), where).toEqual([]);
    }
  });

  it("give the managers' dashboard every count without reading a case", () => {
    // Every statement the dashboard runs, with its values, as it runs them.
    const ran: Array<{ sql: string; params: unknown[] }> = [];
    const prepare = client.prepare.bind(client);
    client.prepare = ((source: string) => {
      const statement = prepare(source);
      return new Proxy(statement, {
        get(target, key) {
          const value = Reflect.get(target, key, target) as unknown;
          if (typeof value !== "function" || !["all", "get", "iterate", "raw", "values"].includes(String(key))) return typeof value === "function" ? value.bind(target) : value;
          return (...params: unknown[]) => {
            if (key !== "raw") ran.push({ sql: source, params });
            return (value as (...args: unknown[]) => unknown).apply(target, params);
          };
        },
      });
    }) as typeof client.prepare;
    try {
      managersDashboard(db, today);
    } finally {
      client.prepare = prepare;
    }
    expect(ran.length).toBeGreaterThanOrEqual(5);
    for (const { sql, params } of ran) {
      const lines = explain(sql, params.flat());
      expect(lines.filter(fullScan), `${sql}: ${lines.join(" / ")}`).toEqual([]);
      // Not the cases' table, nor any of its indexes: the work does not grow with the cases.
      expect(lines.filter((l) => /\brepresentations/.test(l)), `${sql}: ${lines.join(" / ")}`).toEqual([]);
      expect(sql).not.toMatch(/\brepresentations\b/);
    }
  });
});
