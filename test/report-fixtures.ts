import { stringify } from "csv-stringify/sync";
import { addWorkingDays, workingDayOnOrAfter, type IsoDate } from "../app/domain/calendar";
import type { ReportLimits } from "../app/domain/report/facts";
import { importColumns, type ImportColumn } from "../app/domain/report/import-rows";

/**
 * A fixture generator for the annual report: records (as rows of the historic import's CSV) that
 * add up to given table figures, so a test can build what lies behind a published table through
 * the import and check that the report gives the same cells back.
 */

export type ImportRow = Partial<Record<ImportColumn, string>>;

let counter = 0;
const nextReference = (prefix: string) => `${prefix}-${String(++counter).padStart(6, "0")}`;

/** The CSV of some rows, every column in the documented order. */
export function importCsv(rows: ImportRow[]): string {
  return stringify([importColumns as unknown as string[], ...rows.map((r) => importColumns.map((c) => r[c] ?? ""))]);
}

/** A day well inside financial year `year` (1 May), a working day. */
export const dayIn = (year: number, monthOffset = 0): IsoDate => workingDayOnOrAfter(`${year}-${String(5 + monthOffset).padStart(2, "0")}-01`);

/** Refused complaints: `counts[reason]` of each, under the process, received in the financial year. */
export function refusalRows(year: number, process: "statutory" | "corporate", counts: Record<string, number>): ImportRow[] {
  return Object.entries(counts).flatMap(([reason, n]) =>
    Array.from({ length: n }, () => ({
      source_reference: nextReference("REF"),
      kind: "complaint",
      process,
      received_on: dayIn(year),
      method_received: "Email",
      refusal_reason: reason,
    })),
  );
}

export interface BandFigures {
  /** Completed within the standard limit, within the extended limit, beyond it. */
  standard: number;
  extended: number;
  beyond: number;
  /** The published average working days to complete (one decimal). */
  average: number;
}

/**
 * Working days for each completed stage so that the bands hold the given counts and the mean,
 * to one decimal, is the given average: everyone starts at their band's least, then the days
 * left over are handed out up to each band's limit (the last band has none).
 */
export function daysForBands(f: BandFigures, limits: { standard: number; maximum: number }): number[] {
  const total = f.standard + f.extended + f.beyond;
  const target = Math.round(f.average * total);
  const bands = [
    { n: f.standard, least: 1, most: limits.standard },
    { n: f.extended, least: limits.standard + 1, most: limits.maximum },
    { n: f.beyond, least: limits.maximum + 1, most: Number.POSITIVE_INFINITY },
  ];
  const days = bands.flatMap((b) => Array.from({ length: b.n }, () => ({ d: b.least, most: b.most })));
  let left = target - days.reduce((s, x) => s + x.d, 0);
  if (left < 0) throw new Error(`No records can average ${f.average}: the bands' least is already more`);
  days.forEach((x, i) => {
    // The unbounded last band shares what is left evenly, so no response falls out of the year.
    const share = x.most === Number.POSITIVE_INFINITY ? Math.ceil(left / (days.length - i)) : left;
    const raise = Math.min(share, x.most - x.d);
    x.d += raise;
    left -= raise;
  });
  if (left > 0) throw new Error(`No records can average ${f.average} within the bands' limits`);
  return days.map((x) => x.d);
}

/** Statutory Stage 1 complaints completed in the financial year, banded as given (started 1 May, so every response falls in the year). */
export function stage1Rows(year: number, f: BandFigures, limits = { standard: 10, maximum: 20 }): ImportRow[] {
  const start = dayIn(year);
  return daysForBands(f, limits).map((d) => ({
    source_reference: nextReference("S1"),
    kind: "complaint",
    process: "statutory",
    received_on: start,
    method_received: "Email",
    stage1_started_on: start,
    stage1_responded_on: addWorkingDays(start, d),
  }));
}

/** The timescales the report counts against in the domain's tests: the statutory ones and the Code's. */
export const REPORT_LIMITS: ReportLimits = {
  "statutory-stage1": { standard: 10, maximum: 20 },
  "statutory-stage2": { standard: 25, maximum: 65 },
  "corporate-stage1": { standard: 10, maximum: 20 },
  "corporate-stage2": { standard: 20, maximum: 40 },
  stage3: { panelWithin: 30, panelReportWithin: 5, councilResponseWithin: 15 },
};
