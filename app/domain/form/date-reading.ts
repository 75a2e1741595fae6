import { londonDate, parseIsoDate, type IsoDate } from "../calendar";

// How the three boxes of a GOV.UK date input read together. Apart from dates.ts (the boxes' zod
// schemas) so that pages the server checks can show dates without zod (docs/decisions/036).

export type DateReading =
  | { kind: "empty" }
  | { kind: "invalid"; reason: "incomplete" | "invalid" | "future" }
  | { kind: "date"; date: IsoDate };

/** Reads the three boxes. `today` defaults to today in England. */
export function readDateParts(values: Record<string, unknown>, prefix: string, today: IsoDate = londonDate(new Date())): DateReading {
  const raw = ["Day", "Month", "Year"].map((p) => {
    const v = values[`${prefix}${p}`];
    return typeof v === "string" ? v.trim() : "";
  });
  if (raw.every((v) => v === "")) return { kind: "empty" };
  if (raw.some((v) => v === "")) return { kind: "invalid", reason: "incomplete" };
  const [day, month, year] = raw as [string, string, string];
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return { kind: "invalid", reason: "invalid" };
  const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  try {
    parseIsoDate(iso);
  } catch {
    return { kind: "invalid", reason: "invalid" };
  }
  if (Number(year) < 1900) return { kind: "invalid", reason: "invalid" };
  if (iso > today) return { kind: "invalid", reason: "future" };
  return { kind: "date", date: iso };
}
