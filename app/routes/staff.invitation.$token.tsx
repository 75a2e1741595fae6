import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, summaryErrors, TextField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { newPasswordSchema, PASSWORD_MIN } from "~/domain/staff-forms";
import { findToken, setPasswordWithToken } from "~/services/accounts.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";

// Reached from the emailed link; the token is the permission. A used, expired or unknown link
// gets a page that says so, not an error.
export const handle: RouteHandle = { title: (t, d) => ((d as { valid?: boolean } | undefined)?.valid ? t("staff:setPassword.invitationTitle") : t("staff:setPassword.expiredTitle")) };

export async function loader({ params }: LoaderFunctionArgs) {
  const found = findToken(getDb(), params.token ?? "", "invitation");
  return { valid: Boolean(found), name: found?.name ?? null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const submission = parseWithZod(await readForm(request), { schema: newPasswordSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password", "confirm"] }), { status: 400 });
  const result = await setPasswordWithToken(db, { token: params.token ?? "", purpose: "invitation", password: submission.value.password });
  if (result.outcome === "weak") return data(submission.reply({ fieldErrors: { password: [result.reason] }, hideFields: ["password", "confirm"] }), { status: 400 });
  if (result.outcome === "unusable") throw redirect(new URL(request.url).pathname);
  return redirect("/staff/sign-in?done=password");
}

export default function InvitationPage() {
  const { valid, name } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const [form, fields] = useForm(formOptions("set-password", newPasswordSchema, lastResult));
  if (!valid) {
    return (
      <>
        <h1 className="govuk-heading-l">{t("setPassword.expiredTitle")}</h1>
        <p className="govuk-body">{t("setPassword.invitationExpired")}</p>
      </>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summaryErrors([{ field: fields.password }, { field: fields.confirm }])} />
        <h1 className="govuk-heading-l">{t("setPassword.invitationTitle")}</h1>
        <p className="govuk-body">{t("setPassword.welcome", { name })}</p>
        <Form method="post" {...getFormProps(form)}>
          <TextField field={fields.password} type="password" label={t("setPassword.password")} hint={t("setPassword.hint", { count: PASSWORD_MIN })} autoComplete="new-password" />
          <TextField field={fields.confirm} type="password" label={t("setPassword.confirm")} autoComplete="new-password" />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("setPassword.submit")}
          </button>
        </Form>
      </div>
    </div>
  );
}
