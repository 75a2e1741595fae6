import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateRepresentations } from "../../scripts/generate-representations";
import { acceptedComplaint, staffOf } from "../../test/cases";
import { londonDate } from "../domain/calendar";
import type { Viewer } from "../domain/casework";
import { deadlineHorizon } from "../domain/deadlines";
import { staffTeamIds } from "./auth.server";
import { managersDashboard } from "./dashboard.server";
import { openDatabase, type Db } from "./db.server";
import { runningDeadlines } from "./deadlines.server";
import { offThread, stopReadPools } from "./read-pool.server";
import { readTasks, runReadTask, toPlain } from "./read-tasks.server";
import { countsByStatus, listRepresentations, type InboxFilters } from "./representations.server";

// The back office's reads in the pool's worker threads (decision 052) must give what they give in
// process, on a real file with a few thousand generated cases; the report's own comparison is in
// report.server.test.ts.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-read-pool-"));
let db: Db;
let client: Database.Database;
let officer: Viewer;
let teamManager: Viewer;
const today = londonDate(new Date());

beforeAll(async () => {
  const file = path.join(dir, "reads.sqlite");
  await generateRepresentations({ count: 1_500, file, demo: true });
  db = openDatabase(file);
  client = (db as unknown as { $client: Database.Database }).$client;
  const idOf = (email: string) => (client.prepare("select id from staff_users where email = ?").get(email) as { id: number }).id;
  const teamIds = staffTeamIds(db, idOf("team.manager@northshire.example"));
  expect(teamIds.length).toBeGreaterThan(0);
  officer = { id: idOf("officer@northshire.example"), role: "complaints-officer", teamIds: [] };
  teamManager = { id: idOf("team.manager@northshire.example"), role: "team-manager", teamIds };
}, 60_000);

afterAll(async () => {
  await stopReadPools();
  client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("reads off the request thread", () => {
  it("give the inbox, its counts and both dashboards as they are in process, dates as strings", async () => {
    const name = (client.prepare("select person_name as n from representations where id = 77").get() as { n: string }).n;
    const cases: Array<[Viewer, InboxFilters]> = [
      [officer, {}],
      [officer, { sort: "received-newest", page: 3 }],
      [officer, { q: name.split(" ")[1] }],
      [officer, { status: "open", overdue: true }],
      [teamManager, {}],
    ];
    for (const [viewer, filters] of cases) {
      const inProcess = listRepresentations(db, viewer, filters, today);
      expect(inProcess.rows.length).toBeGreaterThan(0);
      const off = await offThread(db, "listRepresentations", viewer, filters, today);
      expect(off).toEqual(toPlain(inProcess));
      expect(off.rows[0]?.receivedAt).toBe(inProcess.rows[0]?.receivedAt.toISOString());
    }
    for (const viewer of [officer, teamManager]) {
      expect(await offThread(db, "countsByStatus", viewer)).toEqual(countsByStatus(db, viewer));
      const deadlines = runningDeadlines(db, viewer, deadlineHorizon(today));
      expect(deadlines.length).toBeGreaterThan(0);
      expect(await offThread(db, "runningDeadlines", viewer, deadlineHorizon(today))).toEqual(deadlines);
    }
    const dashboard = managersDashboard(db, today);
    expect(dashboard.openTotal).toBeGreaterThan(0);
    expect(await offThread(db, "managersDashboard", today)).toEqual(dashboard);
  }, 60_000);

  it("see a case committed by the server's connection after the worker opened its own", async () => {
    const newest = { sort: "received-newest" as const };
    const before = await offThread(db, "listRepresentations", officer, newest, today);
    const countsBefore = await offThread(db, "countsByStatus", officer);
    const made = acceptedComplaint(db, staffOf(db, "complaints-officer", { email: "pool@northshire.example" }), { now: new Date() });
    const after = await offThread(db, "listRepresentations", officer, newest, today);
    expect(before.rows.map((r) => r.reference)).not.toContain(made.reference);
    // Newest first (after any case pinned for safeguarding).
    expect(after.rows.slice(0, 5).map((r) => r.reference)).toContain(made.reference);
    expect(await offThread(db, "countsByStatus", officer)).toEqual({ ...countsBefore, open: (countsBefore.open ?? 0) + 1 });
  }, 30_000);

  it("turn an error in the worker into a rejected promise, and keep serving after it", async () => {
    // A viewer that is not one: the inbox's scope reads its role in the worker and throws there.
    await expect(offThread(db, "countsByStatus", null as unknown as Viewer)).rejects.toThrow(/role/);
    // A task that is not on the allow-list is refused, whatever the caller's types say (and in the worker too, below).
    await expect(offThread(db, "dropEverything" as "countsByStatus", officer)).rejects.toThrow(/Not allowed off the request thread: dropEverything/);
    expect(await offThread(db, "countsByStatus", officer)).toEqual(countsByStatus(db, officer));
  }, 30_000);

  it("refuse a database that is not a file, and results that are not plain data", async () => {
    await expect(offThread(openDatabase(":memory:"), "countsByStatus", officer)).rejects.toThrow(/database file/);
    expect(() => toPlain({ months: new Map([["2025-04", 1]]) })).toThrow(/Not plain data: Map/);
    expect(() => runReadTask(db, { task: "toString", args: [] })).toThrow(/Not allowed/);
    expect(Object.keys(readTasks).sort()).toEqual(["countReport", "countsByStatus", "listRepresentations", "managersDashboard", "runningDeadlines"]);
  });
});
