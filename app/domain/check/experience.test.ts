import { describe, expect, it } from "vitest";
import { countExperience, isEmptyResponse, mayAskExperience } from "./experience";

describe("the experience questions", () => {
  it("counts each answer to each question, and blanks as unanswered", () => {
    const counts = countExperience([{ easy: "yes", listened: "no", again: "partly" }, { easy: "yes" }, { listened: "no", again: "no" }]);
    expect(counts).toEqual({
      responses: 3,
      easy: { yes: 2, partly: 0, no: 0, unanswered: 1 },
      listened: { yes: 0, partly: 0, no: 2, unanswered: 1 },
      again: { yes: 0, partly: 1, no: 1, unanswered: 1 },
    });
  });

  it("treats a set with nothing answered as empty", () => {
    expect(isEmptyResponse({})).toBe(true);
    expect(isEmptyResponse({ again: "no" })).toBe(false);
  });

  it("is offered once the council has done its part on a stage, and once only", () => {
    expect(mayAskExperience({ state: "open", experienceAnsweredAt: null })).toBe(false);
    expect(mayAskExperience({ state: "escalated", experienceAnsweredAt: null })).toBe(false);
    for (const state of ["responded", "closed", "withdrawn"]) expect(mayAskExperience({ state, experienceAnsweredAt: null })).toBe(true);
    expect(mayAskExperience({ state: "closed", experienceAnsweredAt: new Date() })).toBe(false);
    expect(mayAskExperience(null)).toBe(false);
  });
});
