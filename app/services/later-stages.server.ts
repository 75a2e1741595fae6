import { and, eq, inArray, isNull } from "drizzle-orm";
import { representations, stagePeople, stages, staffUsers, statements } from "../../db/schema";
import { statementSharedLetter } from "../../emails/statement";
import { nextVersion } from "../domain/check/statement";
import { letterEmailOf } from "../domain/letters";
import { createI18n, isLanguage, isMode } from "../i18n/i18n";
import { sendLetterToPerson } from "./letters.server";
import { getSettings } from "./settings.server";
import { statementVersionsOf } from "./statements.server";
import { londonDate, type IsoDate } from "../domain/calendar";
import { stageClocks, type StageClocks } from "../domain/stage-clocks";
import { caseStatusOf, checkTransition, isUndecidedStatus, type PanelMember, type Refusal, type StageAction, type StageKind, type StageState, type TransitionInput } from "../domain/stages";
import { settleRequests } from "./online-requests.server";
import { addEntry, changeCase, type Actor, type EntryKind, type Representation } from "./case.server";
import { referenceOptions } from "./case-triage.server";
import type { Db } from "./db.server";
import { clockSettings } from "./settings.server";
import { factsOf, offeredStageActions } from "./stage-actions.server";
import { clockFactsOf, currentStage, namePerson, openStage, storedClock, type StageRow } from "./stages.server";

/*
 * Stage 2, Stage 3 and the Ombudsman (decision record 021): each move is checked against the
 * transition table (app/domain/stages.ts) with the stage's facts, writes the stage, recomputes its
 * stored clock through `storedClock`, adds a timeline entry and audits dates, codes and ids only
 * (never the names of people or the words of a remedy).
 */

/** Why a date given with a move is refused (besides the transition table's own refusals). */
export type DateProblem = "date-in-future" | "date-before-start" | "date-before-panel" | "due-before-enquiry" | "remedy-due-required" | "remedy-due-before-decision";

export type MoveError =
  | "not-found"
  | "no-stage"
  | Refusal
  | DateProblem
  | "investigator-required"
  | "independent-person-required"
  | "investigator-choose-one"
  | "independent-person-choose-one"
  | "not-an-investigator"
  | "invalid-decision";

export type MoveResult<T = null> = { ok: true; result: T } | { ok: false; error: MoveError };

interface Change<T> {
  result: T;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  entry: { kind: EntryKind; details: Record<string, unknown> };
}

/**
 * The frame every move here shares: the case (that this person may act on), its current stage
 * once triage has decided it, the transition table's verdict, then the move's own checks and
 * writes, all in one transaction with the audit row and the timeline entry.
 */
function moveStage<T>(
  db: Db,
  actor: Actor,
  reference: string,
  action: StageAction,
  input: TransitionInput,
  now: Date,
  apply: (tx: Db, row: Representation, stage: StageRow, to: StageState, today: IsoDate) => MoveError | Change<T>,
): MoveResult<T> {
  let error: MoveError | null = null;
  const done = changeCase(db, actor, reference, `case.${action}`, (tx, row) => {
    const stage = currentStage(tx, row.id);
    if (!stage || isUndecidedStatus(row.status)) {
      error = "no-stage";
      return null;
    }
    const today = londonDate(now);
    const { facts } = factsOf(tx, stage, today);
    const check = checkTransition({ kind: stage.kind as StageKind, state: stage.state as StageState }, action, actor.role, facts, input);
    if (!check.ok) {
      error = check.refusal;
      return null;
    }
    const change = apply(tx, row, stage, check.to, today);
    if (typeof change === "string") {
      error = change;
      return null;
    }
    addEntry(tx, { representationId: row.id, kind: change.entry.kind, staffUserId: actor.id, at: now, details: change.entry.details });
    // A request the person made online that this move answers stops waiting (decision record 042).
    settleRequests(tx, row.id, action);
    return { result: change.result, before: { stageId: stage.id, ...change.before }, after: { stageId: stage.id, ...change.after } };
  });
  if (done.ok) return { ok: true, result: done.result };
  return { ok: false, error: error ?? "not-found" };
}

/** Writes facts onto the stage and recomputes its stored clock from them. */
export function updateStage(tx: Db, stage: StageRow, set: Partial<StageRow>, state: StageState, now: Date): StageRow {
  const next = { ...stage, ...set, state };
  return tx
    .update(stages)
    .set({ ...set, state, ...storedClock(clockFactsOf(next), state, clockSettings(tx)), updatedAt: now })
    .where(eq(stages.id, stage.id))
    .returning()
    .get();
}

/** A day that has happened: not after today, and not before `from`. */
function pastDate(date: IsoDate, from: IsoDate, today: IsoDate, beforeProblem: DateProblem = "date-before-start"): DateProblem | null {
  if (date > today) return "date-in-future";
  if (date < from) return beforeProblem;
  return null;
}

/** The clocks of the case's current stage, for a page that shows the limit it works to. */
export function currentClocks(db: Db, actor: Actor, row: Pick<Representation, "id" | "status">, action: StageAction, now = new Date()): { stage: StageRow; clocks: StageClocks } | null {
  const stage = currentStage(db, row.id);
  if (!stage || !offeredStageActions(db, actor, row, now).includes(action)) return null;
  return { stage, clocks: stageClocks(clockFactsOf(stage), clockSettings(db)) };
}

// ---------------------------------------------------------------------------------------------
// Stage 2

/**
 * The day the statement of complaint was agreed with the person. When the council's Stage 2
 * clock counts from the statement (settings), this starts the 25 working days; either way it
 * meets the statement's own 10-working-day deadline.
 */
export function agreeStatement(db: Db, actor: Actor, reference: string, input: { agreedOn: IsoDate }, now = new Date()): MoveResult {
  return moveStage(db, actor, reference, "agree-statement", { date: input.agreedOn }, now, (tx, _row, stage, to, today) => {
    const problem = pastDate(input.agreedOn, stage.requestedOn ?? stage.startedOn, today);
    if (problem) return problem;
    const updated = updateStage(tx, stage, { statementAgreedOn: input.agreedOn }, to, now);
    return {
      result: null,
      before: { statementAgreedOn: stage.statementAgreedOn, dueOn: stage.dueOn, nextDueOn: stage.nextDueOn },
      after: { statementAgreedOn: input.agreedOn, dueOn: updated.dueOn, latestOn: updated.latestOn, nextDueOn: updated.nextDueOn },
      entry: { kind: "statement-agreed", details: { agreedOn: input.agreedOn } },
    };
  });
}

/**
 * Shares the statement of complaint staff wrote up with the person (decision record 041): a new
 * version (never changing one already shared), and a letter saying it waits for them: by email,
 * to read and answer online, or kept to post with the words. The words stay in the statements
 * table; the timeline and the audit say only which version and how it went.
 */
export function shareStatement(db: Db, actor: Actor, reference: string, input: { statement: string }, now = new Date()): MoveResult<{ version: number; sharedBy: "email" | "letter" }> {
  const statement = input.statement.trim();
  return moveStage(db, actor, reference, "share-statement", { statement }, now, (tx, row, stage) => {
    const version = nextVersion(statementVersionsOf(tx, stage.id));
    const language = isLanguage(row.language) ? row.language : "en";
    const mode = isMode(row.mode) ? row.mode : "standard";
    const settings = getSettings(tx);
    const letter = statementSharedLetter(createI18n(language, { mode }).t, {
      reference: row.reference,
      byPost: letterEmailOf(row) === null,
      statement,
      councilName: settings.councilName,
      complaintsTeamPhone: settings.complaintsTeamPhone,
      complaintsTeamEmail: settings.complaintsTeamEmail,
    });
    const sharedBy = sendLetterToPerson(tx, { representationId: row.id, language, template: "statement-shared", letter, staffUserId: actor.id, now });
    tx.insert(statements).values({ stageId: stage.id, version, body: statement, writtenById: actor.id, sharedAt: now, sharedBy }).run();
    return {
      result: { version, sharedBy },
      before: { statementVersion: version - 1 },
      after: { statementVersion: version, sharedBy },
      entry: { kind: "statement-shared", details: { version, sharedBy } },
    };
  });
}

/** A person named on a stage: a staff account, or someone outside the council by name. */
export interface NamedPerson {
  staffUserId?: number | null;
  name?: string | null;
  costPence?: number | null;
}

/** The investigator accounts that may be named (an active account whose case role is investigator). */
export function investigatorOptions(db: Db): Array<{ id: number; name: string }> {
  return db
    .select({ id: staffUsers.id, name: staffUsers.name })
    .from(staffUsers)
    .where(and(eq(staffUsers.role, "investigator"), isNull(staffUsers.disabledAt)))
    .orderBy(staffUsers.name)
    .all();
}

function whoOf(tx: Db, p: NamedPerson, which: "investigator" | "independent-person"): MoveError | { staffUserId: number | null; name: string | null } {
  const name = p.name?.trim() || null;
  const staffUserId = p.staffUserId ?? null;
  if (staffUserId === null && name === null) return `${which}-required`;
  if (staffUserId !== null && name !== null) return `${which}-choose-one`;
  if (staffUserId !== null && !investigatorOptions(tx).some((o) => o.id === staffUserId)) return "not-an-investigator";
  return { staffUserId, name };
}

/**
 * Names Stage 2's Investigating Officer and Independent Person (naming again replaces them). An
 * Investigating Officer with an account then sees this case, and only while it is in Stage 2
 * (caseAccessFacts, maySeeCase).
 */
export function nameStage2People(
  db: Db,
  actor: Actor,
  reference: string,
  input: { investigator: NamedPerson; independentPerson: NamedPerson },
  now = new Date(),
): MoveResult {
  // The table asks for a person: an account's id stands for them until whoOf checks it.
  const person = input.investigator.name?.trim() || (input.investigator.staffUserId ? String(input.investigator.staffUserId) : null);
  return moveStage(db, actor, reference, "name-investigator", { person }, now, (tx, _row, stage, to) => {
    const investigator = whoOf(tx, input.investigator, "investigator");
    if (typeof investigator === "string") return investigator;
    const independent = whoOf(tx, input.independentPerson, "independent-person");
    if (typeof independent === "string") return independent;
    tx.delete(stagePeople)
      .where(and(eq(stagePeople.stageId, stage.id), inArray(stagePeople.role, ["investigating-officer", "independent-person"])))
      .run();
    namePerson(tx, { stageId: stage.id, role: "investigating-officer", ...investigator, costPence: input.investigator.costPence ?? null });
    namePerson(tx, { stageId: stage.id, role: "independent-person", ...independent, costPence: input.independentPerson.costPence ?? null });
    updateStage(tx, stage, {}, to, now);
    const ids = { investigatorStaffUserId: investigator.staffUserId, independentPersonStaffUserId: independent.staffUserId };
    return { result: null, before: {}, after: ids, entry: { kind: "people-named", details: {} } };
  });
}

// ---------------------------------------------------------------------------------------------
// Stage 3

export interface PanelBooking {
  panelOn: IsoDate;
  members: Array<{ name: string; chair: boolean; costPence: number | null }>;
}

/**
 * Books the review panel: its date (the limit is 30 working days from the request; a later date is
 * recorded as it is, and the panel deadline shows as missed) and its three members, one of whom
 * chairs, none of them the Stage 2 Independent Person (checkPanel). Booking again replaces them.
 */
export function bookPanel(db: Db, actor: Actor, reference: string, input: PanelBooking, now = new Date()): MoveResult {
  const panel: PanelMember[] = input.members.map((m) => ({ person: m.name, chair: m.chair }));
  return moveStage(db, actor, reference, "book-panel", { date: input.panelOn, panel }, now, (tx, _row, stage, to) => {
    if (input.panelOn < stage.startedOn) return "date-before-start";
    tx.delete(stagePeople)
      .where(and(eq(stagePeople.stageId, stage.id), inArray(stagePeople.role, ["panel-member", "panel-chair"])))
      .run();
    for (const m of input.members) namePerson(tx, { stageId: stage.id, role: m.chair ? "panel-chair" : "panel-member", name: m.name.trim(), costPence: m.costPence });
    const updated = updateStage(tx, stage, { panelOn: input.panelOn }, to, now);
    return {
      result: null,
      before: { panelOn: stage.panelOn, nextDueOn: stage.nextDueOn },
      after: { panelOn: input.panelOn, nextDueOn: updated.nextDueOn },
      entry: { kind: "panel-booked", details: { panelOn: input.panelOn } },
    };
  });
}

/** The day the chair's report arrived: the council's response is due 15 working days later. */
export function recordPanelReport(db: Db, actor: Actor, reference: string, input: { reportOn: IsoDate }, now = new Date()): MoveResult {
  return moveStage(db, actor, reference, "record-panel-report", { date: input.reportOn }, now, (tx, _row, stage, to, today) => {
    const problem = pastDate(input.reportOn, stage.panelOn ?? stage.startedOn, today, "date-before-panel");
    if (problem) return problem;
    const updated = updateStage(tx, stage, { panelReportOn: input.reportOn }, to, now);
    return {
      result: null,
      before: { panelReportOn: stage.panelReportOn, nextDueOn: stage.nextDueOn },
      after: { panelReportOn: input.reportOn, nextDueOn: updated.nextDueOn },
      entry: { kind: "panel-report", details: { reportOn: input.reportOn } },
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The Ombudsman

/**
 * The person went to the Local Government and Social Care Ombudsman after the council's final
 * stage: that stage is escalated and the Ombudsman stage opens on the day its enquiry arrived,
 * with its reference and the date it asks for an answer by (the Ombudsman sets it; not counted).
 */
export function referToOmbudsman(
  db: Db,
  actor: Actor,
  reference: string,
  input: { ombudsmanReference: string; enquiryOn: IsoDate; enquiryDueOn: IsoDate },
  now = new Date(),
): MoveResult {
  return moveStage(db, actor, reference, "refer-to-ombudsman", { date: input.enquiryOn }, now, (tx, row, stage, to, today) => {
    const problem = pastDate(input.enquiryOn, stage.respondedOn ?? stage.startedOn, today);
    if (problem) return problem;
    if (input.enquiryDueOn < input.enquiryOn) return "due-before-enquiry";
    updateStage(tx, stage, {}, to, now);
    const opened = openStage(tx, { representationId: row.id, kind: "ombudsman", startedOn: input.enquiryOn, requestedOn: input.enquiryOn });
    const ombudsman = updateStage(tx, opened, { ombudsmanReference: input.ombudsmanReference.trim(), ombudsmanEnquiryDueOn: input.enquiryDueOn }, "open", now);
    const status = caseStatusOf("open");
    if (status !== row.status) tx.update(representations).set({ status, closedAt: null, updatedAt: now }).where(eq(representations.id, row.id)).run();
    return {
      result: null,
      before: { state: stage.state },
      after: { state: to, ombudsmanStageId: ombudsman.id, startedOn: input.enquiryOn, ombudsmanEnquiryDueOn: input.enquiryDueOn, nextDueOn: ombudsman.nextDueOn },
      entry: { kind: "ombudsman-enquiry", details: { enquiryOn: input.enquiryOn, enquiryDueOn: input.enquiryDueOn } },
    };
  });
}

/** The day the council answered the Ombudsman's enquiry. */
export function answerOmbudsmanEnquiry(db: Db, actor: Actor, reference: string, input: { answeredOn: IsoDate }, now = new Date()): MoveResult {
  return moveStage(db, actor, reference, "answer-ombudsman-enquiry", { date: input.answeredOn }, now, (tx, _row, stage, to, today) => {
    const problem = pastDate(input.answeredOn, stage.startedOn, today);
    if (problem) return problem;
    const updated = updateStage(tx, stage, { ombudsmanEnquiryAnsweredOn: input.answeredOn }, to, now);
    return {
      result: null,
      before: { nextDueOn: stage.nextDueOn },
      after: { ombudsmanEnquiryAnsweredOn: input.answeredOn, nextDueOn: updated.nextDueOn },
      entry: { kind: "ombudsman-enquiry-answered", details: { answeredOn: input.answeredOn } },
    };
  });
}

/** The Ombudsman's decisions staff may record (the "ombudsman-decision" reference list, db/seed-data/outcomes.json). */
export function ombudsmanDecisionOptions(db: Db): string[] {
  return referenceOptions(db, "ombudsman-decision").map((o) => o.label);
}

export interface OmbudsmanDecision {
  decidedOn: IsoDate;
  decision: string;
  /** What the Ombudsman asked the council to do, in its words (not audited). */
  remedy: string | null;
  remedyPence: number | null;
  remedyDueOn: IsoDate | null;
}

/**
 * The Ombudsman's decision: the stage is answered. A remedy (words or money) comes with the date
 * it is due by; while it is not met the stage stays in hand and its deadline counts.
 */
export function recordOmbudsmanDecision(db: Db, actor: Actor, reference: string, input: OmbudsmanDecision, now = new Date()): MoveResult {
  return moveStage(db, actor, reference, "record-ombudsman-decision", { date: input.decidedOn, decision: input.decision }, now, (tx, _row, stage, to, today) => {
    if (!ombudsmanDecisionOptions(tx).includes(input.decision)) return "invalid-decision";
    const problem = pastDate(input.decidedOn, stage.startedOn, today);
    if (problem) return problem;
    const remedy = input.remedy?.trim() || null;
    const remedyAsked = remedy !== null || input.remedyPence !== null;
    if (remedyAsked && !input.remedyDueOn) return "remedy-due-required";
    const remedyDueOn = remedyAsked ? input.remedyDueOn : null;
    if (remedyDueOn && remedyDueOn < input.decidedOn) return "remedy-due-before-decision";
    const updated = updateStage(tx, stage, { respondedOn: input.decidedOn, ombudsmanDecision: input.decision, remedy, remedyPence: input.remedyPence, remedyDueOn }, to, now);
    return {
      result: null,
      before: { state: stage.state, nextDueOn: stage.nextDueOn },
      after: { state: to, respondedOn: input.decidedOn, ombudsmanDecision: input.decision, remedyPence: input.remedyPence, remedyDueOn, nextDueOn: updated.nextDueOn },
      entry: { kind: "ombudsman-decision", details: { decision: input.decision, remedyDueOn } },
    };
  });
}

/** The council met the Ombudsman's remedy: the Ombudsman stage, and with it the case, closes. */
export function recordRemedyMet(db: Db, actor: Actor, reference: string, input: { metOn: IsoDate }, now = new Date()): MoveResult {
  return moveStage(db, actor, reference, "record-remedy-met", { date: input.metOn }, now, (tx, row, stage, to, today) => {
    const problem = pastDate(input.metOn, stage.respondedOn ?? stage.startedOn, today);
    if (problem) return problem;
    const updated = updateStage(tx, stage, { remedyMetOn: input.metOn, closedOn: input.metOn }, to, now);
    const status = caseStatusOf(to);
    if (status !== row.status) tx.update(representations).set({ status, closedAt: status === "closed" ? now : null, updatedAt: now }).where(eq(representations.id, row.id)).run();
    return {
      result: null,
      before: { state: stage.state, nextDueOn: stage.nextDueOn, status: row.status },
      after: { state: to, remedyMetOn: input.metOn, closedOn: input.metOn, nextDueOn: updated.nextDueOn, status },
      entry: { kind: "remedy-met", details: { metOn: input.metOn } },
    };
  });
}
