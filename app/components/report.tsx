import { scaleBand, scaleLinear, scalePoint, type ScaleLinear } from "d3-scale";
import { line } from "d3-shape";
import type { TFunction } from "i18next";
import { displayTable, SECONDARY_TEXT, type DisplayRow } from "~/domain/report/display";
import type { ReportRow, ReportTable } from "~/domain/report/tables";
import { yearLabel } from "~/domain/report/years";

/**
 * The annual report's tables and charts, rendered on the server (the back office page and
 * `npm run report -- --format html` share them). Charts are SVG drawn with d3-scale and d3-shape:
 * no JavaScript is needed to see them, and each sits beside its table, which holds the same
 * numbers. Suppressed counts are never drawn.
 */

export function rowLabel(t: TFunction, row: ReportRow): string {
  return row.labelKey ? t(row.labelKey, { ...row.labelParams }) : row.label ?? "";
}

/** Under the report's introduction: the threshold this report used, or that nothing is hidden. */
export function SuppressionNote({ t, threshold }: { t: TFunction; threshold: number }) {
  return (
    <p className="govuk-body" data-testid="suppression-note">
      {threshold > 1 ? t("staff:report.thresholdUsed", { threshold, max: threshold - 1, symbol: SECONDARY_TEXT }) : t("staff:report.suppressionOff")}
    </p>
  );
}

export function ReportTableView({ table, t, threshold, csvHref }: { table: ReportTable; t: TFunction; threshold: number; csvHref?: string }) {
  const shown = displayTable(table, threshold);
  const title = t(`staff:report.tables.${table.id}.title`);
  const width = table.years.length * (table.percentages ? 2 : 1) + 1;
  return (
    <section className="speakup-report-section" aria-labelledby={`table-${table.id}`} data-testid={`report-${table.id}`}>
      <h2 className="govuk-heading-m" id={`table-${table.id}`}>
        {title}
      </h2>
      {/* Five years side by side scroll sideways on a phone: the box takes focus so a keyboard can scroll it (axe: scrollable-region-focusable). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a named region that scrolls must take focus */}
      <div className="speakup-table-wrapper" role="region" aria-labelledby={`table-${table.id}`} tabIndex={0}>
        <table className="govuk-table speakup-report-table">
          <caption className="govuk-table__caption govuk-visually-hidden">{title}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                {t("staff:report.row")}
              </th>
              {table.years.map((y) => [
                <th key={y} scope="col" className="govuk-table__header govuk-table__header--numeric">
                  {yearLabel(y)}
                </th>,
                table.percentages ? (
                  <th key={`${y}%`} scope="col" className="govuk-table__header govuk-table__header--numeric">
                    {t("staff:report.percent", { year: yearLabel(y) })}
                  </th>
                ) : null,
              ])}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {shown.rows.map((r, i) => (
              <Row key={i} r={r} t={t} width={width} />
            ))}
          </tbody>
        </table>
      </div>
      {table.chart ? <BarChart table={table} rows={shown.rows} t={t} title={t("staff:report.chart", { table: title, year: yearLabel(table.years[0] ?? 0) })} /> : null}
      {table.id === "received" ? <TrendChart table={table} rows={shown.rows} t={t} /> : null}
      <p className="govuk-body-s">
        <strong>{t("staff:report.howCounted")}</strong> {t(`staff:report.tables.${table.id}.rule`)}
        {table.percentages ? ` ${t("staff:report.rounding")}` : ""} {t("staff:report.omitted")}
        {shown.suppressionApplied ? ` ${t("staff:report.suppressed", { max: threshold - 1, threshold })}` : ""}
        {shown.secondaryApplied ? ` ${t("staff:report.secondary", { symbol: SECONDARY_TEXT })}` : ""}
      </p>
      {csvHref ? (
        <p className="govuk-body-s speakup-no-print">
          <a className="govuk-link" href={csvHref} download>
            {t("staff:report.downloadTable")}
            <span className="govuk-visually-hidden">: {title}</span>
          </a>
        </p>
      ) : null}
    </section>
  );
}

function Row({ r, t, width }: { r: DisplayRow; t: TFunction; width: number }) {
  const label = rowLabel(t, r.row);
  if (r.row.kind === "heading") {
    return (
      <tr className="govuk-table__row speakup-report-heading">
        <th scope="colgroup" colSpan={width} className="govuk-table__header">
          {label}
        </th>
      </tr>
    );
  }
  const strong = r.row.kind === "total" || r.row.kind === "subtotal";
  return (
    <tr className={`govuk-table__row${strong ? " speakup-report-total" : ""}`}>
      <th scope="row" className="govuk-table__header speakup-report-label">
        {label}
      </th>
      {r.cells.map((c, i) => [
        <td key={i} className="govuk-table__cell govuk-table__cell--numeric">
          {c.value.text}
        </td>,
        c.percent ? (
          <td key={`${i}%`} className="govuk-table__cell govuk-table__cell--numeric">
            {c.percent.text}
          </td>
        ) : null,
      ])}
    </tr>
  );
}

const BAR = 22;
const LABEL_WIDTH = 300;
const CHART_WIDTH = 640;
const MAX_BARS = 12;

/** The newest year's counts as horizontal bars, largest first; suppressed counts are left out. */
function BarChart({ table, rows, t, title }: { table: ReportTable; rows: DisplayRow[]; t: TFunction; title: string }) {
  const bars = rows
    .filter((r) => r.row.kind === "count" && !r.cells[0]?.value.suppressed && (r.row.values[0] ?? 0) > 0)
    .map((r) => ({ label: rowLabel(t, r.row), value: r.row.values[0] ?? 0 }))
    .sort((a, b) => b.value - a.value)
    .slice(0, MAX_BARS);
  if (bars.length === 0) return null;
  const height = bars.length * BAR + 10;
  const y = scaleBand<string>().domain(bars.map((b) => b.label)).range([5, height - 5]).padding(0.2);
  const x = scaleLinear().domain([0, Math.max(...bars.map((b) => b.value))]).range([0, CHART_WIDTH - LABEL_WIDTH - 50]);
  const id = `chart-${table.id}`;
  return (
    <figure className="speakup-report-chart">
      <svg role="img" aria-labelledby={id} viewBox={`0 0 ${CHART_WIDTH} ${height}`} width="100%" className="speakup-chart">
        <title id={id}>{title}</title>
        {bars.map((b) => (
          <g key={b.label} transform={`translate(0,${y(b.label) ?? 0})`}>
            <text x={LABEL_WIDTH - 6} y={y.bandwidth() / 2} dy="0.35em" textAnchor="end" fontSize="13" fill="#0b0c0c">
              {b.label.length > 42 ? `${b.label.slice(0, 40)}…` : b.label}
            </text>
            <rect x={LABEL_WIDTH} width={Math.max(1, x(b.value))} height={y.bandwidth()} fill="#1d70b8" />
            <text x={LABEL_WIDTH + x(b.value) + 4} y={y.bandwidth() / 2} dy="0.35em" fontSize="13" fill="#0b0c0c">
              {b.value}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}

/** A chart's horizontal grid lines from x = 50 to `right`, each with its count at the left. */
export function GridLines({ y, right }: { y: ScaleLinear<number, number>; right: number }) {
  return y.ticks(4).map((tick) => (
    <g key={tick}>
      <line x1={50} x2={right} y1={y(tick)} y2={y(tick)} stroke="#b1b4b6" strokeWidth="1" />
      <text x={44} y={y(tick)} dy="0.35em" textAnchor="end" fontSize="12" fill="#0b0c0c">
        {tick}
      </text>
    </g>
  ));
}

/** Statutory and corporate complaints over the five years, oldest first; a suppressed year is a gap. */
function TrendChart({ table, rows, t }: { table: ReportTable; rows: DisplayRow[]; t: TFunction }) {
  const series = ["complaint-statutory", "complaint-corporate"].map((key, i) => {
    const shown = rows.find((r) => r.row.labelKey === `report.rows.received.${key}`);
    const row = shown?.row;
    // A hidden count (small, or hidden so that a small one cannot be worked out) is a gap: null.
    const values = [...(row?.values ?? []).map((v, year) => (shown?.cells[year]?.value.suppressed ? null : v))].reverse();
    return { key, label: row ? rowLabel(t, row) : key, colour: i === 0 ? "#1d70b8" : "#d4351c", dash: i === 0 ? undefined : "6 4", values };
  });
  const years = [...table.years].reverse().map(yearLabel);
  const height = 200;
  const x = scalePoint<string>().domain(years).range([50, CHART_WIDTH - 20]);
  const top = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const y = scaleLinear().domain([0, top]).nice().range([height - 30, 20]);
  const path = line<number | null>()
    .defined((v) => v !== null)
    .x((_, i) => x(years[i] ?? "") ?? 0)
    .y((v) => y(v ?? 0));
  return (
    <figure className="speakup-report-chart">
      <svg role="img" aria-labelledby="chart-trend" viewBox={`0 0 ${CHART_WIDTH} ${height}`} width="100%" className="speakup-chart">
        <title id="chart-trend">{t("staff:report.trend")}</title>
        <GridLines y={y} right={CHART_WIDTH - 20} />
        {years.map((label) => (
          <text key={label} x={x(label)} y={height - 10} textAnchor="middle" fontSize="12" fill="#0b0c0c">
            {label}
          </text>
        ))}
        {series.map((s, i) => (
          <g key={s.key}>
            <path d={path(s.values) ?? ""} fill="none" stroke={s.colour} strokeWidth="3" strokeDasharray={s.dash} />
            <text x={60} y={14 + i * 14} fontSize="12" fill={s.colour}>
              {s.label}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
