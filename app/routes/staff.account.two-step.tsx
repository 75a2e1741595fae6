import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, formOptions, summaryErrors, TextField } from "~/components/form-fields";
import type { RouteHandle } from "~/components/page-title";
import { TotpEnrolmentInstructions } from "~/components/totp-enrolment";
import { codeSchema } from "~/domain/staff-forms";
import { requireStaff } from "~/services/auth.server";
import { accountSummary } from "~/services/accounts.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { getSettings } from "~/services/settings.server";
import { confirmEnrolment, enrolmentDetails, enrolmentSecret } from "~/services/totp.server";

export const handle: RouteHandle = { title: (t) => t("staff:totp.setUpTitle") };

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const staff = await requireStaff(db, request, "account.manage");
  if (accountSummary(db, staff.id)?.totpEnabled) throw redirect("/staff/account");
  const details = await enrolmentDetails(enrolmentSecret(db, staff.id), staff.email, getSettings(db).councilName);
  return { qrCodeDataUrl: details.qrCodeDataUrl, secretForDisplay: details.secretForDisplay };
}

export async function action({ request }: ActionFunctionArgs) {
  const db = getDb();
  const staff = await requireStaff(db, request, "account.manage");
  const submission = parseWithZod(await readForm(request), { schema: codeSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["code"] }), { status: 400 });
  if (!confirmEnrolment(db, staff.id, submission.value.code)) {
    return data(submission.reply({ fieldErrors: { code: ["staff:errors.code.wrong"] }, hideFields: ["code"] }), { status: 400 });
  }
  return redirect("/staff/account?done=totp-enrolled");
}

export default function TwoStepPage() {
  const { qrCodeDataUrl, secretForDisplay } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const [form, fields] = useForm(formOptions("totp-enrol", codeSchema, lastResult));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summaryErrors([{ field: fields.code }])} />
        <h1 className="govuk-heading-l">{t("totp.setUpTitle")}</h1>
        <TotpEnrolmentInstructions qrCodeDataUrl={qrCodeDataUrl} secretForDisplay={secretForDisplay} />
        <Form method="post" {...getFormProps(form)}>
          <TextField field={fields.code} label={t("totp.codeLabel")} hint={t("signInCode.hint")} width="5" autoComplete="one-time-code" spellCheck={false} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("totp.confirm")}
          </button>
        </Form>
      </div>
    </div>
  );
}
