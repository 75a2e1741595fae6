import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, summaryErrors } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import { SuccessBanner } from "~/components/notification-banner";
import type { RouteHandle } from "~/components/page-title";
import { StaffAccountFields } from "~/components/staff-account-fields";
import { editStaffSchema, totpChoiceOf, totpRequiredOf } from "~/domain/staff-forms";
import { accountSummary, resendInvitation, setDisabled, updateStaff } from "~/services/accounts.server";
import { notFound, requireStaff } from "~/services/auth.server";
import { config } from "~/services/config.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { signOutEverywhere } from "~/services/sign-in.server";
import { listTeams } from "~/services/teams.server";
import { removeTotp, totpRequired } from "~/services/totp.server";

export const handle: RouteHandle = { title: (t, d) => t("staff:users.editTitle", { name: (d as { account?: { name: string } } | undefined)?.account?.name ?? "" }) };

function idFrom(params: { id?: string }): number {
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound();
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  await requireStaff(db, request, "admin.users");
  const account = accountSummary(db, idFrom(params));
  if (!account) throw notFound();
  const memberOf = new Set(account.teams.map((team) => team.id));
  const teams = listTeams(db)
    .filter((team) => !team.retiredAt || memberOf.has(team.id))
    .map((team) => ({ id: team.id, name: team.name, retired: Boolean(team.retiredAt) }));
  return { account, teams, totpRequiredNow: totpRequired(account) };
}

const DONE = ["saved", "disabled", "enabled", "resent", "totp-removed", "signed-out"] as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const admin = await requireStaff(db, request, "admin.users");
  const id = idFrom(params);
  if (!accountSummary(db, id)) throw notFound();
  const form = await readForm(request);
  const intent = form.get("intent");
  const back = (done: (typeof DONE)[number]) => redirect(`/staff/admin/users/${id}?done=${done}`);
  switch (intent) {
    case "save": {
      const submission = parseWithZod(form, { schema: editStaffSchema });
      if (submission.status !== "success") return data(submission.reply(), { status: 400 });
      const v = submission.value;
      const result = updateStaff(db, { actorId: admin.id, id, name: v.name, roles: v.roles, teamIds: (v.teams ?? []).map(Number), totpRequired: totpRequiredOf(v.totp) });
      if (result.outcome === "last-administrator") return data(submission.reply({ fieldErrors: { roles: ["staff:errors.roles.last-administrator"] } }), { status: 400 });
      return back("saved");
    }
    case "disable":
    case "enable": {
      const result = setDisabled(db, { actorId: admin.id, id, disabled: intent === "disable" });
      if (result.outcome !== "done") return redirect(`/staff/admin/users/${id}?problem=${result.outcome}`);
      return back(intent === "disable" ? "disabled" : "enabled");
    }
    case "resend":
      resendInvitation(db, { actorId: admin.id, id, publicUrl: config().publicUrl });
      return back("resent");
    case "remove-totp":
      removeTotp(db, id, admin.id);
      return back("totp-removed");
    case "sign-out-everywhere":
      signOutEverywhere(db, id, admin.id);
      return back("signed-out");
    default:
      throw data("Unknown action", { status: 400 });
  }
}

export default function EditUserPage() {
  const { account, teams, totpRequiredNow } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done");
  const problem = searchParams.get("problem");
  const [form, fields] = useForm(
    formOptions("edit-user", editStaffSchema, lastResult, {
      name: account.name,
      roles: account.roles,
      teams: account.teams.map((team) => String(team.id)),
      totp: totpChoiceOf(account.totpRequired),
    }),
  );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/staff/admin/users" className="govuk-back-link">
          {t("users.back")}
        </Link>
        {done && (DONE as readonly string[]).includes(done) ? <SuccessBanner>{t(`users.done.${done}`)}</SuccessBanner> : null}
        {problem === "self" || problem === "last-administrator" ? (
          <div className="govuk-error-summary" data-testid="error-summary">
            <div role="alert">
              <h2 className="govuk-error-summary__title">{t("users.problemTitle")}</h2>
              <div className="govuk-error-summary__body">
                <p className="govuk-body">{t(`users.problems.${problem}`)}</p>
              </div>
            </div>
          </div>
        ) : null}
        <ErrorSummary errors={summaryErrors([{ field: fields.name }, { field: fields.roles }, { field: fields.teams }, { field: fields.totp }])} />
        <span className="govuk-caption-l">{account.email}</span>
        <h1 className="govuk-heading-l">{account.name}</h1>
        <p className="govuk-body">
          <strong className="govuk-tag">{t(`users.statuses.${account.status}`)}</strong>{" "}
          {t("users.totpState", { state: account.totpEnabled ? t("account.totpOn") : totpRequiredNow ? t("account.totpRequiredNotSet") : t("account.totpOff") })}
        </p>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="save" />
          <StaffAccountFields fields={fields} teams={teams} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("users.save")}
          </button>
        </Form>

        <h2 className="govuk-heading-m">{t("users.accessHeading")}</h2>
        <div className="govuk-button-group">
          {account.status === "invited" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="resend" />
              <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                {t("users.resend")}
              </button>
            </Form>
          ) : null}
          {account.totpEnabled ? (
            <Form method="post">
              <input type="hidden" name="intent" value="remove-totp" />
              <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                {t("users.removeTotp")}
              </button>
            </Form>
          ) : null}
          <Form method="post">
            <input type="hidden" name="intent" value="sign-out-everywhere" />
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              {t("users.signOutEverywhere")}
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value={account.status === "disabled" ? "enable" : "disable"} />
            <button type="submit" className={account.status === "disabled" ? "govuk-button govuk-button--secondary" : "govuk-button govuk-button--warning"} data-module="govuk-button">
              {account.status === "disabled" ? t("users.enable") : t("users.disable")}
            </button>
          </Form>
        </div>
      </div>
    </div>
  );
}
