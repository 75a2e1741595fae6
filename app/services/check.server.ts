import { rm } from "node:fs/promises";
import { createHash, createHmac, hkdfSync, randomBytes, randomInt, randomUUID } from "node:crypto";
import { and, asc, eq, gt, gte, isNull, lt, lte } from "drizzle-orm";
import { attachments, caseEntries, checkCodes, checkSessions, experienceResponses, outbox, referenceValues, representations, stages, statements } from "../../db/schema";
import { standingOf } from "../domain/eligibility";
import { countExperience, isEmptyResponse, mayAskExperience, type ExperienceCounts, type ExperienceResponse } from "../domain/check/experience";
import { checkCodeEmail, nextStageAskedEmail, personWroteEmail } from "../../emails/check";
import { londonDate, type IsoDate } from "../domain/calendar";
import { CHECK_LIMITS, CODE_MINUTES, codeExpiresAt, generateCheckCode, LIMIT_WINDOW_MS, sessionExpiresAt } from "../domain/check/access";
import { personView, type PersonView } from "../domain/check/person-view";
import { formatLongDate } from "../domain/dates";
import { clientKey } from "../domain/limit-keys";
import { stageClocks } from "../domain/stage-clocks";
import { allowedActions, checkTransition, isLateRequest, type StageKind, type StageState } from "../domain/stages";
import { createI18n, isLanguage, isMode, textDirection } from "../i18n/i18n";
import { audit } from "./audit.server";
import { addEntry, caseEmails, type Representation } from "./case.server";
import { config } from "./config.server";
import type { Db } from "./db.server";
import { withinLimit } from "./rate-limit.server";
import { clockSettings, getSettings } from "./settings.server";
import { factsOf } from "./stage-actions.server";
import { applyWithdrawal, nextStageOf } from "./stage-moves.server";
import { storeUploadOnCase, type ReceivedFile } from "./attachments.server";
import type { UploadProblem } from "../domain/attachments";
import { clockFactsOf, currentStage, stagesOf, type StageRow } from "./stages.server";
import { activeRestrictions } from "./case-restrictions.server";
import { latestVersion } from "../domain/check/statement";
import { updateStage } from "./later-stages.server";
import { statementVersionsOf } from "./statements.server";

/**
 * "Check your complaint" (decision record 030): the person on a complaint (or the advocate who
 * made it, with their own email) asks for a one-time code by reference, signs in with it for 30
 * minutes, sees what app/domain/check/person-view.ts allows, and may ask for the next stage.
 * Codes are kept as an HMAC under a key from TOTP_ENCRYPTION_KEY (a six-digit code's sha256 could
 * be reversed from a copy of the database in a moment); session tokens as a sha256. Neither is
 * ever logged. Every sign-in and view is in the case's audit trail, with no staff member.
 */

const defaultKey = () => config().totpEncryptionKey;

function codeHash(code: string, key: Buffer): string {
  const hmacKey = Buffer.from(hkdfSync("sha256", key, Buffer.alloc(0), "speak-up check codes", 32));
  return createHmac("sha256", hmacKey).update(code).digest("base64url");
}

function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** A complaint a person may check: not a compliment or comment, and not anonymised by retention. */
function checkableCase(db: Db, reference: string): Representation | null {
  const row = db.select().from(representations).where(eq(representations.reference, reference)).get();
  return row && row.kind === "complaint" && row.anonymisedAt === null ? row : null;
}

function personLanguage(row: Pick<Representation, "language" | "mode">) {
  const language = isLanguage(row.language) ? row.language : "en";
  const mode = isMode(row.mode) ? row.mode : "standard";
  return { language, mode, t: createI18n(language, { mode }).t };
}

/** Thrown inside the transaction so that a refused request counts against no limit. */
class LimitReached extends Error {}

/**
 * Sends a code to the email address on the complaint, if there is one. The answer is the same
 * for a reference that does not exist, one with no email, and one whose code went out: only a
 * limit reached is said (and it is counted per reference typed, known or not).
 */
export function requestCheckCode(
  db: Db,
  input: { reference: string; clientAddress: string; perClientLimit?: number; now?: Date; key?: Buffer },
): { outcome: "sent" | "rate-limited" } {
  const now = input.now ?? new Date();
  const key = input.key ?? defaultKey();
  try {
    return db.transaction((tx) => {
      const limits = [
        { key: `check-code:${input.reference}`, limit: CHECK_LIMITS.codesPerReference },
        { key: `check-code-from:${clientKey(input.clientAddress)}`, limit: input.perClientLimit ?? CHECK_LIMITS.codesPerClient },
      ];
      for (const { key: bucket, limit } of limits) {
        if (!withinLimit(tx, bucket, { limit, windowMs: LIMIT_WINDOW_MS, now })) throw new LimitReached();
      }
      const row = checkableCase(tx, input.reference);
      const to = row?.personEmail?.trim();
      if (!row || !to) return { outcome: "sent" as const };
      const code = generateCheckCode(randomInt);
      tx.insert(checkCodes).values({ representationId: row.id, codeHash: codeHash(code, key), expiresAt: codeExpiresAt(now), createdAt: now }).run();
      const { language, t } = personLanguage(row);
      const mail = checkCodeEmail(t, language, textDirection(language), { code, minutes: CODE_MINUTES, councilName: getSettings(tx).councilName });
      tx.insert(outbox)
        .values({ representationId: row.id, template: "check-code", toAddress: to, subject: mail.subject, textBody: mail.text, htmlBody: mail.html, nextAttemptAt: now, createdAt: now })
        .run();
      audit(tx, { staffUserId: null, action: "case.check-code-sent", entity: "representation", entityId: row.id, at: now });
      return { outcome: "sent" as const };
    });
  } catch (error) {
    if (error instanceof LimitReached) return { outcome: "rate-limited" };
    throw error;
  }
}

export type SignInResult = { ok: true; token: string; expiresAt: Date } | { ok: false; error: "wrong-code" | "rate-limited" };

/**
 * Signs in with a code: counted first (per reference typed and per client, right or wrong, so no
 * burst tries more than the limit), then used once. A wrong, used or expired code, and a
 * reference that does not exist, all get the same answer.
 */
export function enterCheckCode(db: Db, input: { reference: string; code: string; clientAddress: string; perClientLimit?: number; now?: Date; key?: Buffer }): SignInResult {
  const now = input.now ?? new Date();
  const key = input.key ?? defaultKey();
  return db.transaction((tx): SignInResult => {
    const counted = [
      withinLimit(tx, `check-attempt:${input.reference}`, { limit: CHECK_LIMITS.attemptsPerReference, windowMs: LIMIT_WINDOW_MS, now }),
      withinLimit(tx, `check-attempt-from:${clientKey(input.clientAddress)}`, {
        limit: (input.perClientLimit ?? CHECK_LIMITS.codesPerClient) * CHECK_LIMITS.attemptsPerClientPerCode,
        windowMs: LIMIT_WINDOW_MS,
        now,
      }),
    ];
    if (counted.includes(false)) return { ok: false, error: "rate-limited" };
    const row = checkableCase(tx, input.reference);
    if (!row) return { ok: false, error: "wrong-code" };
    const used = tx
      .update(checkCodes)
      .set({ usedAt: now })
      .where(
        and(eq(checkCodes.representationId, row.id), eq(checkCodes.codeHash, codeHash(input.code, key)), isNull(checkCodes.usedAt), gt(checkCodes.expiresAt, now)),
      )
      .run();
    if (used.changes < 1) return { ok: false, error: "wrong-code" };
    const token = randomBytes(32).toString("base64url");
    const expiresAt = sessionExpiresAt(now);
    tx.insert(checkSessions).values({ tokenHash: tokenHash(token), representationId: row.id, expiresAt, createdAt: now }).run();
    audit(tx, { staffUserId: null, action: "case.person-signed-in", entity: "representation", entityId: row.id, at: now });
    return { ok: true, token, expiresAt };
  });
}

export interface CheckSession {
  representationId: number;
  expiresAt: Date;
}

/** The session a cookie's token opens, while it lasts. */
export function findCheckSession(db: Db, token: string | null, now = new Date()): CheckSession | null {
  if (!token || !TOKEN.test(token)) return null;
  const row = db.select().from(checkSessions).where(eq(checkSessions.tokenHash, tokenHash(token))).get();
  if (!row || row.expiresAt.getTime() <= now.getTime()) return null;
  return { representationId: row.representationId, expiresAt: row.expiresAt };
}

export function endCheckSession(db: Db, token: string | null) {
  if (token && TOKEN.test(token)) db.delete(checkSessions).where(eq(checkSessions.tokenHash, tokenHash(token))).run();
}

/** Forgets codes and sessions that have expired (hourly, with the rate limits). */
export function purgeCheckAccess(db: Db, now = new Date()) {
  db.delete(checkCodes).where(lt(checkCodes.expiresAt, now)).run();
  db.delete(checkSessions).where(lt(checkSessions.expiresAt, now)).run();
}

export interface NextStep {
  /** The stage they may ask for. */
  kind: StageKind;
  /** Whether they may ask online now (the transition table, as the person). */
  mayAsk: boolean;
  /** The last day to ask without saying why it is late; null when the stage was not answered in time. */
  windowEndsOn: IsoDate | null;
  /** Asking today would be late. */
  late: boolean;
  /** They asked on this day; staff confirm it. */
  askedOn: IsoDate | null;
}

export interface PersonCase {
  reference: string;
  receivedOn: IsoDate;
  answers: Record<string, unknown>;
  view: PersonView;
  /** What they can do next about the current stage, or null (nothing to ask for, or it is with the Ombudsman). */
  next: NextStep | null;
  /** After the council's last stage: the Ombudsman is next (the person goes to it themselves). */
  ombudsmanNext: boolean;
  /** The person may withdraw the complaint online now (the transition table, as the person). */
  mayWithdraw: boolean;
  /** The optional experience questions are offered about the current stage. */
  mayAskExperience: boolean;
  /** A shared statement of complaint waits for their answer (the transition table, as the person). */
  mayAnswerStatement: boolean;
}

function nextStepOf(db: Db, row: Representation, today: IsoDate): Pick<PersonCase, "next" | "ombudsmanNext"> {
  const stage = currentStage(db, row.id);
  if (!stage) return { next: null, ombudsmanNext: false };
  const kind = nextStageOf(row, stage);
  const { facts, clocks } = factsOf(db, stage, today);
  const mayEscalate = allowedActions({ kind: stage.kind as StageKind, state: stage.state as StageState }, "person", facts).includes("escalate");
  if (kind === "ombudsman") return { next: null, ombudsmanNext: stage.state === "responded" };
  if (!kind || (!mayEscalate && !stage.nextStageAskedOn)) return { next: null, ombudsmanNext: false };
  return {
    next: {
      kind,
      mayAsk: mayEscalate && !stage.nextStageAskedOn,
      windowEndsOn: clocks.escalationWindowEndsOn,
      late: isLateRequest(today, clocks.escalationWindowEndsOn),
      askedOn: stage.nextStageAskedOn,
    },
    ombudsmanNext: false,
  };
}

/** What the signed-in person sees of their complaint; the view is written to the case's audit trail. */
export function personCase(db: Db, session: CheckSession, now = new Date()): PersonCase | null {
  return db.transaction((tx) => {
    const row = tx.select().from(representations).where(eq(representations.id, session.representationId)).get();
    if (!row || row.anonymisedAt !== null) return null;
    const today = londonDate(now);
    const settings = clockSettings(tx);
    const all = stagesOf(tx, row.id);
    // The latest Stage 2's statement (a case reaches Stage 2 once, unless reopened).
    const stage2 = all.filter((s) => s.kind === "statutory-stage2").at(-1);
    const view = personView({
      mail: caseEmails(tx, row.id),
      entries: tx.select().from(caseEntries).where(eq(caseEntries.representationId, row.id)).orderBy(asc(caseEntries.at)).all(),
      files: tx.select().from(attachments).where(eq(attachments.representationId, row.id)).all(),
      stages: all.map((s) => ({ ...s, replyDueOn: stageClocks(clockFactsOf(s), settings).respondBy ?? s.dueOn })),
      statement: stage2 ? { versions: statementVersionsOf(tx, stage2.id), agreedOn: (stage2.statementAgreedOn as IsoDate | null) ?? null } : null,
      restricted: activeRestrictions(tx, row).length > 0,
    });
    audit(tx, { staffUserId: null, action: "case.viewed-by-person", entity: "representation", entityId: row.id, at: now });
    const stage = currentStage(tx, row.id);
    const personMoves = stage ? allowedActions({ kind: stage.kind as StageKind, state: stage.state as StageState }, "person", factsOf(tx, stage, today).facts) : [];
    return {
      reference: row.reference,
      receivedOn: row.receivedOn,
      answers: row.answers,
      view,
      ...nextStepOf(tx, row, today),
      mayWithdraw: personMoves.includes("withdraw"),
      mayAskExperience: mayAskExperience(stage),
      mayAnswerStatement: personMoves.includes("agree-statement"),
    };
  });
}

export type AskResult = { ok: true } | { ok: false; error: "not-offered" | "already-asked" | "late-reason-required" };

/**
 * The person asks online for the next stage, today. Allowed exactly when the transition table
 * lets the person escalate the current stage; a late request needs its reason. Recorded on the
 * stage (the day, and the late reason) and the timeline (what is still unresolved, in their
 * words), and the complaints team is emailed. The stage does not move: staff confirm the request
 * with the escalate move, dated the day the person asked, which starts the next stage's clock.
 */
export function askForNextStage(
  db: Db,
  session: CheckSession,
  input: { unresolved: string; lateReason?: string | null; publicUrl: string },
  now = new Date(),
): AskResult {
  const today = londonDate(now);
  const lateReason = input.lateReason?.trim() || null;
  return db.transaction((tx): AskResult => {
    const row = tx.select().from(representations).where(eq(representations.id, session.representationId)).get();
    const stage = row ? currentStage(tx, row.id) : null;
    if (!row || !stage) return { ok: false, error: "not-offered" };
    if (stage.nextStageAskedOn) return { ok: false, error: "already-asked" };
    const kind = stage.kind as StageKind;
    const nextKind = nextStageOf(row, stage);
    if (!nextKind || nextKind === "ombudsman") return { ok: false, error: "not-offered" };
    const { facts } = factsOf(tx, stage, today);
    const check = checkTransition({ kind, state: stage.state as StageState }, "escalate", "person", facts, { date: today, reason: lateReason });
    if (!check.ok) return { ok: false, error: check.refusal === "late-reason-required" ? "late-reason-required" : "not-offered" };
    tx.update(stages)
      .set({ nextStageAskedOn: today, nextStageAskedLateReason: check.late ? lateReason : null, updatedAt: now })
      .where(eq(stages.id, stage.id))
      .run();
    // What is unresolved is case content: on the timeline for staff, never in the audit or the email.
    addEntry(tx, {
      representationId: row.id,
      kind: "next-stage-asked",
      staffUserId: null,
      at: now,
      body: input.unresolved.trim(),
      details: { from: kind, to: nextKind, askedOn: today, late: check.late },
      awaitingStaff: true,
    });
    const settings = getSettings(tx);
    const staffT = createI18n("en").t;
    const mail = nextStageAskedEmail(staffT, {
      reference: row.reference,
      nextStage: staffT(`casework:stages.${nextKind}`),
      askedOn: formatLongDate(today, "en"),
      late: check.late,
      caseUrl: `${input.publicUrl}/staff/cases/${row.reference}/escalate`,
      restricted: activeRestrictions(tx, row).length > 0,
    });
    tx.insert(outbox)
      .values({
        representationId: row.id,
        template: "next-stage-asked",
        toAddress: settings.complaintsTeamEmail,
        subject: mail.subject,
        textBody: mail.text,
        htmlBody: mail.html,
        nextAttemptAt: now,
        createdAt: now,
      })
      .run();
    audit(tx, {
      staffUserId: null,
      action: "case.next-stage-asked",
      entity: "representation",
      entityId: row.id,
      at: now,
      details: { after: { stageId: stage.id, stage: kind, requestedOn: today, late: check.late } },
    });
    return { ok: true };
  });
}

/** Tells the complaints team the person did something online; no personal data, a link to the case. */
function tellTeam(tx: Db, row: Representation, what: "withdrew" | "sent" | "statement-agreed" | "statement-changes", publicUrl: string, now: Date) {
  const staffT = createI18n("en").t;
  const mail = personWroteEmail(staffT, { reference: row.reference, what, caseUrl: `${publicUrl}/staff/cases/${row.reference}`, restricted: activeRestrictions(tx, row).length > 0 });
  tx.insert(outbox)
    .values({ representationId: row.id, template: `person-${what}`, toAddress: getSettings(tx).complaintsTeamEmail, subject: mail.subject, textBody: mail.text, htmlBody: mail.html, nextAttemptAt: now, createdAt: now })
    .run();
}

/**
 * The person withdraws their complaint online: the existing withdraw move (the transition table
 * allows it to the person while a stage is open), with their reason, done by no member of staff.
 * The case closes and the complaints team is emailed.
 */
export function withdrawOnline(db: Db, session: CheckSession, input: { reason: string; publicUrl: string }, now = new Date()): { ok: true } | { ok: false; error: "not-offered" | "reason-required" } {
  const reason = input.reason.trim();
  const today = londonDate(now);
  return db.transaction((tx) => {
    const row = tx.select().from(representations).where(eq(representations.id, session.representationId)).get();
    const stage = row ? currentStage(tx, row.id) : null;
    if (!row || !stage || row.kind !== "complaint") return { ok: false as const, error: "not-offered" as const };
    const kind = stage.kind as StageKind;
    const check = checkTransition({ kind, state: stage.state as StageState }, "withdraw", "person", factsOf(tx, stage, today).facts, { reason });
    if (!check.ok) return { ok: false as const, error: check.refusal === "reason-required" ? ("reason-required" as const) : ("not-offered" as const) };
    const done = applyWithdrawal(tx, { row, stage, to: check.to, today, kind }, { reason, staffUserId: null, online: true }, now);
    tellTeam(tx, row, "withdrew", input.publicUrl, now);
    audit(tx, { staffUserId: null, action: "case.withdrawn-by-person", entity: "representation", entityId: row.id, at: now, details: { before: done.before, after: done.after } });
    return { ok: true as const };
  });
}

export type StatementResult = { ok: true } | { ok: false; error: "not-offered" | "changes-required" };

/**
 * The person answers the statement of complaint shared with them (decision record 041): agrees
 * it, or says what is wrong. Allowed exactly when the transition table lets the person make that
 * move now (a shared version waits, the statement is not agreed, Stage 2 is open). Agreeing
 * records today on the stage, which starts the Stage 2 clock when the council counts it from the
 * statement; asking for changes keeps their words on the version and the timeline. Either way
 * the timeline entry waits for staff, the complaints team is emailed (no words) and the audit
 * says what happened (dates and the version, never the words).
 */
export function answerStatement(
  db: Db,
  session: CheckSession,
  input: { answer: "agreed" } | { answer: "changes-asked"; changes: string },
  publicUrl: string,
  now = new Date(),
): StatementResult {
  const today = londonDate(now);
  const changes = input.answer === "changes-asked" ? input.changes.trim() : null;
  return db.transaction((tx): StatementResult => {
    const row = tx.select().from(representations).where(eq(representations.id, session.representationId)).get();
    const stage = row ? currentStage(tx, row.id) : null;
    if (!row || !stage) return { ok: false, error: "not-offered" };
    const action = input.answer === "agreed" ? "agree-statement" : "ask-statement-changes";
    const check = checkTransition({ kind: stage.kind as StageKind, state: stage.state as StageState }, action, "person", factsOf(tx, stage, today).facts, { date: today, reason: changes });
    if (!check.ok) return { ok: false, error: check.refusal === "reason-required" ? "changes-required" : "not-offered" };
    const latest = latestVersion(statementVersionsOf(tx, stage.id));
    if (!latest) return { ok: false, error: "not-offered" };
    tx.update(statements).set({ answer: input.answer, answeredAt: now, changes }).where(eq(statements.id, latest.id)).run();
    let dates: { before: Record<string, unknown>; after: Record<string, unknown> } = { before: {}, after: {} };
    if (input.answer === "agreed") {
      const updated: StageRow = updateStage(tx, stage, { statementAgreedOn: today }, check.to, now);
      dates = {
        before: { statementAgreedOn: stage.statementAgreedOn, dueOn: stage.dueOn, nextDueOn: stage.nextDueOn },
        after: { statementAgreedOn: today, dueOn: updated.dueOn, latestOn: updated.latestOn, nextDueOn: updated.nextDueOn },
      };
    }
    addEntry(tx, {
      representationId: row.id,
      kind: input.answer === "agreed" ? "statement-agreed" : "statement-changes-asked",
      staffUserId: null,
      at: now,
      body: changes,
      details: input.answer === "agreed" ? { agreedOn: today, version: latest.version, online: true } : { version: latest.version, online: true },
      awaitingStaff: true,
    });
    tellTeam(tx, row, input.answer === "agreed" ? "statement-agreed" : "statement-changes", publicUrl, now);
    audit(tx, {
      staffUserId: null,
      action: input.answer === "agreed" ? "case.statement-agreed-by-person" : "case.statement-changes-asked",
      entity: "representation",
      entityId: row.id,
      at: now,
      details: { before: { stageId: stage.id, ...dates.before }, after: { stageId: stage.id, statementVersion: latest.version, ...dates.after } },
    });
    return { ok: true };
  });
}

/** Messages (with or without a file) one complaint may receive online in a day. */
export const MESSAGES_PER_DAY = 10;

export type SendResult = { ok: true } | { ok: false; error: "empty" | "rate-limited" | "restricted" | UploadProblem };

/**
 * The person sends more information, a document, or both, to their complaint: the file is
 * checked and stored as the e-form's are (attachments.server.ts), on the case, as theirs; the
 * message goes on the timeline; the complaints team is emailed.
 */
export async function sendInformation(
  db: Db,
  session: CheckSession,
  input: { message: string; file: ReceivedFile | null; attachmentsDir: string; publicUrl: string },
  now = new Date(),
): Promise<SendResult> {
  const message = input.message.trim();
  if (!message && !input.file) return { ok: false, error: "empty" };
  // A contact restriction limits messages: they go by the route the person was told (decision record 042).
  const row = db.select().from(representations).where(eq(representations.id, session.representationId)).get();
  if (!row || activeRestrictions(db, row).length > 0) {
    if (input.file) await rm(input.file.tempPath, { force: true });
    return { ok: false, error: "restricted" };
  }
  if (!withinLimit(db, `check-send:${session.representationId}`, { limit: MESSAGES_PER_DAY, windowMs: 24 * 60 * 60 * 1000, now })) return { ok: false, error: "rate-limited" };
  let files = 0;
  if (input.file) {
    const stored = await storeUploadOnCase(db, input.attachmentsDir, session.representationId, input.file, now);
    if (!stored.ok) return { ok: false, error: stored.problem };
    files = 1;
  }
  db.transaction((tx) => {
    const row = tx.select().from(representations).where(eq(representations.id, session.representationId)).get();
    if (!row) return;
    addEntry(tx, { representationId: row.id, kind: "correspondence-in", channel: "online", staffUserId: null, at: now, body: message || null, details: { online: true, files }, awaitingStaff: true });
    tellTeam(tx, row, "sent", input.publicUrl, now);
    audit(tx, { staffUserId: null, action: "case.information-sent-by-person", entity: "representation", entityId: row.id, at: now, details: { after: { files } } });
  });
  return { ok: true };
}

/**
 * Keeps the person's answers to the experience questions about the current stage apart from the
 * case (decision record 031): a row with the stage kind and the month only, under a random id;
 * the stage records only that they answered, so the questions are not offered again. Nothing
 * answered stores nothing. No audit row: it would tie the answers' time to the case.
 */
export function answerExperience(db: Db, session: CheckSession, response: ExperienceResponse, now = new Date()): { ok: true } | { ok: false; error: "not-offered" } {
  return db.transaction((tx) => {
    const row = tx.select().from(representations).where(eq(representations.id, session.representationId)).get();
    const stage = row ? currentStage(tx, row.id) : null;
    if (!row || !stage || !mayAskExperience(stage)) return { ok: false as const, error: "not-offered" as const };
    if (!isEmptyResponse(response)) {
      // Only whether a young person answered, by the received-from code as the report counts them (decision 043).
      const receivedFromCode = row.receivedFrom
        ? tx.select({ code: referenceValues.code }).from(referenceValues).where(and(eq(referenceValues.list, "received-from"), eq(referenceValues.label, row.receivedFrom))).get()?.code
        : undefined;
      const youngPerson = standingOf({ receivedFrom: row.receivedFrom ?? undefined, receivedFromCode: receivedFromCode ?? undefined }) === "child";
      tx.insert(experienceResponses)
        .values({ id: randomUUID(), stageKind: stage.kind, month: londonDate(now).slice(0, 7), easy: response.easy, listened: response.listened, again: response.again, easyRead: row.mode === "easy-read", youngPerson })
        .run();
    }
    tx.update(stages).set({ experienceAnsweredAt: now }).where(eq(stages.id, stage.id)).run();
    return { ok: true as const };
  });
}

/** The experience answers given in the months from `from` to `to` ("YYYY-MM"), counted for the report. */
export function experienceReport(db: Db, range: { from: string; to: string }): ExperienceCounts {
  const rows = db
    .select()
    .from(experienceResponses)
    .where(and(gte(experienceResponses.month, range.from), lte(experienceResponses.month, range.to)))
    .all();
  return countExperience(rows.map((r) => ({ easy: r.easy ?? undefined, listened: r.listened ?? undefined, again: r.again ?? undefined }) as ExperienceResponse));
}
