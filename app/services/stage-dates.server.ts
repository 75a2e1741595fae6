import { eq } from "drizzle-orm";
import { stages } from "../../db/schema";
import { londonDate, type IsoDate } from "../domain/calendar";
import { checkStageDates, correctableDates, type CorrectableDate, type StageDatesProblem } from "../domain/stage-dates";
import { checkTransition, isUndecidedStatus, type Refusal, type StageKind, type StageState } from "../domain/stages";
import { addEntry, changeCase, type Actor, type Representation } from "./case.server";
import type { Db } from "./db.server";
import { clockSettings } from "./settings.server";
import { offeredStageActions } from "./stage-actions.server";
import { clockFactsOf, currentStage, stagesOf, storedClock, type StageRow } from "./stages.server";

export interface StageDatesForm {
  kind: StageKind;
  fields: readonly CorrectableDate[];
  startedOn: IsoDate;
  acknowledgedOn: IsoDate | null;
}

/** What the page shows: the current stage's dates that may be corrected now, or null when the move is not offered. */
export function stageDatesForm(db: Db, actor: Actor, row: Pick<Representation, "id" | "status">, now = new Date()): StageDatesForm | null {
  const stage = currentStage(db, row.id);
  if (!stage || !offeredStageActions(db, actor, row, now).includes("correct-dates")) return null;
  const kind = stage.kind as StageKind;
  return { kind, fields: correctableDates(kind), startedOn: stage.startedOn, acknowledgedOn: stage.acknowledgedOn };
}

export type StageDatesResult = { ok: true } | { ok: false; error: "not-found" | "no-stage" | Refusal | StageDatesProblem };

function previousStage(db: Db, stage: StageRow): StageRow | null {
  return stagesOf(db, stage.representationId).filter((s) => s.sequence < stage.sequence).at(-1) ?? null;
}

/**
 * Corrects the day the current stage's clock starts from (and, on a corporate stage, the
 * acknowledgement its reply counts from). `storedClock` recomputes every date counted from them
 * in the same transaction, so the inbox, the case page and the reports read the corrected clock.
 * The reason stays on the timeline; the audit keeps the dates only.
 */
export function correctStageDates(
  db: Db,
  actor: Actor,
  reference: string,
  input: { startedOn: IsoDate; acknowledgedOn?: IsoDate | null; reason: string },
  now = new Date(),
): StageDatesResult {
  let error: Exclude<StageDatesResult, { ok: true }>["error"] | null = null;
  const done = changeCase(db, actor, reference, "case.stage-dates-corrected", (tx, row) => {
    const stage = currentStage(tx, row.id);
    if (!stage || isUndecidedStatus(row.status)) {
      error = "no-stage";
      return null;
    }
    const kind = stage.kind as StageKind;
    const check = checkTransition({ kind, state: stage.state as StageState }, "correct-dates", actor.role, {}, { date: input.startedOn, reason: input.reason });
    if (!check.ok) {
      error = check.refusal;
      return null;
    }
    const acknowledgedOn = correctableDates(kind).includes("acknowledgedOn") ? (input.acknowledgedOn ?? stage.acknowledgedOn) : stage.acknowledgedOn;
    const problem = checkStageDates(
      { startedOn: input.startedOn, acknowledgedOn },
      { today: londonDate(now), previousRespondedOn: previousStage(tx, stage)?.respondedOn ?? null, respondedOn: stage.respondedOn },
    );
    if (problem) {
      error = problem;
      return null;
    }
    // A later stage begins on the day the person asked for it: the two are one fact.
    const requestedOn = stage.requestedOn === null ? null : input.startedOn;
    const next = { ...stage, startedOn: input.startedOn, acknowledgedOn, requestedOn };
    const updated = tx
      .update(stages)
      .set({ startedOn: input.startedOn, acknowledgedOn, requestedOn, ...storedClock(clockFactsOf(next), check.to, clockSettings(tx)), updatedAt: now })
      .where(eq(stages.id, stage.id))
      .returning()
      .get();
    addEntry(tx, {
      representationId: row.id,
      kind: "stage-dates-corrected",
      staffUserId: actor.id,
      at: now,
      body: input.reason,
      details: { startedOn: input.startedOn, acknowledgedOn },
    });
    return {
      result: null,
      before: { stageId: stage.id, startedOn: stage.startedOn, acknowledgedOn: stage.acknowledgedOn, dueOn: stage.dueOn, latestOn: stage.latestOn, nextDueOn: stage.nextDueOn },
      after: { stageId: stage.id, startedOn: updated.startedOn, acknowledgedOn: updated.acknowledgedOn, dueOn: updated.dueOn, latestOn: updated.latestOn, nextDueOn: updated.nextDueOn },
    };
  });
  if (done.ok) return { ok: true };
  return { ok: false, error: error ?? "not-found" };
}
