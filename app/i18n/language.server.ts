import { createCookie, redirect } from "@remix-run/node";
import { config } from "../services/config.server";
import { createI18n, defaultLanguage, isLanguage, isMode, wordsLanguage, type Language, type Mode, type WordsLanguage } from "./i18n";

export const languageCookie = createCookie("speakup_lang", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  maxAge: 60 * 60 * 24 * 365,
});

/** "easy-read" or "standard", remembered like the language. */
export const modeCookie = createCookie("speakup_mode", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  maxAge: 60 * 60 * 24 * 365,
});

/** The back office is in English whatever a person chose on the public pages. */
export function isStaffPath(pathname: string): boolean {
  return /^\/staff(\/|\.data$|$)/.test(pathname);
}

/** The language asked for in the URL (?lang=) wins, then the remembered choice, then English. */
export async function getLanguage(request: Request): Promise<Language> {
  const url = new URL(request.url);
  if (isStaffPath(url.pathname)) return defaultLanguage;
  const fromQuery = url.searchParams.get("lang");
  if (isLanguage(fromQuery)) return fromQuery;
  const fromCookie: unknown = await languageCookie.parse(request.headers.get("Cookie"));
  return isLanguage(fromCookie) ? fromCookie : defaultLanguage;
}

/** Easy read or standard: ?mode= wins, then the remembered choice, then standard. */
export async function getMode(request: Request): Promise<Mode> {
  const url = new URL(request.url);
  if (isStaffPath(url.pathname)) return "standard";
  const fromQuery = url.searchParams.get("mode");
  if (isMode(fromQuery)) return fromQuery;
  const fromCookie: unknown = await modeCookie.parse(request.headers.get("Cookie"));
  return isMode(fromCookie) ? fromCookie : "standard";
}

export interface Preferences {
  language: Language;
  mode: Mode;
  /** The i18next language whose words are shown ("en-easy" for English easy read). */
  words: WordsLanguage;
}

export async function getPreferences(request: Request): Promise<Preferences> {
  const [language, mode] = await Promise.all([getLanguage(request), getMode(request)]);
  return { language, mode, words: wordsLanguage(language, mode) };
}

/** The request's own i18next instance, in the person's language and mode. */
export async function requestI18n(request: Request) {
  const { language, mode } = await getPreferences(request);
  return createI18n(language, { mode });
}

/**
 * A link with ?lang= or ?mode= remembers the choice in a cookie and comes back to the same page
 * without them, so the address stays clean and the draft is untouched. Null when there is
 * nothing to remember.
 */
export async function rememberChoice(request: Request): Promise<Response | null> {
  if (request.method !== "GET") return null;
  const url = new URL(request.url);
  if (isStaffPath(url.pathname) || url.pathname.endsWith(".data")) return null;
  const lang = url.searchParams.get("lang");
  const mode = url.searchParams.get("mode");
  if (lang === null && mode === null) return null;
  const headers = new Headers();
  if (isLanguage(lang)) headers.append("Set-Cookie", await languageCookie.serialize(lang, { secure: config().production }));
  if (isMode(mode)) headers.append("Set-Cookie", await modeCookie.serialize(mode, { secure: config().production }));
  url.searchParams.delete("lang");
  url.searchParams.delete("mode");
  return redirect(`${url.pathname}${url.search}${url.hash}`, { headers });
}
