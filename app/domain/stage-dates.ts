import type { IsoDate } from "./calendar";
import { processOfKind, type StageKind } from "./stages";

/**
 * Correcting the dates a stage's clocks count from (the "correct-dates" move in the transition
 * table). The clocks themselves are recomputed from the corrected facts (stage-clocks.ts), so
 * nothing that depends on a date can keep the old one.
 */

/** The dates that may be corrected on a stage: when it began, and for corporate stages the acknowledgement the reply counts from. */
export type CorrectableDate = "startedOn" | "acknowledgedOn";

export function correctableDates(kind: StageKind): readonly CorrectableDate[] {
  return processOfKind(kind) === "corporate" ? ["startedOn", "acknowledgedOn"] : ["startedOn"];
}

export type StageDatesProblem = "started-in-future" | "started-before-previous-stage" | "acknowledged-in-future" | "acknowledged-before-start" | "started-after-response";

/**
 * Whether corrected dates can be true: nothing in the future, a stage not begun before the stage
 * it follows ended in a response, an acknowledgement not before what it acknowledges, and not
 * begun after its own response.
 */
export function checkStageDates(
  input: { startedOn: IsoDate; acknowledgedOn?: IsoDate | null },
  context: { today: IsoDate; previousRespondedOn: IsoDate | null; respondedOn: IsoDate | null },
): StageDatesProblem | null {
  if (input.startedOn > context.today) return "started-in-future";
  if (context.previousRespondedOn && input.startedOn < context.previousRespondedOn) return "started-before-previous-stage";
  if (context.respondedOn && input.startedOn > context.respondedOn) return "started-after-response";
  if (input.acknowledgedOn) {
    if (input.acknowledgedOn > context.today) return "acknowledged-in-future";
    if (input.acknowledgedOn < input.startedOn) return "acknowledged-before-start";
  }
  return null;
}
