import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { CardCell } from "~/components/card-label";
import { ErrorSummary, SelectField, summaryErrors } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { ragTag } from "~/components/rag-tag";
import { londonDate } from "~/domain/calendar";
import { memoT } from "~/i18n/i18n";
import { formatLongDate } from "~/domain/dates";
import { dashboardGroups, deadlineDashboard, deadlineHorizon } from "~/domain/deadlines";
import { stageKinds } from "~/domain/stages";
import { requireStaff } from "~/services/auth.server";
import { currentTeams } from "~/services/case-assignment.server";
import { staffNames, viewerOf } from "~/services/case.server";
import { getDb } from "~/services/db.server";
import { overdueLearningActions } from "~/services/learning.server";
import { offThread } from "~/services/read-pool.server";
import { waitingRequests } from "~/services/online-requests.server";
import { can } from "~/domain/permissions";

// A GET form, as the inbox's filters: works without JavaScript and can be bookmarked.
const filterSchema = z.object({
  stage: z.optional(z.enum(stageKinds, { error: "casework:errors.invalidChoice" })),
  team: z.optional(z.string().check(z.regex(/^\d{1,9}$/, "casework:errors.invalidChoice"))),
});

/** Rows shown in each group; the count says how many there are in all. */
// The most urgent of each group: at national scale a group holds thousands, and 100 rows a
// group made a 360 KB page that took 130 ms to render (the inbox pages through the rest).
const DASHBOARD_GROUP_ROWS = 25;

export const handle: RouteHandle = { title: (t) => t("staff:deadlines.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const staff = await requireStaff(db, request, "cases.view");
  const url = new URL(request.url);
  const submission = parseWithZod(url.searchParams, { schema: filterSchema });
  // Bad filters are shown as errors and ignored; the page still lists what it can.
  const f = submission.status === "success" ? submission.value : {};
  const today = londonDate(new Date());
  // The inbox's own scope: a team manager sees their teams' cases, an investigator their Stage 2.
  // In the read pool: it grows with the number of running cases (decision 052).
  const rows = await offThread(db, "runningDeadlines", viewerOf(db, staff), deadlineHorizon(today), { stage: f.stage, teamId: f.team ? Number(f.team) : undefined });
  const board = deadlineDashboard(rows, today);
  const teams = currentTeams(db);
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const names = staffNames(db, dashboardGroups.flatMap((key) => board[key].slice(0, DASHBOARD_GROUP_ROWS).map(({ item }) => item.holderId)));
  // Learning actions past their due day (decision record 029), as the register scopes them.
  const learning = can(staff.roles, "learning.manage")
    ? overdueLearningActions(db, staff)
        .filter((a) => !f.team || teams.find((t) => String(t.id) === f.team)?.name === a.team)
        .map((a) => ({ id: a.id, reference: a.reference, team: a.team, owner: a.owner, dueOn: formatLongDate(a.dueOn, "en") }))
    : null;
  // What people did online that waits for staff (decision record 042), on the cases this person may see.
  const online = waitingRequests(db, viewerOf(db, staff), { teamId: f.team ? Number(f.team) : undefined }).map((w) => ({
    entryId: w.entryId,
    reference: w.reference,
    kind: w.kind,
    since: formatLongDate(londonDate(w.since), "en"),
  }));
  return {
    online,
    learning,
    lastResult: submission.status === "success" ? null : submission.reply(),
    filters: Object.fromEntries(url.searchParams.entries()),
    teams: teams.map((t) => ({ value: String(t.id), label: t.name })),
    groups: dashboardGroups.map((key) => ({
      key,
      count: board[key].length,
      // The most urgent first; beyond them the page would only grow (thousands at national scale).
      rows: board[key].slice(0, DASHBOARD_GROUP_ROWS).map(({ item, rag }) => ({
        reference: item.reference,
        stage: item.stageKind,
        team: item.teamId ? teamName.get(item.teamId) ?? null : null,
        holder: item.holderId ? names.get(item.holderId) ?? null : null,
        dueOn: formatLongDate(item.nextDueOn, "en"),
        rag,
      })),
    })),
  };
}

export default function DeadlinesPage() {
  const d = useLoaderData<typeof loader>();
  const { t: pageT } = useTranslation("staff");
  const { t: caseworkT } = useTranslation("casework");
  // A hundred rows ask for the same words again and again: each asked of i18next once (decision 055).
  const t = useMemo(() => memoT(pageT), [pageT]);
  const rowT = useMemo(() => memoT(caseworkT), [caseworkT]);
  const [form, fields] = useForm({ ...formOptions("deadline-filters", filterSchema, d.lastResult, d.filters), shouldValidate: "onSubmit" as const });
  return (
    <>
      <ErrorSummary errors={summaryErrors([{ field: fields.stage }, { field: fields.team }])} />
      <h1 className="govuk-heading-l">{t("deadlines.title")}</h1>
      <p className="govuk-body">{t("deadlines.intro")}</p>
      <Form method="get" action="/staff/deadlines" {...getFormProps(form)}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <SelectField
              field={fields.stage}
              label={t("deadlines.stage")}
              placeholder={t("deadlines.any")}
              options={stageKinds.map((value) => ({ value, label: t(`casework:stages.${value}`) }))}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <SelectField field={fields.team} label={t("deadlines.team")} placeholder={t("deadlines.any")} options={d.teams} />
          </div>
        </div>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            {t("deadlines.apply")}
          </button>
          <Link className="govuk-link" to="/staff/deadlines">
            {t("deadlines.clear")}
          </Link>
        </div>
      </Form>
      {d.groups.map((group) => (
        <section key={group.key} aria-labelledby={`group-${group.key}`} data-testid={`deadlines-${group.key}`}>
          <h2 className="govuk-heading-m" id={`group-${group.key}`}>
            {t(`deadlines.groups.${group.key}`)}{" "}
            <span className="govuk-caption-m">{t("deadlines.count", { count: group.count })}</span>
          </h2>
          {group.rows.length === 0 ? (
            <p className="govuk-body">{t("deadlines.none")}</p>
          ) : (
            <div className="speakup-card-list">
              <table className="govuk-table speakup-cards" aria-labelledby={`group-${group.key}`}>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">
                      {t("deadlines.reference")}
                    </th>
                    <th scope="col" className="govuk-table__header">
                      {t("deadlines.stageColumn")}
                    </th>
                    <th scope="col" className="govuk-table__header">
                      {t("deadlines.teamColumn")}
                    </th>
                    <th scope="col" className="govuk-table__header">
                      {t("deadlines.holder")}
                    </th>
                    <th scope="col" className="govuk-table__header">
                      {t(group.key === "statementsNotAgreed" ? "deadlines.statementDue" : "deadlines.due")}
                    </th>
                    <th scope="col" className="govuk-table__header">
                      {t("deadlines.status")}
                    </th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {group.rows.map((row) => (
                    <tr className="govuk-table__row" key={row.reference}>
                      <td className="govuk-table__cell">
                        <Link className="govuk-link" to={`/staff/cases/${row.reference}`}>
                          {row.reference}
                        </Link>
                      </td>
                      <CardCell label={t("deadlines.stageColumn")}>
                        {t(`casework:stages.${row.stage}`)}
                      </CardCell>
                      <CardCell label={t("deadlines.teamColumn")}>
                        {row.team ?? t("deadlines.unassigned")}
                      </CardCell>
                      <CardCell label={t("deadlines.holder")}>
                        {row.holder ?? t("deadlines.nobody")}
                      </CardCell>
                      <CardCell label={t(group.key === "statementsNotAgreed" ? "deadlines.statementDue" : "deadlines.due")}>
                        {row.dueOn}
                      </CardCell>
                      <CardCell label={t("deadlines.status")}>
                        {ragTag(rowT, row.rag)}
                      </CardCell>
                    </tr>
                  ))}
                </tbody>
              </table>
              {group.count > group.rows.length ? <p className="govuk-body">{t("deadlines.firstOnly", { shown: group.rows.length, count: group.count })}</p> : null}
            </div>
          )}
        </section>
      ))}
      <section aria-labelledby="group-online" data-testid="deadlines-online">
        <h2 className="govuk-heading-m" id="group-online">
          {t("deadlines.online")} <span className="govuk-caption-m">{t("deadlines.count", { count: d.online.length })}</span>
        </h2>
        <p className="govuk-body">{t("deadlines.onlineIntro")}</p>
        {d.online.length === 0 ? (
          <p className="govuk-body">{t("deadlines.none")}</p>
        ) : (
          <ul className="govuk-list">
            {d.online.map((w) => (
              <li key={w.entryId}>
                <Link className="govuk-link" to={`/staff/cases/${w.reference}`}>
                  {t("deadlines.onlineLine", { reference: w.reference, what: t(`reminders.online.${w.kind}`), date: w.since })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      {d.learning ? (
        <section aria-labelledby="group-learning" data-testid="deadlines-learning">
          <h2 className="govuk-heading-m" id="group-learning">
            {t("deadlines.learning")} <span className="govuk-caption-m">{t("deadlines.count", { count: d.learning.length })}</span>
          </h2>
          {d.learning.length === 0 ? (
            <p className="govuk-body">{t("deadlines.none")}</p>
          ) : (
            <ul className="govuk-list">
              {d.learning.map((a) => (
                <li key={a.id}>
                  <Link className="govuk-link" to={`/staff/learning/${a.id}`}>
                    {t("deadlines.learningLine", { reference: a.reference, team: a.team, owner: a.owner, date: a.dueOn })}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </>
  );
}
