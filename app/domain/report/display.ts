import { formatPounds } from "../money";
import { isSuppressed } from "./numbers";
import type { ReportRow, ReportTable } from "./tables";

export interface DisplayCell {
  text: string;
  suppressed: boolean;
}

export interface DisplayRow {
  row: ReportRow;
  /** Per year: the value and, where the table has them, its percentage. */
  cells: Array<{ value: DisplayCell; percent: DisplayCell | null }>;
}

/** What a suppressed count shows; the table says why beneath it. */
export const suppressedText = (threshold: number) => `<${threshold}`;

const countKinds = new Set(["count", "subtotal", "total"]);

/**
 * The table as it is shown and exported: counts from 1 to threshold - 1 are suppressed, and so
 * is their percentage (it would give the count away). Money in pounds, averages to one decimal.
 */
export function displayTable(table: ReportTable, threshold: number): { rows: DisplayRow[]; suppressionApplied: boolean } {
  let applied = false;
  const rows = table.rows.map((row) => ({
    row,
    cells: table.years.map((_, i) => {
      const v = row.values[i] ?? null;
      const suppressed = v !== null && countKinds.has(row.kind) && isSuppressed(v, threshold);
      if (suppressed) applied = true;
      const text = v === null ? "" : suppressed ? suppressedText(threshold) : formatValue(row.kind, v);
      const p = row.percents ? row.percents[i] ?? null : null;
      const percent = table.percentages && row.kind !== "heading" ? { text: suppressed || p === null ? "" : `${p}%`, suppressed } : null;
      return { value: { text: row.kind === "heading" ? "" : text, suppressed }, percent };
    }),
  }));
  return { rows, suppressionApplied: applied };
}

function formatValue(kind: ReportRow["kind"], v: number): string {
  if (kind === "money") return formatPounds(v);
  if (kind === "average") return v.toFixed(1);
  if (kind === "percent") return `${v}%`;
  return String(v);
}
