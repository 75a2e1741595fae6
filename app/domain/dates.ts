import { parseIsoDate, type IsoDate } from "./calendar";

const LOCALES: Record<string, string> = { en: "en-GB" };

// Making an Intl.DateTimeFormat costs a few hundred microseconds, using one about a microsecond:
// an inbox page formats 50 dates, so each language's formatter is made once and kept.
const longDates = new Map<string, Intl.DateTimeFormat>();
const dateTimes = new Map<string, Intl.DateTimeFormat>();
function kept(formats: Map<string, Intl.DateTimeFormat>, language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language] ?? language, options);
    formats.set(language, format);
  }
  return format;
}

/** "Friday 4 December 2026", in the reader's language. */
export function formatLongDate(date: IsoDate, language: string): string {
  const parts = kept(longDates, language, {
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
  return kept(dateTimes, language, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/London",
  }).format(instant);
}
