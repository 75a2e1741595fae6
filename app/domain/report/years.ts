import type { IsoDate } from "../calendar";

/**
 * Financial years run 1 April to 31 March. A year is named by the calendar year it starts in:
 * 2025 is 1 April 2025 to 31 March 2026, shown as "2025/26".
 */
export function financialYearOf(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month >= 4 ? year : year - 1;
}

export function yearLabel(year: number): string {
  return `${year}/${String((year + 1) % 100).padStart(2, "0")}`;
}

/** The first and last day of a financial year, both included. */
export function yearRange(year: number): { from: IsoDate; to: IsoDate } {
  return { from: `${year}-04-01`, to: `${year + 1}-03-31` };
}

/** How many years the report shows side by side: the year asked for and the four before it (as seed 000). */
export const YEARS_SHOWN = 5;

/** The years shown, newest first (the seeds' order). */
export function yearsShown(year: number): number[] {
  return Array.from({ length: YEARS_SHOWN }, (_, i) => year - i);
}

export function isReportYear(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1990 && value <= 2200;
}
