import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { representations, stages, staffRoles, staffUsers } from "../../db/schema";
import { closureLetter, stageAcceptedLetter } from "../../emails/stage-moves";
import { londonDate, type IsoDate } from "../domain/calendar";
import { formatLongDate } from "../domain/dates";
import { stageClocks } from "../domain/stage-clocks";
import {
  caseStatusOf,
  checkStageHandler,
  checkTransition,
  isUndecidedStatus,
  nextStageKind,
  type Refusal,
  type StageAction,
  type StageKind,
  type StageState,
  type TransitionInput,
} from "../domain/stages";
import { createI18n, isLanguage, isMode } from "../i18n/i18n";
import { teamMembers } from "./case-assignment.server";
import { settleRequests } from "./online-requests.server";
import { addEntry, changeCase, type Actor, type EntryKind, type Representation } from "./case.server";
import type { Db } from "./db.server";
import { sendLetterToPerson } from "./letters.server";
import { clockSettings, getSettings } from "./settings.server";
import { factsOf, offeredStageActions } from "./stage-actions.server";
import { acknowledgeStage, clockFactsOf, currentStage, openStage, storedClock, type StageRow } from "./stages.server";

/**
 * The general moves on a complaint's current stage (decision record 020): escalate at the
 * person's request, close, withdraw, reopen, and put on or take off hold. Each is one function of
 * the shape of extendStage (app/services/stage-actions.server.ts): `changeCase` for the access
 * check, the timeline and the audit in one transaction; `checkTransition` from the one table.
 */

type MoveError = "not-found" | "no-stage" | Refusal;

/** The procedure the case's stages follow when early resolution leads on (statutory unless corporate). */
function processOf(row: Pick<Representation, "process">) {
  return row.process === "corporate" ? "corporate" : "statutory";
}

/** The stage the person may ask for next from this one, or null. */
export function nextStageOf(row: Pick<Representation, "process">, stage: Pick<StageRow, "kind">): StageKind | null {
  return nextStageKind(stage.kind as StageKind, processOf(row));
}

function personT(row: Representation) {
  const language = isLanguage(row.language) ? row.language : "en";
  const mode = isMode(row.mode) ? row.mode : "standard";
  return { language, t: createI18n(language, { mode }).t };
}

/**
 * The shared body of every move: the current stage, the transition table's verdict for this
 * person with what they gave, then the change itself. The caller's change returns the audit's
 * before and after (codes and dates only: app/domain/audit.ts).
 */
function moveStage<T, E extends string = never>(
  db: Db,
  actor: Actor,
  reference: string,
  move: { action: StageAction; audit: string; input: TransitionInput; now: Date },
  change: (
    tx: Db,
    ctx: { row: Representation; stage: StageRow; to: StageState; late: boolean; today: IsoDate; kind: StageKind },
  ) => { result: T; before: Record<string, unknown>; after: Record<string, unknown> } | { error: MoveError | E },
): { ok: true; result: T } | { ok: false; error: MoveError | E } {
  let error: MoveError | E | null = null;
  const done = changeCase(db, actor, reference, move.audit, (tx, row) => {
    const stage = currentStage(tx, row.id);
    if (!stage || isUndecidedStatus(row.status) || row.kind !== "complaint") {
      error = "no-stage";
      return null;
    }
    const today = londonDate(move.now);
    const kind = stage.kind as StageKind;
    const { facts } = factsOf(tx, stage, today);
    const check = checkTransition({ kind, state: stage.state as StageState }, move.action, actor.role, facts, move.input);
    if (!check.ok) {
      error = check.refusal;
      return null;
    }
    const out = change(tx, { row, stage, to: check.to, late: check.late, today, kind });
    if ("error" in out) {
      error = out.error;
      return null;
    }
    // A request the person made online that this move answers stops waiting (decision record 042).
    settleRequests(tx, row.id, move.action);
    return out;
  });
  if (done.ok) return { ok: true, result: done.result };
  return { ok: false, error: error ?? "not-found" };
}

/** Writes the stage's new state (and any other columns), recomputing its stored clock; keeps the case's status in step. */
function writeStage(tx: Db, row: Representation, stage: StageRow, set: Partial<StageRow> & { state: StageState }, now: Date) {
  const next = { ...stage, ...set };
  const updated = tx
    .update(stages)
    .set({ ...set, ...storedClock(clockFactsOf(next), set.state, clockSettings(tx)), updatedAt: now })
    .where(eq(stages.id, stage.id))
    .returning()
    .get();
  const status = caseStatusOf(set.state);
  if (status !== row.status) {
    // Retention counts from the day a case ended; a reopened case has not ended.
    tx.update(representations)
      .set({ status, closedAt: status === "closed" ? now : null, updatedAt: now })
      .where(eq(representations.id, row.id))
      .run();
  }
  return { updated, status };
}

function entry(tx: Db, actor: Actor, row: Representation, kind: EntryKind, now: Date, details: Record<string, unknown>, body: string | null = null) {
  addEntry(tx, { representationId: row.id, kind, staffUserId: actor.id, at: now, details, body });
}

// ---------------------------------------------------------------------------------------------
// Escalating: the person asked for the next stage.

export interface HandlerOption {
  id: number;
  name: string;
}

/**
 * Who may hold the next stage: the complaints team, and the managers of the case's team (who can
 * see it). Corporate Stage 2 must be someone other than whoever held Stage 1.
 */
export function handlerOptions(db: Db, row: Pick<Representation, "teamId">): HandlerOption[] {
  const team = db
    .selectDistinct({ id: staffUsers.id, name: staffUsers.name })
    .from(staffUsers)
    .innerJoin(staffRoles, eq(staffRoles.staffUserId, staffUsers.id))
    .where(and(inArray(staffRoles.role, ["complaints-officer", "complaints-manager"]), isNull(staffUsers.disabledAt)))
    .orderBy(asc(staffUsers.name))
    .all();
  const managers = row.teamId === null ? [] : teamMembers(db).filter((m) => m.teamId === row.teamId && m.role === "team-manager");
  const seen = new Set<number>();
  return [...managers, ...team].filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true))).map((p) => ({ id: p.id, name: p.name }));
}

export interface EscalationForm {
  stageKind: StageKind;
  nextKind: StageKind;
  respondedOn: IsoDate | null;
  /** The last day to ask without a reason (20 working days after the response), or null (Stage 1 not answered in time). */
  windowEndsOn: IsoDate | null;
  /** Corporate Stage 2: who holds it is chosen now, and may not be Stage 1's handler. */
  handlers: HandlerOption[] | null;
  previousHandlerId: number | null;
  /** The person asked online ("Check your complaint") on this day, with why it was late: staff confirm it here. */
  askedOnline: { on: IsoDate; lateReason: string | null } | null;
}

/** What the escalation page shows, or null when this person may not escalate the case's stage now (or it would go to the Ombudsman). */
export function escalationForm(db: Db, actor: Actor, row: Representation, now = new Date()): EscalationForm | null {
  const stage = currentStage(db, row.id);
  if (!stage || !offeredStageActions(db, actor, row, now).includes("escalate")) return null;
  const nextKind = nextStageOf(row, stage);
  if (!nextKind || nextKind === "ombudsman") return null;
  const { clocks } = factsOf(db, stage, londonDate(now));
  return {
    stageKind: stage.kind as StageKind,
    nextKind,
    respondedOn: stage.respondedOn,
    windowEndsOn: clocks.escalationWindowEndsOn,
    handlers: nextKind === "corporate-stage2" ? handlerOptions(db, row) : null,
    previousHandlerId: stage.handlerId ?? row.respondingManagerId,
    askedOnline: stage.nextStageAskedOn ? { on: stage.nextStageAskedOn, lateReason: stage.nextStageAskedLateReason } : null,
  };
}

export type EscalationError = MoveError | "request-in-future" | "request-before-stage" | "handler-required" | "invalid-handler" | "same-handler-as-stage1";

/**
 * Records that the person asked for the next stage on `requestedOn` (after its window, only with
 * `lateReason`): the current stage becomes "escalated" and the next one opens, its clock started
 * from the request (Stage 2's 25 days from the request or the agreed statement, as the council's
 * setting says: app/domain/stage-clocks.ts). The acceptance letter, with the new stage's first
 * deadline, is the acknowledgement. Corporate Stage 2 is held by someone other than Stage 1's
 * handler (the Complaint Handling Code).
 */
export function escalateStage(
  db: Db,
  actor: Actor,
  reference: string,
  input: { requestedOn: IsoDate; lateReason?: string | null; handlerId?: number | null },
  now = new Date(),
): { ok: true; sentBy: "email" | "letter"; late: boolean } | { ok: false; error: EscalationError } {
  const lateReason = input.lateReason?.trim() || null;
  const done = moveStage<{ sentBy: "email" | "letter"; late: boolean }, EscalationError>(
    db,
    actor,
    reference,
    { action: "escalate", audit: "case.stage-escalated", input: { date: input.requestedOn, reason: lateReason }, now },
    (tx, { row, stage, to, late, today, kind }) => {
      const nextKind = nextStageOf(row, stage);
      // Going to the Ombudsman is its own move (refer-to-ombudsman), so the table never lets this be it.
      if (!nextKind || nextKind === "ombudsman") return { error: "wrong-kind" };
      if (input.requestedOn > today) return { error: "request-in-future" };
      if (input.requestedOn < (stage.respondedOn ?? stage.startedOn)) return { error: "request-before-stage" };
      const previousHandler = stage.handlerId ?? row.respondingManagerId;
      let handlerId = previousHandler;
      if (nextKind === "corporate-stage2") {
        if (input.handlerId === null || input.handlerId === undefined) return { error: "handler-required" };
        if (!handlerOptions(tx, row).some((h) => h.id === input.handlerId)) return { error: "invalid-handler" };
        const refusal = checkStageHandler(nextKind, input.handlerId, previousHandler);
        if (refusal) return { error: refusal };
        handlerId = input.handlerId;
      }
      writeStage(tx, row, stage, { state: to }, now);
      let opened = openStage(tx, { representationId: row.id, kind: nextKind, startedOn: input.requestedOn, requestedOn: input.requestedOn, handlerId });
      // The acceptance letter sent today is the new stage's acknowledgement (corporate stages count their reply from it).
      opened = acknowledgeStage(tx, opened.id, today, now);
      if (late) tx.update(stages).set({ lateRequestReason: lateReason }).where(eq(stages.id, opened.id)).run();
      const clocks = stageClocks(clockFactsOf(opened), clockSettings(tx));
      const dueOn = nextKind === "statutory-stage3" ? clocks.panelBy : clocks.respondBy;
      const { language, t } = personT(row);
      const settings = getSettings(tx);
      const letter = stageAcceptedLetter(t, {
        reference: row.reference,
        stageKind: nextKind,
        dueDate: dueOn ? formatLongDate(dueOn, language) : null,
        councilName: settings.councilName,
        complaintsTeamPhone: settings.complaintsTeamPhone,
        complaintsTeamEmail: settings.complaintsTeamEmail,
      });
      const sentBy = sendLetterToPerson(tx, { representationId: row.id, language: row.language, template: "stage-accepted", letter, staffUserId: actor.id, now });
      // The late reason is case content: on the timeline and the stage, never in the audit.
      entry(tx, actor, row, "stage-escalated", now, { from: kind, to: nextKind, requestedOn: input.requestedOn, late, dueOn }, late ? lateReason : null);
      return {
        result: { sentBy, late },
        before: { stageId: stage.id, stage: kind, state: stage.state, nextDueOn: stage.nextDueOn },
        after: {
          stageId: opened.id,
          stage: nextKind,
          state: opened.state,
          requestedOn: input.requestedOn,
          startedOn: opened.startedOn,
          acknowledgedOn: today,
          dueOn: opened.dueOn,
          nextDueOn: opened.nextDueOn,
          handlerId,
          late,
          sentBy,
        },
      };
    },
  );
  return done.ok ? { ok: true, ...done.result } : done;
}

// ---------------------------------------------------------------------------------------------
// Closing, withdrawing, reopening.

export type MoveResult = { ok: true } | { ok: false; error: MoveError };

/**
 * Closes a responded stage (the person is satisfied, or the window to ask for the next stage has
 * passed), and with it the case: the closure letter goes to the person (after the council's last
 * stage, with the Ombudsman's details).
 */
export function closeStage(db: Db, actor: Actor, reference: string, now = new Date()): { ok: true; sentBy: "email" | "letter" } | { ok: false; error: MoveError } {
  const done = moveStage(db, actor, reference, { action: "close", audit: "case.stage-closed", input: {}, now }, (tx, { row, stage, to, today, kind }) => {
    const { status } = writeStage(tx, row, stage, { state: to, closedOn: today }, now);
    const { t } = personT(row);
    const settings = getSettings(tx);
    const letter = closureLetter(t, {
      reference: row.reference,
      finalStage: nextStageOf(row, stage) === "ombudsman",
      councilName: settings.councilName,
      complaintsTeamPhone: settings.complaintsTeamPhone,
      complaintsTeamEmail: settings.complaintsTeamEmail,
    });
    const sentBy = sendLetterToPerson(tx, { representationId: row.id, language: row.language, template: "closure", letter, staffUserId: actor.id, now });
    entry(tx, actor, row, "stage-closed", now, { stage: kind, closedOn: today, sentBy });
    return {
      result: sentBy,
      before: { stageId: stage.id, state: stage.state, status: row.status },
      after: { stageId: stage.id, state: to, closedOn: today, status, sentBy },
    };
  });
  return done.ok ? { ok: true, sentBy: done.result } : done;
}

/** The person withdrew their complaint: the stage is withdrawn with the reason, and the case closes (nothing is sent). */
export function withdrawStage(db: Db, actor: Actor, reference: string, input: { reason: string }, now = new Date()): MoveResult {
  const reason = input.reason.trim();
  const done = moveStage(db, actor, reference, { action: "withdraw", audit: "case.stage-withdrawn", input: { reason }, now }, (tx, ctx) =>
    applyWithdrawal(tx, ctx, { reason, staffUserId: actor.id, online: false }, now),
  );
  return done.ok ? { ok: true } : done;
}

/**
 * Withdraws the current stage once the table has allowed it: by staff recording what the person
 * said (withdrawStage), or by the person online ("Check your complaint", app/services/check.server.ts).
 * Returns the audit's before and after.
 */
export function applyWithdrawal(
  tx: Db,
  { row, stage, to, today, kind }: { row: Representation; stage: StageRow; to: StageState; today: IsoDate; kind: StageKind },
  input: { reason: string; staffUserId: number | null; online: boolean },
  now: Date,
) {
  const { status } = writeStage(tx, row, stage, { state: to, closedOn: today, withdrawnReason: input.reason }, now);
  addEntry(tx, { representationId: row.id, kind: "stage-withdrawn", staffUserId: input.staffUserId, at: now, details: { stage: kind, closedOn: today, ...(input.online ? { online: true } : {}) }, body: input.reason });
  return { result: null, before: { stageId: stage.id, state: stage.state, status: row.status }, after: { stageId: stage.id, state: to, closedOn: today, status } };
}

/**
 * Reopens a closed or withdrawn stage with a reason: it runs again (a response already sent stays
 * recorded, so its clock stays met) and so does the case. The day it closed stays on the timeline.
 */
export function reopenStage(db: Db, actor: Actor, reference: string, input: { reason: string }, now = new Date()): MoveResult {
  const reason = input.reason.trim();
  const done = moveStage(db, actor, reference, { action: "reopen", audit: "case.stage-reopened", input: { reason }, now }, (tx, { row, stage, to, kind }) => {
    const { updated, status } = writeStage(tx, row, stage, { state: to, closedOn: null, reopenedReason: reason }, now);
    entry(tx, actor, row, "stage-reopened", now, { stage: kind }, reason);
    return {
      result: null,
      before: { stageId: stage.id, state: stage.state, closedOn: stage.closedOn, status: row.status },
      after: { stageId: stage.id, state: to, nextDueOn: updated.nextDueOn, status },
    };
  });
  return done.ok ? { ok: true } : done;
}

// ---------------------------------------------------------------------------------------------
// On hold: recorded with its reason, but never stops the clock (the issue; decision record 017).

/** Puts the stage on hold with a reason. Its deadlines do not move: compliance is counted as if it ran. */
export function putStageOnHold(db: Db, actor: Actor, reference: string, input: { reason: string }, now = new Date()): MoveResult {
  const reason = input.reason.trim();
  const done = moveStage(db, actor, reference, { action: "put-on-hold", audit: "case.stage-put-on-hold", input: { reason }, now }, (tx, { row, stage, to, kind }) => {
    writeStage(tx, row, stage, { state: to, onHold: true, onHoldReason: reason }, now);
    entry(tx, actor, row, "stage-put-on-hold", now, { stage: kind }, reason);
    return { result: null, before: { stageId: stage.id, onHold: false }, after: { stageId: stage.id, onHold: true, nextDueOn: stage.nextDueOn } };
  });
  return done.ok ? { ok: true } : done;
}

/** Takes the stage off hold. The reason it was held stays on the timeline. */
export function takeStageOffHold(db: Db, actor: Actor, reference: string, now = new Date()): MoveResult {
  const done = moveStage(db, actor, reference, { action: "take-off-hold", audit: "case.stage-taken-off-hold", input: {}, now }, (tx, { row, stage, to, kind }) => {
    writeStage(tx, row, stage, { state: to, onHold: false, onHoldReason: null }, now);
    entry(tx, actor, row, "stage-taken-off-hold", now, { stage: kind });
    return { result: null, before: { stageId: stage.id, onHold: true }, after: { stageId: stage.id, onHold: false, nextDueOn: stage.nextDueOn } };
  });
  return done.ok ? { ok: true } : done;
}
