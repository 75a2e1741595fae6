import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, caseEntries, outbox, representations, stages, staffTeamMembers, teams } from "../../db/schema";
import { acceptedComplaint, staffOf, type ComplaintOptions } from "../../test/cases";
import { createTestDb } from "../../test/db";
import type { Actor } from "./case.server";
import type { Db } from "./db.server";
import { getTimescaleSettings, updateTimescales } from "./settings.server";
import { offeredStageActions, respondToStage } from "./stage-actions.server";
import { closeStage, escalateStage, escalationForm, putStageOnHold, reopenStage, takeStageOffHold, withdrawStage } from "./stage-moves.server";
import { currentStage, namePerson, stagesOf } from "./stages.server";

// Accepted Monday 23 November 2026 (no bank holidays until Christmas); Stage 1 due Monday 7 December.
const NOW = new Date("2026-11-23T10:15:00Z");
// Responded Wednesday 2 December 2026: the window to ask for the next stage ends Monday 4 January
// 2027 (20 working days; 25 and 28 December and 1 January are bank holidays).
const SENT = new Date("2026-12-02T11:00:00Z");
// Thursday 10 December 2026, within the window.
const ASKED = new Date("2026-12-10T10:00:00Z");
function accepted(db: Db, officer: Actor, opts: Omit<ComplaintOptions, "now"> = {}) {
  return acceptedComplaint(db, officer, { now: NOW, ...opts });
}

function responded(db: Db, officer: Actor, reference: string, at = SENT) {
  // Stage 2's response also names its Adjudicating Officer; other stages ignore it.
  const adjudicatingOfficer = "Ada Adjudicator";
  expect(respondToStage(db, officer, reference, { finding: "not-upheld", subject: "Our response", body: "What we found.", adjudicatingOfficer, points: [{ point: "The point", finding: "not-upheld", reasons: "Why" }] }, at).ok).toBe(true);
}

const rowOf = (db: Db, id: number) => db.select().from(representations).where(eq(representations.id, id)).get()!;
const mail = (db: Db, id: number, template: string) => db.select().from(outbox).where(and(eq(outbox.representationId, id), eq(outbox.template, template))).all();
const auditOf = (db: Db, action: string) => db.select().from(auditLog).where(eq(auditLog.action, action)).all();
const entries = (db: Db, id: number, kind: string) => db.select().from(caseEntries).where(and(eq(caseEntries.representationId, id), eq(caseEntries.kind, kind))).all();

describe("escalating to the next stage at the person's request", () => {
  it("moves a responded Stage 1 to Stage 2, counted from the request, and sends the acceptance letter with its due date", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = accepted(db, officer, { language: "pl" });
    responded(db, officer, c.reference);
    expect(offeredStageActions(db, officer, rowOf(db, c.id), ASKED)).toContain("escalate");
    expect(escalationForm(db, officer, rowOf(db, c.id), ASKED)).toMatchObject({ nextKind: "statutory-stage2", respondedOn: "2026-12-02", windowEndsOn: "2027-01-04", handlers: null });

    expect(escalateStage(db, officer, c.reference, { requestedOn: "2026-12-09" }, ASKED)).toEqual({ ok: true, sentBy: "email", late: false });

    const [stage1, stage2] = stagesOf(db, c.id);
    expect(stage1).toMatchObject({ kind: "statutory-stage1", state: "escalated", nextDueOn: null });
    // Stage 2 from Wednesday 9 December: 25 working days are 10-11 Dec (2), 14-18 (7), 21-24 (11),
    // 29-31 (14), 4-8 Jan (19), 11-15 (24), Monday 18 January 2027 (25).
    // The statement is flagged if not agreed within 10 working days: Wednesday 23 December.
    expect(stage2).toMatchObject({ kind: "statutory-stage2", state: "open", sequence: 2, startedOn: "2026-12-09", requestedOn: "2026-12-09", acknowledgedOn: "2026-12-10", dueOn: "2027-01-18", nextDueOn: "2026-12-23", lateRequestReason: null });
    expect(rowOf(db, c.id).status).toBe("open");

    const [letter] = mail(db, c.id, "stage-accepted");
    expect(letter).toMatchObject({ toAddress: "pat@example.com", subject: `Twoja skarga jest teraz na etapie: etap 2, niezależne postępowanie wyjaśniające – numer sprawy ${c.reference}` });
    expect(letter?.textBody).toContain("Odpowiemy do dnia: poniedziałek 18 stycznia 2027.");
    expect(entries(db, c.id, "stage-escalated")[0]).toMatchObject({ details: { from: "statutory-stage1", to: "statutory-stage2", requestedOn: "2026-12-09", late: false } });
    expect(auditOf(db, "case.stage-escalated")[0]?.details).toMatchObject({ after: { stageId: stage2!.id, stage: "statutory-stage2", requestedOn: "2026-12-09", dueOn: "2027-01-18", late: false, sentBy: "email" } });
    // No longer offered on the new stage until it is answered.
    expect(offeredStageActions(db, officer, rowOf(db, c.id), ASKED)).not.toContain("escalate");
  });

  it("accepts a request after the window only with a reason, kept on the stage and the timeline and never in the audit", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = accepted(db, officer, { mode: "easy-read" });
    responded(db, officer, c.reference);
    const later = new Date("2027-01-06T10:00:00Z");
    // Tuesday 5 January 2027 is the day after the window closed.
    expect(escalateStage(db, officer, c.reference, { requestedOn: "2027-01-05" }, later)).toEqual({ ok: false, error: "late-reason-required" });
    expect(escalateStage(db, officer, c.reference, { requestedOn: "2027-01-05", lateReason: "   " }, later)).toEqual({ ok: false, error: "late-reason-required" });
    expect(stagesOf(db, c.id)).toHaveLength(1);
    expect(escalateStage(db, officer, c.reference, { requestedOn: "2027-01-05", lateReason: "In hospital over Christmas, secret words" }, later)).toEqual({ ok: true, sentBy: "email", late: true });
    expect(currentStage(db, c.id)).toMatchObject({ kind: "statutory-stage2", lateRequestReason: "In hospital over Christmas, secret words" });
    expect(entries(db, c.id, "stage-escalated")[0]).toMatchObject({ body: "In hospital over Christmas, secret words", details: { late: true } });
    const audit = auditOf(db, "case.stage-escalated")[0];
    expect(audit?.details).toMatchObject({ after: { late: true } });
    expect(JSON.stringify(audit?.details)).not.toContain("secret words");
    // The young person's form: the easy-read words.
    expect(mail(db, c.id, "stage-accepted")[0]?.textBody).toContain("You asked us to look again.");
  });

  it("lets a Stage 1 not answered in time go to Stage 2, but not one still in time", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = accepted(db, officer);
    // Friday 4 December: Stage 1 is due Monday 7 December, so not yet overdue.
    expect(escalateStage(db, officer, c.reference, { requestedOn: "2026-12-04" }, new Date("2026-12-04T10:00:00Z"))).toEqual({ ok: false, error: "response-not-overdue" });
    expect(escalateStage(db, officer, c.reference, { requestedOn: "2026-12-08" }, new Date("2026-12-08T10:00:00Z"))).toMatchObject({ ok: true, late: false });
    expect(stagesOf(db, c.id).map((s) => [s.kind, s.state])).toEqual([
      ["statutory-stage1", "escalated"],
      ["statutory-stage2", "open"],
    ]);
  });

  it("counts Stage 2 from the agreed statement when the council chose that: no due date until it is agreed", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const admin = staffOf(db, "administrator");
    updateTimescales(db, { actorId: admin.id, values: getTimescaleSettings(db), clock: { stage2ClockFrom: "statement", corporateRespondFrom: "acknowledgement" } });
    const c = accepted(db, officer);
    responded(db, officer, c.reference);
    expect(escalateStage(db, officer, c.reference, { requestedOn: "2026-12-10" }, ASKED).ok).toBe(true);
    // Only the statement's flag runs: 10 working days from Thursday 10 December is Thursday 24 December.
    expect(currentStage(db, c.id)).toMatchObject({ kind: "statutory-stage2", dueOn: null, nextDueOn: "2026-12-24" });
    expect(mail(db, c.id, "stage-accepted")[0]?.textBody).toContain("We will reply within 25 working days of agreeing the statement with you");
  });

  it("moves an answered Stage 2 to Stage 3: the letter gives the day the review panel must meet by", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = accepted(db, officer);
    responded(db, officer, c.reference);
    expect(escalateStage(db, officer, c.reference, { requestedOn: "2026-12-09" }, ASKED).ok).toBe(true);
    // Stage 2's response needs an agreed statement and an Investigating Officer (their own pages).
    const stage2 = currentStage(db, c.id)!;
    db.update(stages).set({ statementAgreedOn: "2026-12-10" }).where(eq(stages.id, stage2.id)).run();
    namePerson(db, { stageId: stage2.id, role: "investigating-officer", staffUserId: staffOf(db, "investigator").id });
    responded(db, officer, c.reference, new Date("2027-01-11T10:00:00Z"));
    expect(escalationForm(db, officer, rowOf(db, c.id), new Date("2027-01-12T10:00:00Z"))).toMatchObject({ nextKind: "statutory-stage3", windowEndsOn: "2027-02-08" });
    expect(escalateStage(db, officer, c.reference, { requestedOn: "2027-01-12" }, new Date("2027-01-12T10:00:00Z")).ok).toBe(true);
    // The panel within 30 working days of Tuesday 12 January 2027: 13-15 Jan (3), 18-22 (8), 25-29 (13),
    // 1-5 Feb (18), 8-12 (23), 15-19 (28), Monday 22 (29), Tuesday 23 February 2027 (30).
    expect(currentStage(db, c.id)).toMatchObject({ kind: "statutory-stage3", startedOn: "2027-01-12", nextDueOn: "2027-02-23" });
    const letters = mail(db, c.id, "stage-accepted");
    expect(letters.at(-1)?.textBody).toContain("The review panel will meet by Tuesday 23 February 2027.");
  });

  it("refuses a request in the future or before the response, and changes nothing", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = accepted(db, officer);
    responded(db, officer, c.reference);
    expect(escalateStage(db, officer, c.reference, { requestedOn: "2026-12-11" }, ASKED)).toEqual({ ok: false, error: "request-in-future" });
    expect(escalateStage(db, officer, c.reference, { requestedOn: "2026-12-01" }, ASKED)).toEqual({ ok: false, error: "request-before-stage" });
    expect(escalateStage(db, officer, c.reference, { requestedOn: "" }, ASKED)).toEqual({ ok: false, error: "date-required" });
    expect(stagesOf(db, c.id)).toHaveLength(1);
    expect(mail(db, c.id, "stage-accepted")).toEqual([]);
    expect(auditOf(db, "case.stage-escalated")).toEqual([]);
  });

  it("refuses a team manager (the complaints team records requests) and a stage not yet answered", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = accepted(db, officer);
    const team = db.insert(teams).values({ name: "Team A for the test" }).returning().get();
    const manager = staffOf(db, "team-manager");
    db.insert(staffTeamMembers).values({ staffUserId: manager.id, teamId: team.id }).run();
    db.update(representations).set({ teamId: team.id }).where(eq(representations.id, c.id)).run();
    responded(db, officer, c.reference);
    expect(escalateStage(db, manager, c.reference, { requestedOn: "2026-12-10" }, ASKED)).toEqual({ ok: false, error: "role" });
    expect(escalationForm(db, manager, rowOf(db, c.id), ASKED)).toBeNull();
  });

  it("corporate Stage 2: counted from the council's settings, held by someone other than Stage 1's handler, and never escalated to the Ombudsman here", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const other = staffOf(db, "complaints-manager");
    const admin = staffOf(db, "administrator");
    // The council gives corporate Stage 2 15 working days to reply, 5 more at most.
    updateTimescales(db, { actorId: admin.id, values: { ...getTimescaleSettings(db), corporateStage2RespondWithin: 15, corporateStage2MaximumExtension: 5 } });
    const c = accepted(db, officer, { process: "corporate" });
    db.update(representations).set({ respondingManagerId: officer.id }).where(eq(representations.id, c.id)).run();
    responded(db, officer, c.reference);
    const form = escalationForm(db, officer, rowOf(db, c.id), ASKED);
    expect(form).toMatchObject({ nextKind: "corporate-stage2", previousHandlerId: officer.id });
    expect(form?.handlers?.map((h) => h.id).sort()).toEqual([officer.id, other.id].sort());

    expect(escalateStage(db, officer, c.reference, { requestedOn: "2026-12-10" }, ASKED)).toEqual({ ok: false, error: "handler-required" });
    expect(escalateStage(db, officer, c.reference, { requestedOn: "2026-12-10", handlerId: officer.id }, ASKED)).toEqual({ ok: false, error: "same-handler-as-stage1" });
    expect(escalateStage(db, officer, c.reference, { requestedOn: "2026-12-10", handlerId: admin.id }, ASKED)).toEqual({ ok: false, error: "invalid-handler" });
    expect(escalateStage(db, officer, c.reference, { requestedOn: "2026-12-10", handlerId: other.id }, ASKED)).toEqual({ ok: true, sentBy: "email", late: false });
    // Acknowledged by the acceptance letter on Thursday 10 December; 15 working days: 11 Dec (1),
    // 14-18 (6), 21-24 (10), 29-31 (13), Monday 4 January (14), Tuesday 5 January 2027 (15).
    expect(currentStage(db, c.id)).toMatchObject({ kind: "corporate-stage2", handlerId: other.id, acknowledgedOn: "2026-12-10", dueOn: "2027-01-05", nextDueOn: "2027-01-05" });
    expect(mail(db, c.id, "stage-accepted")[0]?.textBody).toContain("We will reply by Tuesday 5 January 2027.");

    // Answered: the next stage is the Ombudsman, which has its own page.
    responded(db, other, c.reference, new Date("2026-12-22T10:00:00Z"));
    expect(offeredStageActions(db, officer, rowOf(db, c.id), new Date("2026-12-23T10:00:00Z"))).toContain("refer-to-ombudsman");
    expect(offeredStageActions(db, officer, rowOf(db, c.id), new Date("2026-12-23T10:00:00Z"))).not.toContain("escalate");
    expect(escalationForm(db, officer, rowOf(db, c.id), new Date("2026-12-23T10:00:00Z"))).toBeNull();
    expect(escalateStage(db, officer, c.reference, { requestedOn: "2026-12-23" }, new Date("2026-12-23T10:00:00Z"))).toEqual({ ok: false, error: "wrong-kind" });
  });
});

describe("closing, withdrawing and reopening", () => {
  it("closes a responded stage and the case, with a closure letter; an open stage cannot be closed", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = accepted(db, officer, { language: "ur" });
    expect(closeStage(db, officer, c.reference, SENT)).toEqual({ ok: false, error: "wrong-state" });
    responded(db, officer, c.reference);
    const closing = new Date("2027-01-05T10:00:00Z");
    expect(closeStage(db, officer, c.reference, closing)).toEqual({ ok: true, sentBy: "email" });
    expect(currentStage(db, c.id)).toMatchObject({ state: "closed", closedOn: "2027-01-05", nextDueOn: null });
    expect(rowOf(db, c.id)).toMatchObject({ status: "closed", closedAt: closing });
    const [letter] = mail(db, c.id, "closure");
    expect(letter?.subject).toBe(`ہم نے آپ کی شکایت بند کر دی ہے – حوالہ نمبر ${c.reference}`);
    // Not the council's last stage: no Ombudsman paragraph.
    expect(letter?.textBody).not.toContain("www.lgo.org.uk");
    expect(auditOf(db, "case.stage-closed")[0]?.details).toMatchObject({ after: { state: "closed", closedOn: "2027-01-05", status: "closed", sentBy: "email" } });
    expect(offeredStageActions(db, officer, rowOf(db, c.id), closing)).toEqual(["reopen"]);
  });

  it("tells the person of the Ombudsman when closing after the council's last stage, and keeps a letter to post without an email address", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const other = staffOf(db, "complaints-manager");
    const c = accepted(db, officer, { process: "corporate", email: null });
    responded(db, officer, c.reference);
    expect(escalateStage(db, officer, c.reference, { requestedOn: "2026-12-10", handlerId: other.id }, ASKED)).toMatchObject({ ok: true, sentBy: "letter" });
    responded(db, other, c.reference, new Date("2026-12-22T10:00:00Z"));
    expect(closeStage(db, other, c.reference, new Date("2026-12-23T10:00:00Z"))).toEqual({ ok: true, sentBy: "letter" });
    const posted = entries(db, c.id, "correspondence-out").map((e) => e.body ?? "");
    expect(posted.some((b) => b.startsWith("Your complaint is now at Stage 2, a review by a senior manager") && b.includes("We will reply by"))).toBe(true);
    expect(posted.some((b) => b.startsWith("We have closed your complaint") && b.includes("www.lgo.org.uk"))).toBe(true);
  });

  it("withdraws with a reason and closes the case; reopens with a reason; refuses what the table does not allow", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = accepted(db, officer);
    expect(withdrawStage(db, officer, c.reference, { reason: " " }, SENT)).toEqual({ ok: false, error: "reason-required" });
    expect(reopenStage(db, officer, c.reference, { reason: "Why" }, SENT)).toEqual({ ok: false, error: "wrong-state" });
    expect(withdrawStage(db, officer, c.reference, { reason: "They phoned: sorted out with the school, secret words" }, SENT)).toEqual({ ok: true });
    expect(currentStage(db, c.id)).toMatchObject({ state: "withdrawn", closedOn: "2026-12-02", withdrawnReason: "They phoned: sorted out with the school, secret words", nextDueOn: null });
    expect(rowOf(db, c.id)).toMatchObject({ status: "closed", closedAt: SENT });
    expect(mail(db, c.id, "closure")).toEqual([]);

    const back = new Date("2026-12-03T10:00:00Z");
    expect(reopenStage(db, officer, c.reference, { reason: "" }, back)).toEqual({ ok: false, error: "reason-required" });
    expect(reopenStage(db, officer, c.reference, { reason: "They asked us to carry on" }, back)).toEqual({ ok: true });
    // Running again, with its deadline back (Monday 7 December): withdrawing never stopped the clock's count.
    expect(currentStage(db, c.id)).toMatchObject({ state: "open", closedOn: null, reopenedReason: "They asked us to carry on", nextDueOn: "2026-12-07" });
    expect(rowOf(db, c.id)).toMatchObject({ status: "open", closedAt: null });
    expect(entries(db, c.id, "stage-withdrawn")[0]?.body).toContain("sorted out with the school");
    expect(entries(db, c.id, "stage-reopened")[0]?.body).toBe("They asked us to carry on");
    for (const action of ["case.stage-withdrawn", "case.stage-reopened"]) {
      const [row] = auditOf(db, action);
      expect(row?.details, action).toBeTruthy();
      expect(JSON.stringify(row?.details)).not.toMatch(/secret words|carry on/);
    }
  });
});

describe("on hold", () => {
  it("records the hold and its reason, never moves the deadline, and refuses holding twice", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = accepted(db, officer);
    expect(takeStageOffHold(db, officer, c.reference, SENT)).toEqual({ ok: false, error: "not-on-hold" });
    expect(putStageOnHold(db, officer, c.reference, { reason: "" }, SENT)).toEqual({ ok: false, error: "reason-required" });
    expect(putStageOnHold(db, officer, c.reference, { reason: "Waiting for police to finish" }, SENT)).toEqual({ ok: true });
    expect(currentStage(db, c.id)).toMatchObject({ state: "open", onHold: true, onHoldReason: "Waiting for police to finish", dueOn: "2026-12-07", nextDueOn: "2026-12-07" });
    expect(offeredStageActions(db, officer, rowOf(db, c.id), SENT)).toContain("take-off-hold");
    expect(putStageOnHold(db, officer, c.reference, { reason: "Again" }, SENT)).toEqual({ ok: false, error: "on-hold" });
    // Still answerable while held.
    expect(offeredStageActions(db, officer, rowOf(db, c.id), SENT)).toContain("respond");
    expect(takeStageOffHold(db, officer, c.reference, SENT)).toEqual({ ok: true });
    expect(currentStage(db, c.id)).toMatchObject({ onHold: false, onHoldReason: null, nextDueOn: "2026-12-07" });
    expect(entries(db, c.id, "stage-put-on-hold")[0]?.body).toBe("Waiting for police to finish");
    expect(entries(db, c.id, "stage-taken-off-hold")).toHaveLength(1);
    expect(JSON.stringify(auditOf(db, "case.stage-put-on-hold")[0]?.details)).not.toContain("police");
  });
});
