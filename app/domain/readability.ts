import { fleschKincaid } from "flesch-kincaid";
import { syllable } from "syllable";

/**
 * Reading grade of the words we show young people: the Flesch-Kincaid grade level (1975), from
 * the `flesch-kincaid` and `syllable` libraries. Only the counting of sentences and words is ours.
 */

/** Removes what a reader never sees as words: {{placeholders}}, $t() nesting, **bold** marks. */
export function cleanForScoring(text: string): string {
  return text
    .replace(/\{\{[^}]*\}\}/g, " ")
    .replace(/\$t\([^)]*\)/g, " ")
    .replace(/\*\*/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Sentences end at . ! ? or a line break; a label or option with no full stop is one sentence. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** Words are runs of letters (with inner apostrophes or hyphens) or of digits. */
export function splitWords(sentence: string): string[] {
  return sentence.match(/[\p{L}]+(?:['’-][\p{L}]+)*|\d[\d,.]*/gu) ?? [];
}

/** Syllables from the library; a number counts as one (up to 99) or two, as it is read aloud. */
export function countSyllables(word: string): number {
  if (/^\d/.test(word)) return word.replace(/\D/g, "").length <= 2 ? 1 : 2;
  return Math.max(1, syllable(word));
}

export interface Readability {
  grade: number;
  sentences: number;
  words: number;
  syllables: number;
}

export function readability(text: string): Readability {
  const sentences = splitSentences(cleanForScoring(text));
  const words = sentences.flatMap(splitWords);
  const syllables = words.reduce((sum, w) => sum + countSyllables(w), 0);
  if (words.length === 0) return { grade: 0, sentences: 0, words: 0, syllables: 0 };
  const grade = fleschKincaid({ sentence: sentences.length, word: words.length, syllable: syllables });
  return { grade, sentences: sentences.length, words: words.length, syllables };
}

/**
 * Easy read's rule (test/i18n/readability.test.ts holds the locale files to it): Flesch-Kincaid
 * grade 5 at most; a label of one to three words, where the formula means nothing, instead uses
 * no word over three syllables. Words a council types in (a team's plain name) are held to it too.
 */
export function easyEnough(text: string): boolean {
  const scored = readability(text);
  if (scored.words >= 4) return scored.grade <= 5;
  return splitSentences(cleanForScoring(text)).flatMap(splitWords).every((w) => countSyllables(w) <= 3);
}
