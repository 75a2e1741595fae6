import { describe, expect, it } from "vitest";
import en from "~/locales/en/form.json";
import pl from "~/locales/pl/form.json";
import { characterCountWords } from "./character-count-words";

const lookupIn = (words: { characterCount: Record<string, string> }) => (key: string) =>
  words.characterCount[key.replace(/^characterCount\./, "")];

describe("characterCountWords", () => {
  it("gives GOV.UK Frontend every English plural form with its %{count} placeholder", () => {
    expect(characterCountWords(lookupIn(en), "en", "You have 0 characters remaining")).toEqual({
      "data-i18n.characters-at-limit": "You have 0 characters remaining",
      "data-i18n.characters-under-limit.one": "You have %{count} character remaining",
      "data-i18n.characters-under-limit.other": "You have %{count} characters remaining",
      "data-i18n.characters-over-limit.one": "You have %{count} character too many",
      "data-i18n.characters-over-limit.other": "You have %{count} characters too many",
    });
  });

  it("gives Polish its few and many forms", () => {
    const words = characterCountWords(lookupIn(pl), "pl", "x");
    expect(words["data-i18n.characters-under-limit.few"]).toBe("Pozostały Ci %{count} znaki");
    expect(words["data-i18n.characters-over-limit.many"]).toBe("Masz %{count} znaków za dużo");
  });

  it("writes the count as the live count does, in the page's language (5,000, not 5000)", async () => {
    const { createI18n } = await import("~/i18n/i18n");
    const i18n = createI18n("en");
    expect(i18n.t("form:characterCount.remaining", { count: 5000 })).toBe("You have 5,000 characters remaining");
    expect(i18n.t("form:characterCount.remaining", { count: 1 })).toBe("You have 1 character remaining");
  });

  it("uses the 'other' form where a translation lacks one the language has", () => {
    const words = characterCountWords((key) => (key.endsWith("_other") ? `${key} {{count}}` : undefined), "pl", "x");
    expect(words["data-i18n.characters-under-limit.few"]).toBe("characterCount.remaining_other %{count}");
  });
});
