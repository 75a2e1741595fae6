import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { CardCell } from "~/components/card-label";
import { ErrorSummary, SelectField, summaryErrors } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import { LearningTag } from "~/components/learning-tag";
import type { RouteHandle } from "~/components/page-title";
import { formatLongDate } from "~/domain/dates";
import { learningStates } from "~/domain/learning";
import { requireStaff } from "~/services/auth.server";
import { currentTeams } from "~/services/case-assignment.server";
import { getDb } from "~/services/db.server";
import { listLearningActions } from "~/services/learning.server";

// A GET form, as the inbox's filters: works without JavaScript and can be bookmarked.
const filterSchema = z.object({
  team: z.optional(z.string().check(z.regex(/^\d{1,9}$/, "casework:errors.invalidChoice"))),
  status: z.optional(z.enum(learningStates, { error: "casework:errors.invalidChoice" })),
  due: z.optional(z.enum(["overdue", "soon"], { error: "casework:errors.invalidChoice" })),
});

export const handle: RouteHandle = { title: (t) => t("staff:learning.title") };

/** The learning register (decision record 029): every action this person may see, soonest due first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const staff = await requireStaff(db, request, "learning.manage");
  const url = new URL(request.url);
  const submission = parseWithZod(url.searchParams, { schema: filterSchema });
  // Bad filters are shown as errors and ignored; the page still lists what it can.
  const f = submission.status === "success" ? submission.value : {};
  const rows = listLearningActions(db, staff, { teamId: f.team ? Number(f.team) : undefined, state: f.status, due: f.due });
  return {
    lastResult: submission.status === "success" ? null : submission.reply(),
    filters: Object.fromEntries(url.searchParams.entries()),
    teams: currentTeams(db).map((t) => ({ value: String(t.id), label: t.name })),
    rows: rows.map((r) => ({ id: r.id, reference: r.reference, change: r.change, team: r.team, owner: r.owner, dueOn: formatLongDate(r.dueOn, "en"), state: r.state, overdue: r.overdue })),
  };
}

export default function LearningRegisterPage() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  const [form, fields] = useForm({ ...formOptions("learning-filters", filterSchema, d.lastResult, d.filters), shouldValidate: "onSubmit" as const });
  return (
    <>
      <ErrorSummary errors={summaryErrors([{ field: fields.team }, { field: fields.status }, { field: fields.due }])} />
      <h1 className="govuk-heading-l">{t("learning.title")}</h1>
      <p className="govuk-body">{t("learning.intro")}</p>
      <Form method="get" action="/staff/learning" {...getFormProps(form)}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <SelectField field={fields.team} label={t("learning.team")} placeholder={t("deadlines.any")} options={d.teams} />
          </div>
          <div className="govuk-grid-column-one-third">
            <SelectField field={fields.status} label={t("learning.status")} placeholder={t("deadlines.any")} options={learningStates.map((value) => ({ value, label: t(`learning.states.${value}`) }))} />
          </div>
          <div className="govuk-grid-column-one-third">
            <SelectField field={fields.due} label={t("learning.due")} placeholder={t("deadlines.any")} options={(["overdue", "soon"] as const).map((value) => ({ value, label: t(`learning.dueOptions.${value}`) }))} />
          </div>
        </div>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            {t("deadlines.apply")}
          </button>
          <Link className="govuk-link" to="/staff/learning">
            {t("deadlines.clear")}
          </Link>
        </div>
      </Form>
      {d.rows.length === 0 ? (
        <p className="govuk-body">{t("learning.none")}</p>
      ) : (
        <div className="speakup-card-list">
          <table className="govuk-table speakup-cards" data-testid="learning-register">
            <caption className="govuk-table__caption govuk-table__caption--m">{t("learning.count", { count: d.rows.length })}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {(["change", "reference", "teamColumn", "owner", "dueColumn", "statusColumn"] as const).map((k) => (
                  <th key={k} scope="col" className="govuk-table__header">
                    {t(`learning.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {d.rows.map((row) => (
                <tr className="govuk-table__row" key={row.id}>
                  <td className="govuk-table__cell speakup-preserve-lines">
                    <Link className="govuk-link" to={`/staff/learning/${row.id}`}>
                      {row.change}
                    </Link>
                  </td>
                  <CardCell label={t("learning.reference")}>
                    <Link className="govuk-link" to={`/staff/cases/${row.reference}`}>
                      {row.reference}
                    </Link>
                  </CardCell>
                  <CardCell label={t("learning.teamColumn")}>
                    {row.team}
                  </CardCell>
                  <CardCell label={t("learning.owner")}>
                    {row.owner}
                  </CardCell>
                  <CardCell label={t("learning.dueColumn")}>
                    {row.dueOn}
                  </CardCell>
                  <CardCell label={t("learning.statusColumn")}>
                    <LearningTag state={row.state} overdue={row.overdue} />
                  </CardCell>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
