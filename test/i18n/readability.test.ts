import { describe, expect, it } from "vitest";
import { cleanForScoring, countSyllables, readability, splitSentences, splitWords } from "~/domain/readability";
import { EASY_READ, publicNamespaces } from "~/i18n/i18n";
import { flatten, readLocale } from "./locales";

/** Grade 5 (about age 10-11 in England): the most an easy-read string may score. */
const MAX_GRADE = 5;
/**
 * The formula is meaningless on a label of one to three words ("Email" alone scores 8.4), so
 * those must instead use no word longer than three syllables.
 */
const SHORT = 4;
const MAX_SYLLABLES_IN_SHORT = 3;
/** Official names that must be shown exactly as the 2021 Census (ONS) words them. */
const EXEMPT = [/^common:equality\.options\.ethnic/];

describe("easy read is easy to read", () => {
  const all = publicNamespaces.flatMap((ns) =>
    [...flatten(readLocale(EASY_READ, ns))]
      .map(([key, text]) => ({ key: `${ns}:${key}`, text, ...readability(text) }))
      .filter((s) => !EXEMPT.some((pattern) => pattern.test(s.key))),
  );
  const scored = all.filter((s) => s.words >= SHORT);
  const short = all.filter((s) => s.words < SHORT);

  it("scores every easy-read string", () => {
    expect(scored.length).toBeGreaterThan(150);
  });

  it(`has no string above Flesch-Kincaid grade ${MAX_GRADE}`, () => {
    const worst = [...scored].sort((a, b) => b.grade - a.grade).slice(0, 5);
    console.log(
      `Easy read: the five hardest of ${scored.length} strings (Flesch-Kincaid grade)\n` +
        worst.map((s) => `  ${s.grade.toFixed(1).padStart(5)}  ${s.key}: ${s.text}`).join("\n"),
    );
    const tooHard = scored.filter((s) => s.grade > MAX_GRADE).map((s) => `${s.grade.toFixed(1)} ${s.key}: ${s.text}`);
    expect(tooHard).toEqual([]);
  });

  it(`uses short words in labels of fewer than ${SHORT} words`, () => {
    expect(short.length).toBeGreaterThan(50);
    const long = short
      .filter((s) => splitSentences(cleanForScoring(s.text)).flatMap(splitWords).some((w) => countSyllables(w) > MAX_SYLLABLES_IN_SHORT))
      .map((s) => `${s.key}: ${s.text}`);
    expect(long).toEqual([]);
  });
});
