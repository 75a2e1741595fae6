import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { attachments, auditLog, caseEntries, checkCodes, experienceResponses, outbox, representations } from "../../db/schema";
import { samplePdf, sampleExe } from "../../test/sample-files";
import { acceptedComplaint, staffOf } from "../../test/cases";
import { createTestDb } from "../../test/db";
import { CHECK_LIMITS } from "../domain/check/access";
import { REFERENCE_ALPHABET } from "../domain/reference-number";
import { addNote, type Actor } from "./case.server";
import { answerExperience, experienceReport, askForNextStage, enterCheckCode, findCheckSession, personCase, requestCheckCode, sendInformation, withdrawOnline } from "./check.server";
import type { Db } from "./db.server";
import { getSettings } from "./settings.server";
import { respondToStage } from "./stage-actions.server";
import { escalateStage, escalationForm } from "./stage-moves.server";
import { currentStage, stagesOf } from "./stages.server";

// Monday 23 November 2026, 10:15 in London; no bank holidays until Christmas.
const NOW = new Date("2026-11-23T10:15:00Z");
const RESPONDED = new Date("2026-11-30T11:00:00Z");
const LATER = new Date("2026-12-01T09:00:00Z");
const KEY = Buffer.alloc(32, 7);
const CLIENT = "203.0.113.9";
const minutesAfter = (date: Date, n: number) => new Date(date.getTime() + n * 60 * 1000);

function responded(db: Db, officer: Actor, person: { email?: string | null } = {}) {
  const c = acceptedComplaint(db, officer, { now: NOW, ...person });
  expect(respondToStage(db, officer, c.reference, { finding: "not-upheld", subject: "Our response to your complaint", body: "We looked into it.\n\nWe did not find a fault." }, RESPONDED).ok).toBe(true);
  return c;
}

/** The code the person was emailed, read from the outbox as their mail client would. */
function emailedCode(db: Db, representationId: number): string {
  const mails = db.select().from(outbox).where(and(eq(outbox.representationId, representationId), eq(outbox.template, "check-code"))).all();
  const code = /\b(\d{6})\b/.exec(mails.at(-1)?.textBody ?? "")?.[1];
  if (!code) throw new Error("no code was emailed");
  return code;
}

function signedIn(db: Db, reference: string, representationId: number, at = LATER) {
  expect(requestCheckCode(db, { reference, clientAddress: CLIENT, now: at, key: KEY })).toEqual({ outcome: "sent" });
  const result = enterCheckCode(db, { reference, code: emailedCode(db, representationId), clientAddress: CLIENT, now: at, key: KEY });
  if (!result.ok) throw new Error(result.error);
  return findCheckSession(db, result.token, at)!;
}

describe("asking for a code", () => {
  it("emails a code to the address on the complaint, keeping only a keyed hash of it", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = responded(db, officer);
    expect(requestCheckCode(db, { reference: c.reference, clientAddress: CLIENT, now: LATER, key: KEY })).toEqual({ outcome: "sent" });
    const mail = db.select().from(outbox).where(eq(outbox.template, "check-code")).get();
    expect(mail).toMatchObject({ toAddress: "pat@example.com", representationId: c.id });
    const code = emailedCode(db, c.id);
    expect(mail?.textBody).toContain("It works once, for 30 minutes.");
    const stored = db.select().from(checkCodes).all();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(db.select().from(auditLog).where(eq(auditLog.action, "case.check-code-sent")).get()).toMatchObject({ staffUserId: null, entityId: String(c.id) });
  });

  it("answers the same for an unknown reference and for a complaint with no email, and sends nothing", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = responded(db, officer, { email: null });
    expect(requestCheckCode(db, { reference: "SU-2345-6789", clientAddress: CLIENT, now: LATER, key: KEY })).toEqual({ outcome: "sent" });
    expect(requestCheckCode(db, { reference: c.reference, clientAddress: CLIENT, now: LATER, key: KEY })).toEqual({ outcome: "sent" });
    expect(db.select().from(outbox).where(eq(outbox.template, "check-code")).all()).toEqual([]);
  });

  it(`sends at most ${CHECK_LIMITS.codesPerReference} codes an hour for one reference, known or not`, async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = responded(db, officer);
    for (const reference of [c.reference, "SU-2345-6789"]) {
      for (let i = 0; i < CHECK_LIMITS.codesPerReference; i += 1) {
        expect(requestCheckCode(db, { reference, clientAddress: `198.51.100.${i}`, now: LATER, key: KEY }).outcome).toBe("sent");
      }
      expect(requestCheckCode(db, { reference, clientAddress: "198.51.100.99", now: LATER, key: KEY }).outcome).toBe("rate-limited");
      // The next hour starts afresh.
      expect(requestCheckCode(db, { reference, clientAddress: CLIENT, now: minutesAfter(LATER, 60), key: KEY }).outcome).toBe("sent");
    }
    expect(db.select().from(outbox).where(eq(outbox.template, "check-code")).all()).toHaveLength(CHECK_LIMITS.codesPerReference + 1);
  });

  it(`sends at most ${CHECK_LIMITS.codesPerClient} codes an hour to one client, whatever the references`, async () => {
    const db = await createTestDb();
    for (let i = 0; i < CHECK_LIMITS.codesPerClient; i += 1) {
      expect(requestCheckCode(db, { reference: `SU-2345-${REFERENCE_ALPHABET[i]}AAA`, clientAddress: "2001:db8::1", now: LATER, key: KEY }).outcome).toBe("sent");
    }
    // Another address in the same IPv6 /64 is the same client.
    expect(requestCheckCode(db, { reference: "SU-ZZZZ-ZZZZ", clientAddress: "2001:db8::2", now: LATER, key: KEY }).outcome).toBe("rate-limited");
  });
});

describe("signing in with the code", () => {
  it("works once, within 30 minutes, and opens a session of 30 minutes", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = responded(db, officer);
    requestCheckCode(db, { reference: c.reference, clientAddress: CLIENT, now: LATER, key: KEY });
    const code = emailedCode(db, c.id);
    const at = minutesAfter(LATER, 29);
    const first = enterCheckCode(db, { reference: c.reference, code, clientAddress: CLIENT, now: at, key: KEY });
    expect(first.ok).toBe(true);
    expect(enterCheckCode(db, { reference: c.reference, code, clientAddress: CLIENT, now: at, key: KEY })).toEqual({ ok: false, error: "wrong-code" });
    if (!first.ok) return;
    expect(findCheckSession(db, first.token, minutesAfter(at, 29))).toMatchObject({ representationId: c.id });
    expect(findCheckSession(db, first.token, minutesAfter(at, 30))).toBeNull();
    expect(findCheckSession(db, "not-a-token", at)).toBeNull();
    expect(db.select().from(auditLog).where(eq(auditLog.action, "case.person-signed-in")).all()).toHaveLength(1);
  });

  it("refuses a code after 30 minutes, and for another reference", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = responded(db, officer);
    const other = responded(db, officer);
    requestCheckCode(db, { reference: c.reference, clientAddress: CLIENT, now: LATER, key: KEY });
    const code = emailedCode(db, c.id);
    expect(enterCheckCode(db, { reference: other.reference, code, clientAddress: CLIENT, now: LATER, key: KEY })).toEqual({ ok: false, error: "wrong-code" });
    expect(enterCheckCode(db, { reference: c.reference, code, clientAddress: CLIENT, now: minutesAfter(LATER, 30), key: KEY })).toEqual({ ok: false, error: "wrong-code" });
  });

  it(`counts every try: after ${CHECK_LIMITS.attemptsPerReference} for one reference in an hour even the right code is refused`, async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = responded(db, officer);
    requestCheckCode(db, { reference: c.reference, clientAddress: CLIENT, now: LATER, key: KEY });
    const code = emailedCode(db, c.id);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < CHECK_LIMITS.attemptsPerReference; i += 1) {
      expect(enterCheckCode(db, { reference: c.reference, code: wrong, clientAddress: `198.51.100.${i}`, now: LATER, key: KEY })).toEqual({ ok: false, error: "wrong-code" });
    }
    expect(enterCheckCode(db, { reference: c.reference, code, clientAddress: CLIENT, now: LATER, key: KEY })).toEqual({ ok: false, error: "rate-limited" });
    expect(enterCheckCode(db, { reference: c.reference, code, clientAddress: CLIENT, now: minutesAfter(LATER, 25), key: KEY })).toEqual({ ok: false, error: "rate-limited" });
  });
});

describe("what the person sees", () => {
  it("shows the response sent to them and what they can do next, never a staff note, and audits the view", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = responded(db, officer);
    addNote(db, officer, c.reference, "Secret staff note about the family");
    const session = signedIn(db, c.reference, c.id);
    const seen = personCase(db, session, LATER);
    expect(JSON.stringify(seen)).not.toContain("Secret staff note");
    expect(seen?.view.letters.map((l) => l.subject)).toContain("Our response to your complaint");
    expect(seen?.view.stages).toEqual([expect.objectContaining({ kind: "statutory-stage1", state: "responded", respondedOn: "2026-11-30" })]);
    // 20 working days after the response: Mon 30 Nov 2026 + 20, with Christmas and Boxing Day (Mon 28 Dec substitute).
    expect(seen?.next).toMatchObject({ kind: "statutory-stage2", mayAsk: true, late: false, askedOn: null, windowEndsOn: "2026-12-30" });
    expect(db.select().from(auditLog).where(eq(auditLog.action, "case.viewed-by-person")).get()).toMatchObject({ staffUserId: null, entityId: String(c.id) });
  });

  it("tells them the response links to this page in the letter", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = responded(db, officer);
    const response = db.select().from(outbox).where(and(eq(outbox.representationId, c.id), eq(outbox.template, "response"))).get();
    expect(response?.textBody).toMatch(/You can check your complaint online.*\/check\./);
  });
});

describe("asking for the next stage online", () => {
  it("records the request with the day, tells the team without the person's words, and staff confirm it from that day", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = responded(db, officer);
    const session = signedIn(db, c.reference, c.id);
    expect(askForNextStage(db, session, { unresolved: "Nobody has said sorry to my son", publicUrl: "https://speakup.example" }, LATER)).toEqual({ ok: true });
    expect(currentStage(db, c.id)).toMatchObject({ kind: "statutory-stage1", state: "responded", nextStageAskedOn: "2026-12-01" });
    expect(db.select().from(caseEntries).where(eq(caseEntries.kind, "next-stage-asked")).get()).toMatchObject({ body: "Nobody has said sorry to my son", staffUserId: null });
    const mail = db.select().from(outbox).where(eq(outbox.template, "next-stage-asked")).get();
    expect(mail?.toAddress).toBe(getSettings(db).complaintsTeamEmail);
    expect(mail?.textBody).toContain(`/staff/cases/${c.reference}/escalate`);
    expect(mail?.textBody).not.toContain("sorry");
    expect(JSON.stringify(db.select().from(auditLog).where(eq(auditLog.action, "case.next-stage-asked")).get()?.details)).not.toContain("sorry");
    expect(askForNextStage(db, session, { unresolved: "Again", publicUrl: "" }, LATER)).toEqual({ ok: false, error: "already-asked" });
    expect(personCase(db, session, LATER)?.next).toMatchObject({ mayAsk: false, askedOn: "2026-12-01" });

    // Staff see it on the escalation page, and confirming it dates Stage 2 from the request.
    const row = db.select().from(representations).where(eq(representations.id, c.id)).get()!;
    expect(escalationForm(db, officer, row, minutesAfter(LATER, 60 * 48))).toMatchObject({ askedOnline: { on: "2026-12-01", lateReason: null } });
    expect(escalateStage(db, officer, c.reference, { requestedOn: "2026-12-01" }, minutesAfter(LATER, 60 * 48)).ok).toBe(true);
    expect(stagesOf(db, c.id).at(-1)).toMatchObject({ kind: "statutory-stage2", requestedOn: "2026-12-01", startedOn: "2026-12-01" });
  });

  it("accepts a late request only with why it is late", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = responded(db, officer);
    const late = new Date("2027-01-04T10:00:00Z");
    const session = signedIn(db, c.reference, c.id, late);
    expect(personCase(db, session, late)?.next).toMatchObject({ mayAsk: true, late: true });
    expect(askForNextStage(db, session, { unresolved: "Still not fixed", publicUrl: "" }, late)).toEqual({ ok: false, error: "late-reason-required" });
    expect(askForNextStage(db, session, { unresolved: "Still not fixed", lateReason: "I was in hospital", publicUrl: "" }, late)).toEqual({ ok: true });
    expect(currentStage(db, c.id)).toMatchObject({ nextStageAskedOn: "2027-01-04", nextStageAskedLateReason: "I was in hospital" });
  });

  it("is not offered before the council has responded", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = acceptedComplaint(db, officer, { now: NOW });
    const session = signedIn(db, c.reference, c.id, NOW);
    expect(personCase(db, session, NOW)?.next).toBeNull();
    expect(askForNextStage(db, session, { unresolved: "Too soon", publicUrl: "" }, NOW)).toEqual({ ok: false, error: "not-offered" });
  });
});

describe("withdrawing online", () => {
  it("withdraws the open stage with the person's reason, closes the case, tells the team, and audits it with no staff member", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = acceptedComplaint(db, officer, { now: NOW });
    const session = signedIn(db, c.reference, c.id, NOW);
    expect(personCase(db, session, NOW)?.mayWithdraw).toBe(true);
    expect(withdrawOnline(db, session, { reason: "  ", publicUrl: "" }, NOW)).toEqual({ ok: false, error: "reason-required" });
    expect(withdrawOnline(db, session, { reason: "It has been sorted out with my social worker", publicUrl: "https://speakup.example" }, NOW)).toEqual({ ok: true });
    expect(currentStage(db, c.id)).toMatchObject({ state: "withdrawn", closedOn: "2026-11-23", withdrawnReason: "It has been sorted out with my social worker" });
    expect(db.select().from(representations).where(eq(representations.id, c.id)).get()?.status).toBe("closed");
    expect(db.select().from(outbox).where(eq(outbox.template, "person-withdrew")).get()?.textBody).not.toContain("social worker");
    const row = db.select().from(auditLog).where(eq(auditLog.action, "case.withdrawn-by-person")).get();
    expect(row).toMatchObject({ staffUserId: null });
    expect(JSON.stringify(row?.details)).not.toContain("social worker");
    // Once withdrawn there is nothing to withdraw.
    expect(personCase(db, session, NOW)?.mayWithdraw).toBe(false);
    expect(withdrawOnline(db, session, { reason: "Again", publicUrl: "" }, NOW)).toEqual({ ok: false, error: "not-offered" });
  });

  it("is not offered after the council has responded (the person asks for the next stage, or it is closed)", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = responded(db, officer);
    const session = signedIn(db, c.reference, c.id);
    expect(personCase(db, session, LATER)?.mayWithdraw).toBe(false);
    expect(withdrawOnline(db, session, { reason: "Done", publicUrl: "" }, LATER)).toEqual({ ok: false, error: "not-offered" });
  });
});

describe("sending more information online", () => {
  function received(dir: string, name: string, data: Buffer) {
    const tempPath = path.join(dir, `incoming-${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(tempPath, data);
    return { tempPath, originalName: name, sizeBytes: data.length, sha256: createHash("sha256").update(data).digest("hex") };
  }

  it("keeps the message on the timeline and the file on the case as the person's, which they then see", async () => {
    const db = await createTestDb();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-check-"));
    const officer = staffOf(db, "complaints-officer");
    const c = acceptedComplaint(db, officer, { now: NOW });
    const session = signedIn(db, c.reference, c.id, NOW);
    expect(await sendInformation(db, session, { message: "", file: null, attachmentsDir: dir, publicUrl: "" }, NOW)).toEqual({ ok: false, error: "empty" });
    expect(await sendInformation(db, session, { message: "A program", file: received(dir, "run.exe", sampleExe), attachmentsDir: dir, publicUrl: "" }, NOW)).toEqual({ ok: false, error: "wrongType" });
    expect(
      await sendInformation(db, session, { message: "Here is the letter about the meeting.", file: received(dir, "meeting.pdf", samplePdf), attachmentsDir: dir, publicUrl: "https://speakup.example" }, NOW),
    ).toEqual({ ok: true });
    expect(db.select().from(attachments).where(eq(attachments.representationId, c.id)).all()).toEqual([expect.objectContaining({ originalName: "meeting.pdf", uploadedByStaffId: null, draftId: null })]);
    expect(db.select().from(caseEntries).where(and(eq(caseEntries.representationId, c.id), eq(caseEntries.kind, "correspondence-in"))).get()).toMatchObject({ channel: "online", body: "Here is the letter about the meeting.", staffUserId: null });
    expect(db.select().from(outbox).where(eq(outbox.template, "person-sent")).get()?.textBody).not.toContain("meeting");
    expect(personCase(db, session, NOW)?.view.files.map((f) => f.name)).toEqual(["meeting.pdf"]);
    expect(db.select().from(auditLog).where(eq(auditLog.action, "case.information-sent-by-person")).get()?.details).toMatchObject({ after: { files: 1 } });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("the experience questions", () => {
  it("are offered once the stage has its response, kept apart from the case, once, and counted", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const open = acceptedComplaint(db, officer, { now: NOW });
    const openSession = signedIn(db, open.reference, open.id, NOW);
    expect(personCase(db, openSession, NOW)?.mayAskExperience).toBe(false);
    expect(answerExperience(db, openSession, { easy: "yes" }, NOW)).toEqual({ ok: false, error: "not-offered" });

    const c = responded(db, officer);
    const session = signedIn(db, c.reference, c.id);
    expect(personCase(db, session, LATER)?.mayAskExperience).toBe(true);
    expect(answerExperience(db, session, { easy: "partly", listened: "yes" }, LATER)).toEqual({ ok: true });
    expect(personCase(db, session, LATER)?.mayAskExperience).toBe(false);
    expect(answerExperience(db, session, { easy: "no" }, LATER)).toEqual({ ok: false, error: "not-offered" });

    const rows = db.select().from(experienceResponses).all();
    expect(rows).toEqual([{ id: expect.stringMatching(/^[0-9a-f-]{36}$/), stageKind: "statutory-stage1", month: "2026-12", easy: "partly", listened: "yes", again: null, easyRead: false, youngPerson: false }]);
    // Nothing in the row points back at the case.
    expect(JSON.stringify(rows)).not.toContain(c.reference);
    expect(experienceReport(db, { from: "2026-12", to: "2026-12" })).toMatchObject({ responses: 1, easy: { partly: 1 }, listened: { yes: 1 }, again: { unanswered: 1 } });
    expect(experienceReport(db, { from: "2027-01", to: "2027-12" }).responses).toBe(0);
  });
});
