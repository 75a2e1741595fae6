import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, caseEntries, representations } from "../../db/schema";
import { acceptedComplaint, staffOf } from "../../test/cases";
import { createTestDb } from "../../test/db";
import type { Actor } from "./case.server";
import type { Db } from "./db.server";
import { respondToStage } from "./stage-actions.server";
import { correctStageDates, stageDatesForm } from "./stage-dates.server";
import { currentStage } from "./stages.server";

// Monday 23 November 2026, 10:15 in London.
const NOW = new Date("2026-11-23T10:15:00Z");
const TODAY = "2026-11-23";
function accepted(db: Db, officer: Actor, process: "statutory" | "corporate" = "statutory") {
  return acceptedComplaint(db, officer, { now: NOW, process });
}

const rowOf = (db: Db, id: number) => db.select().from(representations).where(eq(representations.id, id)).get()!;

describe("correcting the date a stage's clock starts from", () => {
  it("moves statutory Stage 1's deadlines with it, keeps the reason on the timeline and the dates only in the audit", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = accepted(db, officer);
    // Received Mon 23 Nov: due Mon 7 Dec, at most Mon 21 Dec.
    expect(currentStage(db, c.id)).toMatchObject({ startedOn: TODAY, dueOn: "2026-12-07", latestOn: "2026-12-21", nextDueOn: "2026-12-07" });
    expect(stageDatesForm(db, officer, rowOf(db, c.id), NOW)).toEqual({ kind: "statutory-stage1", fields: ["startedOn"], startedOn: TODAY, acknowledgedOn: null });

    // The letter arrived on Tuesday 17 November: 10 working days later is Tue 1 Dec, 20 is Tue 15 Dec.
    expect(correctStageDates(db, officer, c.reference, { startedOn: "2026-11-17", reason: "Letter found in the post room, dated 17th" }, NOW)).toEqual({ ok: true });
    expect(currentStage(db, c.id)).toMatchObject({ startedOn: "2026-11-17", dueOn: "2026-12-01", latestOn: "2026-12-15", nextDueOn: "2026-12-01" });

    const entry = db.select().from(caseEntries).where(and(eq(caseEntries.representationId, c.id), eq(caseEntries.kind, "stage-dates-corrected"))).get();
    expect(entry).toMatchObject({ body: "Letter found in the post room, dated 17th", details: { startedOn: "2026-11-17", acknowledgedOn: null } });
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "case.stage-dates-corrected")).get();
    expect(JSON.stringify(audit?.details)).toContain('"startedOn":"2026-11-17"');
    expect(JSON.stringify(audit?.details)).toContain('"dueOn":"2026-12-01"');
    expect(JSON.stringify(audit?.details)).not.toContain("post room");
  });

  it("counts a corporate reply from the corrected acknowledgement", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = accepted(db, officer, "corporate");
    expect(stageDatesForm(db, officer, rowOf(db, c.id), NOW)?.fields).toEqual(["startedOn", "acknowledgedOn"]);
    // Acknowledged Thu 19 Nov: the Complaint Handling Code's 10 working days give Thu 3 Dec.
    expect(correctStageDates(db, officer, c.reference, { startedOn: "2026-11-18", acknowledgedOn: "2026-11-19", reason: "Acknowledged by phone" }, NOW)).toEqual({ ok: true });
    expect(currentStage(db, c.id)).toMatchObject({ startedOn: "2026-11-18", acknowledgedOn: "2026-11-19", dueOn: "2026-12-03" });
  });

  it("refuses impossible dates, and anyone but the complaints team", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const teamManager = staffOf(db, "team-manager");
    const c = accepted(db, officer, "corporate");
    const before = currentStage(db, c.id);
    expect(correctStageDates(db, officer, c.reference, { startedOn: "2026-11-24", reason: "x" }, NOW)).toEqual({ ok: false, error: "started-in-future" });
    expect(correctStageDates(db, officer, c.reference, { startedOn: "2026-11-18", acknowledgedOn: "2026-11-17", reason: "x" }, NOW)).toEqual({ ok: false, error: "acknowledged-before-start" });
    expect(correctStageDates(db, officer, c.reference, { startedOn: "2026-11-18", reason: " " }, NOW)).toEqual({ ok: false, error: "reason-required" });
    // A team manager cannot see another team's case at all; the move is refused either way.
    expect(correctStageDates(db, teamManager, c.reference, { startedOn: "2026-11-18", reason: "x" }, NOW).ok).toBe(false);
    expect(currentStage(db, c.id)).toEqual(before);
  });

  it("refuses a start after the stage's own response, and is still offered once responded", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = accepted(db, officer);
    const LATER = new Date("2026-11-26T10:00:00Z");
    expect(respondToStage(db, officer, c.reference, { finding: "upheld", subject: "Our reply", body: "We found…" }, new Date("2026-11-25T10:00:00Z")).ok).toBe(true);
    expect(stageDatesForm(db, officer, rowOf(db, c.id), LATER)).not.toBeNull();
    expect(correctStageDates(db, officer, c.reference, { startedOn: "2026-11-26", reason: "x" }, LATER)).toEqual({ ok: false, error: "started-after-response" });
    expect(correctStageDates(db, officer, c.reference, { startedOn: "2026-11-20", reason: "Received on Friday" }, LATER)).toEqual({ ok: true });
    expect(currentStage(db, c.id)).toMatchObject({ state: "responded", startedOn: "2026-11-20", nextDueOn: null });
  });
});
