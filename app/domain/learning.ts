/**
 * Learning actions (decision record 029): what a complaint, compliment, comment or concern made the
 * council change. Their states and moves live only in the table below; services refuse a move it
 * does not allow and pages offer only the moves it does.
 */

export const learningStates = ["agreed", "in-progress", "done", "dropped"] as const;
export type LearningState = (typeof learningStates)[number];

export const learningMoves = ["start", "complete", "drop", "reopen"] as const;
export type LearningMove = (typeof learningMoves)[number];

/** What a move needs written: evidence that the change was made, or why it was dropped or reopened. */
export type LearningRequirement = "evidence" | "reason";

interface LearningTransition {
  move: LearningMove;
  from: readonly LearningState[];
  to: LearningState;
  requires: readonly LearningRequirement[];
}

/** THE table of learning actions' moves. */
export const learningTransitions: readonly LearningTransition[] = [
  { move: "start", from: ["agreed"], to: "in-progress", requires: [] },
  // Done only with evidence of completion: the register and the public page show done as proven.
  { move: "complete", from: ["agreed", "in-progress"], to: "done", requires: ["evidence"] },
  { move: "drop", from: ["agreed", "in-progress"], to: "dropped", requires: ["reason"] },
  // A change that did not hold, or was dropped wrongly, goes back to work with the reason.
  { move: "reopen", from: ["done", "dropped"], to: "in-progress", requires: ["reason"] },
];

export function isLearningState(value: string): value is LearningState {
  return (learningStates as readonly string[]).includes(value);
}

/** The moves open from a state, in the table's order. */
export function learningMovesFrom(state: LearningState): LearningMove[] {
  return learningTransitions.filter((t) => t.from.includes(state)).map((t) => t.move);
}

export type LearningRefusal = "not-allowed" | "evidence-required" | "reason-required";

/** Whether the move may be made from the state with what was written; the state it leads to. */
export function checkLearningMove(state: LearningState, move: LearningMove, input: { evidence?: string | null; reason?: string | null }): { ok: true; to: LearningState } | { ok: false; refusal: LearningRefusal } {
  const transition = learningTransitions.find((t) => t.move === move && t.from.includes(state));
  if (!transition) return { ok: false, refusal: "not-allowed" };
  if (transition.requires.includes("evidence") && !input.evidence?.trim()) return { ok: false, refusal: "evidence-required" };
  if (transition.requires.includes("reason") && !input.reason?.trim()) return { ok: false, refusal: "reason-required" };
  return { ok: true, to: transition.to };
}

/** Still to be done: agreed or in progress. */
export function isOpenLearning(state: LearningState): boolean {
  return state === "agreed" || state === "in-progress";
}

/** Overdue: still to be done after its due day (a calendar day; due today is not yet late). */
export function isOverdueLearning(action: { state: LearningState; dueOn: string }, today: string): boolean {
  return isOpenLearning(action.state) && action.dueOn < today;
}
