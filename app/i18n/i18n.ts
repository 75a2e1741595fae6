import i18next, { type i18n, type Resource, type TFunction } from "i18next";
// Every language's words, for the server (pages, emails, letters). The browser never gets this
// module (Remix gives it an empty one): app/i18n/words.client.ts loads only the page's own words.
import { resources as allWords } from "./resources.server";

/** The languages of the public pages and of the emails sent to people. Staff pages are English. */
export const supportedLanguages = ["en", "pl", "ur"] as const;
export type Language = (typeof supportedLanguages)[number];
export const defaultLanguage: Language = "en";

/** Each language's name in its own language, for the language switcher. */
export const languageNames: Record<Language, string> = { en: "English", pl: "Polski", ur: "اردو" };

/**
 * Easy read is a mode, not a language: `<html lang>` stays "en". Its words are the i18next
 * language variant "en-easy", which falls back to "en" key by key (the missing-key test makes
 * sure nothing actually falls back). Polish and Urdu have no easy-read words yet: with easy read
 * on they show their standard words, and the page says so.
 */
export const modes = ["standard", "easy-read"] as const;
export type Mode = (typeof modes)[number];
export const EASY_READ = "en-easy";
export type WordsLanguage = Language | typeof EASY_READ;

// common, form: public pages · staff: back office frame, accounts, administration ·
// casework: inbox, cases, triage · emails: every email's words · check: "Check your complaint".
export const namespaces = ["common", "form", "staff", "casework", "emails", "check"] as const;
export type Namespace = (typeof namespaces)[number];
/** What a member of the public reads: translated into every language and into easy read. */
export const publicNamespaces = ["common", "form", "emails", "check"] as const satisfies readonly Namespace[];

const rightToLeft = new Set<string>(["ur"]);

export function textDirection(language: string): "ltr" | "rtl" {
  return rightToLeft.has(language) ? "rtl" : "ltr";
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (supportedLanguages as readonly string[]).includes(value);
}

export function isMode(value: unknown): value is Mode {
  return typeof value === "string" && (modes as readonly string[]).includes(value);
}

/** Which set of words a person reads: easy read exists in English only. */
export function wordsLanguage(language: Language, mode: Mode = "standard"): WordsLanguage {
  return mode === "easy-read" && language === "en" ? EASY_READ : language;
}

/** The language a set of words is in, for `<html lang>`: easy read is English. */
export function languageOfWords(words: string): Language {
  if (words === EASY_READ) return "en";
  return isLanguage(words) ? words : defaultLanguage;
}

/** True when easy read is on but this language has no easy-read words (yet). */
export function easyReadUnavailable(language: Language, mode: Mode): boolean {
  return mode === "easy-read" && wordsLanguage(language, mode) === language;
}

/**
 * On the server, one instance per set of words, made on first use and shared by every request
 * after it: making one costs about 2 ms (a send made two, a page one), and words never change
 * while the server runs. Shared instances are read-only: `changeLanguage` on one throws, as it
 * would switch every request reading it. `createI18n("en")` keeps working; pass
 * `{ mode: "easy-read" }` for the easy-read words. The browser passes the `resources` it loaded
 * for its page and gets an instance of its own.
 */
export function createI18n(language: Language | WordsLanguage, options: { mode?: Mode; resources?: Resource } = {}): i18n {
  const lng = language === EASY_READ ? EASY_READ : wordsLanguage(language, options.mode);
  if (options.resources) return newInstance(lng, options.resources);
  let shared = sharedInstances.get(lng);
  if (!shared) {
    shared = newInstance(lng, allWords as Resource);
    shared.changeLanguage = () => {
      throw new Error("A shared i18next instance is read-only: call createI18n with the language instead.");
    };
    sharedInstances.set(lng, shared);
  }
  return shared;
}

const sharedInstances = new Map<WordsLanguage, i18n>();

function newInstance(lng: WordsLanguage, resources: Resource): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    fallbackLng: { [EASY_READ]: [defaultLanguage], default: [defaultLanguage] },
    supportedLngs: [...supportedLanguages, EASY_READ],
    // Keeps "en-easy" as written (i18next would otherwise make it "en-EASY").
    lowerCaseLng: true,
    ns: [...namespaces],
    defaultNS: "common",
    resources,
    // React escapes what it renders; nothing is ever injected as HTML.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

export function fixedT(language: Language | WordsLanguage, ns: Namespace = "common", options: { mode?: Mode } = {}): TFunction {
  const instance = createI18n(language, options);
  return instance.getFixedT(instance.language, ns);
}

/**
 * How staff see the language and mode a person used (representations.language and .mode), in
 * the staff page's own (English) words: "Urdu, standard words", "English, easy read (young
 * person's e-form)". Unknown values are shown as stored.
 */
export function formatLanguageAndMode(t: TFunction, language: string, mode: string): string {
  const name = isLanguage(language) ? t(`common:languageAndMode.names.${language}`) : language;
  const how = isMode(mode) ? t(`common:languageAndMode.modes.${mode}`) : mode;
  return t("common:languageAndMode.summary", { language: name, mode: how });
}

/**
 * `t`, remembering each answer for the life of the returned function: a page that lists 25 rows
 * asks for the same words on every row ("Received", "Open", a row's RAG words), and i18next's
 * lookup and interpolation, repeated, were a large part of the inbox's rendering (decision 055).
 * Make one per render (the words do not change within it); the key and options are the cache's key.
 */
export function memoT<T extends TFunction>(t: T): T {
  const answers = new Map<string, unknown>();
  const remembered = (key: unknown, options?: unknown, ...rest: unknown[]) => {
    const cacheKey = rest.length > 0 ? null : JSON.stringify([key, options]);
    if (cacheKey !== null && answers.has(cacheKey)) return answers.get(cacheKey);
    const answer = (t as unknown as (...args: unknown[]) => unknown)(key, options, ...rest);
    if (cacheKey !== null) answers.set(cacheKey, answer);
    return answer;
  };
  return Object.assign(remembered, t) as unknown as T;
}

