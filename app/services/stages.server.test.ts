import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { representations, stages, staffUsers } from "../../db/schema";
import { createTestDb } from "../../test/db";
import { closeFeedback, passOnCompliment } from "./case-assignment.server";
import { acceptRepresentation, saveTriage } from "./case-triage.server";
import { findCaseFor, type Actor } from "./case.server";
import { createRepresentation } from "./create-representation.server";
import type { Db } from "./db.server";
import { listRepresentations } from "./representations.server";
import { clockSettings, defaultTimescales, updateTimescales } from "./settings.server";
import { currentStage, openStage, stagesOf } from "./stages.server";

// Monday 23 November 2026, 10:15 in London; no bank holidays until Christmas.
const NOW = new Date("2026-11-23T10:15:00Z");
const TODAY = "2026-11-23";
const ELIGIBLE = { receivedFrom: "Parent", childStatus: ["in-need" as const], withinTwelveMonths: "yes" as const, exclusions: ["none" as const] };
const CORPORATE = { ...ELIGIBLE, childStatus: ["none" as const] };

function officerOf(db: Db): Actor {
  const user = db.insert(staffUsers).values({ email: "officer@northshire.example", name: "Olive Officer", role: "complaints-officer", passwordHash: "x" }).returning().get();
  return { id: user.id, role: "complaints-officer" };
}

function received(db: Db, kind: "complaint" | "compliment" | "comment" = "complaint", receivedOn = TODAY) {
  return createRepresentation(db, {
    kind,
    methodReceived: "Telephone",
    receivedAt: new Date(`${receivedOn}T10:00:00Z`),
    receivedOn,
    personName: "Pat Person",
    personRelationship: "parent",
    answers: {},
  });
}

function decide(db: Db, actor: Actor, reference: string, decision: "statutory-stage1" | "early-resolution" | "case-concern" | "corporate", now: Date) {
  saveTriage(db, actor, reference, { representationType: "Complaint", process: decision === "corporate" ? "corporate" : "statutory", eligibility: decision === "corporate" ? CORPORATE : ELIGIBLE });
  expect(acceptRepresentation(db, actor, reference, { decision, personAgreed: true }, now)).toEqual({ ok: true });
}

describe("the triage decision opens the first stage", () => {
  it("gives each decision its stage and its clock", async () => {
    const db = await createTestDb();
    const officer = officerOf(db);
    // Decided on Wednesday 25 November.
    const decided = new Date("2026-11-25T11:00:00Z");
    const cases = (["statutory-stage1", "early-resolution", "case-concern", "corporate"] as const).map((decision) => {
      const c = received(db);
      decide(db, officer, c.reference, decision, decided);
      return stagesOf(db, c.id);
    });
    expect(cases).toMatchObject([
      // 10 working days from receipt (Mon 23 Nov): Mon 7 Dec; 20 at most: Mon 21 Dec.
      [{ sequence: 1, kind: "statutory-stage1", state: "open", startedOn: TODAY, dueOn: "2026-12-07", latestOn: "2026-12-21", nextDueOn: "2026-12-07" }],
      // 3 working days from being passed on (Wed 25): Mon 30 Nov.
      [{ sequence: 1, kind: "early-resolution", startedOn: "2026-11-25", dueOn: "2026-11-30", nextDueOn: "2026-11-30" }],
      // Action the same working day.
      [{ sequence: 1, kind: "case-concern", startedOn: "2026-11-25", dueOn: "2026-11-25", nextDueOn: "2026-11-25" }],
      // Acknowledged on the decision (Wed 25, within 5 of receipt), so the reply is 10 from it: Wed 9 Dec (+10: Wed 23 Dec).
      [{ sequence: 1, kind: "corporate-stage1", startedOn: TODAY, acknowledgedOn: "2026-11-25", dueOn: "2026-12-09", latestOn: "2026-12-23", nextDueOn: "2026-12-09" }],
    ]);
  });

  it("counts a corporate case opened after the timescales change by the new numbers, and leaves earlier cases as they were", async () => {
    const db = await createTestDb();
    const officer = officerOf(db);
    const before = received(db);
    decide(db, officer, before.reference, "corporate", NOW);
    expect(currentStage(db, before.id)).toMatchObject({ dueOn: "2026-12-07", latestOn: "2026-12-21" });

    updateTimescales(db, { actorId: officer.id, values: { ...defaultTimescales, corporateStage1RespondWithin: 15, corporateStage1MaximumExtension: 5 } });
    expect(clockSettings(db).corporate.stage1).toMatchObject({ respondWithin: 15, maximumExtension: 5, respondFrom: "acknowledgement" });

    const after = received(db);
    decide(db, officer, after.reference, "corporate", NOW);
    // 15 working days from the acknowledgement (Mon 23 Nov): Mon 14 Dec; +5 at most: Mon 21 Dec.
    expect(currentStage(db, after.id)).toMatchObject({ kind: "corporate-stage1", dueOn: "2026-12-14", latestOn: "2026-12-21", nextDueOn: "2026-12-14" });
    expect(currentStage(db, before.id)).toMatchObject({ dueOn: "2026-12-07", latestOn: "2026-12-21" });
  });

  it("reads which dates start the clocks from the settings (Stage 2: the request by default), and applies them to cases decided afterwards", async () => {
    const db = await createTestDb();
    expect(clockSettings(db).stage2ClockFrom).toBe("request");
    const officer = officerOf(db);
    updateTimescales(db, { actorId: officer.id, values: defaultTimescales, clock: { stage2ClockFrom: "statement", corporateRespondFrom: "receipt" } });
    expect(clockSettings(db).stage2ClockFrom).toBe("statement");
    // Saving the numbers alone keeps the choices.
    updateTimescales(db, { actorId: officer.id, values: defaultTimescales });
    expect(clockSettings(db)).toMatchObject({ stage2ClockFrom: "statement", corporate: { stage1: { respondFrom: "receipt" }, stage2: { respondFrom: "receipt" } } });
    // A corporate reply counted from receipt (Mon 23 Nov), though acknowledged on Wed 25: Mon 7 Dec.
    const c = received(db);
    decide(db, officer, c.reference, "corporate", new Date("2026-11-25T11:00:00Z"));
    expect(currentStage(db, c.id)).toMatchObject({ acknowledgedOn: "2026-11-25", dueOn: "2026-12-07" });
  });
});

describe("the inbox reads the current stage", () => {
  it("shows and sorts by each kind of stage's next deadline, with ended stages last", async () => {
    const db = await createTestDb();
    const officer = officerOf(db);
    const viewer = { id: officer.id, role: officer.role, teamIds: [] };
    const stage1 = received(db); // due Mon 7 Dec
    const concern = received(db);
    decide(db, officer, concern.reference, "case-concern", NOW); // due today
    const stage2 = received(db, "complaint", "2026-10-01");
    db.update(stages).set({ state: "escalated", nextDueOn: null }).where(eq(stages.representationId, stage2.id)).run();
    // Asked for on Mon 16 Nov: the statement is due within 10 working days (Mon 30 Nov), before the response (Mon 21 Dec).
    openStage(db, { representationId: stage2.id, kind: "statutory-stage2", startedOn: "2026-11-16", requestedOn: "2026-11-16" });
    const comment = received(db, "comment");
    const closed = received(db);
    db.update(stages).set({ state: "closed", nextDueOn: null }).where(eq(stages.representationId, closed.id)).run();

    const rows = listRepresentations(db, viewer, {}, TODAY).rows;
    const byRef = new Map(rows.map((r) => [r.reference, r]));
    expect(byRef.get(stage2.reference)).toMatchObject({ stageKind: "statutory-stage2", stageState: "open", dueOn: "2026-11-30" });
    expect(byRef.get(concern.reference)).toMatchObject({ stageKind: "case-concern", dueOn: TODAY });
    expect(byRef.get(closed.reference)).toMatchObject({ stageKind: "statutory-stage1", stageState: "closed", dueOn: null });
    expect(byRef.get(comment.reference)).toMatchObject({ stageKind: null, dueOn: null });
    // Soonest first; cases with no running deadline after, newest first.
    expect(rows.map((r) => r.reference).slice(0, 3)).toEqual([concern.reference, stage2.reference, stage1.reference]);
    expect(listRepresentations(db, viewer, { stage: "statutory-stage2" }, TODAY).rows.map((r) => r.reference)).toEqual([stage2.reference]);
    expect(listRepresentations(db, viewer, { dueWithin: 5 }, TODAY).rows.map((r) => r.reference)).toEqual([concern.reference, stage2.reference]);
    expect(listRepresentations(db, viewer, { overdue: true }, "2026-12-01").rows.map((r) => r.reference)).toEqual([concern.reference, stage2.reference]);

    // The sort and the filters use the index on the next deadline, not a sort of every row.
    const plan = db.$client
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM stages WHERE next_due_on <= ? ORDER BY next_due_on")
      .all("2026-12-01")
      .map((r) => (r as { detail: string }).detail)
      .join("\n");
    expect(plan).toMatch(/USING (COVERING )?INDEX stages_next_due_idx/);
  });
});

describe("compliments and comments have an end", () => {
  it("closes a comment, once, and counts retention from then", async () => {
    const db = await createTestDb();
    const officer = officerOf(db);
    const c = received(db, "comment");
    expect(findCaseFor(db, officer, c.reference)).toMatchObject({ status: "new", closedAt: null });
    expect(closeFeedback(db, { id: officer.id, role: "team-manager" }, c.reference, NOW)).toEqual({ ok: false, error: "not-found" });
    expect(closeFeedback(db, officer, c.reference, NOW)).toEqual({ ok: true });
    expect(findCaseFor(db, officer, c.reference)).toMatchObject({ status: "closed", closedAt: NOW });
    expect(closeFeedback(db, officer, c.reference, NOW)).toEqual({ ok: false, error: "wrong-state" });
    const complaint = received(db);
    expect(closeFeedback(db, officer, complaint.reference, NOW)).toEqual({ ok: false, error: "not-feedback" });
    // A compliment the person did not agree to share can be closed too.
    const compliment = received(db, "compliment");
    expect(passOnCompliment(db, officer, compliment.reference, { publicUrl: "http://localhost", now: NOW })).toMatchObject({ ok: false });
    expect(closeFeedback(db, officer, compliment.reference, NOW)).toEqual({ ok: true });
    expect(db.select().from(representations).where(eq(representations.id, compliment.id)).get()).toMatchObject({ status: "closed" });
  });
});
