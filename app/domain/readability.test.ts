import { describe, expect, it } from "vitest";
import { cleanForScoring, countSyllables, readability, splitSentences, splitWords } from "./readability";

describe("readability", () => {
  it("ignores placeholders and bold marks", () => {
    expect(cleanForScoring("Call **{{provider}}** on {{phone}}.")).toBe("Call on .");
  });

  it("splits sentences at full stops, question marks, exclamation marks and line breaks", () => {
    expect(splitSentences("You are safe. Can we help? Yes!\nCall us")).toEqual(["You are safe.", "Can we help?", "Yes!", "Call us"]);
    expect(splitSentences("  .  ")).toEqual([]);
    expect(splitSentences("")).toEqual([]);
  });

  it("counts words with apostrophes, hyphens and numbers as one", () => {
    expect(splitWords("You don't need a 10-day wait, 5,000 letters.")).toEqual(["You", "don't", "need", "a", "10", "day", "wait", "5,000", "letters"]);
    expect(countSyllables("advocate")).toBe(3);
    expect(countSyllables("10")).toBe(1);
    expect(countSyllables("5,000")).toBe(2);
  });

  it("scores easy words low and long official ones high", () => {
    expect(readability("You will not get in trouble.").grade).toBeLessThan(2);
    const hard = readability("Representations concerning the discharge of statutory functions will be investigated comprehensively.");
    expect(hard.grade).toBeGreaterThan(15);
    expect(readability("{{reference}}")).toEqual({ grade: 0, sentences: 0, words: 0, syllables: 0 });
  });
});
