import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { CardCell } from "~/components/card-label";
import { ErrorSummary, SelectField, summaryErrors, TextField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { londonDate } from "~/domain/calendar";
import { inboxSorts, statuses } from "~/domain/casework";
import { ragStatus } from "~/domain/stage-clocks";
import { ragTag } from "~/components/rag-tag";
import { can, caseRoleOf } from "~/domain/permissions";
import { columnSort, inboxAssignee, type SortableColumn } from "~/domain/inbox-view";
import { stageKinds } from "~/domain/stages";
import { formatDateTime, formatLongDate } from "~/domain/dates";
import { cleanLine } from "~/domain/form/fields";
import { memoT } from "~/i18n/i18n";
import { processes, representationKinds } from "~/domain/representation";
import { requireStaff } from "~/services/auth.server";
import { currentTeams, teamMembers } from "~/services/case-assignment.server";
import { staffNames, viewerOf } from "~/services/case.server";
import { getDb } from "~/services/db.server";
import { offThread } from "~/services/read-pool.server";
import { COUNT_LIMIT } from "~/services/representations.server";

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
  // A team manager's inbox opens on their own cases; any explicit choice of assignee wins.
  const caseRole = caseRoleOf(staff.roles);
  const { assigneeId, mine } = inboxAssignee(caseRole, staff.id, url.searchParams);
  // The two reads that grow with the cases run in the read pool, side by side (decision 052).
  const listing = offThread(
    db,
    "listRepresentations",
    viewer,
    {
      q: f.q,
      status: f.status,
      kind: f.kind,
      process: f.process,
      stage: f.stage,
      teamId: f.team ? Number(f.team) : undefined,
      assigneeId,
      dueWithin: f.dueWithin !== undefined ? Number(f.dueWithin) : undefined,
      overdue: f.flags?.includes("overdue"),
      youngPerson: f.flags?.includes("young-person"),
      safeguarding: f.flags?.includes("safeguarding"),
      sort: f.sort,
      page: f.page ? Number(f.page) : 1,
    },
    today
  );
  const [list, counts] = await Promise.all([listing, offThread(db, "countsByStatus", viewer)]);
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
    // The assignee the list shows, for the filter form (a team manager's own id by default).
    assignee: assigneeId !== undefined ? String(assigneeId) : "",
    sort: f.sort ?? "due",
    // "My cases" and "All cases" tabs, for those who answer for cases themselves.
    views: caseRole === "team-manager" ? { mine, myId: staff.id } : null,
    flags: url.searchParams.getAll("flags"),
    counts,
    total: list.total,
    // Past COUNT_LIMIT the page says "more than 10,000" rather than count a million rows.
    totalIsMore: list.totalIsMore,
    countLimit: COUNT_LIMIT,
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
      received: formatDateTime(new Date(r.receivedAt), "en"),
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

function inboxHref(filters: Record<string, string>, flags: string[], change: Record<string, string>) {
  const params = new URLSearchParams(Object.entries(filters).filter(([k]) => k !== "page" && k !== "flags" && !(k in change)));
  for (const flag of flags) params.append("flags", flag);
  for (const [k, v] of Object.entries(change)) params.set(k, v);
  return `/staff?${params.toString()}`;
}

// The filter form's fields start from the address: a new address (a tab, a sort link, a page)
// starts the page afresh, so no field keeps a value from the address before.
export default function InboxRoute() {
  const { search } = useLocation();
  return <InboxPage key={search} />;
}

function InboxPage() {
  const d = useLoaderData<typeof loader>();
  const { t: pageT } = useTranslation("casework");
  // 25 rows ask for the same words again and again: each asked of i18next once (decision 055).
  const t = useMemo(() => memoT(pageT), [pageT]);
  const [form, fields] = useForm({
    ...formOptions("inbox-filters", filterSchema, d.lastResult, {
      ...d.filters,
      assignee: d.assignee,
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
  // A heading that sorts: a link the server answers (so it works without JavaScript), with aria-sort.
  const sortable = (column: SortableColumn, label: string) => {
    const { next, ariaSort } = columnSort(column, d.sort);
    return (
      <th scope="col" className="govuk-table__header" aria-sort={ariaSort}>
        <Link className="speakup-sort-link" to={inboxHref(d.filters, d.flags, { sort: next })}>
          {label}
        </Link>
      </th>
    );
  };
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
      {d.views ? (
        <nav className="moj-sub-navigation" aria-label={t("inbox.views.label")}>
          <ul className="moj-sub-navigation__list">
            <li className="moj-sub-navigation__item">
              <Link className="moj-sub-navigation__link" to="/staff" aria-current={d.views.mine ? "page" : undefined}>
                {t("inbox.views.mine")}
              </Link>
            </li>
            <li className="moj-sub-navigation__item">
              <Link className="moj-sub-navigation__link" to="/staff?assignee=" aria-current={!d.views.mine && d.assignee === "" ? "page" : undefined}>
                {t("inbox.views.all")}
              </Link>
            </li>
          </ul>
        </nav>
      ) : null}
      <div className="moj-filter-layout">
        <div className="moj-filter-layout__filter">
          <div className="moj-filter">
            <div className="moj-filter__header">
              <div className="moj-filter__header-title">
                <h2 className="govuk-heading-m">{t("inbox.filters")}</h2>
              </div>
            </div>
            <div className="moj-filter__content">
              <div className="moj-filter__options">
                <h3 className="govuk-heading-s">{t("inbox.countsHeading")}</h3>
                <ul className="govuk-list" data-testid="status-counts">
                  {statuses.map((s) => (
                    <li key={s}>
                      <Link className="govuk-link" to={`/staff?status=${s}`}>
                        {t(`statuses.${s}`)}: {(d.counts[s] ?? 0) > d.countLimit ? t("inbox.moreThan", { limit: d.countLimit.toLocaleString("en-GB") }) : d.counts[s] ?? 0}
                      </Link>
                    </li>
                  ))}
                </ul>
                <Form method="get" action="/staff" {...getFormProps(form)}>
                  <TextField field={fields.q} label={t("inbox.q")} hint={t("inbox.qHint")} spellCheck={false} />
                  <SelectField field={fields.status} label={t("inbox.status")} placeholder={t("inbox.any")} options={statuses.map(option("statuses"))} />
                  <SelectField field={fields.kind} label={t("inbox.kind")} placeholder={t("inbox.any")} options={representationKinds.map(option("kinds"))} />
                  <SelectField field={fields.process} label={t("inbox.process")} placeholder={t("inbox.any")} options={processes.map(option("processes"))} />
                  <SelectField field={fields.stage} label={t("inbox.stage")} placeholder={t("inbox.any")} options={stageKinds.map(option("stages"))} />
                  <SelectField field={fields.team} label={t("inbox.team")} placeholder={t("inbox.any")} options={d.teams} />
                  <SelectField field={fields.assignee} label={t("inbox.assignee")} placeholder={t("inbox.any")} options={d.assignees} />
                  <TextField field={fields.dueWithin} label={t("inbox.dueWithin")} hint={t("inbox.dueWithinHint")} width="4" />
                  <SelectField
                    field={fields.sort}
                    label={t("inbox.sort")}
                    placeholder={t("inbox.sortDefault")}
                    options={inboxSorts.filter((s) => s !== "due").map(option("inbox.sorts"))}
                  />
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
            </div>
          </div>
        </div>
        <div className="moj-filter-layout__content speakup-inbox-list">
          {d.rows.length === 0 ? (
            <p className="govuk-body">{t("inbox.empty")}</p>
          ) : (
            <table className="govuk-table speakup-cards" data-testid="inbox">
              <caption className="govuk-table__caption govuk-table__caption--m">{d.totalIsMore ? t("inbox.captionMore", { limit: d.countLimit.toLocaleString("en-GB") }) : t("inbox.caption", { count: d.total })}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  {sortable("reference", t("inbox.reference"))}
                  <th scope="col" className="govuk-table__header">
                    {t("inbox.who")}
                  </th>
                  {sortable("received", t("inbox.received"))}
                  <th scope="col" className="govuk-table__header">
                    {t("inbox.statusAndStage")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t("inbox.assigned")}
                  </th>
                  {sortable("due", t("inbox.due"))}
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {d.rows.map((row) => (
                  <tr className="govuk-table__row" key={row.reference}>
                    <td className="govuk-table__cell">
                      <Link className="govuk-link speakup-nowrap" to={`/staff/cases/${row.reference}`}>
                        {row.reference}
                      </Link>
                      <br />
                      <span className="govuk-body-s">{t(`kinds.${row.kind}`)}</span>
                      {row.safeguarding === "flagged" ? (
                        <span className="speakup-badges">
                          <strong className="moj-badge moj-badge--red">{t("inbox.safeguardingFlagged")}</strong>
                        </span>
                      ) : null}
                    </td>
                    <CardCell label={t("inbox.who")}>
                      {row.person || t("inbox.anonymous")}
                      {row.child ? (
                        <>
                          <br />
                          {t("inbox.child", { name: row.child })}
                        </>
                      ) : null}
                      {row.youngPerson ? (
                        <span className="speakup-badges">
                          <strong className="moj-badge moj-badge--purple">{t("inbox.youngPerson")}</strong>
                        </span>
                      ) : null}
                    </CardCell>
                    <CardCell label={t("inbox.received")}>
                      {row.received}
                    </CardCell>
                    <CardCell label={t("inbox.statusAndStage")}>
                      <strong className={`moj-badge ${STATUS_BADGE[row.status]}`}>{t(`statuses.${row.status}`)}</strong>
                      {row.stage ? (
                        <>
                          <br />
                          {t(`stages.${row.stage}`, { defaultValue: row.stage })}
                          {row.stageState && row.stageState !== "open" ? ` (${t(`stageStates.${row.stageState}`)})` : null}
                        </>
                      ) : null}
                      {row.onHold ? (
                        <span className="speakup-badges">
                          <strong className="moj-badge moj-badge--grey">{t("inbox.onHold")}</strong>
                        </span>
                      ) : null}
                    </CardCell>
                    <CardCell label={t("inbox.assigned")}>
                      {row.team ?? t("inbox.unassigned")}
                      {row.assignee ? (
                        <>
                          <br />
                          {row.assignee}
                        </>
                      ) : null}
                    </CardCell>
                    <CardCell label={t("inbox.due")}>
                      {row.dueOn ?? t("inbox.noDeadline")}
                      {row.rag === null ? null : (
                        <span className="speakup-badges">
                          {ragTag(t, row.rag)}
                        </span>
                      )}
                    </CardCell>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {d.pageCount > 1 ? (
            <nav className="govuk-pagination" aria-label={t("inbox.pagination")}>
              {d.page > 1 ? (
                <div className="govuk-pagination__prev">
                  <Link className="govuk-link govuk-pagination__link" to={inboxHref(d.filters, d.flags, { page: String(d.page - 1) })} rel="prev">
                    <span className="govuk-pagination__link-title">{t("inbox.previous")}</span>
                  </Link>
                </div>
              ) : null}
              <p className="govuk-body govuk-!-margin-bottom-0">{d.totalIsMore ? t("inbox.pageOfMore", { page: d.page, pages: d.pageCount }) : t("inbox.pageOf", { page: d.page, count: d.pageCount })}</p>
              {d.page < d.pageCount ? (
                <div className="govuk-pagination__next">
                  <Link className="govuk-link govuk-pagination__link" to={inboxHref(d.filters, d.flags, { page: String(d.page + 1) })} rel="next">
                    <span className="govuk-pagination__link-title">{t("inbox.next")}</span>
                  </Link>
                </div>
              ) : null}
            </nav>
          ) : null}
        </div>
      </div>
    </>
  );
}

/** A status's badge: the word always shows; the colour only repeats it. */
const STATUS_BADGE: Record<(typeof statuses)[number], string> = {
  new: "moj-badge--blue",
  triaged: "moj-badge--purple",
  open: "moj-badge--green",
  closed: "moj-badge--grey",
  refused: "moj-badge--black",
};
