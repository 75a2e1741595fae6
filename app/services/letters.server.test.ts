import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, caseEntries, outbox, representations, staffTeamMembers, staffUsers, teams } from "../../db/schema";
import { createTestDb } from "../../test/db";
import type { CompleteAnswers } from "../domain/form/journey";
import type { DraftAnswers, StepId } from "../domain/form/steps";
import { acceptRepresentation, saveTriage } from "./case-triage.server";
import type { Actor } from "./case.server";
import { createRepresentation } from "./create-representation.server";
import type { Db } from "./db.server";
import { createDraft, saveStepAnswers } from "./drafts.server";
import { keptLetters, letterToPrint, markLetterPosted } from "./letters.server";
import { teamOptions } from "./public-teams.server";
import { extendStage } from "./stage-actions.server";
import { submitDraft } from "./submission.server";

// Monday 23 November 2026, 10:15 in London; Stage 1 is due Monday 7 December.
const NOW = new Date("2026-11-23T10:15:00Z");
const TODAY = "2026-11-23";
const LATER = new Date("2026-11-25T09:00:00Z");
const ELIGIBLE = { receivedFrom: "Parent", childStatus: ["in-need" as const], withinTwelveMonths: "yes" as const, exclusions: ["none" as const] };
const ADDRESS = "14 Larkspur Close\nNorthtown\nNT2 4QP";

function staffOf(db: Db, role: Actor["role"], email = `${role}@northshire.example`): Actor {
  const user = db.insert(staffUsers).values({ email, name: `The ${role}`, role, passwordHash: "x" }).returning().get();
  return { id: user.id, role };
}

/** A complaint received today, with how the person asked to be contacted. */
function complaint(db: Db, person: { email: string | null; contact: Record<string, string>; safeToWrite?: string; language?: string; mode?: "standard" | "easy-read" }) {
  return createRepresentation(db, {
    kind: "complaint",
    methodReceived: "E-form",
    receivedAt: NOW,
    receivedOn: TODAY,
    personName: "Wilhelmina Quarterbridge",
    personRelationship: "parent",
    personEmail: person.email,
    language: person.language ?? "en",
    mode: person.mode ?? "standard",
    answers: { contact: person.contact, ...(person.safeToWrite ? { "contact-safety": { safeToWrite: person.safeToWrite } } : {}) },
  });
}

function accept(db: Db, officer: Actor, reference: string) {
  saveTriage(db, officer, reference, { representationType: "Complaint", process: "statutory", eligibility: ELIGIBLE });
  expect(acceptRepresentation(db, officer, reference, { decision: "statutory-stage1", personAgreed: true }, NOW)).toEqual({ ok: true });
}

const mailOf = (db: Db, representationId: number) => db.select().from(outbox).where(eq(outbox.representationId, representationId)).all();

describe("letters to the person: email or post", () => {
  it("emails the acceptance into Stage 1, in the person's language, with the due date", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = complaint(db, { email: "pat@example.com", contact: { contactMethod: "email", email: "pat@example.com" }, language: "pl" });
    accept(db, officer, c.reference);
    const [mail] = mailOf(db, c.id).filter((m) => m.template === "stage-decided");
    expect(mail).toMatchObject({ toAddress: "pat@example.com", subject: `Jak rozpatrzymy Twoją skargę – numer sprawy ${c.reference}` });
    expect(mail?.textBody).toContain("etap 1 procedury skarg dotyczących opieki społecznej nad dziećmi");
    expect(mail?.textBody).toContain("Odpowiemy do poniedziałek 7 grudnia 2026.");
    expect(keptLetters(db, c.id)).toEqual([]);
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "case.accepted")).get();
    expect(audit?.details).toMatchObject({ after: { sentBy: "email" } });
  });

  it("keeps every letter to post when the person asked for post, even with an email address on the record", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = complaint(db, { email: "pat@example.com", contact: { contactMethod: "post", address: ADDRESS }, mode: "easy-read" });
    accept(db, officer, c.reference);
    expect(extendStage(db, officer, c.reference, { newDate: "2026-12-14", reason: "complex", details: "Three services" }, NOW)).toEqual({ ok: true, sentBy: "letter" });
    expect(mailOf(db, c.id)).toEqual([]);
    const letters = keptLetters(db, c.id);
    expect(letters.map((l) => [l.template, l.posted])).toEqual([
      ["stage-decided", null],
      ["extension", null],
    ]);
    // Easy read, as the young person's form was.
    expect(letters[0]?.subject).toBe(`What we will do next – reference ${c.reference}`);
    expect(letters[0]?.body).toContain("We will write back by Monday 7 December 2026.");
  });

  it("keeps the letter to post when there is no email address (phone only): the printable page says there is no address", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = complaint(db, { email: null, contact: { contactMethod: "phone", phone: "07700 900982" } });
    accept(db, officer, c.reference);
    const row = db.select().from(representations).where(eq(representations.id, c.id)).get()!;
    const [letter] = keptLetters(db, c.id);
    expect(letterToPrint(db, row, letter!.entryId)).toMatchObject({ personName: "Wilhelmina Quarterbridge", postalAddress: null, notSafeToWrite: false, template: "stage-decided" });
  });

  it("carries the address and the warning that writing is not safe to the printable letter", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = complaint(db, { email: null, contact: { contactMethod: "post", address: ADDRESS }, safeToWrite: "no" });
    accept(db, officer, c.reference);
    const row = db.select().from(representations).where(eq(representations.id, c.id)).get()!;
    const [letter] = keptLetters(db, c.id);
    expect(letterToPrint(db, row, letter!.entryId)).toMatchObject({ postalAddress: ADDRESS, notSafeToWrite: true });
    expect(letterToPrint(db, row, letter!.entryId + 1000)).toBeNull();
  });
});

describe("the e-form's acknowledgement", () => {
  async function send(contact: Record<string, string>, language: "en" | "ur" = "en") {
    const db = await createTestDb();
    const [team] = teamOptions(db);
    const answers: CompleteAnswers = {
      kind: { kind: "complaint" },
      "who-are-you": { relationship: "parent" },
      "about-the-child": { childName: "Bartholomew", childAge: "9" },
      "your-details": { fullName: "Wilhelmina Quarterbridge" },
      contact,
      ...(contact.contactMethod === "post" ? { "contact-safety": { safeToWrite: "yes" } } : {}),
      ...(contact.contactMethod === "phone" ? { "contact-safety": { safeToCall: "yes", safeToLeaveMessage: "yes" } } : {}),
      "support-needs": {},
      "what-happened": { description: "The contact visit was cancelled three times." },
      "when-it-happened": { whenKind: "date", whenDay: "14", whenMonth: "6", whenYear: "2026" },
      team: { team: team![0] },
      "put-right": { outcomes: ["apology"] },
      "complained-before": { complainedBefore: "no" },
      "court-case": { courtCase: "no" },
      attachments: {},
    };
    let draft = createDraft(db, NOW);
    for (const [step, values] of Object.entries(answers as DraftAnswers)) draft = saveStepAnswers(db, draft, step as StepId, values, NOW);
    const result = submitDraft(db, draft.id, { language, publicUrl: "http://localhost:3000", now: NOW });
    if (result.outcome !== "sent") throw new Error(result.outcome);
    const row = db.select().from(representations).where(eq(representations.reference, result.reference)).get()!;
    return { db, row, reference: result.reference };
  }

  it("is kept as a letter to print, in the person's language, with the reference and the reply date, when they asked for post", async () => {
    const { db, row, reference } = await send({ contactMethod: "post", address: ADDRESS }, "ur");
    expect(mailOf(db, row.id).map((m) => m.template)).toEqual(["staff-notification"]);
    const [letter] = keptLetters(db, row.id);
    expect(letter).toMatchObject({ template: "acknowledgement-complaint", posted: null });
    expect(letter?.subject).toContain("ہمیں آپ کی شکایت موصول ہو گئی ہے");
    expect(letter?.body).toContain(reference);
    expect(letter?.body).toContain("7 دسمبر");
    // Written by the system: no member of staff signs it.
    expect(db.select().from(caseEntries).where(eq(caseEntries.id, letter!.entryId)).get()?.staffUserId).toBeNull();
    expect(letterToPrint(db, row, letter!.entryId)?.postalAddress).toBe(ADDRESS);
  });

  it("is kept to post when the person gave only a phone number, and emailed when they asked for email", async () => {
    const byPhone = await send({ contactMethod: "phone", phone: "07700 900982" });
    expect(keptLetters(byPhone.db, byPhone.row.id).map((l) => l.template)).toEqual(["acknowledgement-complaint"]);
    const byEmail = await send({ contactMethod: "email", email: "pat@example.com" });
    expect(keptLetters(byEmail.db, byEmail.row.id)).toEqual([]);
    expect(mailOf(byEmail.db, byEmail.row.id).map((m) => [m.template, m.toAddress])).toContainEqual(["acknowledgement-complaint", "pat@example.com"]);
  });
});

describe("marking a letter posted", () => {
  async function withLetter() {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = complaint(db, { email: null, contact: { contactMethod: "post", address: ADDRESS } });
    accept(db, officer, c.reference);
    const [letter] = keptLetters(db, c.id);
    return { db, officer, c, entryId: letter!.entryId };
  }

  it("records the day on the timeline and in the audit (never the words), once", async () => {
    const { db, officer, c, entryId } = await withLetter();
    expect(markLetterPosted(db, officer, c.reference, entryId, "2026-11-24", LATER)).toEqual({ ok: true });
    expect(keptLetters(db, c.id)[0]?.posted).toEqual({ on: "2026-11-24", by: "The complaints-officer" });
    const entry = db.select().from(caseEntries).where(and(eq(caseEntries.representationId, c.id), eq(caseEntries.kind, "letter-posted"))).get();
    expect(entry).toMatchObject({ staffUserId: officer.id, details: { letterEntryId: entryId, letter: "stage-decided", postedOn: "2026-11-24" } });
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "case.letter-posted")).get();
    expect(audit?.details).toMatchObject({ before: { letterEntryId: entryId, postedOn: null }, after: { letterEntryId: entryId, letter: "stage-decided", postedOn: "2026-11-24" } });
    expect(JSON.stringify(audit?.details)).not.toContain("Larkspur");

    expect(markLetterPosted(db, officer, c.reference, entryId, "2026-11-25", LATER)).toEqual({ ok: false, error: "already-posted" });
  });

  it("refuses a date before the letter or in the future, an entry that is not a kept letter, and another team's manager", async () => {
    const { db, officer, c, entryId } = await withLetter();
    expect(markLetterPosted(db, officer, c.reference, entryId, "2026-11-22", LATER)).toEqual({ ok: false, error: "before-letter" });
    expect(markLetterPosted(db, officer, c.reference, entryId, "2026-11-26", LATER)).toEqual({ ok: false, error: "in-future" });
    const decision = db.select().from(caseEntries).where(and(eq(caseEntries.representationId, c.id), eq(caseEntries.kind, "decision"))).get()!;
    expect(markLetterPosted(db, officer, c.reference, decision.id, "2026-11-24", LATER)).toEqual({ ok: false, error: "not-found" });
    const team = db.insert(teams).values({ name: "Letters elsewhere" }).returning().get();
    const stranger = staffOf(db, "team-manager", "tm@northshire.example");
    db.insert(staffTeamMembers).values({ staffUserId: stranger.id, teamId: team.id }).run();
    expect(markLetterPosted(db, stranger, c.reference, entryId, "2026-11-24", LATER)).toEqual({ ok: false, error: "not-found" });
    expect(keptLetters(db, c.id)[0]?.posted).toBeNull();
    expect(db.select().from(auditLog).where(eq(auditLog.action, "case.letter-posted")).all()).toEqual([]);
  });
});
