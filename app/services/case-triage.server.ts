import { and, asc, eq, inArray } from "drizzle-orm";
import { caseCodes, referenceValues, representations, stages } from "../../db/schema";
import { refusalLetterDraft } from "../../emails/refusal";
import { londonDate } from "../domain/calendar";
import { caseStatusOf, firstStageKind, isUndecidedStatus, processOfKind, type StageKind, type StageState } from "../domain/stages";
import { assessEligibility, NEEDS_PERSON_AGREEMENT, readEligibility, type Decision, type EligibilityAnswers } from "../domain/eligibility";
import type { Process } from "../domain/representation";
import { createI18n, isLanguage } from "../i18n/i18n";
import { addEntry, changeCase, type Actor, type Representation } from "./case.server";
import type { Db } from "./db.server";
import { sendLetterToPerson, sendStageDecidedLetter } from "./letters.server";
import { getSettings } from "./settings.server";
import { acknowledgeStage, correctStage, currentStage, openStage } from "./stages.server";

export interface ReferenceOption {
  id: number;
  label: string;
  group: string | null;
  retired: boolean;
}

/**
 * A reference list for coding: current values, plus any retired ones already on this record (so
 * an old case keeps showing what it was coded as).
 */
export function referenceOptions(db: Db, list: string, keep: readonly string[] = []): ReferenceOption[] {
  return db
    .select()
    .from(referenceValues)
    .where(eq(referenceValues.list, list))
    .orderBy(asc(referenceValues.sortOrder), asc(referenceValues.label))
    .all()
    .filter((v) => v.retiredAt === null || keep.includes(v.label))
    .map((v) => ({ id: v.id, label: v.label, group: v.groupLabel, retired: v.retiredAt !== null }));
}

/** True if `label` may be chosen now: a current value, or the one already recorded. */
function offered(db: Db, list: string, label: string, current: string | null): boolean {
  return referenceOptions(db, list, current ? [current] : []).some((o) => o.label === label);
}

/** The stable code of a received-from value, by its label now (a council's own value has a generated one, decision record 048). */
function receivedFromCode(db: Db, label: string): string | null {
  return db.select({ code: referenceValues.code }).from(referenceValues).where(and(eq(referenceValues.list, "received-from"), eq(referenceValues.label, label))).get()?.code ?? null;
}

export type TriageResult = { ok: true } | { ok: false; error: "not-found" | "invalid-choice" | "not-allowed" | "already-decided" };

/** Type of representation, process and the eligibility checklist, saved together. */
export function saveTriage(
  db: Db,
  actor: Actor,
  reference: string,
  input: { representationType: string; process: Process; eligibility: EligibilityAnswers },
  now = new Date(),
): TriageResult {
  let invalid = false;
  const done = changeCase(db, actor, reference, "case.triaged", (tx, row) => {
    const receivedFrom = input.eligibility.receivedFrom ?? null;
    if (
      !offered(tx, "representation-type", input.representationType, row.representationType) ||
      (receivedFrom !== null && !offered(tx, "received-from", receivedFrom, row.receivedFrom))
    ) {
      invalid = true;
      return null;
    }
    // The rules read the value's code, looked up here: whatever the form sent is not trusted.
    const code = receivedFrom === null ? null : receivedFromCode(tx, receivedFrom);
    const eligibility: Record<string, unknown> = { ...input.eligibility, receivedFromCode: code ?? undefined };
    const before = { representationType: row.representationType, process: row.process, receivedFrom: row.receivedFrom, eligibility: row.eligibility };
    const after = { representationType: input.representationType, process: input.process, receivedFrom, eligibility };
    tx.update(representations)
      .set({ ...after, status: row.status === "new" ? "triaged" : row.status, updatedAt: now })
      .where(eq(representations.id, row.id))
      .run();
    addEntry(tx, { representationId: row.id, kind: "triage", staffUserId: actor.id, at: now, details: { representationType: input.representationType, process: input.process } });
    return { result: null, before, after };
  });
  if (done.ok) return { ok: true };
  return { ok: false, error: invalid ? "invalid-choice" : "not-found" };
}

/** The nature list that fits the process. */
export function natureListFor(process: string | null): "nature-social-care" | "nature-corporate" {
  return process === "corporate" ? "nature-corporate" : "nature-social-care";
}

export interface Coding {
  primaryNature: string | null;
  otherNatures: string[];
  outcomesSought: string[];
  method: string;
}

/** The labels coded on a case, by list. */
export function caseCoding(db: Db, representationId: number): Record<string, Array<{ label: string; primary: boolean }>> {
  const rows = db
    .select({ list: caseCodes.list, label: referenceValues.label, primary: caseCodes.primary })
    .from(caseCodes)
    .innerJoin(referenceValues, eq(referenceValues.id, caseCodes.referenceValueId))
    .where(eq(caseCodes.representationId, representationId))
    .orderBy(asc(referenceValues.sortOrder))
    .all();
  const byList: Record<string, Array<{ label: string; primary: boolean }>> = {};
  for (const r of rows) (byList[r.list] ??= []).push({ label: r.label, primary: r.primary });
  return byList;
}

/** Codes the case from the reference lists: one primary nature, others allowed. */
export function saveCoding(db: Db, actor: Actor, reference: string, input: Coding, now = new Date()): TriageResult {
  let invalid = false;
  const done = changeCase(db, actor, reference, "case.coded", (tx, row) => {
    const natureList = natureListFor(row.process);
    const existing = caseCoding(tx, row.id);
    const keepNatures = (existing[natureList] ?? []).map((c) => c.label);
    const keepOutcomes = (existing["outcome-sought"] ?? []).map((c) => c.label);
    const natures = referenceOptions(tx, natureList, keepNatures);
    const outcomes = referenceOptions(tx, "outcome-sought", keepOutcomes);
    const natureLabels = [...new Set([...(input.primaryNature ? [input.primaryNature] : []), ...input.otherNatures])];
    const natureIds = natureLabels.map((l) => natures.find((o) => o.label === l)?.id);
    const outcomeIds = input.outcomesSought.map((l) => outcomes.find((o) => o.label === l)?.id);
    if (natureIds.includes(undefined) || outcomeIds.includes(undefined) || !offered(tx, "method-received", input.method, row.methodReceived)) {
      invalid = true;
      return null;
    }
    const before = {
      primaryNature: row.primaryNature,
      natures: keepNatures,
      outcomesSought: keepOutcomes,
      method: row.methodReceived,
    };
    tx.delete(caseCodes)
      .where(and(eq(caseCodes.representationId, row.id), inArray(caseCodes.list, ["nature-social-care", "nature-corporate", "outcome-sought"])))
      .run();
    const codes = [
      ...natureLabels.map((label, i) => ({ list: natureList, referenceValueId: natureIds[i] as number, primary: label === input.primaryNature })),
      ...input.outcomesSought.map((_, i) => ({ list: "outcome-sought", referenceValueId: outcomeIds[i] as number, primary: false })),
    ];
    if (codes.length) tx.insert(caseCodes).values(codes.map((c) => ({ ...c, representationId: row.id }))).onConflictDoNothing().run();
    tx.update(representations)
      .set({ primaryNature: input.primaryNature, methodReceived: input.method, updatedAt: now })
      .where(eq(representations.id, row.id))
      .run();
    addEntry(tx, { representationId: row.id, kind: "coding", staffUserId: actor.id, at: now, details: { primaryNature: input.primaryNature } });
    return { result: null, before, after: { primaryNature: input.primaryNature, natures: natureLabels, outcomesSought: input.outcomesSought, method: input.method } };
  });
  if (done.ok) return { ok: true };
  return { ok: false, error: invalid ? "invalid-choice" : "not-found" };
}

/** Only a case not yet accepted or refused can be decided. */
export function isUndecided(row: Pick<Representation, "status">): boolean {
  return isUndecidedStatus(row.status);
}

/**
 * Accepts a representation into a process. The eligibility rules decide what is allowed; early
 * resolution and a case concern also need the person's agreement.
 */
export function acceptRepresentation(
  db: Db,
  actor: Actor,
  reference: string,
  input: { decision: Exclude<Decision, "refuse">; personAgreed: boolean },
  now = new Date(),
): TriageResult {
  let error: "not-allowed" | "already-decided" | null = null;
  const done = changeCase(db, actor, reference, "case.accepted", (tx, row) => {
    if (!isUndecided(row)) {
      error = "already-decided";
      return null;
    }
    const assessment = assessEligibility(readEligibility(row.eligibility));
    if (!assessment.allowed.includes(input.decision) || (NEEDS_PERSON_AGREEMENT.includes(input.decision) && !input.personAgreed)) {
      error = "not-allowed";
      return null;
    }
    const decidedOn = londonDate(now);
    const kind = firstStageKind(input.decision);
    if (!kind) throw new Error("A decision to accept opens a stage");
    const process = processOfKind(kind) ?? "statutory";
    const first = currentStage(tx, row.id);
    const before = { status: row.status, process: row.process, stage: first?.kind ?? null, dueOn: first?.dueOn ?? null, latestOn: first?.latestOn ?? null };
    // Statutory and corporate Stage 1 count from receipt (corporate: the reply from the
    // acknowledgement, which this decision is); early resolution and a case concern from being passed on.
    const startedOn = kind === "early-resolution" || kind === "case-concern" ? decidedOn : row.receivedOn;
    let stage = first && first.sequence === 1 ? correctStage(tx, first.id, { kind, startedOn }, now) : openStage(tx, { representationId: row.id, kind, startedOn });
    if (kind === "corporate-stage1") stage = acknowledgeStage(tx, stage.id, decidedOn, now);
    const status = caseStatusOf(stage.state as StageState);
    const after = { status, process, stage: stage.kind, dueOn: stage.dueOn, latestOn: stage.latestOn };
    tx.update(representations).set({ status, process, decidedAt: now, updatedAt: now }).where(eq(representations.id, row.id)).run();
    addEntry(tx, {
      representationId: row.id,
      kind: "decision",
      staffUserId: actor.id,
      at: now,
      details: { decision: input.decision, personAgreed: input.personAgreed, dueOn: stage.nextDueOn },
    });
    // The person hears which stage their complaint is at and when to expect the reply.
    const sentBy = sendStageDecidedLetter(tx, { row, stageKind: stage.kind as StageKind, dueOn: stage.nextDueOn, staffUserId: actor.id, now });
    return { result: null, before, after: { ...after, decision: input.decision, personAgreed: input.personAgreed, sentBy } };
  });
  if (done.ok) return { ok: true };
  return { ok: false, error: error ?? "not-found" };
}

/** Refusal reasons come from the list of the process the case was classified under. */
export function refusalListFor(process: string | null): "refusal-reason-statutory" | "refusal-reason-corporate" {
  return process === "corporate" ? "refusal-reason-corporate" : "refusal-reason-statutory";
}

/** The refusal letter's first draft, in the person's language and mode. */
export function draftRefusal(db: Db, row: Representation, reason: string) {
  const language = isLanguage(row.language) ? row.language : "en";
  const settings = getSettings(db);
  return refusalLetterDraft(createI18n(language).t, {
    name: row.personName || "",
    reference: row.reference,
    process: row.process === "corporate" ? "corporate" : "statutory",
    reason,
    councilName: settings.councilName,
    complaintsTeamPhone: settings.complaintsTeamPhone,
    complaintsTeamEmail: settings.complaintsTeamEmail,
    advocacyProviderName: settings.advocacyProviderName,
    advocacyProviderPhone: settings.advocacyProviderPhone,
    easyRead: row.mode === "easy-read",
  });
}

/**
 * Refuses a representation with a reason, and sends the letter as staff left it: by email
 * (through the outbox, in this transaction) when the person gave an address, otherwise kept on
 * the timeline as a letter to post.
 */
export function refuseRepresentation(
  db: Db,
  actor: Actor,
  reference: string,
  input: { reason: string; subject: string; body: string },
  now = new Date(),
): TriageResult & { sentBy?: "email" | "letter" } {
  let error: "invalid-choice" | "already-decided" | null = null;
  const done = changeCase(db, actor, reference, "case.refused", (tx, row) => {
    if (!isUndecided(row)) {
      error = "already-decided";
      return null;
    }
    if (!offered(tx, refusalListFor(row.process), input.reason, null)) {
      error = "invalid-choice";
      return null;
    }
    const provisional = currentStage(tx, row.id);
    const before = { status: row.status, refusalReason: row.refusalReason, dueOn: provisional?.dueOn ?? null };
    // A refused complaint never entered a stage: the Stage 1 clock it had from receipt goes.
    if (provisional) tx.delete(stages).where(eq(stages.representationId, row.id)).run();
    tx.update(representations)
      .set({ status: "refused", refusalReason: input.reason, decidedAt: now, closedAt: now, updatedAt: now })
      .where(eq(representations.id, row.id))
      .run();
    addEntry(tx, { representationId: row.id, kind: "decision", staffUserId: actor.id, at: now, details: { decision: "refuse", reason: input.reason } });
    const sentBy = sendLetterToPerson(tx, { representationId: row.id, language: row.language, template: "refusal", letter: { subject: input.subject, body: input.body }, staffUserId: actor.id, now });
    return { result: sentBy, before, after: { status: "refused", refusalReason: input.reason, sentBy } };
  });
  if (done.ok) return { ok: true, sentBy: done.result };
  return { ok: false, error: error ?? "not-found" };
}
