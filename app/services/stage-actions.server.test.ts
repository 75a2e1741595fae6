import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, outbox, representations, staffTeamMembers, teams } from "../../db/schema";
import { acceptedComplaint, staffOf } from "../../test/cases";
import { createTestDb } from "../../test/db";
import type { Actor } from "./case.server";
import { createRepresentation } from "./create-representation.server";
import type { Db } from "./db.server";
import { draftResponse, extendStage, extensionForm, offeredStageActions, respondToStage } from "./stage-actions.server";
import { keptLetters } from "./letters.server";
import { currentStage } from "./stages.server";

// Monday 23 November 2026, 10:15 in London; no bank holidays until Christmas.
const NOW = new Date("2026-11-23T10:15:00Z");
const TODAY = "2026-11-23";
/** A complaint received today and accepted into statutory Stage 1 (or corporate Stage 1). */
function inStage1(db: Db, officer: Actor, person: { email?: string | null; language?: string; mode?: "standard" | "easy-read" } = {}, process: "statutory" | "corporate" = "statutory") {
  return acceptedComplaint(db, officer, { now: NOW, process, ...person });
}

const rowOf = (db: Db, id: number) => db.select().from(representations).where(eq(representations.id, id)).get()!;

const mailTo = (db: Db, representationId: number) => db.select().from(outbox).where(and(eq(outbox.representationId, representationId), eq(outbox.template, "extension"))).all();

describe("extending a stage's deadline", () => {
  it("moves statutory Stage 1 to the new date, tells the person by email in their language, and audits dates and codes only", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = inStage1(db, officer, { language: "pl" });
    expect(offeredStageActions(db, officer, rowOf(db, c.id), NOW)).toContain("extend");
    // Due Mon 7 Dec (10 working days from Mon 23 Nov); at most Mon 21 Dec (20).
    expect(extensionForm(db, officer, rowOf(db, c.id), NOW)).toMatchObject({ stage: { respondBy: "2026-12-07", latestOn: "2026-12-21" }, reasons: ["complex", "advocate"] });

    expect(extendStage(db, officer, c.reference, { newDate: "2026-12-18", reason: "complex", details: "Three services involved, secret words" }, NOW)).toEqual({ ok: true, sentBy: "email" });

    expect(currentStage(db, c.id)).toMatchObject({ extendedTo: "2026-12-18", dueOn: "2026-12-07", latestOn: "2026-12-21", nextDueOn: "2026-12-18", personToldOfExtensionOn: TODAY, extendedById: officer.id });
    const [mail] = mailTo(db, c.id);
    expect(mail).toMatchObject({ toAddress: "pat@example.com", subject: `Potrzebujemy więcej czasu na odpowiedź na Twoją skargę – numer sprawy ${c.reference}` });
    expect(mail?.textBody).toContain("Nowy termin naszej odpowiedzi to: piątek 18 grudnia 2026.");
    expect(mail?.textBody).toContain("Twoja skarga jest złożona");

    const audit = db.select().from(auditLog).where(eq(auditLog.action, "case.stage-extended")).get();
    expect(audit?.details).toMatchObject({ after: { extendedTo: "2026-12-18", nextDueOn: "2026-12-18", extensionReasonCode: "complex", personToldOfExtensionOn: TODAY, sentBy: "email" } });
    expect(JSON.stringify(audit?.details)).not.toContain("secret words");
  });

  it("writes the easy-read words for the young person's form", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = inStage1(db, officer, { mode: "easy-read" });
    expect(extendStage(db, officer, c.reference, { newDate: "2026-12-21", reason: "advocate", details: "Advocate booked" }, NOW).ok).toBe(true);
    expect(mailTo(db, c.id)[0]?.textBody).toContain("This is because we are finding someone to help you.");
  });

  it("keeps a letter to post on the timeline when the person gave no email address", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = inStage1(db, officer, { email: null });
    expect(extendStage(db, officer, c.reference, { newDate: "2026-12-14", reason: "complex", details: "Needs records" }, NOW)).toEqual({ ok: true, sentBy: "letter" });
    expect(mailTo(db, c.id)).toEqual([]);
    // Kept to post after the letter that told them of Stage 1.
    expect(keptLetters(db, c.id).map((l) => l.template)).toEqual(["stage-decided", "extension"]);
    expect(keptLetters(db, c.id)[1]?.body).toContain("We will now reply by Monday 14 December 2026.");
  });

  it("refuses a date that is not later, beyond the maximum or not a working day, a reason the procedure does not allow, and changes nothing", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = inStage1(db, officer);
    const extend = (newDate: string, reason = "complex") => extendStage(db, officer, c.reference, { newDate, reason, details: "Why" }, NOW);
    expect(extend("2026-12-04")).toEqual({ ok: false, error: "not-later" });
    expect(extend("2026-12-07")).toEqual({ ok: false, error: "not-later" });
    expect(extend("2026-12-22")).toEqual({ ok: false, error: "beyond-maximum" });
    expect(extend("2026-12-12")).toEqual({ ok: false, error: "not-a-working-day" });
    expect(extend("2026-12-14", "other")).toEqual({ ok: false, error: "invalid-reason" });
    expect(extendStage(db, officer, c.reference, { newDate: "2026-12-14", reason: "complex", details: "" }, NOW)).toEqual({ ok: false, error: "reason-required" });
    expect(currentStage(db, c.id)).toMatchObject({ extendedTo: null, nextDueOn: "2026-12-07" });
    expect(mailTo(db, c.id)).toEqual([]);
  });

  it("refuses a second extension once at the maximum, and a role the table does not allow", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const manager = staffOf(db, "complaints-manager");
    const c = inStage1(db, officer);
    const teamManager = staffOf(db, "team-manager");
    expect(extendStage(db, teamManager, c.reference, { newDate: "2026-12-14", reason: "complex", details: "Why" }, NOW)).toEqual({ ok: false, error: "not-found" });
    expect(extendStage(db, manager, c.reference, { newDate: "2026-12-21", reason: "complex", details: "Why" }, NOW).ok).toBe(true);
    expect(offeredStageActions(db, manager, rowOf(db, c.id), NOW)).not.toContain("extend");
    expect(extensionForm(db, manager, rowOf(db, c.id), NOW)).toBeNull();
    expect(extendStage(db, manager, c.reference, { newDate: "2026-12-21", reason: "complex", details: "Again" }, NOW)).toEqual({ ok: false, error: "at-maximum" });
  });

  it("extends a corporate Stage 1 for any reason within the council's maximum", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = inStage1(db, officer, {}, "corporate");
    // Acknowledged Mon 23 Nov: reply by Mon 7 Dec, +10 at most Mon 21 Dec.
    expect(extensionForm(db, officer, rowOf(db, c.id), NOW)?.reasons).toEqual(["complex", "advocate", "other"]);
    expect(extendStage(db, officer, c.reference, { newDate: "2026-12-22", reason: "other", details: "Why" }, NOW)).toEqual({ ok: false, error: "beyond-maximum" });
    expect(extendStage(db, officer, c.reference, { newDate: "2026-12-16", reason: "other", details: "Why" }, NOW).ok).toBe(true);
    expect(currentStage(db, c.id)).toMatchObject({ kind: "corporate-stage1", nextDueOn: "2026-12-16" });
  });
});

describe("recording a stage's response", () => {
  /** A statutory Stage 1 case of team A, with a team manager of A and one of B. */
  async function teamCase(person: { email?: string | null; language?: string; mode?: "standard" | "easy-read" } = {}) {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = inStage1(db, officer, person);
    const [a, b] = ["Team A for the test", "Team B for the test"].map((name) => db.insert(teams).values({ name }).returning().get());
    const ours = staffOf(db, "team-manager", { email: "ours@northshire.example" });
    const theirs = staffOf(db, "team-manager", { email: "theirs@northshire.example" });
    db.insert(staffTeamMembers).values([{ staffUserId: ours.id, teamId: a!.id }, { staffUserId: theirs.id, teamId: b!.id }]).run();
    db.update(representations).set({ teamId: a!.id }).where(eq(representations.id, c.id)).run();
    return { db, officer, c, ours, theirs };
  }
  // Sent Wednesday 2 December 2026: the person may ask for Stage 2 for 20 working days: 3-4 Dec (2),
  // 7-11 (7), 14-18 (12), 21-24 (16), 29-31 (19; 25 and 28 December are bank holidays), 1 January is
  // one, so Monday 4 January 2027 (20).
  const SENT = new Date("2026-12-02T11:00:00Z");

  it("lets the case's team manager respond: the stage is responded, its clock stops, the letter goes by email", async () => {
    const { db, c, ours } = await teamCase();
    expect(offeredStageActions(db, ours, rowOf(db, c.id), SENT)).toContain("respond");
    const letter = draftResponse(db, ours, db.select().from(representations).where(eq(representations.id, c.id)).get()!, "partially-upheld", SENT);
    expect(letter?.body).toContain("partly upheld");
    expect(letter?.body).toContain("Please tell us by Monday 4 January 2027");

    expect(respondToStage(db, ours, c.reference, { finding: "partially-upheld", subject: letter!.subject, body: `${letter!.body}\n\nWe will train the team.` }, SENT)).toEqual({ ok: true, sentBy: "email" });
    expect(currentStage(db, c.id)).toMatchObject({ state: "responded", respondedOn: "2026-12-02", finding: "partially-upheld", nextDueOn: null });
    const mail = db.select().from(outbox).where(and(eq(outbox.representationId, c.id), eq(outbox.template, "response"))).get();
    expect(mail).toMatchObject({ toAddress: "pat@example.com", subject: `Our response to your complaint – reference ${c.reference}` });
    expect(mail?.textBody).toContain("We will train the team.");
    expect(offeredStageActions(db, ours, rowOf(db, c.id), SENT)).not.toContain("respond");
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "case.stage-responded")).get();
    expect(audit?.details).toMatchObject({ after: { state: "responded", respondedOn: "2026-12-02", finding: "partially-upheld", nextDueOn: null } });
    // Only once.
    expect(respondToStage(db, ours, c.reference, { finding: "upheld", subject: "Again", body: "Again" }, SENT)).toEqual({ ok: false, error: "wrong-state" });
  });

  it("drafts in the person's language and keeps a letter to post when there is no email address", async () => {
    const { db, c, officer } = await teamCase({ email: null, language: "ur" });
    const row = db.select().from(representations).where(eq(representations.id, c.id)).get()!;
    const letter = draftResponse(db, officer, row, "upheld", SENT)!;
    expect(letter.subject).toBe(`آپ کی شکایت پر ہمارا جواب – حوالہ نمبر ${c.reference}`);
    expect(respondToStage(db, officer, c.reference, { finding: "upheld", ...letter }, SENT)).toEqual({ ok: true, sentBy: "letter" });
    const posted = keptLetters(db, c.id).find((l) => l.template === "response");
    expect(posted?.subject).toBe(letter.subject);
    expect(posted?.body).toContain("ہم نے آپ کی شکایت کو درست پایا");
  });

  it("offers nothing on a complaint's stage before triage has decided it", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = createRepresentation(db, { kind: "complaint", methodReceived: "Email", receivedAt: NOW, receivedOn: TODAY, personName: "Pat", personRelationship: "parent", personEmail: "pat@example.com", answers: {} });
    expect(currentStage(db, c.id)).toMatchObject({ kind: "statutory-stage1", state: "open" });
    expect(offeredStageActions(db, officer, { id: c.id, status: "new" }, NOW)).toEqual([]);
    expect(respondToStage(db, officer, c.reference, { finding: "upheld", subject: "S", body: "B" }, NOW)).toEqual({ ok: false, error: "no-stage" });
    expect(extendStage(db, officer, c.reference, { newDate: "2026-12-14", reason: "complex", details: "Why" }, NOW)).toEqual({ ok: false, error: "no-stage" });
  });

  it("refuses another team's manager, a finding not on the list, and changes nothing", async () => {
    const { db, c, ours, theirs } = await teamCase();
    expect(respondToStage(db, theirs, c.reference, { finding: "upheld", subject: "S", body: "B" }, SENT)).toEqual({ ok: false, error: "not-found" });
    expect(respondToStage(db, ours, c.reference, { finding: "Very upheld", subject: "S", body: "B" }, SENT)).toEqual({ ok: false, error: "invalid-finding" });
    expect(currentStage(db, c.id)).toMatchObject({ state: "open", respondedOn: null, nextDueOn: "2026-12-07" });
    expect(db.select().from(outbox).where(and(eq(outbox.representationId, c.id), eq(outbox.template, "response"))).all()).toEqual([]);
  });
});
