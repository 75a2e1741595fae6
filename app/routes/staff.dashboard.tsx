import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { scaleBand, scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import { useTranslation } from "react-i18next";
import type { RouteHandle } from "~/components/page-title";
import { londonDate } from "~/domain/calendar";
import { can } from "~/domain/permissions";
import { yearLabel } from "~/domain/report/years";
import { requireStaff } from "~/services/auth.server";
import { DUE_SOON_WORKING_DAYS } from "~/services/dashboard.server";
import { getDb } from "~/services/db.server";
import { offThread } from "~/services/read-pool.server";
import { GridLines } from "~/components/report";

export const handle: RouteHandle = { title: (t) => t("staff:dashboard.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const staff = await requireStaff(db, request, "report.view");
  // The register is for those who work on learning actions; an administrator sees the count only.
  // Counted in the read pool (decision 052), so the request thread goes on serving meanwhile.
  return { ...(await offThread(db, "managersDashboard", londonDate(new Date()))), mayOpenLearning: can(staff.roles, "learning.manage") };
}

const WIDTH = 640;
const HEIGHT = 220;

export default function DashboardPage() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  const monthName = (month: string) => new Date(`${month}-15T12:00:00Z`).toLocaleDateString("en-GB", { month: "short", timeZone: "UTC" });
  const x = scaleBand<string>().domain(d.months.map((m) => m.month)).range([50, WIDTH - 10]).padding(0.3);
  const y = scaleLinear().domain([0, Math.max(1, ...d.months.flatMap((m) => [m.thisYear, m.lastYear]))]).nice().range([HEIGHT - 30, 30]);
  const last = line<{ month: string; lastYear: number }>()
    .x((m) => (x(m.month) ?? 0) + x.bandwidth() / 2)
    .y((m) => y(m.lastYear));
  return (
    <>
      <h1 className="govuk-heading-l">{t("dashboard.title")}</h1>
      <p className="govuk-body">{t("dashboard.intro", { year: yearLabel(d.year) })}</p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">{t("dashboard.open")}</h2>
          <dl className="govuk-summary-list" data-testid="open-by-stage">
            {d.openByStage.map((o) => (
              <div className="govuk-summary-list__row" key={o.kind}>
                <dt className="govuk-summary-list__key">{t(`casework:stages.${o.kind}`)}</dt>
                <dd className="govuk-summary-list__value">{o.count}</dd>
              </div>
            ))}
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("dashboard.openTotal")}</dt>
              <dd className="govuk-summary-list__value">{d.openTotal}</dd>
            </div>
          </dl>
        </div>
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">{t("dashboard.deadlines")}</h2>
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("dashboard.overdue")}</dt>
              <dd className="govuk-summary-list__value">{d.overdue}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("dashboard.dueSoon", { days: DUE_SOON_WORKING_DAYS })}</dt>
              <dd className="govuk-summary-list__value">{d.dueSoon}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("dashboard.learningOverdue")}</dt>
              <dd className="govuk-summary-list__value" data-testid="learning-overdue">
                {d.mayOpenLearning && d.learningOverdue > 0 ? (
                  <Link className="govuk-link" to="/staff/learning?due=overdue">
                    {t("dashboard.learningOverdueLink", { count: d.learningOverdue })}
                  </Link>
                ) : (
                  d.learningOverdue
                )}
              </dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("dashboard.youngPeople")}</dt>
              <dd className="govuk-summary-list__value">{d.youngPeople.percent === null ? t("dashboard.none") : t("dashboard.share", { percent: d.youngPeople.percent, count: d.youngPeople.count, of: d.youngPeople.of })}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("dashboard.capture")}</dt>
              <dd className="govuk-summary-list__value">{d.capture.percent === null ? t("dashboard.none") : t("dashboard.share", { percent: d.capture.percent, count: d.capture.answered, of: d.capture.offered })}</dd>
            </div>
          </dl>
          <p className="govuk-body">
            <Link className="govuk-link" to="/staff/deadlines">
              {t("dashboard.seeDeadlines")}
            </Link>
          </p>
        </div>
      </div>
      <h2 className="govuk-heading-m" id="months">
        {t("dashboard.months", { year: yearLabel(d.year), before: yearLabel(d.year - 1) })}
      </h2>
      <figure className="speakup-report-chart">
        <svg role="img" aria-labelledby="months-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" className="speakup-chart">
          <title id="months-chart">{t("dashboard.chart")}</title>
          <GridLines y={y} right={WIDTH - 10} />
          {d.months.map((m) => (
            <g key={m.month}>
              <rect x={x(m.month)} y={y(m.thisYear)} width={x.bandwidth()} height={Math.max(0, HEIGHT - 30 - y(m.thisYear))} fill="#1d70b8" />
              <text x={(x(m.month) ?? 0) + x.bandwidth() / 2} y={HEIGHT - 12} textAnchor="middle" fontSize="12" fill="#0b0c0c">
                {monthName(m.month)}
              </text>
            </g>
          ))}
          <path d={last(d.months) ?? ""} fill="none" stroke="#d4351c" strokeWidth="3" strokeDasharray="6 4" />
          <text x={60} y={14} fontSize="12" fill="#1d70b8">
            {t("dashboard.thisYear", { year: yearLabel(d.year) })}
          </text>
          <text x={260} y={14} fontSize="12" fill="#d4351c">
            {t("dashboard.lastYear", { year: yearLabel(d.year - 1) })}
          </text>
        </svg>
      </figure>
      <div className="speakup-table-wrapper">
        <table className="govuk-table" aria-labelledby="months">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                {t("dashboard.month")}
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                {yearLabel(d.year)}
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                {yearLabel(d.year - 1)}
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {d.months.map((m) => (
              <tr className="govuk-table__row" key={m.month}>
                <th scope="row" className="govuk-table__header">
                  {monthName(m.month)}
                </th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{m.thisYear}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{m.lastYear}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
