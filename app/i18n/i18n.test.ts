import { describe, expect, it } from "vitest";
import { createI18n, easyReadUnavailable, fixedT, formatLanguageAndMode, languageOfWords, memoT, textDirection, wordsLanguage } from "./i18n";

describe("languages and easy read", () => {
  it("uses easy-read words for English only, and says when they are missing", () => {
    expect(wordsLanguage("en", "easy-read")).toBe("en-easy");
    expect(wordsLanguage("ur", "easy-read")).toBe("ur");
    expect(easyReadUnavailable("pl", "easy-read")).toBe(true);
    expect(easyReadUnavailable("en", "easy-read")).toBe(false);
    expect(createI18n("en", { mode: "easy-read" }).t("common:start.button")).toBe("Start now");
    expect(fixedT("en-easy")("mode.switchToStandard")).toBe("Show the usual words");
    expect(fixedT("ur")("readAloud.start")).toBe("یہ صفحہ مجھے پڑھ کر سنائیں");
  });

  it("tags easy-read words as English, since en-easy is not a language tag", () => {
    expect(languageOfWords("en-easy")).toBe("en");
    expect(languageOfWords("ur")).toBe("ur");
    expect(languageOfWords("xx")).toBe("en");
  });

  it("picks Polish plural forms", () => {
    const t = fixedT("pl", "form");
    expect([1, 3, 5, 22].map((count) => t("characterCount.remaining", { count }))).toEqual([
      "Pozostał Ci 1 znak",
      "Pozostały Ci 3 znaki",
      "Pozostało Ci 5 znaków",
      "Pozostały Ci 22 znaki",
    ]);
  });

  it("knows Urdu is right to left", () => {
    expect(textDirection("ur")).toBe("rtl");
    expect(textDirection("pl")).toBe("ltr");
  });

  it("describes a person's language and mode for staff, in English", () => {
    const t = fixedT("en");
    expect(formatLanguageAndMode(t, "ur", "standard")).toBe("Urdu, standard words");
    expect(formatLanguageAndMode(t, "en", "easy-read")).toBe("English, easy read (young person's e-form)");
    expect(formatLanguageAndMode(t, "xx", "odd")).toBe("xx, odd");
  });
});

describe("one shared instance per set of words on the server", () => {
  it("gives each language and mode its own words, and the same instance each time it is asked again", () => {
    // Interleaved, as requests in different languages are: none may take another's words.
    const asked = [
      createI18n("en"),
      createI18n("pl"),
      createI18n("en", { mode: "easy-read" }),
      createI18n("ur"),
      createI18n("ur", { mode: "easy-read" }),
      createI18n("en"),
      createI18n("pl"),
      createI18n("en", { mode: "easy-read" }),
    ];
    expect(asked.map((i18n) => i18n.language)).toEqual(["en", "pl", "en-easy", "ur", "ur", "en", "pl", "en-easy"]);
    expect(asked.map((i18n) => i18n.t("mode.switchToStandard"))).toEqual([
      createI18n("en").t("mode.switchToStandard"),
      fixedT("pl")("mode.switchToStandard"),
      "Show the usual words",
      fixedT("ur")("mode.switchToStandard"),
      fixedT("ur")("mode.switchToStandard"),
      createI18n("en").t("mode.switchToStandard"),
      fixedT("pl")("mode.switchToStandard"),
      "Show the usual words",
    ]);
    expect(new Set(asked.map((i18n) => i18n.t("mode.switchToStandard"))).size).toBe(4);
    expect(asked[5]).toBe(asked[0]);
    expect(asked[4]).toBe(asked[3]);
  });

  it("refuses to change a shared instance's language, which would change it for every request", () => {
    const english = createI18n("en");
    expect(() => english.changeLanguage("pl")).toThrow(/read-only/);
    expect(createI18n("en").language).toBe("en");
  });

  it("gives the browser an instance of its own for the words it loaded", () => {
    const own = createI18n("en", { resources: { en: { common: { start: { button: "Begin" } } } } });
    expect(own).not.toBe(createI18n("en"));
    expect(own.t("common:start.button")).toBe("Begin");
    expect(createI18n("en").t("common:start.button")).toBe("Start now");
  });
});

describe("memoT: a page's words asked of i18next once each", () => {
  it("answers as t does, and asks t once for each key and options", () => {
    const t = fixedT("en", "casework");
    const asked: unknown[] = [];
    const counting = ((key: string, options?: object) => (asked.push(key), t(key as never, options as never))) as unknown as typeof t;
    const m = memoT(counting);
    for (let row = 0; row < 25; row += 1) {
      expect(m("inbox.who")).toBe(t("inbox.who"));
      expect(m("inbox.overdue", { count: row % 2 })).toBe(t("inbox.overdue", { count: row % 2 }));
    }
    expect(m("inbox.overdue", { count: 3 })).toBe(t("inbox.overdue", { count: 3 }));
    expect(asked).toEqual(["inbox.who", "inbox.overdue", "inbox.overdue", "inbox.overdue"]);
    // Each new one starts empty: the words of one render are never kept for the next.
    memoT(counting)("inbox.who");
    expect(asked).toHaveLength(5);
  });
});
