import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, summaryErrors, TextField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { StaffAccountFields } from "~/components/staff-account-fields";
import { inviteSchema, totpRequiredOf } from "~/domain/staff-forms";
import { inviteStaff } from "~/services/accounts.server";
import { requireStaff } from "~/services/auth.server";
import { config } from "~/services/config.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { listTeams } from "~/services/teams.server";

export const handle: RouteHandle = { title: (t) => t("staff:users.inviteTitle") };

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  await requireStaff(db, request, "admin.users");
  return { teams: listTeams(db).filter((team) => !team.retiredAt).map((team) => ({ id: team.id, name: team.name, retired: false })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const db = getDb();
  const admin = await requireStaff(db, request, "admin.users");
  const submission = parseWithZod(await readForm(request), { schema: inviteSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  const result = inviteStaff(db, {
    actorId: admin.id,
    email: v.email,
    name: v.name,
    roles: v.roles,
    teamIds: (v.teams ?? []).map(Number),
    totpRequired: totpRequiredOf(v.totp),
    publicUrl: config().publicUrl,
  });
  if (result.outcome === "exists") return data(submission.reply({ fieldErrors: { email: ["staff:errors.staffEmail.taken"] } }), { status: 400 });
  return redirect("/staff/admin/users?done=invited");
}

export default function InvitePage() {
  const { teams } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const [form, fields] = useForm(formOptions("invite", inviteSchema, lastResult, { totp: "default" }));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/staff/admin/users" className="govuk-back-link">
          {t("users.back")}
        </Link>
        <ErrorSummary errors={summaryErrors([{ field: fields.name }, { field: fields.email }, { field: fields.roles }, { field: fields.teams }, { field: fields.totp }])} />
        <h1 className="govuk-heading-l">{t("users.inviteTitle")}</h1>
        <p className="govuk-body">{t("users.inviteIntro")}</p>
        <Form method="post" {...getFormProps(form)}>
          <StaffAccountFields
            fields={fields}
            teams={teams}
            afterName={<TextField field={fields.email} type="email" label={t("users.email")} autoComplete="off" spellCheck={false} />}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("users.sendInvitation")}
          </button>
        </Form>
      </div>
    </div>
  );
}
