import { parseIsoDate, type IsoDate } from "./calendar";

const LOCALES: Record<string, string> = { en: "en-GB" };

/** "Friday 4 December 2026", in the reader's language. */
export function formatLongDate(date: IsoDate, language: string): string {
  const parts = new Intl.DateTimeFormat(LOCALES[language] ?? language, {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).formatToParts(parseIsoDate(date));
  // GOV.UK style writes dates without commas.
  return parts.map((p) => (p.type === "literal" ? p.value.replace(",", "") : p.value)).join("");
}

/** "4 Dec 2026, 14:05" in England's time, for staff lists and timelines. */
export function formatDateTime(instant: Date, language: string): string {
  return new Intl.DateTimeFormat(LOCALES[language] ?? language, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/London",
  }).format(instant);
}
