import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, caseEntries, outbox, representations, stages, staffUsers } from "../../db/schema";
import { maySeeCase } from "../domain/casework";
import { createTestDb } from "../../test/db";
import { acceptRepresentation, saveTriage } from "./case-triage.server";
import { findCaseFor, type Actor } from "./case.server";
import { createRepresentation } from "./create-representation.server";
import type { Db } from "./db.server";
import {
  agreeStatement,
  answerOmbudsmanEnquiry,
  bookPanel,
  investigatorOptions,
  nameStage2People,
  recordOmbudsmanDecision,
  recordPanelReport,
  recordRemedyMet,
  referToOmbudsman,
} from "./later-stages.server";
import { listRepresentations } from "./representations.server";
import { defaultSettings, defaultTimescales, updateSettings, updateTimescales } from "./settings.server";
import { draftResponse, offeredStageActions, respondToStage } from "./stage-actions.server";
import { caseAccessFacts, currentStage, openStage, peopleOfStages, stagesOf } from "./stages.server";

// Stage 1 received Monday 23 November 2026 and answered Wednesday 2 December; the person asked
// for Stage 2 on Monday 7 December 2026.
const RECEIVED = new Date("2026-11-23T10:15:00Z");
const STAGE1_SENT = new Date("2026-12-02T11:00:00Z");
const REQUESTED = "2026-12-07";
const at = (day: string) => new Date(`${day}T11:00:00Z`);
const ELIGIBLE = { receivedFrom: "Parent", childStatus: ["in-need" as const], withinTwelveMonths: "yes" as const, exclusions: ["none" as const] };
const CORPORATE = { ...ELIGIBLE, childStatus: ["none" as const] };

function staffOf(db: Db, role: Actor["role"], email = `${role}@northshire.example`, name: string = role): Actor {
  const user = db.insert(staffUsers).values({ email, name, role, passwordHash: "x" }).returning().get();
  return { id: user.id, role };
}

const rowOf = (db: Db, id: number) => db.select().from(representations).where(eq(representations.id, id)).get()!;

/** A complaint answered at Stage 1 and moved on to the next stage, as escalation will (another page). */
function answeredAndMovedOn(db: Db, officer: Actor, process: "statutory" | "corporate" = "statutory", requestedOn = REQUESTED) {
  const c = createRepresentation(db, {
    kind: "complaint",
    methodReceived: "Email",
    receivedAt: RECEIVED,
    receivedOn: "2026-11-23",
    personName: "Pat Person",
    personRelationship: "parent",
    personEmail: "pat@example.com",
    answers: {},
  });
  saveTriage(db, officer, c.reference, { representationType: "Complaint", process, eligibility: process === "corporate" ? CORPORATE : ELIGIBLE });
  expect(acceptRepresentation(db, officer, c.reference, { decision: process === "corporate" ? "corporate" : "statutory-stage1", personAgreed: true }, RECEIVED)).toEqual({ ok: true });
  expect(respondToStage(db, officer, c.reference, { finding: "not-upheld", subject: "S1", body: "Stage 1 answer" }, STAGE1_SENT).ok).toBe(true);
  moveOn(db, c.id, process === "corporate" ? "corporate-stage2" : "statutory-stage2", requestedOn);
  return c;
}

/** The current stage escalated and the next one opened on the day it was asked for. */
function moveOn(db: Db, representationId: number, kind: "statutory-stage2" | "statutory-stage3" | "corporate-stage2", requestedOn: string) {
  const stage = currentStage(db, representationId)!;
  db.update(stages).set({ state: "escalated", nextDueOn: null }).where(eq(stages.id, stage.id)).run();
  openStage(db, { representationId, kind, startedOn: requestedOn, requestedOn });
}

async function stage2() {
  const db = await createTestDb();
  const officer = staffOf(db, "complaints-officer");
  const investigator = staffOf(db, "investigator", "indira@northshire.example", "Indira Investigator");
  const c = answeredAndMovedOn(db, officer);
  return { db, officer, investigator, c };
}

describe("Stage 2", () => {
  it("offers the statement and the people first, and the response only once both are done", async () => {
    const { db, officer, investigator, c } = await stage2();
    // Statement flagged if not agreed by Mon 21 Dec (10 working days from Mon 7 Dec); response by
    // Thu 14 Jan 2027 (25: 8-11 Dec 4, 14-18 9, 21-24 13, 29-31 16, 4-8 Jan 21, 11-14 25).
    expect(currentStage(db, c.id)).toMatchObject({ kind: "statutory-stage2", state: "open", dueOn: "2027-01-14", nextDueOn: "2026-12-21" });
    expect(offeredStageActions(db, officer, rowOf(db, c.id), at("2026-12-08"))).toEqual(["extend", "withdraw", "put-on-hold", "share-statement", "agree-statement", "name-investigator", "correct-dates"]);
    expect(investigatorOptions(db)).toEqual([{ id: investigator.id, name: "Indira Investigator" }]);

    expect(nameStage2People(db, officer, c.reference, { investigator: { staffUserId: investigator.id, costPence: 120000 }, independentPerson: { name: "Rowan Independent", costPence: 45050 } }, at("2026-12-08"))).toEqual({ ok: true, result: null });
    expect(agreeStatement(db, officer, c.reference, { agreedOn: "2026-12-10" }, at("2026-12-10"))).toEqual({ ok: true, result: null });
    expect(offeredStageActions(db, officer, rowOf(db, c.id), at("2026-12-10"))).toContain("respond");
    // The statement is met, so the next deadline is the response (the clock counts from the request by default).
    expect(currentStage(db, c.id)).toMatchObject({ statementAgreedOn: "2026-12-10", dueOn: "2027-01-14", nextDueOn: "2027-01-14" });
    const people = peopleOfStages(db, [currentStage(db, c.id)!.id]);
    expect(people).toEqual([
      { id: expect.any(Number), stageId: expect.any(Number), role: "investigating-officer", staffUserId: investigator.id, name: null, costPence: 120000, paidTo: null },
      { id: expect.any(Number), stageId: expect.any(Number), role: "independent-person", staffUserId: null, name: "Rowan Independent", costPence: 45050, paidTo: null },
    ]);
    // The audit keeps the account's id, never the outside person's name.
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "case.name-investigator")).get();
    expect(audit?.details).toMatchObject({ after: { investigatorStaffUserId: investigator.id, independentPersonStaffUserId: null } });
    expect(JSON.stringify(audit?.details)).not.toContain("Rowan");
  });

  it("lets the named investigator see exactly that case, in the inbox and on its page, and record the statement", async () => {
    const { db, officer, investigator, c } = await stage2();
    const other = answeredAndMovedOn(db, officer);
    const inbox = () => listRepresentations(db, { id: investigator.id, role: "investigator", teamIds: [] }, {}, "2026-12-08").rows.map((r) => r.reference);
    expect(inbox()).toEqual([]);
    expect(findCaseFor(db, investigator, c.reference)).toBeNull();
    expect(agreeStatement(db, investigator, c.reference, { agreedOn: "2026-12-08" }, at("2026-12-08"))).toEqual({ ok: false, error: "not-found" });

    expect(nameStage2People(db, officer, c.reference, { investigator: { staffUserId: investigator.id }, independentPerson: { name: "Rowan Independent" } }, at("2026-12-08")).ok).toBe(true);
    expect(inbox()).toEqual([c.reference]);
    expect(findCaseFor(db, investigator, c.reference)?.id).toBe(c.id);
    expect(findCaseFor(db, investigator, other.reference)).toBeNull();
    // They may write the statement up and share it with the person too (decision record 041).
    expect(offeredStageActions(db, investigator, rowOf(db, c.id), at("2026-12-08"))).toEqual(["share-statement", "agree-statement"]);
    expect(nameStage2People(db, investigator, c.reference, { investigator: { name: "Someone" }, independentPerson: { name: "Else" } }, at("2026-12-08"))).toEqual({ ok: false, error: "role" });
    expect(agreeStatement(db, investigator, c.reference, { agreedOn: "2026-12-08" }, at("2026-12-08"))).toEqual({ ok: true, result: null });

    // Once the case moves on to Stage 3 it is no longer theirs to see.
    moveOn(db, c.id, "statutory-stage3", "2027-01-20");
    expect(maySeeCase({ id: investigator.id, role: "investigator", teamIds: [] }, caseAccessFacts(db, rowOf(db, c.id)))).toBe(false);
    expect(inbox()).toEqual([]);
  });

  it("refuses a statement date in the future, before the request, or a second time, and changes nothing", async () => {
    const { db, officer, c } = await stage2();
    const agree = (agreedOn: string, now = at("2026-12-09")) => agreeStatement(db, officer, c.reference, { agreedOn }, now);
    expect(agree("2026-12-10")).toEqual({ ok: false, error: "date-in-future" });
    expect(agree("2026-12-04")).toEqual({ ok: false, error: "date-before-start" });
    expect(currentStage(db, c.id)).toMatchObject({ statementAgreedOn: null, nextDueOn: "2026-12-21" });
    expect(agree("2026-12-09").ok).toBe(true);
    expect(agree("2026-12-09")).toEqual({ ok: false, error: "statement-already-agreed" });
  });

  it("counts the response from the agreed statement when the council's setting says so", async () => {
    const { db, officer, c } = await stage2();
    updateTimescales(db, { actorId: officer.id, values: defaultTimescales, clock: { stage2ClockFrom: "statement", corporateRespondFrom: "acknowledgement" } });
    // Written before the setting changed; the next change to the stage recomputes it.
    expect(agreeStatement(db, officer, c.reference, { agreedOn: "2026-12-10" }, at("2026-12-10")).ok).toBe(true);
    // 25 working days from Thu 10 Dec: 11 Dec 1, 14-18 6, 21-24 10, 29-31 13, 4-8 Jan 18, 11-15 23, 18-19 25.
    expect(currentStage(db, c.id)).toMatchObject({ dueOn: "2027-01-19", nextDueOn: "2027-01-19" });
  });

  it("refuses naming nobody, both an account and a name, or an account that is not an investigator", async () => {
    const { db, officer, investigator, c } = await stage2();
    const name = (io: object, ip: object = { name: "Rowan Independent" }) => nameStage2People(db, officer, c.reference, { investigator: io, independentPerson: ip }, at("2026-12-08"));
    expect(name({})).toEqual({ ok: false, error: "person-required" });
    expect(name({ staffUserId: investigator.id, name: "Also typed" })).toEqual({ ok: false, error: "investigator-choose-one" });
    expect(name({ staffUserId: officer.id })).toEqual({ ok: false, error: "not-an-investigator" });
    expect(name({ name: "Ivy External" }, {})).toEqual({ ok: false, error: "independent-person-required" });
    expect(peopleOfStages(db, [currentStage(db, c.id)!.id])).toEqual([]);
    // An external Investigating Officer by name is enough for the response to be offered.
    expect(name({ name: "Ivy External" }).ok).toBe(true);
    expect(name({ name: "Ivy External" }, { staffUserId: investigator.id }).ok).toBe(true);
    expect(peopleOfStages(db, [currentStage(db, c.id)!.id]).map((p) => p.role)).toEqual(["investigating-officer", "independent-person"]);
  });

  it("records the Adjudicating Officer with the response, and asks for one", async () => {
    const { db, officer, investigator, c } = await stage2();
    nameStage2People(db, officer, c.reference, { investigator: { staffUserId: investigator.id }, independentPerson: { name: "Rowan Independent" } }, at("2026-12-08"));
    agreeStatement(db, officer, c.reference, { agreedOn: "2026-12-08" }, at("2026-12-08"));
    const letter = draftResponse(db, officer, rowOf(db, c.id), "upheld", at("2027-01-06"))!;
    expect(letter.body).toContain("Please tell us by");
    expect(letter.body).not.toContain("Ombudsman");
    expect(respondToStage(db, officer, c.reference, { finding: "upheld", ...letter, points: UPHELD_POINT }, at("2027-01-06"))).toEqual({ ok: false, error: "adjudicating-officer-required" });
    expect(respondToStage(db, officer, c.reference, { finding: "upheld", ...letter, adjudicatingOfficer: "Alex Adjudicator", points: UPHELD_POINT }, at("2027-01-06")).ok).toBe(true);
    expect(currentStage(db, c.id)).toMatchObject({ state: "responded", respondedOn: "2027-01-06" });
    expect(peopleOfStages(db, [currentStage(db, c.id)!.id]).find((p) => p.role === "adjudicating-officer")).toMatchObject({ name: "Alex Adjudicator" });
  });
});

// Stage 2 answers the complaint point by point.
const UPHELD_POINT = [{ point: "Nobody told me my social worker changed.", finding: "upheld", reasons: "No letter was sent." }];

/** A case whose Stage 2 (Independent Person "Rowan Independent") was answered, now in Stage 3 asked for on Mon 11 Jan 2027. */
async function stage3() {
  const { db, officer, investigator, c } = await stage2();
  nameStage2People(db, officer, c.reference, { investigator: { staffUserId: investigator.id }, independentPerson: { name: "Rowan Independent" } }, at("2026-12-08"));
  agreeStatement(db, officer, c.reference, { agreedOn: "2026-12-08" }, at("2026-12-08"));
  expect(respondToStage(db, officer, c.reference, { finding: "not-upheld", subject: "S2", body: "Stage 2 answer", adjudicatingOfficer: "Alex Adjudicator", points: [{ point: "P", finding: "not-upheld", reasons: "R" }] }, at("2027-01-06")).ok).toBe(true);
  moveOn(db, c.id, "statutory-stage3", "2027-01-11");
  return { db, officer, c };
}

const PANEL = [
  { name: "Chris Chair", chair: true, costPence: 30000 },
  { name: "Pat Panel", chair: false, costPence: 25000 },
  { name: "Sam Seat", chair: false, costPence: null },
];

describe("Stage 3", () => {
  it("books the panel, records the chair's report and the council's response, each moving the next deadline", async () => {
    const { db, officer, c } = await stage3();
    // Panel within 30 working days of Mon 11 Jan 2027: Mon 22 Feb.
    expect(currentStage(db, c.id)).toMatchObject({ kind: "statutory-stage3", nextDueOn: "2027-02-22" });
    expect(offeredStageActions(db, officer, rowOf(db, c.id), at("2027-01-12"))).toEqual(["withdraw", "put-on-hold", "book-panel", "correct-dates"]);
    expect(bookPanel(db, officer, c.reference, { panelOn: "2027-02-12", members: PANEL }, at("2027-01-12")).ok).toBe(true);
    // The report within 5 working days of Fri 12 Feb: Fri 19 Feb.
    expect(currentStage(db, c.id)).toMatchObject({ panelOn: "2027-02-12", nextDueOn: "2027-02-19" });
    expect(peopleOfStages(db, [currentStage(db, c.id)!.id]).map((p) => [p.role, p.name, p.costPence])).toEqual([
      ["panel-chair", "Chris Chair", 30000],
      ["panel-member", "Pat Panel", 25000],
      ["panel-member", "Sam Seat", null],
    ]);
    expect(recordPanelReport(db, officer, c.reference, { reportOn: "2027-02-11" }, at("2027-02-19"))).toEqual({ ok: false, error: "date-before-panel" });
    expect(recordPanelReport(db, officer, c.reference, { reportOn: "2027-02-22" }, at("2027-02-19"))).toEqual({ ok: false, error: "date-in-future" });
    expect(recordPanelReport(db, officer, c.reference, { reportOn: "2027-02-19" }, at("2027-02-19")).ok).toBe(true);
    // The council's response within 15 working days of Fri 19 Feb: Fri 12 Mar.
    expect(currentStage(db, c.id)).toMatchObject({ panelReportOn: "2027-02-19", nextDueOn: "2027-03-12" });
    expect(offeredStageActions(db, officer, rowOf(db, c.id), at("2027-02-22"))).toEqual(["withdraw", "put-on-hold", "record-council-response", "correct-dates"]);
    // The panel cannot be rebooked once its report is in.
    expect(bookPanel(db, officer, c.reference, { panelOn: "2027-02-15", members: PANEL }, at("2027-02-22"))).toEqual({ ok: false, error: "panel-report-already-recorded" });

    // The Ombudsman's details come from the council's settings, not the template.
    updateSettings(db, { actorId: officer.id, values: { ...defaultSettings, ombudsmanName: "Test Ombudsman", ombudsmanWebsite: "https://ombudsman.example", ombudsmanPhone: "0300 000 0000" } });
    const letter = draftResponse(db, officer, rowOf(db, c.id), "upheld", at("2027-03-01"))!;
    expect(letter.body).toContain("you can ask the Test Ombudsman to look at your complaint");
    expect(letter.body).toContain("Visit https://ombudsman.example or call 0300 000 0000.");
    expect(letter.body).not.toContain("Please tell us by");
    expect(respondToStage(db, officer, c.reference, { finding: "upheld", ...letter }, at("2027-03-01"))).toEqual({ ok: true, sentBy: "email" });
    expect(currentStage(db, c.id)).toMatchObject({ state: "responded", respondedOn: "2027-03-01", finding: "upheld", nextDueOn: null });
    const mail = db.select().from(outbox).where(and(eq(outbox.representationId, c.id), eq(outbox.template, "response"))).all().at(-1);
    expect(mail?.textBody).toContain("https://ombudsman.example");
  });

  it("refuses a panel that is not three, has no single chair, repeats someone or seats the Stage 2 Independent Person", async () => {
    const { db, officer, c } = await stage3();
    const book = (members: typeof PANEL, panelOn = "2027-02-12") => bookPanel(db, officer, c.reference, { panelOn, members }, at("2027-01-12"));
    expect(book(PANEL.slice(0, 2))).toEqual({ ok: false, error: "panel-not-three" });
    expect(book(PANEL.map((m) => ({ ...m, chair: false })))).toEqual({ ok: false, error: "panel-not-one-chair" });
    expect(book(PANEL.map((m) => ({ ...m, chair: true })))).toEqual({ ok: false, error: "panel-not-one-chair" });
    expect(book([PANEL[0]!, PANEL[1]!, { ...PANEL[1]!, name: "pat panel " }])).toEqual({ ok: false, error: "panel-repeats-a-member" });
    expect(book([PANEL[0]!, PANEL[1]!, { name: "ROWAN INDEPENDENT", chair: false, costPence: null }])).toEqual({ ok: false, error: "panel-includes-stage2-independent-person" });
    expect(book(PANEL, "2027-01-08")).toEqual({ ok: false, error: "date-before-start" });
    expect(recordPanelReport(db, officer, c.reference, { reportOn: "2027-01-12" }, at("2027-01-12"))).toEqual({ ok: false, error: "panel-not-booked" });
    expect(currentStage(db, c.id)).toMatchObject({ panelOn: null, nextDueOn: "2027-02-22" });
    expect(peopleOfStages(db, [currentStage(db, c.id)!.id])).toEqual([]);
  });
});

describe("the corporate Stage 2 response", () => {
  it("tells the person about the Ombudsman, as the council's final stage", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const handler = staffOf(db, "complaints-manager");
    const c = answeredAndMovedOn(db, officer, "corporate");
    expect(currentStage(db, c.id)?.kind).toBe("corporate-stage2");
    const letter = draftResponse(db, handler, rowOf(db, c.id), "not-upheld", at("2026-12-14"))!;
    expect(letter.body).toContain("you can ask the Local Government and Social Care Ombudsman to look at your complaint");
    expect(letter.body).toContain("Visit https://www.lgo.org.uk or call 0300 061 0614.");
  });
});

/** A case whose Stage 3 was answered on Mon 1 Mar 2027. */
async function answeredStage3() {
  const { db, officer, c } = await stage3();
  bookPanel(db, officer, c.reference, { panelOn: "2027-02-12", members: PANEL }, at("2027-01-12"));
  recordPanelReport(db, officer, c.reference, { reportOn: "2027-02-19" }, at("2027-02-19"));
  expect(respondToStage(db, officer, c.reference, { finding: "not-upheld", subject: "S3", body: "Stage 3 answer" }, at("2027-03-01")).ok).toBe(true);
  return { db, officer, c };
}

describe("the Ombudsman", () => {
  it("opens on its enquiry, then records the answer, the decision with a remedy, and the remedy met, which closes the case", async () => {
    const { db, officer, c } = await answeredStage3();
    expect(offeredStageActions(db, officer, rowOf(db, c.id), at("2027-05-03"))).toEqual(["close", "refer-to-ombudsman", "correct-dates"]);
    const refer = (enquiryOn: string, enquiryDueOn: string) => referToOmbudsman(db, officer, c.reference, { ombudsmanReference: "24 012 345", enquiryOn, enquiryDueOn }, at("2027-05-03"));
    expect(refer("2027-05-03", "2027-04-30")).toEqual({ ok: false, error: "due-before-enquiry" });
    expect(refer("2027-05-04", "2027-05-31")).toEqual({ ok: false, error: "date-in-future" });
    expect(refer("2027-05-03", "2027-05-31").ok).toBe(true);
    const [, , s3, ombudsman] = stagesOf(db, c.id);
    expect(s3).toMatchObject({ kind: "statutory-stage3", state: "escalated", nextDueOn: null });
    expect(ombudsman).toMatchObject({ kind: "ombudsman", state: "open", startedOn: "2027-05-03", ombudsmanReference: "24 012 345", ombudsmanEnquiryDueOn: "2027-05-31", nextDueOn: "2027-05-31" });
    expect(rowOf(db, c.id).status).toBe("open");

    expect(answerOmbudsmanEnquiry(db, officer, c.reference, { answeredOn: "2027-05-20" }, at("2027-05-20")).ok).toBe(true);
    expect(currentStage(db, c.id)).toMatchObject({ ombudsmanEnquiryAnsweredOn: "2027-05-20", nextDueOn: null });
    expect(answerOmbudsmanEnquiry(db, officer, c.reference, { answeredOn: "2027-05-20" }, at("2027-05-20"))).toEqual({ ok: false, error: "enquiry-already-answered" });

    const decide = (d: Partial<Parameters<typeof recordOmbudsmanDecision>[3]>) =>
      recordOmbudsmanDecision(db, officer, c.reference, { decidedOn: "2027-07-01", decision: "Upheld - fault causing injustice", remedy: null, remedyPence: null, remedyDueOn: null, ...d }, at("2027-07-01"));
    expect(decide({ decision: "Very upheld" })).toEqual({ ok: false, error: "invalid-decision" });
    expect(decide({ decision: "" })).toEqual({ ok: false, error: "decision-required" });
    expect(decide({ remedy: "Apologise in writing", remedyPence: 25000 })).toEqual({ ok: false, error: "remedy-due-required" });
    expect(decide({ remedyPence: 25000, remedyDueOn: "2027-06-30" })).toEqual({ ok: false, error: "remedy-due-before-decision" });
    expect(decide({ decidedOn: "2027-05-02" })).toEqual({ ok: false, error: "date-before-start" });
    expect(decide({ remedy: "Apologise in writing, secret remedy words", remedyPence: 25000, remedyDueOn: "2027-08-02" })).toEqual({ ok: true, result: null });
    expect(currentStage(db, c.id)).toMatchObject({ state: "responded", respondedOn: "2027-07-01", ombudsmanDecision: "Upheld - fault causing injustice", remedyPence: 25000, remedyDueOn: "2027-08-02", nextDueOn: "2027-08-02" });
    // A remedy outstanding: met, not simply closed.
    expect(offeredStageActions(db, officer, rowOf(db, c.id), at("2027-07-02"))).toEqual(["record-remedy-met", "correct-dates"]);

    expect(recordRemedyMet(db, officer, c.reference, { metOn: "2027-06-30" }, at("2027-07-20"))).toEqual({ ok: false, error: "date-before-start" });
    expect(recordRemedyMet(db, officer, c.reference, { metOn: "2027-07-20" }, at("2027-07-20")).ok).toBe(true);
    expect(currentStage(db, c.id)).toMatchObject({ state: "closed", remedyMetOn: "2027-07-20", closedOn: "2027-07-20", nextDueOn: null });
    expect(rowOf(db, c.id)).toMatchObject({ status: "closed" });
    expect(rowOf(db, c.id).closedAt).not.toBeNull();

    const kinds = db.select({ kind: caseEntries.kind }).from(caseEntries).where(eq(caseEntries.representationId, c.id)).all().map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["ombudsman-enquiry", "ombudsman-enquiry-answered", "ombudsman-decision", "remedy-met"]));
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "case.record-ombudsman-decision")).get();
    expect(audit?.details).toMatchObject({ after: { state: "responded", ombudsmanDecision: "Upheld - fault causing injustice", remedyPence: 25000, remedyDueOn: "2027-08-02" } });
    expect(JSON.stringify(audit?.details)).not.toContain("secret remedy words");
  });

  it("is not offered before the council's final stage is answered, nor after Stage 1 or Stage 2", async () => {
    const { db, officer, c } = await stage3();
    const refer = () => referToOmbudsman(db, officer, c.reference, { ombudsmanReference: "X", enquiryOn: "2027-01-12", enquiryDueOn: "2027-02-12" }, at("2027-01-12"));
    expect(refer()).toEqual({ ok: false, error: "wrong-state" });
    const { db: db2, officer: officer2, c: c2 } = await stage2();
    expect(referToOmbudsman(db2, officer2, c2.reference, { ombudsmanReference: "X", enquiryOn: "2026-12-08", enquiryDueOn: "2027-01-08" }, at("2026-12-08"))).toEqual({ ok: false, error: "wrong-kind" });
  });
});
