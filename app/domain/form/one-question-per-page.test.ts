import { describe, expect, it } from "vitest";
import { earlierPartAtFault, errorsSoFar, groupFields, mergePartIntoPage, partFrom } from "./one-question-per-page";

describe("partFrom", () => {
  it("reads a part within the page's parts, and nothing else", () => {
    expect(partFrom("0", 3)).toBe(0);
    expect(partFrom("2", 3)).toBe(2);
    expect(partFrom("3", 3)).toBeNull();
    expect(partFrom("-1", 3)).toBeNull();
    expect(partFrom("1.5", 3)).toBeNull();
    expect(partFrom("one", 3)).toBeNull();
    expect(partFrom(null, 3)).toBeNull();
    // A page with one question has no parts.
    expect(partFrom("0", 1)).toBeNull();
  });
});

describe("mergePartIntoPage", () => {
  it("takes this part's fields as posted and the page's other answers as stored", () => {
    const stored = { childName: "Kim", childAge: "9", childOtherNames: "Kimmy" };
    const posted: Array<[string, string]> = [
      ["childAge", "10"],
      ["childName", "Someone sneaking in another part's field"],
    ];
    expect(mergePartIntoPage(stored, posted, ["childAge"])).toEqual([
      ["childAge", "10"],
      ["childName", "Kim"],
      ["childOtherNames", "Kimmy"],
    ]);
  });

  it("forgets this part's old answer when it is left empty, and spreads lists into repeated fields", () => {
    const stored = { outcomes: ["apology", "explanation"], outcomeOther: "A meeting" };
    expect(mergePartIntoPage(stored, [], ["outcomes"])).toEqual([["outcomeOther", "A meeting"]]);
    expect(mergePartIntoPage(stored, [], ["outcomeOther"])).toEqual([
      ["outcomes", "apology"],
      ["outcomes", "explanation"],
    ]);
  });

  it("starts from nothing on a page not yet answered", () => {
    expect(mergePartIntoPage(undefined, [["childName", "Kim"]], ["childName"])).toEqual([["childName", "Kim"]]);
  });
});

describe("errorsSoFar", () => {
  it("keeps errors of this part and earlier ones, not of questions still to come", () => {
    const errors = { childName: ["errors.childName.required"], safeToLeaveMessage: ["errors.required"] };
    expect(errorsSoFar(errors, ["childName"])).toEqual(["childName"]);
    expect(errorsSoFar(errors, ["childDobDay"])).toEqual([]);
    expect(errorsSoFar(undefined, ["childName"])).toEqual([]);
  });

  it("counts an error on one ticked box (conform names it outcomes[0]) as its question's", () => {
    // Found by fuzzing: a made-up value among the ticked boxes was kept in the draft.
    const errors = { "outcomes[0]": ["errors.outcomes.required"], "other.nested": ["x"] };
    expect(errorsSoFar(errors, ["outcomes"])).toEqual(["outcomes[0]"]);
    expect(errorsSoFar(errors, ["other"])).toEqual(["other.nested"]);
    expect(errorsSoFar(errors, ["outcomeOther"])).toEqual([]);
  });
});

describe("earlierPartAtFault", () => {
  const parts = [["childName"], ["childDobDay", "childDobMonth", "childDobYear"], ["childAge"]];
  it("names an earlier part whose answer a rule across questions turned down", () => {
    expect(earlierPartAtFault({ childDobDay: ["errors.childDob.invalid"] }, parts, 2)).toBe(1);
  });
  it("is null when the errors are on this part, or there are none", () => {
    expect(earlierPartAtFault({ childAge: ["errors.childAge.invalid"] }, parts, 2)).toBeNull();
    expect(earlierPartAtFault(null, parts, 2)).toBeNull();
  });
});

describe("groupFields", () => {
  it("keeps single fields as text and repeated ones as lists", () => {
    expect(
      groupFields([
        ["outcomes", "apology"],
        ["outcomeOther", "A meeting"],
        ["outcomes", "explanation"],
      ]),
    ).toEqual({ outcomes: ["apology", "explanation"], outcomeOther: "A meeting" });
  });
});
