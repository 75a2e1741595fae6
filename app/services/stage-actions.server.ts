import { eq } from "drizzle-orm";
import { representations, stages } from "../../db/schema";
import { extensionLetter } from "../../emails/extension";
import { responseLetterDraft } from "../../emails/response";
import { londonDate, type IsoDate } from "../domain/calendar";
import { formatLongDate } from "../domain/dates";
import { checkExtension, clockFacts, extensionReasonsFor, stageClocks, type ExtensionProblem, type ExtensionReason } from "../domain/stage-clocks";
import { allowedActions, caseStatusOf, checkTransition, isUndecidedStatus, nextStageKind, type Refusal, type StageAction, type StageKind, type StageState } from "../domain/stages";
import { createI18n, isLanguage, isMode } from "../i18n/i18n";
import { addEntry, changeCase, type Actor, type Representation } from "./case.server";
import type { Db } from "./db.server";
import { sendLetterToPerson } from "./letters.server";
import { statementStatus } from "../domain/check/statement";
import { statementVersionsOf } from "./statements.server";
import { clockSettings, getSettings } from "./settings.server";
import { checkFinding } from "../domain/outcomes";
import { actualOutcomeOptions, findingOptions, saveStageOutcomes, type PointInput } from "./outcomes.server";
import { clockFactsOf, currentStage, namePerson, peopleOfStages, stage2IndependentPerson, storedClock, type StageRow } from "./stages.server";

/** The transition table's conditions for a stage now (decision record 017: from its clocks and records). */
export function factsOf(db: Db, stage: StageRow, today: IsoDate) {
  const clocks = stageClocks(clockFactsOf(stage), clockSettings(db));
  const people = peopleOfStages(db, [stage.id]);
  return {
    clocks,
    facts: {
      onHold: stage.onHold,
      statementAgreed: stage.statementAgreedOn !== null,
      // A shared version of the statement waits for the person's answer (decision record 041).
      statementWaiting: stage.kind === "statutory-stage2" && statementStatus(statementVersionsOf(db, stage.id), stage.statementAgreedOn) === "waiting-for-person",
      // A staff account or an external person by name.
      investigatorNamed: people.some((p) => p.role === "investigating-officer"),
      panelBooked: stage.panelOn !== null,
      panelReportRecorded: stage.panelReportOn !== null,
      remedyOutstanding: stage.remedyDueOn !== null && stage.remedyMetOn === null,
      enquiryAnswered: stage.ombudsmanEnquiryAnsweredOn !== null,
      stage2IndependentPerson: stage.kind === "statutory-stage3" ? stage2IndependentPerson(db, stage) : null,
      ...clockFacts(clocks, stage.respondedOn, today),
    },
  };
}

/**
 * The move that records the current stage's response in the transition table: Stage 3's is the
 * council's response to the panel's report; every other council stage's is "respond".
 */
export function responseActionOf(kind: StageKind): "respond" | "record-council-response" {
  return kind === "statutory-stage3" ? "record-council-response" : "respond";
}

/** The stage moves this member of staff may make on the case's current stage now (the case page offers them). */
export function offeredStageActions(db: Db, actor: Actor, row: Pick<Representation, "id" | "status"> & { importedAt?: Date | null }, now = new Date()): StageAction[] {
  // Imported history (decision 033) is read-only: nothing is offered, so every move page refuses too.
  if (row.importedAt) return [];
  // A complaint is in Stage 1 from receipt (decision record 018), but nothing is done on its
  // stage until triage has decided what that stage is.
  if (isUndecidedStatus(row.status)) return [];
  const stage = currentStage(db, row.id);
  if (!stage) return [];
  const { facts } = factsOf(db, stage, londonDate(now));
  return allowedActions({ kind: stage.kind as StageKind, state: stage.state as StageState }, actor.role, facts);
}

export interface ExtensionForm {
  stage: { kind: StageKind; respondBy: IsoDate; latestOn: IsoDate };
  reasons: readonly ExtensionReason[];
}

/** What the extension page shows: the deadline in force, the furthest it may go, and the reasons allowed. */
export function extensionForm(db: Db, actor: Actor, row: Pick<Representation, "id" | "status">, now = new Date()): ExtensionForm | null {
  const stage = currentStage(db, row.id);
  if (!stage || !offeredStageActions(db, actor, row, now).includes("extend")) return null;
  const { clocks } = factsOf(db, stage, londonDate(now));
  if (!clocks.respondBy || !clocks.latestOn) return null;
  const kind = stage.kind as StageKind;
  return { stage: { kind, respondBy: clocks.respondBy, latestOn: clocks.latestOn }, reasons: extensionReasonsFor(kind) };
}

export type ExtensionResult =
  | { ok: true; sentBy: "email" | "letter" }
  | { ok: false; error: "not-found" | "no-stage" | "invalid-reason" | Refusal | ExtensionProblem };

/**
 * Extends the current stage's deadline (decision record 017): the transition table says whether
 * this person may, `checkExtension` whether the date may be, and `storedClock` recomputes the
 * stored dates. The person is told in their language and mode, in the same transaction: by email
 * through the outbox, or (no address) a letter kept on the timeline to print and post. The audit
 * keeps the dates and the reason's code, never the words staff typed.
 */
export function extendStage(
  db: Db,
  actor: Actor,
  reference: string,
  input: { newDate: IsoDate; reason: string; details: string },
  now = new Date(),
): ExtensionResult {
  let error: Exclude<ExtensionResult, { ok: true }>["error"] | null = null;
  const done = changeCase(db, actor, reference, "case.stage-extended", (tx, row) => {
    const stage = currentStage(tx, row.id);
    if (!stage || isUndecidedStatus(row.status)) {
      error = "no-stage";
      return null;
    }
    const today = londonDate(now);
    const kind = stage.kind as StageKind;
    const { clocks, facts } = factsOf(tx, stage, today);
    const check = checkTransition({ kind, state: stage.state as StageState }, "extend", actor.role, facts, {
      newDate: input.newDate,
      reason: input.details,
    });
    if (!check.ok) {
      error = check.refusal;
      return null;
    }
    if (!(extensionReasonsFor(kind) as readonly string[]).includes(input.reason)) {
      error = "invalid-reason";
      return null;
    }
    const problem = checkExtension(clocks, input.newDate);
    if (problem) {
      error = problem;
      return null;
    }
    const next = { ...stage, extendedTo: input.newDate };
    const updated = tx
      .update(stages)
      .set({
        extendedTo: input.newDate,
        // The code first, so the page and any report can read why; the words are staff's own.
        extensionReason: `${input.reason}: ${input.details}`,
        extendedById: actor.id,
        extendedAt: now,
        personToldOfExtensionOn: today,
        ...storedClock(clockFactsOf(next), check.to, clockSettings(tx)),
        updatedAt: now,
      })
      .where(eq(stages.id, stage.id))
      .returning()
      .get();
    const sentBy = tellPersonOfExtension(tx, actor, row, { newDate: input.newDate, reason: input.reason }, now);
    addEntry(tx, { representationId: row.id, kind: "stage-extended", staffUserId: actor.id, at: now, details: { extendedTo: input.newDate, reason: input.reason } });
    return {
      result: sentBy,
      before: { stageId: stage.id, dueOn: stage.dueOn, nextDueOn: stage.nextDueOn, extendedTo: stage.extendedTo },
      after: { stageId: stage.id, dueOn: updated.dueOn, nextDueOn: updated.nextDueOn, extendedTo: updated.extendedTo, extensionReasonCode: input.reason, personToldOfExtensionOn: today, sentBy },
    };
  });
  if (done.ok) return { ok: true, sentBy: done.result };
  return { ok: false, error: error ?? "not-found" };
}

/** The extension letter in the person's language and mode: an email through the outbox, or a letter on the timeline. */
function tellPersonOfExtension(tx: Db, actor: Actor, row: Representation, d: { newDate: IsoDate; reason: string }, now: Date): "email" | "letter" {
  const language = isLanguage(row.language) ? row.language : "en";
  const mode = isMode(row.mode) ? row.mode : "standard";
  const settings = getSettings(tx);
  const letter = extensionLetter(createI18n(language, { mode }).t, {
    reference: row.reference,
    reason: d.reason,
    newDate: formatLongDate(d.newDate, language),
    councilName: settings.councilName,
    complaintsTeamPhone: settings.complaintsTeamPhone,
    complaintsTeamEmail: settings.complaintsTeamEmail,
  });
  return sendLetterToPerson(tx, { representationId: row.id, language, template: "extension", letter, staffUserId: actor.id, now });
}


/** The day the person may ask for the next stage until, if the response were sent on `respondedOn`. */
function askByOf(db: Db, stage: StageRow, respondedOn: IsoDate): IsoDate | null {
  return stageClocks({ ...clockFactsOf(stage), respondedOn }, clockSettings(db)).escalationWindowEndsOn;
}

/**
 * The response letter's first draft for the current stage, in the person's language and mode,
 * saying what was found and (when there is a next council stage) how to ask for it and by when,
 * counted as if it were sent today. Null when this person may not respond to the stage now.
 */
export function draftResponse(db: Db, actor: Actor, row: Representation, findingCode: string, now = new Date()): { subject: string; body: string } | null {
  const finding = findingOptions(db).find((f) => f.code === findingCode);
  if (!finding) return null;
  const stage = currentStage(db, row.id);
  if (!stage || !offeredStageActions(db, actor, row, now).includes(responseActionOf(stage.kind as StageKind))) return null;
  const language = isLanguage(row.language) ? row.language : "en";
  const mode = isMode(row.mode) ? row.mode : "standard";
  const settings = getSettings(db);
  const askBy = askByOf(db, stage, londonDate(now));
  return responseLetterDraft(createI18n(language, { mode }).t, {
    reference: row.reference,
    finding: finding.label,
    findingCode: finding.code,
    askBy: askBy ? formatLongDate(askBy, language) : null,
    ombudsman: ombudsmanDetailsAfter(stage.kind as StageKind, settings),
    councilName: settings.councilName,
    complaintsTeamPhone: settings.complaintsTeamPhone,
    complaintsTeamEmail: settings.complaintsTeamEmail,
  });
}

/** After the council's final stage the person may go to the Ombudsman: its details, from settings. */
function ombudsmanDetailsAfter(kind: StageKind, settings: ReturnType<typeof getSettings>) {
  if (nextStageKind(kind) !== "ombudsman") return null;
  return { name: settings.ombudsmanName, website: settings.ombudsmanWebsite, phone: settings.ombudsmanPhone };
}

export type ResponseResult =
  | { ok: true; sentBy: "email" | "letter" }
  | { ok: false; error: "not-found" | "no-stage" | "invalid-finding" | "invalid-choice" | "adjudicating-officer-required" | "points-required" | Refusal }
  /** The points make another finding for the complaint (app/domain/outcomes.ts): the one they make. */
  | { ok: false; error: "finding-contradicts-points"; required: string };

/**
 * Records the stage's response and sends the letter as staff left it: the response date is the
 * day it is sent (by email through the outbox, or a letter kept on the timeline to post). The
 * stage moves to "responded" through the transition table, so its response clock stops and
 * `storedClock` clears the inbox's next deadline; the window to ask for the next stage starts.
 * The finding is a code of the "finding" list; the complaint's points (Stage 2 must have at least
 * one) each have theirs, and the complaint's finding must be the one its points make (the rule in
 * app/domain/outcomes.ts). The actual outcomes are "actual-outcome" values by id.
 */
export function respondToStage(
  db: Db,
  actor: Actor,
  reference: string,
  input: { finding: string; subject: string; body: string; adjudicatingOfficer?: string | null; points?: readonly PointInput[]; actualOutcomeIds?: readonly number[] },
  now = new Date(),
): ResponseResult {
  let error: Exclude<ResponseResult, { ok: true }> | null = null;
  const refuse = (e: Exclude<ResponseResult, { ok: true }>["error"]) => {
    error = { ok: false, error: e } as Exclude<ResponseResult, { ok: true }>;
    return null;
  };
  const points = input.points ?? [];
  const actualOutcomeIds = [...new Set(input.actualOutcomeIds ?? [])];
  const done = changeCase(db, actor, reference, "case.stage-responded", (tx, row) => {
    const stage = currentStage(tx, row.id);
    if (!stage || isUndecidedStatus(row.status)) return refuse("no-stage");
    const today = londonDate(now);
    const { facts } = factsOf(tx, stage, today);
    const kind = stage.kind as StageKind;
    const check = checkTransition({ kind, state: stage.state as StageState }, responseActionOf(kind), actor.role, facts, { date: today, finding: input.finding });
    if (!check.ok) return refuse(check.refusal);
    const findings = findingOptions(tx).map((f) => f.code as string);
    if (!findings.includes(input.finding)) return refuse("invalid-finding");
    const outcomeIds = actualOutcomeOptions(tx).map((o) => o.id);
    if (!points.every((p) => findings.includes(p.finding)) || !actualOutcomeIds.every((id) => outcomeIds.includes(id))) return refuse("invalid-choice");
    // Stage 2 answers the statement of complaint point by point.
    if (kind === "statutory-stage2" && points.length === 0) return refuse("points-required");
    const required = checkFinding(input.finding, points);
    if (required) {
      error = { ok: false, error: "finding-contradicts-points", required };
      return null;
    }
    // Stage 2: the Adjudicating Officer (a senior manager) signs the response to the investigation.
    const adjudicatingOfficer = input.adjudicatingOfficer?.trim() ?? "";
    if (kind === "statutory-stage2") {
      if (!adjudicatingOfficer) return refuse("adjudicating-officer-required");
      namePerson(tx, { stageId: stage.id, role: "adjudicating-officer", name: adjudicatingOfficer });
    }
    const next = { ...stage, respondedOn: today, state: check.to };
    const updated = tx
      .update(stages)
      .set({ state: check.to, respondedOn: today, finding: input.finding, ...storedClock(clockFactsOf(next), check.to, clockSettings(tx)), updatedAt: now })
      .where(eq(stages.id, stage.id))
      .returning()
      .get();
    saveStageOutcomes(tx, stage.id, { points, actualOutcomeIds });
    const status = caseStatusOf(check.to);
    if (status !== row.status) tx.update(representations).set({ status, updatedAt: now }).where(eq(representations.id, row.id)).run();
    const sentBy = sendLetterToPerson(tx, { representationId: row.id, language: row.language, template: "response", letter: input, staffUserId: actor.id, now });
    // The timeline is read by people: the finding in words as it was recorded that day.
    const findingLabel = findingOptions(tx).find((f) => f.code === input.finding)?.label ?? input.finding;
    addEntry(tx, { representationId: row.id, kind: "stage-responded", staffUserId: actor.id, at: now, details: { finding: findingLabel, sentBy } });
    return {
      result: sentBy,
      before: { stageId: stage.id, state: stage.state, nextDueOn: stage.nextDueOn, status: row.status },
      after: { stageId: stage.id, state: updated.state, respondedOn: today, finding: input.finding, pointFindings: points.map((p) => p.finding), actualOutcomeIds, nextDueOn: updated.nextDueOn, status, sentBy },
    };
  });
  if (done.ok) return { ok: true, sentBy: done.result };
  return error ?? { ok: false, error: "not-found" };
}
