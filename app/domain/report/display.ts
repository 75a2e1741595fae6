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
/**
 * What a cell hidden by secondary suppression shows: "[c]", the Government Statistical Service's
 * symbol for a figure withheld to protect confidentiality. It is not "<5": the number may be large.
 */
export const SECONDARY_TEXT = "[c]";

const countKinds = new Set<ReportRow["kind"]>(["count", "subtotal", "total"]);
const isTotal = (kind: ReportRow["kind"]) => kind === "subtotal" || kind === "total";

/** A sum the table shows: `total` is the sum of `parts` (row indexes), in a year where the numbers say so. */
export interface AdditiveGroup {
  total: number;
  parts: number[];
}

/**
 * The sums a table's layout may hold, read from its row kinds alone (so a new table is covered
 * with no list of its own): the counts just above a total or subtotal; the counts just below a
 * subtotal (Timescales: "completed", then its bands); and for a total, every count since the
 * previous total, and its subtotals with the counts no subtotal covers (Received from: groups).
 * A candidate is only a sum in a year where its numbers add up (`holds`): rows that overlap
 * (outcomes sought, where one complaint seeks several) are never taken for one, except by
 * coincidence, which can only hide more.
 */
export function additiveGroups(rows: readonly Pick<ReportRow, "kind">[]): AdditiveGroup[] {
  const groups = new Map<string, AdditiveGroup>();
  const addGroup = (total: number, parts: number[]) => {
    if (parts.length === 0) return;
    const sorted = [...parts].sort((a, b) => a - b);
    groups.set(`${total}:${sorted.join(",")}`, { total, parts: sorted });
  };
  const runFrom = (start: number, step: 1 | -1) => {
    const run: number[] = [];
    for (let i = start; i >= 0 && i < rows.length && rows[i]?.kind === "count"; i += step) run.push(i);
    return run;
  };
  // Counts a subtotal above or below them may sum; which one does is for the numbers to say, so
  // both readings are offered to a total.
  const coveredAbove = new Set<number>();
  const coveredEither = new Set<number>();
  let sectionStart = 0;
  rows.forEach((row, t) => {
    if (!isTotal(row.kind)) return;
    const above = runFrom(t - 1, -1);
    addGroup(t, above);
    if (row.kind === "subtotal") {
      const below = runFrom(t + 1, 1);
      addGroup(t, below);
      above.forEach((i) => (coveredAbove.add(i), coveredEither.add(i)));
      below.forEach((i) => coveredEither.add(i));
      return;
    }
    const section = Array.from({ length: t - sectionStart }, (_, k) => sectionStart + k);
    addGroup(t, section.filter((i) => rows[i]?.kind === "count"));
    if (section.some((i) => rows[i]?.kind === "subtotal")) {
      for (const covered of [coveredAbove, coveredEither]) {
        addGroup(t, section.filter((i) => rows[i]?.kind === "subtotal" || (rows[i]?.kind === "count" && !covered.has(i))));
      }
    }
    sectionStart = t + 1;
  });
  return [...groups.values()];
}

/** Whether the group is a true sum in year `column`: every value is there and the parts add up to the total. */
export function holds(table: Pick<ReportTable, "rows">, group: AdditiveGroup, column: number): boolean {
  const value = (i: number) => table.rows[i]?.values[column] ?? null;
  const total = value(group.total);
  if (total === null) return false;
  let sum = 0;
  for (const i of group.parts) {
    const v = value(i);
    if (v === null) return false;
    sum += v;
  }
  return sum === total;
}

export type Hidden = "primary" | "secondary" | null;

/**
 * Which cells are hidden, per row and year. THE rule (decision records 032 and 047):
 * 1. Primary: a count from 1 to threshold - 1 is hidden.
 * 2. Secondary: wherever the table shows a sum (a total or subtotal of the counts beside it) and
 *    exactly one of its cells is hidden, the hidden one could be worked out by subtraction, so
 *    the smallest other non-zero part of that sum is hidden too (the first of equals; the total
 *    itself only when no part is left). This is repeated until no sum has exactly one hidden cell.
 * 3. A percentage row (the share found at fault, the capture rate) is hidden in a year where any
 *    count of its table is hidden, since it is worked out from them.
 * Nothing is hidden with a threshold of 0 or 1.
 */
export function suppressionMask(table: Pick<ReportTable, "rows" | "years">, threshold: number): Hidden[][] {
  const mask: Hidden[][] = table.rows.map((row) =>
    table.years.map((_, c) => {
      const v = row.values[c] ?? null;
      return v !== null && countKinds.has(row.kind) && isSuppressed(v, threshold) ? "primary" : null;
    }),
  );
  const groups = additiveGroups(table.rows);
  table.years.forEach((_, c) => {
    const hidden = (i: number) => mask[i]?.[c] != null;
    const live = groups.filter((g) => holds(table, g, c));
    let changed = true;
    while (changed) {
      changed = false;
      for (const g of live) {
        const cells = [g.total, ...g.parts];
        if (cells.filter(hidden).length !== 1) continue;
        const candidates = g.parts.filter((i) => !hidden(i) && (table.rows[i]?.values[c] ?? 0) > 0);
        candidates.sort((a, b) => (table.rows[a]?.values[c] ?? 0) - (table.rows[b]?.values[c] ?? 0) || a - b);
        const pick = candidates[0] ?? (hidden(g.total) ? undefined : g.total);
        if (pick === undefined) continue;
        mask[pick]![c] = "secondary";
        changed = true;
      }
    }
    if (table.rows.some((_, i) => hidden(i))) {
      table.rows.forEach((row, i) => {
        if (row.kind === "percent" && row.values[c] != null) mask[i]![c] = "secondary";
      });
    }
  });
  return mask;
}

/**
 * The table as it is shown and exported: hidden cells (suppressionMask) show `<threshold` or
 * `[c]`, and lose their percentage (it would give the count away). Money in pounds, averages to
 * one decimal. The page, the CSV and the command line all use this.
 */
export function displayTable(table: ReportTable, threshold: number): { rows: DisplayRow[]; suppressionApplied: boolean; secondaryApplied: boolean } {
  const mask = suppressionMask(table, threshold);
  let applied = false;
  let secondary = false;
  const rows = table.rows.map((row, r) => ({
    row,
    cells: table.years.map((_, i) => {
      const v = row.values[i] ?? null;
      const hidden = mask[r]?.[i] ?? null;
      if (hidden === "primary") applied = true;
      if (hidden === "secondary") secondary = true;
      const text = v === null ? "" : hidden === "primary" ? suppressedText(threshold) : hidden === "secondary" ? SECONDARY_TEXT : formatValue(row.kind, v);
      const suppressed = hidden !== null;
      const p = row.percents ? row.percents[i] ?? null : null;
      const percent = table.percentages && row.kind !== "heading" ? { text: suppressed || p === null ? "" : `${p}%`, suppressed } : null;
      return { value: { text: row.kind === "heading" ? "" : text, suppressed }, percent };
    }),
  }));
  return { rows, suppressionApplied: applied, secondaryApplied: secondary };
}

function formatValue(kind: ReportRow["kind"], v: number): string {
  if (kind === "money") return formatPounds(v);
  if (kind === "average") return v.toFixed(1);
  if (kind === "percent") return `${v}%`;
  return String(v);
}
