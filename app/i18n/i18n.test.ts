import { describe, expect, it } from "vitest";
import { createI18n, easyReadUnavailable, fixedT, formatLanguageAndMode, languageOfWords, textDirection, wordsLanguage } from "./i18n";

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
