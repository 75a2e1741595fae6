import { suppressionMask, type Hidden } from "./display";
import type { ReportTable, TableId } from "./tables";

/** One sentence of the drafted summary: a `staff:` key and its numbers. */
export interface NarrativeSentence {
  key: string;
  params: Record<string, string | number>;
}

/** A change between two counts, with the percentage to one decimal place (rounded half up) of the earlier. */
export function change(now: number, before: number): { direction: "rose" | "fell" | "same"; by: number; percent: number | null } {
  const by = Math.abs(now - before);
  const direction = now > before ? "rose" : now < before ? "fell" : "same";
  const percent = before > 0 ? Math.floor((2000 * by + before) / (2 * before)) / 10 : null;
  return { direction, by, percent };
}

/**
 * A number the table shows: null when it is missing or hidden by suppression (suppressionMask), so
 * the summary never states a number its table hides.
 */
function shownValue(table: ReportTable | undefined, mask: Hidden[][] | undefined, labelKey: string, column: number): number | null {
  const index = table ? table.rows.findIndex((r) => r.labelKey === labelKey) : -1;
  const v = table?.rows[index]?.values[column];
  if (typeof v !== "number" || mask?.[index]?.[column]) return null;
  return v;
}

/**
 * A first draft of the report's summary, drawn from its own numbers, for staff to edit:
 * "Statutory complaints fell by 67 (25.9%) to 192 in 2025/26." Sentences whose numbers are
 * missing, or hidden in their table at this suppression threshold, are left out rather than guessed.
 */
export function draftNarrative(tables: ReportTable[], yearLabels: string[], threshold: number): NarrativeSentence[] {
  const byId = new Map(tables.map((t) => [t.id, t]));
  const masks = new Map(tables.map((t) => [t.id, suppressionMask(t, threshold)]));
  const out: NarrativeSentence[] = [];
  const value = (id: TableId, labelKey: string, column: number) => shownValue(byId.get(id), masks.get(id), labelKey, column);
  for (const key of ["complaint-statutory", "complaint-corporate", "compliment"] as const) {
    const now = value("received", `report.rows.received.${key}`, 0);
    const before = value("received", `report.rows.received.${key}`, 1);
    if (now === null || before === null) continue;
    const c = change(now, before);
    out.push({
      key: c.percent === null || c.direction === "same" ? `report.narrative.sentences.${key}.${c.direction === "same" ? "same" : "new"}` : `report.narrative.sentences.${key}.${c.direction}`,
      params: { by: c.by, percent: c.percent ?? 0, now, year: yearLabels[0] ?? "", before: yearLabels[1] ?? "" },
    });
  }
  const timescales = byId.get("timescales");
  if (timescales) {
    const start = timescales.rows.findIndex((r) => r.labelKey === "casework:stages.statutory-stage1");
    const completed = timescales.rows[start + 1];
    const standard = timescales.rows[start + 2];
    const done = completed?.values[0];
    const mask = masks.get("timescales");
    const hidden = Boolean(mask?.[start + 1]?.[0] || mask?.[start + 2]?.[0]);
    if (typeof done === "number" && done > 0 && standard?.percents && !hidden) {
      out.push({ key: "report.narrative.sentences.stage1", params: { completed: done, percent: standard.percents[0] ?? 0, days: String(standard.labelParams?.days ?? "") } });
    }
  }
  const refused = value("refusals", "report.rows.refusals.total", 0);
  if (refused !== null) out.push({ key: "report.narrative.sentences.refusals", params: { count: refused } });
  return out;
}
