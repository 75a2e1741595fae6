import { describe, expect, it } from "vitest";
import { EASY_READ, publicNamespaces, supportedLanguages } from "~/i18n/i18n";
import { flatten, readLocale } from "./locales";

const PLURAL = /_(zero|one|two|few|many|other)$/;
const variables = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

/**
 * The keys each language must have: English's, with each plural base expanded into the plural
 * categories of that language (Polish needs one, few, many and other; i18next picks with
 * Intl.PluralRules).
 */
function expectedKeys(english: Map<string, string>, language: string): Map<string, string> {
  const categories = new Intl.PluralRules(language === EASY_READ ? "en" : language).resolvedOptions().pluralCategories;
  const out = new Map<string, string>();
  for (const [key, value] of english) {
    if (!PLURAL.test(key)) {
      out.set(key, value);
      continue;
    }
    const base = key.replace(PLURAL, "");
    const other = english.get(`${base}_other`) ?? value;
    for (const category of categories) out.set(`${base}_${category}`, english.get(`${base}_${category}`) ?? other);
  }
  return out;
}

const targets = [...supportedLanguages.filter((l) => l !== "en"), EASY_READ];

describe("every public string exists in every language and in easy read", () => {
  for (const language of targets) {
    for (const ns of publicNamespaces) {
      it(`${language}/${ns}.json has exactly English's keys`, () => {
        const expected = expectedKeys(flatten(readLocale("en", ns)), language);
        const actual = flatten(readLocale(language, ns));
        const missing = [...expected.keys()].filter((k) => !actual.has(k));
        const extra = [...actual.keys()].filter((k) => !expected.has(k));
        const empty = [...actual].filter(([, v]) => v.trim() === "").map(([k]) => k);
        expect({ missing, extra, empty }).toEqual({ missing: [], extra: [], empty: [] });
      });

      it(`${language}/${ns}.json uses the same {{placeholders}} as English`, () => {
        const expected = expectedKeys(flatten(readLocale("en", ns)), language);
        const actual = flatten(readLocale(language, ns));
        const wrong = [...actual]
          .filter(([key, value]) => expected.has(key) && variables(value).join() !== variables(expected.get(key) ?? "").join())
          .map(([key, value]) => `${key}: ${value}`);
        expect(wrong).toEqual([]);
      });
    }
  }

  it("Polish plurals have all four forms where English has plurals", () => {
    const english = [...flatten(readLocale("en", "form")).keys()].filter((k) => k.endsWith("_other"));
    expect(english.length).toBeGreaterThan(0);
    const polish = flatten(readLocale("pl", "form"));
    for (const key of english) {
      const base = key.replace(/_other$/, "");
      expect(["one", "few", "many", "other"].map((c) => polish.has(`${base}_${c}`)), base).toEqual([true, true, true, true]);
    }
  });
});
