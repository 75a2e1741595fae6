import { describe, expect, it } from "vitest";
import { checkLearningMove, isOverdueLearning, learningMovesFrom, learningStates, learningTransitions } from "./learning";

describe("learning actions' states", () => {
  it("start agreed, go in progress, and end done or dropped; ended ones may only be reopened", () => {
    expect(learningMovesFrom("agreed")).toEqual(["start", "complete", "drop"]);
    expect(learningMovesFrom("in-progress")).toEqual(["complete", "drop"]);
    expect(learningMovesFrom("done")).toEqual(["reopen"]);
    expect(learningMovesFrom("dropped")).toEqual(["reopen"]);
  });

  it("are done only with evidence of completion", () => {
    expect(checkLearningMove("in-progress", "complete", {})).toEqual({ ok: false, refusal: "evidence-required" });
    expect(checkLearningMove("in-progress", "complete", { evidence: "   " })).toEqual({ ok: false, refusal: "evidence-required" });
    expect(checkLearningMove("in-progress", "complete", { evidence: "New checklist in use since March" })).toEqual({ ok: true, to: "done" });
  });

  it("are dropped or reopened only with a reason", () => {
    expect(checkLearningMove("agreed", "drop", {})).toEqual({ ok: false, refusal: "reason-required" });
    expect(checkLearningMove("agreed", "drop", { reason: "Replaced by the new policy" })).toEqual({ ok: true, to: "dropped" });
    expect(checkLearningMove("done", "reopen", { reason: "It slipped again" })).toEqual({ ok: true, to: "in-progress" });
  });

  it("refuse a move the table does not have from that state", () => {
    expect(checkLearningMove("done", "complete", { evidence: "x" })).toEqual({ ok: false, refusal: "not-allowed" });
    expect(checkLearningMove("in-progress", "start", {})).toEqual({ ok: false, refusal: "not-allowed" });
    expect(checkLearningMove("dropped", "drop", { reason: "x" })).toEqual({ ok: false, refusal: "not-allowed" });
  });

  it("every state can be reached and left (the table has no dead ends)", () => {
    for (const state of learningStates) {
      expect(state === "agreed" || learningTransitions.some((t) => t.to === state)).toBe(true);
      expect(learningMovesFrom(state).length).toBeGreaterThan(0);
    }
  });

  it("are overdue when still open after their due day, not on it, and never once done or dropped", () => {
    expect(isOverdueLearning({ state: "agreed", dueOn: "2026-11-27" }, "2026-11-30")).toBe(true);
    expect(isOverdueLearning({ state: "in-progress", dueOn: "2026-11-30" }, "2026-11-30")).toBe(false);
    expect(isOverdueLearning({ state: "done", dueOn: "2026-01-01" }, "2026-11-30")).toBe(false);
    expect(isOverdueLearning({ state: "dropped", dueOn: "2026-01-01" }, "2026-11-30")).toBe(false);
  });
});
