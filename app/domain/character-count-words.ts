// GOV.UK Frontend's character count reads its words from data-i18n attributes, one a plural form
// (`data-i18n.characters-under-limit.few`), with `%{count}` where i18next writes `{{count, number}}`
// (both write the number in the page's language: "4,935" in English). Made
// from our own translations, so the live count speaks the page's language and easy read's words.

const GOVUK_KEYS = { remaining: "characters-under-limit", over: "characters-over-limit" } as const;

/**
 * The data-i18n attributes for a character count. `lookup` gives a raw translation by key (such
 * as "characterCount.remaining_few", or undefined); `language` is the page's language tag, whose
 * plural forms are asked for (GOV.UK Frontend picks one with Intl.PluralRules, as i18next does);
 * `atLimit` is the sentence for no characters left.
 */
export function characterCountWords(lookup: (key: string) => string | undefined, language: string, atLimit: string): Record<string, string> {
  const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const attributes: Record<string, string> = { "data-i18n.characters-at-limit": atLimit };
  for (const [ours, theirs] of Object.entries(GOVUK_KEYS)) {
    for (const form of forms) {
      const words = lookup(`characterCount.${ours}_${form}`) ?? lookup(`characterCount.${ours}_other`);
      if (words) attributes[`data-i18n.${theirs}.${form}`] = words.replace(/\{\{count(?:, *number)?\}\}/g, "%{count}");
    }
  }
  return attributes;
}
