import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, caseEntries, outbox, representations, stages, staffUsers } from "../../db/schema";
import { createTestDb } from "../../test/db";
import { addWorkingDays } from "../domain/calendar";
import { addRestriction } from "./case-restrictions.server";
import { acceptRepresentation, saveTriage } from "./case-triage.server";
import type { Actor } from "./case.server";
import { answerStatement, askForNextStage, personCase, sendInformation, type CheckSession } from "./check.server";
import { createRepresentation } from "./create-representation.server";
import type { Db } from "./db.server";
import { agreeStatement, shareStatement } from "./later-stages.server";
import { markDealtWith, waitingRequests } from "./online-requests.server";
import { planReminders } from "./reminders.server";
import { defaultTimescales, updateTimescales } from "./settings.server";
import { factsOf, offeredStageActions, respondToStage } from "./stage-actions.server";
import { escalateStage } from "./stage-moves.server";
import { currentStage } from "./stages.server";
import { statementVersionsOf } from "./statements.server";
import { exportSubjectAccess } from "./subject-access.server";

// Stage 2's statement of complaint agreed online (decision record 041) and what people do online
// waiting for staff (042), on a real database from the migrations. Stage 1 was received Monday
// 23 November 2026 and answered Wednesday 2 December; Stage 2 was asked for Monday 7 December.
const RECEIVED = new Date("2026-11-23T10:15:00Z");
const at = (day: string) => new Date(`${day}T11:00:00Z`);
const ELIGIBLE = { receivedFrom: "Parent", childStatus: ["in-need" as const], withinTwelveMonths: "yes" as const, exclusions: ["none" as const] };
const PUBLIC_URL = "https://complaints.example";
const STATEMENT = "1. The review meetings were cancelled three times.\n\n2. Nobody told Sam why.";
const CHANGES = "You missed that the social worker changed four times.";

function staffOf(db: Db, role: Actor["role"], email = `${role}@northshire.example`): Actor {
  const user = db.insert(staffUsers).values({ email, name: role, role, passwordHash: "x" }).returning().get();
  return { id: user.id, role };
}

/** A complaint at Stage 2, the person asking for it online and staff confirming (as in real life). */
function atStage2(db: Db, officer: Actor, personEmail: string | null = "pat@example.com") {
  const c = createRepresentation(db, {
    kind: "complaint",
    methodReceived: "Email",
    receivedAt: RECEIVED,
    receivedOn: "2026-11-23",
    personName: "Pat Person",
    personRelationship: "parent",
    personEmail,
    answers: {},
  });
  saveTriage(db, officer, c.reference, { representationType: "Complaint", process: "statutory", eligibility: ELIGIBLE });
  expect(acceptRepresentation(db, officer, c.reference, { decision: "statutory-stage1", personAgreed: true }, RECEIVED)).toEqual({ ok: true });
  expect(respondToStage(db, officer, c.reference, { finding: "not-upheld", subject: "S1", body: "Stage 1 answer" }, at("2026-12-02")).ok).toBe(true);
  const session: CheckSession = { representationId: c.id, expiresAt: at("2030-01-01") };
  expect(askForNextStage(db, session, { unresolved: "Still not sorted.", publicUrl: PUBLIC_URL }, at("2026-12-07"))).toEqual({ ok: true });
  expect(escalateStage(db, officer, c.reference, { requestedOn: "2026-12-07" }, at("2026-12-07")).ok).toBe(true);
  return { c, session };
}

async function setUp(personEmail: string | null = "pat@example.com", stage2ClockFrom: "request" | "statement" = "request") {
  const db = await createTestDb();
  const officer = staffOf(db, "complaints-officer");
  if (stage2ClockFrom === "statement") updateTimescales(db, { actorId: officer.id, values: defaultTimescales, clock: { stage2ClockFrom, corporateRespondFrom: "acknowledgement" } });
  return { db, officer, ...atStage2(db, officer, personEmail) };
}

const mailTo = (db: Db, representationId: number, template: string) =>
  db.select().from(outbox).where(and(eq(outbox.representationId, representationId), eq(outbox.template, template))).all();
const auditOf = (db: Db, action: string) => db.select().from(auditLog).where(eq(auditLog.action, action)).all();

describe("the statement of complaint, shared by staff and answered online", () => {
  it("waits for the person once shared, by email with the way to answer online and without the words", async () => {
    const { db, officer, c, session } = await setUp();
    expect(personCase(db, session, at("2026-12-08"))?.view.statement).toBeNull();
    expect(shareStatement(db, officer, c.reference, { statement: `  ${STATEMENT}  ` }, at("2026-12-08"))).toEqual({ ok: true, result: { version: 1, sharedBy: "email" } });

    const [mail] = mailTo(db, c.id, "statement-shared");
    expect(mail?.toAddress).toBe("pat@example.com");
    expect(mail?.textBody).toMatch(/https?:\/\/\S+\/check\b/);
    expect(mail?.textBody).not.toContain("review meetings");
    // The audit says which version went and how, never what it says.
    expect(JSON.stringify(auditOf(db, "case.share-statement"))).not.toContain("review meetings");
    expect(auditOf(db, "case.share-statement")[0]?.details).toMatchObject({ after: { statementVersion: 1, sharedBy: "email" } });

    const seen = personCase(db, session, at("2026-12-08"));
    expect(seen?.view.statement).toMatchObject({ version: 1, body: STATEMENT, status: "waiting-for-person", changes: null });
    expect(seen?.mayAnswerStatement).toBe(true);
    // Nothing more to share while a version waits; staff may still record agreement given by phone.
    const offered = offeredStageActions(db, officer, db.select().from(representations).where(eq(representations.id, c.id)).get()!, at("2026-12-08"));
    expect(offered).not.toContain("share-statement");
    expect(offered).toContain("agree-statement");
    expect(shareStatement(db, officer, c.reference, { statement: "Again" }, at("2026-12-08"))).toEqual({ ok: false, error: "statement-waiting" });
  });

  it("takes the person's changes, waits for staff until a new version is shared, and shows the person the new one", async () => {
    const { db, officer, c, session } = await setUp();
    escalatedRequestSettled(db, c.id);
    expect(answerStatement(db, session, { answer: "agreed" }, PUBLIC_URL, at("2026-12-08"))).toEqual({ ok: false, error: "not-offered" });
    shareStatement(db, officer, c.reference, { statement: STATEMENT }, at("2026-12-08"));

    expect(answerStatement(db, session, { answer: "changes-asked", changes: "   " }, PUBLIC_URL, at("2026-12-09"))).toEqual({ ok: false, error: "changes-required" });
    expect(answerStatement(db, session, { answer: "changes-asked", changes: CHANGES }, PUBLIC_URL, at("2026-12-09"))).toEqual({ ok: true });
    const stage = currentStage(db, c.id)!;
    expect(statementVersionsOf(db, stage.id)).toMatchObject([{ version: 1, answer: "changes-asked", changes: CHANGES }]);
    expect(stage.statementAgreedOn).toBeNull();
    // On the timeline in their words, waiting for staff; the team's email and the audit carry no words.
    const entry = db.select().from(caseEntries).where(and(eq(caseEntries.representationId, c.id), eq(caseEntries.kind, "statement-changes-asked"))).get();
    expect(entry).toMatchObject({ body: CHANGES, staffUserId: null });
    expect(waitingRequests(db, "all").map((w) => [w.reference, w.kind])).toEqual([[c.reference, "statement-changes-asked"]]);
    const [toTeam] = mailTo(db, c.id, "person-statement-changes");
    expect(toTeam?.toAddress).not.toBe("pat@example.com");
    expect(toTeam?.textBody).not.toContain("social worker");
    expect(JSON.stringify(auditOf(db, "case.statement-changes-asked"))).not.toContain("social worker");
    expect(personCase(db, session, at("2026-12-09"))?.view.statement).toMatchObject({ status: "changes-asked", changes: CHANGES });
    expect(personCase(db, session, at("2026-12-09"))?.mayAnswerStatement).toBe(false);

    // The complaints team's digest lists it (reference, what, when; never the words).
    const team = planReminders(db, at("2026-12-10"), PUBLIC_URL).find((d) => d.staffUserId === null);
    expect(team?.data.sections.find((s) => s.key === "online")?.lines).toEqual([
      { reference: c.reference, what: "asked for changes to the statement of complaint", date: "Wednesday 9 December 2026", url: `${PUBLIC_URL}/staff/cases/${c.reference}` },
    ]);

    // A new version answers it.
    expect(shareStatement(db, officer, c.reference, { statement: `${STATEMENT}\n\n3. The social worker changed four times.` }, at("2026-12-10")).ok).toBe(true);
    expect(waitingRequests(db, "all")).toEqual([]);
    expect(personCase(db, session, at("2026-12-10"))?.view.statement).toMatchObject({ version: 2, status: "waiting-for-person", changes: null });
  });

  it("records the day the person agrees, which starts the Stage 2 clock when the council counts from the statement", async () => {
    const { db, officer, c, session } = await setUp("pat@example.com", "statement");
    shareStatement(db, officer, c.reference, { statement: STATEMENT }, at("2026-12-08"));
    expect(currentStage(db, c.id)?.dueOn).toBeNull();

    expect(answerStatement(db, session, { answer: "agreed" }, PUBLIC_URL, at("2026-12-09"))).toEqual({ ok: true });
    const stage = currentStage(db, c.id)!;
    expect(stage).toMatchObject({ statementAgreedOn: "2026-12-09", dueOn: addWorkingDays("2026-12-09", 25) });
    expect(factsOf(db, stage, "2026-12-09").facts).toMatchObject({ statementAgreed: true, statementWaiting: false });
    expect(auditOf(db, "case.statement-agreed-by-person")[0]).toMatchObject({ staffUserId: null, details: { after: { statementAgreedOn: "2026-12-09", dueOn: addWorkingDays("2026-12-09", 25), statementVersion: 1 } } });
    expect(personCase(db, session, at("2026-12-09"))?.view.statement).toMatchObject({ status: "agreed", agreedOn: "2026-12-09" });
    // Once agreed there is nothing more to answer, online or by staff.
    expect(answerStatement(db, session, { answer: "changes-asked", changes: CHANGES }, PUBLIC_URL, at("2026-12-10"))).toEqual({ ok: false, error: "not-offered" });
    expect(agreeStatement(db, officer, c.reference, { agreedOn: "2026-12-10" }, at("2026-12-10"))).toEqual({ ok: false, error: "statement-already-agreed" });
    // Staff see it until someone marks it as dealt with.
    const [waiting] = waitingRequests(db, "all");
    expect(waiting).toMatchObject({ reference: c.reference, kind: "statement-agreed" });
    expect(markDealtWith(db, officer, c.reference, waiting!.entryId, at("2026-12-10"))).toEqual({ ok: true });
    expect(waitingRequests(db, "all")).toEqual([]);
    expect(markDealtWith(db, officer, c.reference, waiting!.entryId, at("2026-12-10"))).toEqual({ ok: false });
    expect(auditOf(db, "case.online-request-dealt-with")[0]).toMatchObject({ staffUserId: officer.id, details: { after: { entryId: waiting!.entryId, kind: "statement-agreed", waiting: false } } });
  });

  it("leaves the reply date alone when the council counts Stage 2 from the request", async () => {
    const { db, officer, c, session } = await setUp();
    const before = currentStage(db, c.id)!.dueOn;
    expect(before).toBe(addWorkingDays("2026-12-07", 25));
    shareStatement(db, officer, c.reference, { statement: STATEMENT }, at("2026-12-08"));
    answerStatement(db, session, { answer: "agreed" }, PUBLIC_URL, at("2026-12-09"));
    expect(currentStage(db, c.id)).toMatchObject({ statementAgreedOn: "2026-12-09", dueOn: before });
  });

  it("is in a subject access export, every version with the person's answer", async () => {
    const { db, officer, c, session } = await setUp();
    shareStatement(db, officer, c.reference, { statement: STATEMENT }, at("2026-12-08"));
    answerStatement(db, session, { answer: "changes-asked", changes: CHANGES }, PUBLIC_URL, at("2026-12-09"));
    const manager = { ...staffOf(db, "complaints-manager"), name: "Mo Manager" };
    const [record] = exportSubjectAccess(db, manager, [{ id: c.id, asChild: false }], "json")!.representations as unknown as Array<{ stages: Array<{ statementVersions: unknown[] }> }>;
    expect(record?.stages.at(-1)?.statementVersions).toEqual([
      { version: 1, sharedAt: at("2026-12-08").toISOString(), sharedBy: "email", text: STATEMENT, answer: "changes-asked", answeredAt: at("2026-12-09").toISOString(), changesAsked: CHANGES },
    ]);
  });

  it("keeps a letter with the words to post for a person with no email address", async () => {
    const { db, officer, c } = await setUp(null);
    expect(shareStatement(db, officer, c.reference, { statement: STATEMENT }, at("2026-12-08"))).toEqual({ ok: true, result: { version: 1, sharedBy: "letter" } });
    const letter = db.select().from(caseEntries).where(and(eq(caseEntries.representationId, c.id), eq(caseEntries.kind, "correspondence-out"))).all().at(-1);
    expect(letter?.details).toEqual({ letter: "statement-shared" });
    expect(letter?.body).toContain("Nobody told Sam why.");
  });
});

/** Staff confirmed the online request for Stage 2 by escalating: it no longer waits. */
function escalatedRequestSettled(db: Db, representationId: number) {
  const asked = db.select().from(caseEntries).where(and(eq(caseEntries.representationId, representationId), eq(caseEntries.kind, "next-stage-asked"))).get();
  expect(asked?.awaitingStaffSince).toBeNull();
}

describe("what people do online waits for staff until they act", () => {
  it("lists a request for the next stage until staff confirm it, and information sent until marked as dealt with", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const teamManager = staffOf(db, "team-manager", "tm@northshire.example");
    const c = createRepresentation(db, { kind: "complaint", methodReceived: "Email", receivedAt: RECEIVED, receivedOn: "2026-11-23", personName: "Pat", personRelationship: "parent", personEmail: "pat@example.com", answers: {} });
    saveTriage(db, officer, c.reference, { representationType: "Complaint", process: "statutory", eligibility: ELIGIBLE });
    acceptRepresentation(db, officer, c.reference, { decision: "statutory-stage1", personAgreed: true }, RECEIVED);
    respondToStage(db, officer, c.reference, { finding: "not-upheld", subject: "S1", body: "Stage 1 answer" }, at("2026-12-02"));
    const session: CheckSession = { representationId: c.id, expiresAt: at("2030-01-01") };
    askForNextStage(db, session, { unresolved: "Still not sorted.", publicUrl: PUBLIC_URL }, at("2026-12-07"));
    expect(await sendInformation(db, session, { message: "The minutes.", file: null, attachmentsDir: "/nonexistent", publicUrl: PUBLIC_URL }, at("2026-12-07"))).toEqual({ ok: true });
    expect(waitingRequests(db, "all").map((w) => w.kind)).toEqual(["next-stage-asked", "correspondence-in"]);
    // Scoped as the inbox is: a team manager of another team (the case has none) sees none of it.
    expect(waitingRequests(db, { id: teamManager.id, role: "team-manager", teamIds: [] })).toEqual([]);

    escalateStage(db, officer, c.reference, { requestedOn: "2026-12-07" }, at("2026-12-08"));
    expect(waitingRequests(db, "all").map((w) => w.kind)).toEqual(["correspondence-in"]);
    const stage = db.select().from(stages).where(eq(stages.representationId, c.id)).all();
    expect(stage.map((s) => s.kind)).toEqual(["statutory-stage1", "statutory-stage2"]);
  });
});

describe("a contact restriction and what the person does online (decision record 042)", () => {
  it("keeps the view and the statutory steps, stops messages online, and tells the team there is a restriction", async () => {
    const { db, officer, c, session } = await setUp();
    addRestriction(db, officer, c.reference, { restricted: "RESTRICTED-WORDS contact only by letter", reason: "RESTRICTED-REASON", reviewOn: "2027-06-01" }, at("2026-12-08"));
    shareStatement(db, officer, c.reference, { statement: STATEMENT }, at("2026-12-08"));

    const seen = personCase(db, session, at("2026-12-09"));
    expect(seen?.view.mayMessage).toBe(false);
    expect(seen?.mayAnswerStatement).toBe(true);
    expect(JSON.stringify(seen)).not.toContain("RESTRICTED");
    expect(await sendInformation(db, session, { message: "More.", file: null, attachmentsDir: "/nonexistent", publicUrl: PUBLIC_URL }, at("2026-12-09"))).toEqual({ ok: false, error: "restricted" });

    expect(answerStatement(db, session, { answer: "agreed" }, PUBLIC_URL, at("2026-12-09"))).toEqual({ ok: true });
    const [toTeam] = mailTo(db, c.id, "person-statement-agreed");
    expect(toTeam?.textBody).toContain("This person has a contact restriction");
    expect(toTeam?.textBody).not.toContain("RESTRICTED");
  });
});
