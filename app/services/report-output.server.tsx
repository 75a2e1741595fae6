import { stringify } from "csv-stringify/sync";
import type { TFunction } from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { ReportTableView, rowLabel, SuppressionNote } from "../components/report";
import { displayTable } from "../domain/report/display";
import type { NarrativeSentence } from "../domain/report/narrative";
import type { ReportTable } from "../domain/report/tables";
import { yearLabel } from "../domain/report/years";

/**
 * The report as files: CSV (one table, or every table stacked with the table's title in the first
 * column) and a standalone HTML page. Both show exactly what the back office page shows,
 * suppression included, so a published file never holds a number the page hides.
 */

function tableRows(table: ReportTable, t: TFunction, threshold: number, withTitle: boolean): string[][] {
  const title = t(`staff:report.tables.${table.id}.title`);
  const shown = displayTable(table, threshold);
  return shown.rows.map((r) => [
    ...(withTitle ? [title] : []),
    rowLabel(t, r.row),
    ...r.cells.flatMap((c) => (table.percentages ? [c.value.text, c.percent?.text ?? ""] : [c.value.text])),
  ]);
}

function header(table: ReportTable, t: TFunction, withTitle: boolean): string[] {
  return [
    ...(withTitle ? [t("staff:report.table")] : []),
    t("staff:report.row"),
    ...table.years.flatMap((y) => (table.percentages ? [yearLabel(y), t("staff:report.percent", { year: yearLabel(y) })] : [yearLabel(y)])),
  ];
}

export function tableCsv(table: ReportTable, t: TFunction, threshold: number): string {
  return stringify([header(table, t, false), ...tableRows(table, t, threshold, false)]);
}

/** Every table, one after another, each with its own header row (their columns differ). */
export function reportCsv(tables: ReportTable[], t: TFunction, threshold: number): string {
  return stringify(tables.flatMap((table) => [header(table, t, true), ...tableRows(table, t, threshold, true), []]));
}

export function reportHtml(input: { year: number; tables: ReportTable[]; t: TFunction; threshold: number; summary: string | NarrativeSentence[]; councilName: string }): string {
  const { t } = input;
  const summary = typeof input.summary === "string" ? input.summary.split(/\n{2,}/) : [input.summary.map((s) => t(s.key, s.params)).join(" ")];
  const body = renderToStaticMarkup(
    <main>
      <h1 className="govuk-heading-l">
        {input.councilName}: {t("staff:report.title", { year: yearLabel(input.year) })}
      </h1>
      <p className="govuk-body">{t("staff:report.intro")}</p>
      <SuppressionNote t={t} threshold={input.threshold} />
      <h2 className="govuk-heading-m">{t("staff:report.narrative.title")}</h2>
      {summary.map((p, i) => (
        <p className="govuk-body" key={i}>
          {p}
        </p>
      ))}
      <p className="govuk-body">{t("staff:report.notRecordedYet")}</p>
      {input.tables.map((table) => (
        <ReportTableView key={table.id} table={table} t={t} threshold={input.threshold} />
      ))}
    </main>,
  );
  const style = `body{font-family:system-ui,sans-serif;margin:2rem;color:#0b0c0c}table{border-collapse:collapse;margin-bottom:1rem}th,td{border-bottom:1px solid #b1b4b6;padding:.3rem .6rem;text-align:left}.govuk-table__cell--numeric,.govuk-table__header--numeric{text-align:right}.govuk-visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}.speakup-report-total{font-weight:bold}section{break-inside:avoid-page}`;
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(`${input.councilName}: ${t("staff:report.title", { year: yearLabel(input.year) })}`)}</title><style>${style}</style></head><body>${body}</body></html>\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
