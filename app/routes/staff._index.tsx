import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { ErrorSummary, SelectField, summaryErrors, TextField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { londonDate } from "~/domain/calendar";
import { inboxSorts, statuses } from "~/domain/casework";
import { ragStatus } from "~/domain/stage-clocks";
import { RagTag } from "~/components/rag-tag";
import { can } from "~/domain/permissions";
import { stageKinds } from "~/domain/stages";
import { formatDateTime, formatLongDate } from "~/domain/dates";
import { cleanLine } from "~/domain/form/fields";
import { processes, representationKinds } from "~/domain/representation";
import { requireStaff } from "~/services/auth.server";
import { currentTeams, teamMembers } from "~/services/case-assignment.server";
import { staffNames, viewerOf } from "~/services/case.server";
import { getDb } from "~/services/db.server";
import { countsByStatus, listRepresentations } from "~/services/representations.server";

// The filters are a GET form, so they work without JavaScript and a filtered inbox can be bookmarked.
const id = z.optional(z.string().check(z.regex(/^\d{1,9}$/, "casework:errors.invalidChoice")));
const filterSchema = z.object({
  q: z.optional(z.string().check(z.overwrite(cleanLine), z.maxLength(200, "casework:errors.q.tooLong"))),
  status: z.optional(z.enum(statuses, { error: "casework:errors.invalidChoice" })),
  kind: z.optional(z.enum(representationKinds, { error: "casework:errors.invalidChoice" })),
  process: z.optional(z.enum(processes, { error: "casework:errors.invalidChoice" })),
  stage: z.optional(z.enum(stageKinds, { error: "casework:errors.invalidChoice" })),
  team: id,
  assignee: id,
  dueWithin: z.optional(z.string().check(z.overwrite(cleanLine), z.regex(/^\d{1,3}$/, "casework:errors.dueWithin.invalid"))),
  flags: z.optional(
    z.array(
      z.enum(["overdue", "young-person", "safeguarding"], {
        error: "casework:errors.invalidChoice",
      })
    )
  ),
  sort: z.optional(z.enum(inboxSorts, { error: "casework:errors.invalidChoice" })),
  page: z.optional(z.string().check(z.regex(/^\d{1,6}$/, "casework:errors.invalidChoice"))),
});

export const handle: RouteHandle = { title: (t) => t("casework:inbox.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const staff = await requireStaff(db, request, "cases.view");
  const url = new URL(request.url);
  const submission = parseWithZod(url.searchParams, { schema: filterSchema });
  // Bad filters are shown as errors and ignored; the inbox still lists what it can.
  const f = submission.status === "success" ? submission.value : {};
  const viewer = viewerOf(db, staff);
  const today = londonDate(new Date());
  const list = listRepresentations(
    db,
    viewer,
    {
      q: f.q,
      status: f.status,
      kind: f.kind,
      process: f.process,
      stage: f.stage,
      teamId: f.team ? Number(f.team) : undefined,
      assigneeId: f.assignee ? Number(f.assignee) : undefined,
      dueWithin: f.dueWithin !== undefined ? Number(f.dueWithin) : undefined,
      overdue: f.flags?.includes("overdue"),
      youngPerson: f.flags?.includes("young-person"),
      safeguarding: f.flags?.includes("safeguarding"),
      sort: f.sort,
      page: f.page ? Number(f.page) : 1,
    },
    today
  );
  const teams = currentTeams(db);
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const names = staffNames(
    db,
    list.rows.flatMap((r) => [r.handlerId, r.respondingManagerId])
  );
  const assignees = [...new Map(teamMembers(db).map((m) => [m.id, m.name])).entries()].map(([value, label]) => ({ value: String(value), label }));
  return {
    lastResult: submission.status === "success" ? null : submission.reply(),
    // Offered only to those whose permissions open it (a team manager would get "Page not found").
    mayLog: can(staff.roles, "cases.create"),
    filters: Object.fromEntries(url.searchParams.entries()),
    flags: url.searchParams.getAll("flags"),
    counts: countsByStatus(db, viewer),
    total: list.total,
    page: list.page,
    pageCount: list.pageCount,
    teams: teams.map((t) => ({ value: String(t.id), label: t.name })),
    assignees,
    rows: list.rows.map((r) => ({
      reference: r.reference,
      kind: r.kind,
      status: r.status,
      stage: r.stageKind,
      stageState: r.stageState,
      onHold: r.onHold ?? false,
      person: r.personName,
      child: r.childName && r.childName !== r.personName ? r.childName : null,
      youngPerson: r.personRelationship === "young-person",
      received: formatDateTime(r.receivedAt, "en"),
      team: r.teamId ? teamName.get(r.teamId) ?? null : null,
      // Who holds it: the stage's handler, or the responding manager the case is assigned to.
      assignee: names.get(r.handlerId ?? r.respondingManagerId ?? 0) ?? null,
      // The current stage's next deadline (null once the stage has ended), with its RAG words.
      dueOn: r.dueOn ? formatLongDate(r.dueOn, "en") : null,
      rag: r.dueOn ? ragStatus(today, r.dueOn) : null,
      safeguarding: r.safeguarding,
    })),
  };
}

function pageHref(filters: Record<string, string>, flags: string[], page: number) {
  const params = new URLSearchParams(Object.entries(filters).filter(([k]) => k !== "page" && k !== "flags"));
  for (const flag of flags) params.append("flags", flag);
  params.set("page", String(page));
  return `/staff?${params.toString()}`;
}

export default function InboxPage() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("casework");
  const [form, fields] = useForm({
    ...formOptions("inbox-filters", filterSchema, d.lastResult, {
      ...d.filters,
      flags: d.flags,
    }),
    // A GET form: the browser checks, then lets it go to the server like any link.
    shouldValidate: "onSubmit" as const,
  });
  const option = (prefix: string) => (value: string) => ({
    value,
    label: t(`${prefix}.${value}`),
  });
  const checked = new Set(d.flags);
  return (
    <>
      <ErrorSummary
        errors={summaryErrors([
          { field: fields.q },
          { field: fields.status },
          { field: fields.kind },
          { field: fields.process },
          { field: fields.stage },
          { field: fields.team },
          { field: fields.assignee },
          { field: fields.dueWithin },
          { field: fields.flags },
          { field: fields.sort },
        ])}
      />
      <h1 className="govuk-heading-l">{t("inbox.title")}</h1>
      {d.mayLog ? (
        <p className="govuk-body">
          <Link className="govuk-link" to="/staff/log">
            {t("inbox.logLink")}
          </Link>
        </p>
      ) : null}
      <h2 className="govuk-heading-s">{t("inbox.countsHeading")}</h2>
      <ul className="govuk-list" data-testid="status-counts">
        {statuses.map((s) => (
          <li key={s}>
            <Link className="govuk-link" to={`/staff?status=${s}`}>
              {t(`statuses.${s}`)}: {d.counts[s] ?? 0}
            </Link>
          </li>
        ))}
      </ul>
      <details className="govuk-details" open={Object.keys(d.filters).some((k) => k !== "page" && k !== "sort")}>
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">{t("inbox.filters")}</span>
        </summary>
        <div className="govuk-details__text">
          <Form method="get" action="/staff" {...getFormProps(form)}>
            <TextField field={fields.q} label={t("inbox.q")} hint={t("inbox.qHint")} width="20" spellCheck={false} />
            <div className="govuk-grid-row">
              <div className="govuk-grid-column-one-half">
                <SelectField field={fields.status} label={t("inbox.status")} placeholder={t("inbox.any")} options={statuses.map(option("statuses"))} />
                <SelectField field={fields.kind} label={t("inbox.kind")} placeholder={t("inbox.any")} options={representationKinds.map(option("kinds"))} />
                <SelectField field={fields.process} label={t("inbox.process")} placeholder={t("inbox.any")} options={processes.map(option("processes"))} />
                <SelectField field={fields.stage} label={t("inbox.stage")} placeholder={t("inbox.any")} options={stageKinds.map(option("stages"))} />
              </div>
              <div className="govuk-grid-column-one-half">
                <SelectField field={fields.team} label={t("inbox.team")} placeholder={t("inbox.any")} options={d.teams} />
                <SelectField field={fields.assignee} label={t("inbox.assignee")} placeholder={t("inbox.any")} options={d.assignees} />
                <TextField field={fields.dueWithin} label={t("inbox.dueWithin")} hint={t("inbox.dueWithinHint")} width="4" />
                <SelectField
                  field={fields.sort}
                  label={t("inbox.sort")}
                  placeholder={t("inbox.sortDefault")}
                  options={inboxSorts.filter((s) => s !== "due").map(option("inbox.sorts"))}
                />
              </div>
            </div>
            <div className="govuk-form-group">
              <fieldset className="govuk-fieldset">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t("inbox.only")}</legend>
                <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                  {(["overdue", "young-person", "safeguarding"] as const).map((flag, index) => (
                    <div className="govuk-checkboxes__item" key={flag}>
                      <input
                        className="govuk-checkboxes__input"
                        id={index === 0 ? "flags" : `flags-${flag}`}
                        name="flags"
                        type="checkbox"
                        value={flag}
                        defaultChecked={checked.has(flag)}
                      />
                      <label className="govuk-label govuk-checkboxes__label" htmlFor={index === 0 ? "flags" : `flags-${flag}`}>
                        {t(`inbox.flags.${flag}`)}
                      </label>
                    </div>
                  ))}
                </div>
              </fieldset>
            </div>
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button" data-module="govuk-button">
                {t("inbox.apply")}
              </button>
              <Link className="govuk-link" to="/staff">
                {t("inbox.clear")}
              </Link>
            </div>
          </Form>
        </div>
      </details>
      {d.rows.length === 0 ? (
        <p className="govuk-body">{t("inbox.empty")}</p>
      ) : (
        <div className="speakup-table-wrapper">
          <table className="govuk-table" data-testid="inbox">
            <caption className="govuk-table__caption govuk-table__caption--m">{t("inbox.caption", { count: d.total })}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  {t("inbox.reference")}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t("inbox.who")}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t("inbox.received")}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t("inbox.statusAndStage")}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t("inbox.assigned")}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t("inbox.due")}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t("inbox.daysLeft")}
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {d.rows.map((row) => (
                <tr className="govuk-table__row" key={row.reference}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/staff/cases/${row.reference}`}>
                      {row.reference}
                    </Link>
                    <br />
                    {t(`kinds.${row.kind}`)}
                    {row.safeguarding === "flagged" ? (
                      <>
                        <br />
                        <strong className="govuk-tag govuk-tag--red">{t("inbox.safeguardingFlagged")}</strong>
                      </>
                    ) : null}
                  </td>
                  <td className="govuk-table__cell">
                    {row.person || t("inbox.anonymous")}
                    {row.child ? (
                      <>
                        <br />
                        {t("inbox.child", { name: row.child })}
                      </>
                    ) : null}
                    {row.youngPerson ? (
                      <>
                        <br />
                        <strong className="govuk-tag govuk-tag--purple">{t("inbox.youngPerson")}</strong>
                      </>
                    ) : null}
                  </td>
                  <td className="govuk-table__cell">{row.received}</td>
                  <td className="govuk-table__cell">
                    {t(`statuses.${row.status}`)}
                    {row.stage ? (
                      <>
                        <br />
                        {t(`stages.${row.stage}`, { defaultValue: row.stage })}
                        {row.stageState && row.stageState !== "open" ? ` (${t(`stageStates.${row.stageState}`)})` : null}
                      </>
                    ) : null}
                    {row.onHold ? (
                      <>
                        <br />
                        <strong className="govuk-tag govuk-tag--grey">{t("inbox.onHold")}</strong>
                      </>
                    ) : null}
                  </td>
                  <td className="govuk-table__cell">
                    {row.team ?? t("inbox.unassigned")}
                    {row.assignee ? (
                      <>
                        <br />
                        {row.assignee}
                      </>
                    ) : null}
                  </td>
                  <td className="govuk-table__cell">{row.dueOn ?? t("inbox.noDeadline")}</td>
                  <td className="govuk-table__cell">{row.rag === null ? t("inbox.noDeadline") : <RagTag rag={row.rag} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {d.pageCount > 1 ? (
        <nav className="govuk-pagination" aria-label={t("inbox.pagination")}>
          {d.page > 1 ? (
            <div className="govuk-pagination__prev">
              <Link className="govuk-link govuk-pagination__link" to={pageHref(d.filters, d.flags, d.page - 1)} rel="prev">
                <span className="govuk-pagination__link-title">{t("inbox.previous")}</span>
              </Link>
            </div>
          ) : null}
          <p className="govuk-body govuk-!-margin-bottom-0">{t("inbox.pageOf", { page: d.page, count: d.pageCount })}</p>
          {d.page < d.pageCount ? (
            <div className="govuk-pagination__next">
              <Link className="govuk-link govuk-pagination__link" to={pageHref(d.filters, d.flags, d.page + 1)} rel="next">
                <span className="govuk-pagination__link-title">{t("inbox.next")}</span>
              </Link>
            </div>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
