import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, summaryErrors, TextField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import { SuccessBanner } from "~/components/notification-banner";
import type { RouteHandle } from "~/components/page-title";
import { teamSchema } from "~/domain/staff-forms";
import { requireStaff } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { addTeam, listTeams } from "~/services/teams.server";

export const handle: RouteHandle = { title: (t) => t("staff:teams.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  await requireStaff(db, request, "admin.settings");
  return { teams: listTeams(db).map((team) => ({ id: team.id, name: team.name, email: team.email, retired: Boolean(team.retiredAt) })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const db = getDb();
  const admin = await requireStaff(db, request, "admin.settings");
  const submission = parseWithZod(await readForm(request), { schema: teamSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = addTeam(db, { actorId: admin.id, name: submission.value.name, email: submission.value.email });
  if (result.outcome === "taken") return data(submission.reply({ fieldErrors: { name: ["staff:errors.teamName.taken"] } }), { status: 400 });
  return redirect("/staff/admin/teams?done=added");
}

export default function TeamsPage() {
  const { teams } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm(formOptions("add-team", teamSchema, lastResult));
  return (
    <>
      {searchParams.get("done") === "added" ? <SuccessBanner>{t("teams.added")}</SuccessBanner> : null}
      <ErrorSummary errors={summaryErrors([{ field: fields.name }, { field: fields.email }])} />
      <h1 className="govuk-heading-l">{t("teams.title")}</h1>
      <p className="govuk-body">{t("teams.intro")}</p>
      <div className="speakup-table-wrapper">
        <table className="govuk-table" data-testid="teams">
          <caption className="govuk-table__caption govuk-table__caption--m">{t("teams.caption", { count: teams.length })}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("teams.name")}</th>
              <th scope="col" className="govuk-table__header">{t("teams.email")}</th>
              <th scope="col" className="govuk-table__header">{t("teams.status")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {teams.map((team) => (
              <tr className="govuk-table__row" key={team.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/staff/admin/teams/${team.id}`}>
                    {team.name}
                  </Link>
                </td>
                <td className="govuk-table__cell">{team.email ?? t("account.noTeams")}</td>
                <td className="govuk-table__cell">{team.retired ? <strong className="govuk-tag govuk-tag--grey">{t("teams.retired")}</strong> : t("teams.current")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">{t("teams.addHeading")}</h2>
          <Form method="post" {...getFormProps(form)}>
            <TextField field={fields.name} label={t("teams.name")} />
            <TextField field={fields.email} type="email" label={t("teams.emailOptional")} hint={t("teams.emailHint")} spellCheck={false} />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              {t("teams.add")}
            </button>
          </Form>
        </div>
      </div>
    </>
  );
}
