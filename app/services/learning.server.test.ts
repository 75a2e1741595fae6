import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, learningActions, staffTeamMembers, teams } from "../../db/schema";
import { acceptedComplaint, staffOf } from "../../test/cases";
import { createTestDb } from "../../test/db";
import { createRepresentation } from "./create-representation.server";
import { learningActionFor, listLearningActions, moveLearningAction, overdueLearningActions, publishedImprovements, raiseLearningAction } from "./learning.server";
import { currentStage } from "./stages.server";

// Monday 23 November 2026 in London.
const NOW = new Date("2026-11-23T10:15:00Z");
const LATER = new Date("2026-12-10T10:15:00Z");

async function setUp() {
  const db = await createTestDb();
  const officer = staffOf(db, "complaints-officer");
  const [ours, theirs] = db.select().from(teams).limit(2).all();
  const manager = staffOf(db, "team-manager", { email: "ours@northshire.example", name: "Olu Ours" });
  db.insert(staffTeamMembers).values({ staffUserId: manager.id, teamId: ours!.id }).run();
  const other = staffOf(db, "team-manager", { email: "theirs@northshire.example" });
  db.insert(staffTeamMembers).values({ staffUserId: other.id, teamId: theirs!.id }).run();
  const c = acceptedComplaint(db, officer, { now: NOW });
  return { db, officer, manager, other, ours: ours!, theirs: theirs!, c };
}

describe("raising a learning action", () => {
  it("records it agreed at the case's current stage, with its team, owner and due day; the audit keeps no words", async () => {
    const { db, officer, manager, ours, c } = await setUp();
    const raised = raiseLearningAction(db, officer, c.reference, { change: "Tell young people secret-words when their worker changes", teamId: ours.id, ownerId: manager.id, dueOn: "2026-12-04" }, NOW);
    expect(raised.ok).toBe(true);
    const row = db.select().from(learningActions).get()!;
    expect(row).toMatchObject({ representationId: c.id, stageId: currentStage(db, c.id)!.id, teamId: ours.id, ownerId: manager.id, dueOn: "2026-12-04", state: "agreed" });
    const entry = db.select().from(auditLog).where(eq(auditLog.action, "case.learning-raised")).get();
    expect(entry?.details).toMatchObject({ after: { learningActionId: row.id, teamId: ours.id, ownerId: manager.id, dueOn: "2026-12-04", state: "agreed" } });
    expect(JSON.stringify(entry?.details)).not.toContain("secret-words");
  });

  it("works on a compliment too (you said, we did), and refuses a retired team, an owner who may not work on actions, and a past due day", async () => {
    const { db, officer, ours, theirs, c } = await setUp();
    const compliment = createRepresentation(db, { kind: "compliment", methodReceived: "Email", receivedAt: NOW, receivedOn: "2026-11-23", personName: "Sam", personRelationship: "parent", personEmail: null, answers: {} });
    const investigator = staffOf(db, "investigator");
    expect(raiseLearningAction(db, officer, compliment.reference, { change: "Share the idea", teamId: ours.id, ownerId: officer.id, dueOn: "2026-12-04" }, NOW).ok).toBe(true);
    expect(raiseLearningAction(db, officer, c.reference, { change: "X", teamId: ours.id, ownerId: investigator.id, dueOn: "2026-12-04" }, NOW)).toEqual({ ok: false, error: "invalid-owner" });
    expect(raiseLearningAction(db, officer, c.reference, { change: "X", teamId: ours.id, ownerId: officer.id, dueOn: "2026-11-20" }, NOW)).toEqual({ ok: false, error: "due-in-past" });
    db.update(teams).set({ retiredAt: NOW }).where(eq(teams.id, theirs.id)).run();
    expect(raiseLearningAction(db, officer, c.reference, { change: "X", teamId: theirs.id, ownerId: officer.id, dueOn: "2026-12-04" }, NOW)).toEqual({ ok: false, error: "invalid-team" });
    expect(db.select().from(learningActions).all()).toHaveLength(1);
  });
});

describe("the register", () => {
  it("shows the complaints team every action and a team manager their teams' only, filtered by team, state and due", async () => {
    const { db, officer, manager, other, ours, theirs, c } = await setUp();
    raiseLearningAction(db, officer, c.reference, { change: "Ours, due soon", teamId: ours.id, ownerId: manager.id, dueOn: "2026-12-04" }, NOW);
    raiseLearningAction(db, officer, c.reference, { change: "Theirs, due later", teamId: theirs.id, ownerId: other.id, dueOn: "2027-03-01" }, NOW);
    expect(listLearningActions(db, officer, {}, NOW).map((a) => a.change)).toEqual(["Ours, due soon", "Theirs, due later"]);
    expect(listLearningActions(db, manager, {}, NOW).map((a) => a.change)).toEqual(["Ours, due soon"]);
    expect(listLearningActions(db, other, {}, NOW).map((a) => a.change)).toEqual(["Theirs, due later"]);
    expect(listLearningActions(db, staffOf(db, "investigator"), {}, NOW)).toEqual([]);
    expect(listLearningActions(db, officer, { teamId: theirs.id }, NOW).map((a) => a.change)).toEqual(["Theirs, due later"]);
    expect(listLearningActions(db, officer, { due: "soon" }, NOW).map((a) => a.change)).toEqual(["Ours, due soon"]);
    // On 10 December the first is overdue: in the register's filter, and for the dashboard and digest.
    expect(listLearningActions(db, officer, { due: "overdue" }, LATER).map((a) => [a.change, a.overdue])).toEqual([["Ours, due soon", true]]);
    expect(overdueLearningActions(db, "all", LATER).map((a) => a.reference)).toEqual([c.reference]);
    expect(overdueLearningActions(db, other, LATER)).toEqual([]);
    expect(listLearningActions(db, officer, { state: "done" }, NOW)).toEqual([]);
  });
});

describe("moving an action on", () => {
  it("starts it, completes it only with evidence (recording the day and the public summary), and audits the move without the words", async () => {
    const { db, officer, manager, ours, c } = await setUp();
    const raised = raiseLearningAction(db, officer, c.reference, { change: "Checklist", teamId: ours.id, ownerId: manager.id, dueOn: "2026-12-04" }, NOW);
    if (!raised.ok) throw new Error("not raised");
    expect(moveLearningAction(db, manager, raised.id, "start", {}, NOW)).toEqual({ ok: true });
    expect(moveLearningAction(db, manager, raised.id, "complete", { evidence: " " }, LATER)).toEqual({ ok: false, error: "evidence-required" });
    expect(moveLearningAction(db, manager, raised.id, "complete", { evidence: "Checklist in use, secret-evidence", publicHeard: "Young people were not told", publicChanged: "We now tell them" }, LATER)).toEqual({ ok: true });
    expect(learningActionFor(db, officer, raised.id, LATER)).toMatchObject({ state: "done", doneOn: "2026-12-10", overdue: false, publicHeard: "Young people were not told", moves: ["reopen"] });
    const moves = db.select().from(auditLog).where(eq(auditLog.entity, "learning_action")).all();
    expect(moves.map((m) => m.action)).toEqual(["learning.start", "learning.complete"]);
    expect(moves[1]?.details).toMatchObject({ before: { state: "in-progress" }, after: { move: "complete", state: "done", doneOn: "2026-12-10", published: true } });
    expect(JSON.stringify(moves)).not.toContain("secret-evidence");
  });

  it("refuses another team's manager, a move the table has not got, and a drop without a reason", async () => {
    const { db, officer, manager, other, ours, c } = await setUp();
    const raised = raiseLearningAction(db, officer, c.reference, { change: "Checklist", teamId: ours.id, ownerId: manager.id, dueOn: "2026-12-04" }, NOW);
    if (!raised.ok) throw new Error("not raised");
    expect(moveLearningAction(db, other, raised.id, "start", {}, NOW)).toEqual({ ok: false, error: "not-found" });
    expect(moveLearningAction(db, manager, raised.id, "reopen", { reason: "x" }, NOW)).toEqual({ ok: false, error: "not-allowed" });
    expect(moveLearningAction(db, manager, raised.id, "drop", {}, NOW)).toEqual({ ok: false, error: "reason-required" });
    expect(moveLearningAction(db, manager, raised.id, "drop", { reason: "The new policy replaces it" }, NOW)).toEqual({ ok: true });
    expect(learningActionFor(db, officer, raised.id, NOW)).toMatchObject({ state: "dropped", reason: "The new policy replaces it" });
  });
});

describe("the public page's entries", () => {
  it("are the done actions with both parts of the public summary, newest first, and nothing else of the action or the case", async () => {
    const { db, officer, manager, ours, c } = await setUp();
    const raise = (change: string) => {
      const r = raiseLearningAction(db, officer, c.reference, { change, teamId: ours.id, ownerId: manager.id, dueOn: "2026-12-04" }, NOW);
      if (!r.ok) throw new Error("not raised");
      return r.id;
    };
    const first = raise("Internal change words");
    const second = raise("Second");
    const unpublished = raise("No summary");
    const open = raise("Still open");
    moveLearningAction(db, officer, first, "complete", { evidence: "Evidence words", publicHeard: "Heard one", publicChanged: "Changed one" }, NOW);
    moveLearningAction(db, officer, second, "complete", { evidence: "E", publicHeard: "Heard two", publicChanged: "Changed two" }, LATER);
    moveLearningAction(db, officer, unpublished, "complete", { evidence: "E", publicHeard: "Only half" }, LATER);
    expect(open).toBeGreaterThan(0);
    const published = publishedImprovements(db);
    expect(published).toEqual([
      { id: second, heard: "Heard two", changed: "Changed two" },
      { id: first, heard: "Heard one", changed: "Changed one" },
    ]);
    expect(JSON.stringify(published)).not.toMatch(/Internal change words|Evidence words|Pat|SU-/);
  });
});
