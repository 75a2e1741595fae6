import { describe, expect, it } from "vitest";
import { equalityAnswerKeys, parseIds, phoneDigits, roleOf, sameName } from "./subject-access";

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

  it("reads the chosen ids: whole numbers only, at least one", () => {
    expect(parseIds(["3", "1", "3"])).toEqual([3, 1]);
    expect(parseIds([])).toBeNull();
    expect(parseIds(["1", "x"])).toBeNull();
    expect(parseIds(["-1"])).toBeNull();
  });

  it("describes equality answers in the order asked, leaving out those not answered", () => {
    expect(equalityAnswerKeys({ gender: "prefer-not-to-say", ageBand: "25-to-59", disability: null })).toEqual([
      { question: "age", questionKey: "equality.questions.age", answerKey: "equality.options.ageBands.25-to-59", value: "25-to-59" },
      { question: "sex", questionKey: "equality.questions.sex", answerKey: "equality.preferNotToSay", value: "prefer-not-to-say" },
    ]);
    expect(equalityAnswerKeys({ ageBand: "retired-value" })[0]?.answerKey).toBeNull();
  });
});
