import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, summaryErrors, TextField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import { SuccessBanner } from "~/components/notification-banner";
import type { RouteHandle } from "~/components/page-title";
import { easyEnough } from "~/domain/readability";
import { teamSchema } from "~/domain/staff-forms";
import { notFound, requireStaff } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { findTeam, setTeamRetired, updateTeam } from "~/services/teams.server";

export const handle: RouteHandle = { title: (t, d) => t("staff:teams.editTitle", { name: (d as { team?: { name: string } } | undefined)?.team?.name ?? "" }) };

function teamFrom(params: { id?: string }) {
  const id = Number(params.id);
  const team = Number.isSafeInteger(id) && id > 0 ? findTeam(getDb(), id) : null;
  if (!team) throw notFound();
  return team;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(getDb(), request, "admin.settings");
  const team = teamFrom(params);
  return { team: { id: team.id, name: team.name, email: team.email, easyReadName: team.easyReadName, retired: Boolean(team.retiredAt) } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const admin = await requireStaff(db, request, "admin.settings");
  const team = teamFrom(params);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "retire" || intent === "restore") {
    setTeamRetired(db, { actorId: admin.id, id: team.id, retired: intent === "retire" });
    return redirect(`/staff/admin/teams/${team.id}?done=${intent}`);
  }
  const submission = parseWithZod(form, { schema: teamSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { name, email, easyReadName } = submission.value;
  if (easyReadName && !easyEnough(easyReadName)) {
    return data(submission.reply({ fieldErrors: { easyReadName: ["staff:errors.teamEasyReadName.hard"] } }), { status: 400 });
  }
  const result = updateTeam(db, { actorId: admin.id, id: team.id, name, email, easyReadName: easyReadName ?? null });
  if (result === "taken") return data(submission.reply({ fieldErrors: { name: ["staff:errors.teamName.taken"] } }), { status: 400 });
  return redirect(`/staff/admin/teams/${team.id}?done=saved`);
}

export default function EditTeamPage() {
  const { team } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done");
  const [form, fields] = useForm(formOptions("edit-team", teamSchema, lastResult, { name: team.name, email: team.email ?? undefined, easyReadName: team.easyReadName ?? undefined }));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/staff/admin/teams" className="govuk-back-link">
          {t("teams.back")}
        </Link>
        {done === "saved" || done === "retire" || done === "restore" ? <SuccessBanner>{t(`teams.done.${done}`)}</SuccessBanner> : null}
        <ErrorSummary errors={summaryErrors([{ field: fields.name }, { field: fields.email }, { field: fields.easyReadName }])} />
        <h1 className="govuk-heading-l">{team.name}</h1>
        {team.retired ? <p className="govuk-body"><strong className="govuk-tag govuk-tag--grey">{t("teams.retired")}</strong></p> : null}
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="save" />
          <TextField field={fields.name} label={t("teams.name")} hint={t("teams.renameHint")} />
          <TextField field={fields.email} type="email" label={t("teams.emailOptional")} hint={t("teams.emailHint")} spellCheck={false} />
          <TextField field={fields.easyReadName} label={t("teams.easyReadName")} hint={t("teams.easyReadNameHint")} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("users.save")}
          </button>
        </Form>
        <h2 className="govuk-heading-m">{team.retired ? t("teams.restoreHeading") : t("teams.retireHeading")}</h2>
        <p className="govuk-body">{team.retired ? t("teams.restoreHint") : t("teams.retireHint")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value={team.retired ? "restore" : "retire"} />
          <button type="submit" className={team.retired ? "govuk-button govuk-button--secondary" : "govuk-button govuk-button--warning"} data-module="govuk-button">
            {team.retired ? t("teams.restore") : t("teams.retire")}
          </button>
        </Form>
      </div>
    </div>
  );
}
