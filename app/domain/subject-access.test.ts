import { describe, expect, it } from "vitest";
import { chosenValue, equalityAnswerKeys, parseChosen, phoneDigits, roleOf, sameName } from "./subject-access";

describe("subject access", () => {
  it("compares UK phone numbers however they are written", () => {
    for (const written of ["07700 900123", "+44 7700 900123", "+44 (0)7700-900-123", "0044 7700900123", "(07700) 900 123"]) expect(phoneDigits(written), written).toBe("07700900123");
    expect(phoneDigits("12345")).toBeNull();
    expect(phoneDigits("no number")).toBeNull();
  });

  it("compares names without case or extra spaces, never two blanks", () => {
    expect(sameName("  Ada   LOVELACE ", "ada lovelace")).toBe(true);
    expect(sameName("Ada Lovelace", "Ada Byron")).toBe(false);
    expect(sameName("", " ")).toBe(false);
    expect(sameName(null, "Ada")).toBe(false);
  });

  it("names the person's part in a representation", () => {
    expect(roleOf("parent", { person: true, child: false })).toBe("complainant");
    expect(roleOf("parent", { person: false, child: true })).toBe("child");
    expect(roleOf("young-person", { person: true, child: true })).toBe("young-person");
    expect(roleOf("parent", { person: false, child: false })).toBeNull();
  });

  it("reads the chosen records: whole numbers, marked when the requester is only the child", () => {
    expect(parseChosen(["3", "1-child", "3"])).toEqual([
      { id: 3, asChild: false },
      { id: 1, asChild: true },
    ]);
    expect(parseChosen(["4-child", "4"])).toEqual([{ id: 4, asChild: false }]);
    expect(parseChosen([chosenValue(5, "child"), chosenValue(6, "young-person"), chosenValue(7, "complainant")])).toEqual([
      { id: 5, asChild: true },
      { id: 6, asChild: false },
      { id: 7, asChild: false },
    ]);
    expect(parseChosen([])).toBeNull();
    expect(parseChosen(["1", "x"])).toBeNull();
    expect(parseChosen(["-1"])).toBeNull();
    expect(parseChosen(["1-parent"])).toBeNull();
  });

  it("describes equality answers in the order asked, leaving out those not answered", () => {
    expect(equalityAnswerKeys({ gender: "prefer-not-to-say", ageBand: "25-to-59", disability: null })).toEqual([
      { question: "age", questionKey: "equality.questions.age", answerKey: "equality.options.ageBands.25-to-59", value: "25-to-59" },
      { question: "sex", questionKey: "equality.questions.sex", answerKey: "equality.preferNotToSay", value: "prefer-not-to-say" },
    ]);
    expect(equalityAnswerKeys({ ageBand: "retired-value" })[0]?.answerKey).toBeNull();
  });
});
