import { describe, expect, it } from "vitest";
import { equalityLists, nextEqualityQuestion, optionList, parseEqualityAnswer, PREFER_NOT_TO_SAY, slugify } from "./equality";

describe("equality questions", () => {
  it("uses the 2021 Census lists as slugs", () => {
    expect(slugify("English, Welsh, Scottish, Northern Irish or British")).toBe("english-welsh-scottish-northern-irish-or-british");
    expect(equalityLists.ageBands).toEqual(["under-16", "16-to-19", "20-to-24", "25-to-59", "60-to-64", "65-and-over"]);
    expect(equalityLists.ethnicGroups).toHaveLength(5);
    expect(Object.values(equalityLists.ethnicities).flat()).toHaveLength(19);
  });

  it("asks the ethnic background only after a group was chosen", () => {
    expect(nextEqualityQuestion("disability", {})).toBe("ethnic-group");
    expect(nextEqualityQuestion("ethnic-group", { ethnicGroup: "white" })).toBe("ethnic-background");
    expect(optionList("ethnic-background", { ethnicGroup: "white" }).values).toContain("gypsy-or-irish-traveller");
    expect(nextEqualityQuestion("ethnic-group", { ethnicGroup: PREFER_NOT_TO_SAY })).toBeNull();
    expect(nextEqualityQuestion("ethnic-group", { ethnicGroup: null })).toBeNull();
    expect(nextEqualityQuestion("ethnic-background", { ethnicGroup: "white" })).toBeNull();
  });

  it("accepts a listed answer, prefer not to say or nothing, and refuses anything else", () => {
    expect(parseEqualityAnswer("age", {}, "16-to-19")).toBe("16-to-19");
    expect(parseEqualityAnswer("age", {}, PREFER_NOT_TO_SAY)).toBe(PREFER_NOT_TO_SAY);
    expect(parseEqualityAnswer("age", {}, "")).toBeNull();
    expect(parseEqualityAnswer("age", {}, undefined)).toBeNull();
    expect(parseEqualityAnswer("age", {}, "female")).toBeUndefined();
    expect(parseEqualityAnswer("ethnic-background", { ethnicGroup: "white" }, "chinese")).toBeUndefined();
  });
});
