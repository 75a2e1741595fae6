import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, caseEntries, outbox, referenceValues, representations, stages, staffTeamMembers, staffUsers, teams } from "../../db/schema";
import { seedDatabase } from "../../db/seed";
import { createTestDb } from "../../test/db";
import { samplePdf } from "../../test/sample-files";
import type { StepId } from "../domain/form/steps";
import { attachmentsForRepresentation, listAttachments, receiveUpload, storeUpload } from "./attachments.server";
import { assignCase, complimentPassedOn, passOnCompliment } from "./case-assignment.server";
import { findLog, finishLog, nextLogStep, saveLogStep, startLog } from "./case-log.server";
import { activeRestrictions, addRestriction, endRestriction } from "./case-restrictions.server";
import { flagConcern, recordReferral } from "./case-safeguarding.server";
import { acceptRepresentation, caseCoding, draftRefusal, refuseRepresentation, saveCoding, saveTriage } from "./case-triage.server";
import { addNote, caseTimeline, findCaseFor, recordCorrespondence, viewCase, type Actor } from "./case.server";
import { REFERENCE_ALPHABET } from "../domain/reference-number";
import type { Db } from "./db.server";
import { createDraft } from "./drafts.server";
import { countsByStatus, listRepresentations } from "./representations.server";
import { currentStage, namePerson, openStage, stagesOf } from "./stages.server";
import { addValue, renameValue } from "./reference-lists.server";

// Monday 23 November 2026, 10:15 in London.
const NOW = new Date("2026-11-23T10:15:00Z");
const TODAY = "2026-11-23";
const PUBLIC_URL = "http://localhost:3000";

let counter = 0;
function addStaff(db: Db, role: string, teamIds: number[] = []): Actor & { email: string } {
  counter += 1;
  const email = `${role}-${counter}@northshire.example`;
  const user = db.insert(staffUsers).values({ email, name: `${role} ${counter}`, role, passwordHash: "not-used" }).returning().get();
  for (const teamId of teamIds) db.insert(staffTeamMembers).values({ staffUserId: user.id, teamId }).run();
  return { id: user.id, role, email };
}

/**
 * A complaint as received, on statutory Stage 1 with a chosen due date (null: no stage yet, as a
 * case recorded before stages were records might be); the reference is fixed for the test.
 */
function addCase(db: Db, values: Partial<typeof representations.$inferInsert> & { dueOn?: string | null } = {}) {
  counter += 1;
  const reference = `SU-TEST-${[0, 1, 2, 3].map((i) => REFERENCE_ALPHABET[Math.floor(counter / 31 ** i) % 31]).join("")}`;
  const { dueOn = "2026-12-07", ...rest } = values;
  const row = db
    .insert(representations)
    .values({
      reference,
      kind: "complaint",
      methodReceived: "E-form",
      receivedAt: NOW,
      receivedOn: TODAY,
      personName: "Wilhelmina Quarterbridge",
      personRelationship: "parent",
      personEmail: "wilhelmina.q@example.com",
      childName: "Bartholomew Quarterbridge",
      answers: {},
      ...rest,
    })
    .returning()
    .get();
  if (row.kind === "complaint" && dueOn !== null) {
    const ended = row.status === "closed";
    db.insert(stages)
      .values({ representationId: row.id, sequence: 1, kind: "statutory-stage1", state: ended ? "closed" : "open", startedOn: row.receivedOn, dueOn, latestOn: dueOn, nextDueOn: ended ? null : dueOn })
      .run();
  }
  return row;
}

const stageOf = (db: Db, id: number) => currentStage(db, id);

const teamId = (db: Db, name: string) => db.select().from(teams).where(eq(teams.name, name)).get()!.id;

const ELIGIBLE = { receivedFrom: "Parent", childStatus: ["in-need" as const], withinTwelveMonths: "yes" as const, exclusions: ["none" as const] };

function auditRows(db: Db, entityId: number) {
  return db.select().from(auditLog).where(and(eq(auditLog.entity, "representation"), eq(auditLog.entityId, String(entityId)))).all();
}

describe("triage and decisions", () => {
  it("triages an eligible complaint into statutory Stage 1 with due dates from the day of receipt", async () => {
    const db = await createTestDb();
    const officer = addStaff(db, "complaints-officer");
    const c = addCase(db, { dueOn: null });
    expect(saveTriage(db, officer, c.reference, { representationType: "Complaint", process: "statutory", eligibility: ELIGIBLE })).toEqual({ ok: true });
    expect(acceptRepresentation(db, officer, c.reference, { decision: "statutory-stage1", personAgreed: false }, NOW)).toEqual({ ok: true });
    const after = findCaseFor(db, officer, c.reference)!;
    expect(after).toMatchObject({ status: "open", process: "statutory", receivedFrom: "Parent", representationType: "Complaint" });
    expect(stageOf(db, c.id)).toMatchObject({ sequence: 1, kind: "statutory-stage1", state: "open", startedOn: TODAY, dueOn: "2026-12-07", latestOn: "2026-12-21", nextDueOn: "2026-12-07" });
  });

  it("keys standing on the received-from value's code: renaming \"Parent\" changes nothing, and a restart does not bring the old label back", async () => {
    const db = await createTestDb();
    const officer = addStaff(db, "complaints-officer");
    const parent = db.select().from(referenceValues).where(and(eq(referenceValues.list, "received-from"), eq(referenceValues.label, "Parent"))).get()!;
    expect(parent.code).toBe("parent");
    expect(renameValue(db, { actorId: officer.id, list: "received-from", id: parent.id, label: "Parent or carer" })).toBe("updated");
    const c = addCase(db, { dueOn: null });
    // The form cannot claim a code for itself: the service looks it up from the label chosen.
    expect(saveTriage(db, officer, c.reference, { representationType: "Complaint", process: "statutory", eligibility: { ...ELIGIBLE, receivedFrom: "Parent or carer", receivedFromCode: "advocate" } })).toEqual({ ok: true });
    expect(findCaseFor(db, officer, c.reference)?.eligibility).toMatchObject({ receivedFrom: "Parent or carer", receivedFromCode: "parent" });
    // Still a parent: no question about parental responsibility, and Stage 1 may be chosen.
    expect(acceptRepresentation(db, officer, c.reference, { decision: "statutory-stage1", personAgreed: false }, NOW)).toEqual({ ok: true });

    // A value the council added has a generated code no rule knows: its standing is asked about.
    expect(addValue(db, { actorId: officer.id, list: "received-from", label: "Parent's partner" })).toBe("added");
    const added = addCase(db, { dueOn: null });
    saveTriage(db, officer, added.reference, { representationType: "Complaint", process: "statutory", eligibility: { ...ELIGIBLE, receivedFrom: "Parent's partner" } });
    expect(acceptRepresentation(db, officer, added.reference, { decision: "statutory-stage1", personAgreed: false })).toEqual({ ok: false, error: "not-allowed" });

    await seedDatabase(db, { demo: false });
    expect(db.select({ label: referenceValues.label }).from(referenceValues).where(eq(referenceValues.code, "parent")).all()).toEqual([{ label: "Parent or carer" }]);
    expect(db.select().from(referenceValues).where(and(eq(referenceValues.list, "received-from"), eq(referenceValues.label, "Parent"))).all()).toEqual([]);
  });

  it("refuses what the checklist does not allow, and early resolution without the person's agreement", async () => {
    const db = await createTestDb();
    const officer = addStaff(db, "complaints-officer");
    const c = addCase(db);
    expect(acceptRepresentation(db, officer, c.reference, { decision: "statutory-stage1", personAgreed: false })).toEqual({ ok: false, error: "not-allowed" });
    saveTriage(db, officer, c.reference, { representationType: "Complaint", process: "statutory", eligibility: ELIGIBLE });
    expect(acceptRepresentation(db, officer, c.reference, { decision: "early-resolution", personAgreed: false })).toEqual({ ok: false, error: "not-allowed" });
    expect(acceptRepresentation(db, officer, c.reference, { decision: "early-resolution", personAgreed: true }, NOW)).toEqual({ ok: true });
    // The Stage 1 clock the complaint had from receipt becomes early resolution's, from the decision.
    expect(stagesOf(db, c.id)).toMatchObject([{ sequence: 1, kind: "early-resolution", startedOn: TODAY, dueOn: "2026-11-26", nextDueOn: "2026-11-26" }]);
    expect(acceptRepresentation(db, officer, c.reference, { decision: "corporate", personAgreed: false })).toEqual({ ok: false, error: "already-decided" });
  });

  it("accepts into the corporate process with the reply counted from the acknowledgement", async () => {
    const db = await createTestDb();
    const officer = addStaff(db, "complaints-officer");
    const c = addCase(db);
    saveTriage(db, officer, c.reference, { representationType: "Complaint", process: "corporate", eligibility: { ...ELIGIBLE, childStatus: ["none"] } });
    expect(acceptRepresentation(db, officer, c.reference, { decision: "statutory-stage1", personAgreed: false })).toEqual({ ok: false, error: "not-allowed" });
    expect(acceptRepresentation(db, officer, c.reference, { decision: "corporate", personAgreed: false }, new Date("2026-11-25T09:00:00Z"))).toEqual({ ok: true });
    expect(findCaseFor(db, officer, c.reference)).toMatchObject({ process: "corporate", status: "open" });
    expect(stagesOf(db, c.id)).toMatchObject([{ kind: "corporate-stage1", startedOn: TODAY, acknowledgedOn: "2026-11-25", dueOn: "2026-12-09", latestOn: "2026-12-23" }]);
  });

  it("refuses with a reason from the process's list, and emails the letter as staff edited it through the outbox", async () => {
    const db = await createTestDb();
    const officer = addStaff(db, "complaints-officer");
    const c = addCase(db);
    const draft = draftRefusal(db, c, "Out of time");
    expect(draft.subject).toContain(c.reference);
    expect(draft.body).toContain("Dear Wilhelmina Quarterbridge");
    expect(draft.body).toContain("more than 12 months ago");
    expect(draft.body).toContain("Ombudsman");
    expect(refuseRepresentation(db, officer, c.reference, { reason: "Not a reason", subject: "x", body: "y" })).toEqual({ ok: false, error: "invalid-choice" });
    const body = `${draft.body}\n\nEdited by the officer.`;
    expect(refuseRepresentation(db, officer, c.reference, { reason: "Out of time", subject: draft.subject, body }, NOW)).toEqual({ ok: true, sentBy: "email" });
    // The closing date retention counts from (app/domain/retention.ts).
    expect(findCaseFor(db, officer, c.reference)).toMatchObject({ status: "refused", refusalReason: "Out of time", closedAt: NOW });
    // A refused complaint never entered a stage: no deadline runs on it.
    expect(stagesOf(db, c.id)).toEqual([]);
    const mail = db.select().from(outbox).where(and(eq(outbox.representationId, c.id), eq(outbox.template, "refusal"))).get()!;
    expect(mail.toAddress).toBe("wilhelmina.q@example.com");
    expect(mail.textBody).toContain("Edited by the officer.");
    expect(mail.htmlBody).not.toContain("<script");
  });

  it("keeps the refusal letter on the timeline to post when there is no email address, and writes it in easy read for the young person's form", async () => {
    const db = await createTestDb();
    const officer = addStaff(db, "complaints-officer");
    const c = addCase(db, { personEmail: null, mode: "easy-read", personRelationship: "young-person" });
    const draft = draftRefusal(db, c, "Repeat complaint");
    expect(draft.body).toContain("Hello Wilhelmina Quarterbridge");
    expect(refuseRepresentation(db, officer, c.reference, { reason: "Repeat complaint", ...draft })).toEqual({ ok: true, sentBy: "letter" });
    const letter = caseTimeline(db, findCaseFor(db, officer, c.reference)!).find((i) => i.kind === "correspondence-out");
    expect(letter).toMatchObject({ channel: "letter" });
    expect(letter?.body).toContain(draft.subject);
  });

  it("codes natures (one primary) and outcome sought, offering retired values only when already on the record", async () => {
    const db = await createTestDb();
    const officer = addStaff(db, "complaints-officer");
    const c = addCase(db);
    expect(saveCoding(db, officer, c.reference, { primaryNature: "Poor communication", otherNatures: ["Contact arrangements"], outcomesSought: ["Apology"], method: "Telephone" })).toEqual({ ok: true });
    expect(caseCoding(db, c.id)).toEqual({
      "nature-social-care": [
        { label: "Contact arrangements", primary: false },
        { label: "Poor communication", primary: true },
      ],
      "outcome-sought": [{ label: "Apology", primary: false }],
    });
    expect(findCaseFor(db, officer, c.reference)).toMatchObject({ primaryNature: "Poor communication", methodReceived: "Telephone" });
    expect(saveCoding(db, officer, c.reference, { primaryNature: "Not a nature", otherNatures: [], outcomesSought: [], method: "Telephone" })).toEqual({ ok: false, error: "invalid-choice" });
  });
});

describe("who sees what", () => {
  it("shows team managers only their teams' cases, and investigators only their Stage 2 cases", async () => {
    const db = await createTestDb();
    const fostering = teamId(db, "Fostering");
    const adoption = teamId(db, "Adoption");
    const officer = addStaff(db, "complaints-officer");
    const manager = addStaff(db, "team-manager", [fostering]);
    const other = addStaff(db, "team-manager", [adoption]);
    const investigator = addStaff(db, "investigator");
    const c = addCase(db);
    expect(assignCase(db, officer, c.reference, { teamId: fostering, respondingManagerId: manager.id }, { publicUrl: PUBLIC_URL, now: NOW })).toEqual({ ok: true });
    expect(findCaseFor(db, manager, c.reference)?.id).toBe(c.id);
    // The responding manager holds the current stage (the inbox's "who holds it").
    expect(stageOf(db, c.id)?.handlerId).toBe(manager.id);
    expect(findCaseFor(db, other, c.reference)).toBeNull();
    expect(findCaseFor(db, investigator, c.reference)).toBeNull();
    expect(addNote(db, other, c.reference, "Should not land")).toEqual({ ok: false });
    // Named on Stage 1 the investigator sees nothing; named as Investigating Officer on Stage 2, the case.
    const stage1 = stageOf(db, c.id)!;
    namePerson(db, { stageId: stage1.id, role: "investigating-officer", staffUserId: investigator.id });
    expect(findCaseFor(db, investigator, c.reference)).toBeNull();
    db.update(stages).set({ state: "escalated", nextDueOn: null }).where(eq(stages.id, stage1.id)).run();
    const stage2 = openStage(db, { representationId: c.id, kind: "statutory-stage2", startedOn: TODAY });
    expect(findCaseFor(db, investigator, c.reference)).toBeNull();
    namePerson(db, { stageId: stage2.id, role: "independent-person", name: "Indy Pendent" });
    expect(findCaseFor(db, investigator, c.reference)).toBeNull();
    namePerson(db, { stageId: stage2.id, role: "investigating-officer", staffUserId: investigator.id });
    expect(findCaseFor(db, investigator, c.reference)?.id).toBe(c.id);
    expect(listRepresentations(db, { id: investigator.id, role: "investigator", teamIds: [] }, {}, TODAY).rows.map((r) => r.reference)).toEqual([c.reference]);

    const inbox = (actor: Actor & { teamIds?: number[] }, teamIds: number[]) => listRepresentations(db, { id: actor.id, role: actor.role, teamIds }, {}, TODAY).rows.map((r) => r.reference);
    expect(inbox(manager, [fostering])).toEqual([c.reference]);
    expect(inbox(other, [adoption])).toEqual([]);

    const mail = db.select().from(outbox).where(eq(outbox.template, "case-assigned")).get()!;
    expect(mail.toAddress).toBe(manager.email);
    expect(mail.textBody).toContain(`${PUBLIC_URL}/staff/cases/${c.reference}`);
    expect(mail.textBody).not.toContain("Quarterbridge");
    expect(assignCase(db, officer, c.reference, { teamId: adoption, respondingManagerId: manager.id }, { publicUrl: PUBLIC_URL })).toEqual({ ok: false, error: "manager-not-in-team" });
  });
});

describe("inbox", () => {
  it("filters, searches by reference and by name, and pins an unreferred safeguarding concern to the top", async () => {
    const db = await createTestDb();
    const officer = addStaff(db, "complaints-officer");
    const viewer = { id: officer.id, role: officer.role, teamIds: [] };
    const soon = addCase(db, { dueOn: "2026-11-25", personName: "Ada Soon" });
    const later = addCase(db, { dueOn: "2026-12-10", personName: "Bea Later", childName: "Cy Child" });
    const overdue = addCase(db, { dueOn: "2026-11-20", personName: "Dee Late", personRelationship: "young-person" });
    const done = addCase(db, { dueOn: "2026-11-10", status: "closed", personName: "Eve Done" });
    const refs = (f: Parameters<typeof listRepresentations>[2]) => listRepresentations(db, viewer, f, TODAY).rows.map((r) => r.reference);

    expect(refs({})).toEqual([overdue.reference, soon.reference, later.reference, done.reference]);
    expect(refs({ overdue: true })).toEqual([overdue.reference]);
    expect(refs({ dueWithin: 2 })).toEqual([overdue.reference, soon.reference]);
    expect(refs({ youngPerson: true })).toEqual([overdue.reference]);
    expect(refs({ q: "cy chi" })).toEqual([later.reference]);
    expect(refs({ q: later.reference.toLowerCase() })).toEqual([later.reference]);
    expect(refs({ q: "100%_" })).toEqual([]);
    expect(refs({ status: "closed" })).toEqual([done.reference]);
    expect(refs({ sort: "received-oldest" })).toHaveLength(4);

    flagConcern(db, officer, done.reference, "Bruise mentioned on the phone");
    expect(refs({})[0]).toBe(done.reference);
    expect(refs({ safeguarding: true })).toEqual([done.reference]);
    expect(countsByStatus(db, viewer)).toEqual({ new: 3, closed: 1 });
  });
});

describe("safeguarding, restrictions and compliments", () => {
  it("keeps a case flagged until every concern's referral is recorded", async () => {
    const db = await createTestDb();
    const officer = addStaff(db, "complaints-officer");
    const c = addCase(db);
    const first = flagConcern(db, officer, c.reference, "Concern one", NOW);
    const second = flagConcern(db, officer, c.reference, "Concern two", NOW);
    if (!first.ok || !second.ok) throw new Error("flag failed");
    expect(recordReferral(db, officer, c.reference, { concernId: first.result, referredTo: "mash", referredToName: "Pat Duty, MASH", referredOn: TODAY }).ok).toBe(true);
    expect(findCaseFor(db, officer, c.reference)?.safeguarding).toBe("flagged");
    expect(recordReferral(db, officer, c.reference, { concernId: first.result, referredTo: "lado", referredToName: "Twice", referredOn: TODAY }).ok).toBe(false);
    expect(recordReferral(db, officer, c.reference, { concernId: second.result, referredTo: "lado", referredToName: "Lee LADO", referredOn: TODAY }).ok).toBe(true);
    expect(findCaseFor(db, officer, c.reference)?.safeguarding).toBe("referred");
  });

  it("shows a person's contact restriction on every case from the same email address until it ends", async () => {
    const db = await createTestDb();
    const officer = addStaff(db, "complaints-officer");
    const first = addCase(db);
    const second = addCase(db, { personEmail: "WILHELMINA.Q@example.com" });
    const stranger = addCase(db, { personEmail: "someone.else@example.com" });
    const added = addRestriction(db, officer, first.reference, { restricted: "Email only, to the complaints team", reason: "Abusive calls", reviewOn: "2027-05-01" });
    if (!added.ok) throw new Error("add failed");
    const read = (ref: string) => activeRestrictions(db, findCaseFor(db, officer, ref)!).map((r) => r.restricted);
    expect(read(first.reference)).toEqual(["Email only, to the complaints team"]);
    expect(read(second.reference)).toEqual(["Email only, to the complaints team"]);
    expect(read(stranger.reference)).toEqual([]);
    expect(endRestriction(db, officer, second.reference, added.result).ok).toBe(true);
    expect(read(first.reference)).toEqual([]);
  });

  it("passes a compliment to the team's managers only when the person agreed", async () => {
    const db = await createTestDb();
    const fostering = teamId(db, "Fostering");
    const officer = addStaff(db, "complaints-officer");
    const manager = addStaff(db, "team-manager", [fostering]);
    const words = "Our foster carer's social worker was wonderful.";
    const agreed = addCase(db, {
      kind: "compliment",
      answers: { "compliment-team": { team: String(fostering) }, "compliment-what": { whatWentWell: words }, "compliment-share": { mayShare: "yes" } },
    });
    const notAgreed = addCase(db, { kind: "compliment", answers: { "compliment-team": { team: String(fostering) }, "compliment-share": { mayShare: "no" } } });
    const odd = addCase(db, { kind: "compliment", answers: { "compliment-share": "garbled" } });
    expect(passOnCompliment(db, officer, agreed.reference, { publicUrl: PUBLIC_URL })).toEqual({ ok: true, to: [manager.email] });
    expect(db.select().from(outbox).where(eq(outbox.template, "compliment-passed-on")).get()?.textBody).toContain(words);
    expect(db.select().from(representations).where(eq(representations.id, agreed.id)).get()?.closedAt).toBeInstanceOf(Date);
    expect(passOnCompliment(db, officer, notAgreed.reference, { publicUrl: PUBLIC_URL })).toEqual({ ok: false, error: "no-consent" });
    expect(passOnCompliment(db, officer, odd.reference, { publicUrl: PUBLIC_URL })).toEqual({ ok: false, error: "no-consent" });
  });

  it("passes a compliment on once: a replayed request emails nobody and records nothing", async () => {
    const db = await createTestDb();
    const fostering = teamId(db, "Fostering");
    const officer = addStaff(db, "complaints-officer");
    addStaff(db, "team-manager", [fostering]);
    const compliment = addCase(db, { kind: "compliment", answers: { "compliment-team": { team: String(fostering) }, "compliment-share": { mayShare: "yes" } } });
    const counts = () => ({
      mail: db.select().from(outbox).where(eq(outbox.template, "compliment-passed-on")).all().length,
      audit: db.select().from(auditLog).where(eq(auditLog.action, "case.compliment-passed-on")).all().length,
      entries: db.select().from(caseEntries).where(eq(caseEntries.kind, "compliment-passed-on")).all().length,
    });
    expect(passOnCompliment(db, officer, compliment.reference, { publicUrl: PUBLIC_URL }).ok).toBe(true);
    expect(counts()).toEqual({ mail: 1, audit: 1, entries: 1 });
    expect(complimentPassedOn(db, compliment.id)).toBe(true);
    expect(passOnCompliment(db, officer, compliment.reference, { publicUrl: PUBLIC_URL })).toEqual({ ok: false, error: "already-passed-on" });
    expect(counts()).toEqual({ mail: 1, audit: 1, entries: 1 });
  });
});

describe("audit", () => {
  it("writes an audit row, in the same transaction, for every case view and every staff case action", async () => {
    const db = await createTestDb();
    const fostering = teamId(db, "Fostering");
    const officer = addStaff(db, "complaints-officer");
    const manager = addStaff(db, "team-manager", [fostering]);
    const c = addCase(db);
    const compliment = addCase(db, { kind: "compliment", answers: { "compliment-team": { team: String(fostering) }, "compliment-share": { mayShare: "yes" } } });
    const refused = addCase(db);

    const actions: Array<[string, () => { ok: boolean }, number]> = [
      ["case.viewed", () => ({ ok: viewCase(db, officer, c.reference) !== null }), c.id],
      ["case.note-added", () => addNote(db, officer, c.reference, "Called the parent"), c.id],
      ["case.correspondence-recorded", () => recordCorrespondence(db, officer, c.reference, { direction: "in", channel: "letter", summary: "Letter with more detail" }), c.id],
      ["case.triaged", () => saveTriage(db, officer, c.reference, { representationType: "Complaint", process: "statutory", eligibility: ELIGIBLE }), c.id],
      ["case.coded", () => saveCoding(db, officer, c.reference, { primaryNature: "Poor communication", otherNatures: [], outcomesSought: [], method: "E-form" }), c.id],
      ["case.accepted", () => acceptRepresentation(db, officer, c.reference, { decision: "statutory-stage1", personAgreed: false }), c.id],
      ["case.assigned", () => assignCase(db, officer, c.reference, { teamId: fostering, respondingManagerId: manager.id }, { publicUrl: PUBLIC_URL }), c.id],
      ["case.safeguarding-flagged", () => flagConcern(db, officer, c.reference, "Concern"), c.id],
      ["case.restriction-added", () => addRestriction(db, officer, c.reference, { restricted: "Email only", reason: "Calls", reviewOn: "2027-01-01" }), c.id],
      ["case.refused", () => refuseRepresentation(db, officer, refused.reference, { reason: "Out of time", subject: "Your complaint", body: "Sorry." }), refused.id],
      ["case.compliment-passed-on", () => passOnCompliment(db, officer, compliment.reference, { publicUrl: PUBLIC_URL }), compliment.id],
    ];
    for (const [action, run, entityId] of actions) {
      const before = auditRows(db, entityId).length;
      expect(run().ok, action).toBe(true);
      const rows = auditRows(db, entityId);
      expect(rows.length, action).toBe(before + 1);
      expect(rows.at(-1), action).toMatchObject({ action, staffUserId: officer.id });
    }
    const concern = caseTimeline(db, findCaseFor(db, officer, c.reference)!).find((i) => i.kind === "safeguarding-flagged");
    expect(concern?.author).toMatch(/^complaints-officer \d+$/);

    // The audit row records before and after.
    const accepted = auditRows(db, c.id).find((r) => r.action === "case.accepted");
    expect(accepted?.details).toMatchObject({ before: { status: "triaged", stage: "statutory-stage1" }, after: { status: "open", stage: "statutory-stage1" } });

    // Referral and the end of a restriction are audited too.
    const concernId = db.select().from(auditLog).all().find((r) => r.action === "case.safeguarding-flagged")?.details as { after: { concernId: number } };
    expect(recordReferral(db, officer, c.reference, { concernId: concernId.after.concernId, referredTo: "mash", referredToName: "MASH duty", referredOn: TODAY }).ok).toBe(true);
    const restriction = activeRestrictions(db, findCaseFor(db, officer, c.reference)!)[0]!;
    expect(endRestriction(db, officer, c.reference, restriction.id).ok).toBe(true);
    expect(auditRows(db, c.id).map((r) => r.action)).toEqual(expect.arrayContaining(["case.safeguarding-referred", "case.restriction-ended"]));

    // A change that does not happen leaves no audit row (and no half-done change).
    const count = auditRows(db, refused.id).length;
    expect(refuseRepresentation(db, officer, refused.reference, { reason: "Out of time", subject: "Again", body: "Again" }).ok).toBe(false);
    expect(auditRows(db, refused.id).length).toBe(count);
  });
});

describe("logging a representation received another way", () => {
  it("asks the e-form's own questions, upload page included, and logs it with its files, method, day received and Stage 1 clock", async () => {
    const db = await createTestDb();
    const officer = addStaff(db, "complaints-officer");
    const received = new Date("2026-11-20T10:00:00Z");
    const draftId = startLog(db, officer, { kind: "complaint", relationship: "parent", method: "Telephone", receivedOn: "2026-11-20" }, received);
    expect(nextLogStep(db, draftId, NOW)).toBe("about-the-child");
    const answers: Array<[StepId, Record<string, unknown>]> = [
      ["about-the-child", { childName: "Nell Phone", childAge: "9" }],
      ["your-details", { fullName: "Pat Phone" }],
      ["contact", { contactMethod: "phone", phone: "07700 900111" }],
      ["contact-safety", { safeToCall: "yes", safeToLeaveMessage: "no" }],
      ["support-needs", {}],
      ["what-happened", { description: "Told us on the phone that visits stopped." }],
      ["when-it-happened", { whenKind: "about", whenAbout: "Last month" }],
      ["team", { team: "dont-know" }],
      ["put-right", { outcomes: ["apology"] }],
      ["complained-before", { complainedBefore: "no" }],
      ["court-case", { courtCase: "no" }],
    ];
    let next: string = "about-the-child";
    for (const [step, values] of answers) {
      expect(next).toBe(step);
      const draft = findLog(db, draftId, NOW)!;
      next = saveLogStep(db, draft, step, values, NOW);
    }
    // What came with it (a scanned letter) is added on the e-form's own upload page.
    expect(next).toBe("attachments");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-log-files-"));
    const upload = await receiveUpload(
      new Request("http://localhost/staff/log/x/attachments", {
        method: "POST",
        headers: { "Content-Type": "multipart/form-data; boundary=b" },
        body: Buffer.concat([Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="letter.pdf"\r\nContent-Type: application/pdf\r\n\r\n'), samplePdf, Buffer.from("\r\n--b--\r\n")]),
      }),
      dir,
    );
    const stored = await storeUpload(db, dir, draftId, upload.file!, NOW, officer.id);
    expect(stored.ok && stored.attachment.uploadedByStaffId).toBe(officer.id);
    next = saveLogStep(db, findLog(db, draftId, NOW)!, "attachments", {}, NOW);
    expect(next).toBe("check-answers");
    const result = finishLog(db, officer, draftId, NOW);
    if (!result.ok) throw new Error(result.error);
    const row = findCaseFor(db, officer, result.reference)!;
    expect(row).toMatchObject({ methodReceived: "Telephone", receivedOn: "2026-11-20", personName: "Pat Phone", childName: "Nell Phone", status: "new" });
    // Through the one create function: a complaint enters statutory Stage 1 from the day it was received.
    expect(stagesOf(db, row.id)).toMatchObject([{ sequence: 1, kind: "statutory-stage1", state: "open", startedOn: "2026-11-20", dueOn: "2026-12-04", nextDueOn: "2026-12-04" }]);
    expect(auditRows(db, row.id).map((r) => r.action)).toEqual(["case.logged"]);
    expect(caseTimeline(db, row).some((i) => i.kind === "logged" && i.channel === "Telephone")).toBe(true);
    expect(attachmentsForRepresentation(db, row.id).map((a) => a.name)).toEqual(["letter.pdf"]);
    // The timeline says which member of staff added the file.
    const file = caseTimeline(db, row).find((i) => i.kind === "attachment");
    expect(file).toMatchObject({ body: "letter.pdf", author: db.select().from(staffUsers).where(eq(staffUsers.id, officer.id)).get()!.name });
    expect(listAttachments(db, { draftId })).toEqual([]);
    // Logged once: the draft is spent.
    expect(finishLog(db, officer, draftId, NOW)).toEqual({ ok: false, error: "not-found" });
  });

  it("never opens a member of the public's draft", async () => {
    const db = await createTestDb();
    const publicDraft = createDraft(db, NOW);
    expect(findLog(db, publicDraft.id, NOW)).toBeNull();
  });
});
