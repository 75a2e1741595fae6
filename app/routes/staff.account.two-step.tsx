import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, type ShouldRevalidateFunction, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, summaryErrors, TextField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { RecoveryCodesPanel, StartEnrolmentButton } from "~/components/recovery-codes";
import { TotpEnrolmentInstructions } from "~/components/totp-enrolment";
import { codeSchema } from "~/domain/staff-forms";
import { requireStaff } from "~/services/auth.server";
import { accountSummary } from "~/services/accounts.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { getSettings } from "~/services/settings.server";
import { confirmEnrolment, enrolmentDetails, pendingEnrolmentSecret, startEnrolment } from "~/services/totp.server";

export const handle: RouteHandle = { title: (t) => t("staff:totp.setUpTitle") };

// Opening this page only reads: the secret is made by the "Set up two-step sign-in" button (a
// POST), so a prefetch or a reload cannot replace it.
export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const staff = await requireStaff(db, request, "account.manage");
  if (accountSummary(db, staff.id)?.totpEnabled) throw redirect("/staff/account");
  const secret = pendingEnrolmentSecret(db, staff.id);
  if (!secret) return { started: false as const };
  const details = await enrolmentDetails(secret, staff.email, getSettings(db).councilName);
  return { started: true as const, qrCodeDataUrl: details.qrCodeDataUrl, secretForDisplay: details.secretForDisplay };
}

export async function action({ request }: ActionFunctionArgs) {
  const db = getDb();
  const staff = await requireStaff(db, request, "account.manage");
  const form = await readForm(request);
  if (form.get("intent") === "start") {
    if (!accountSummary(db, staff.id)?.totpEnabled) startEnrolment(db, staff.id);
    return redirect("/staff/account/two-step");
  }
  const submission = parseWithZod(form, { schema: codeSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["code"] }), { status: 400 });
  const recoveryCodes = confirmEnrolment(db, staff.id, submission.value.code);
  if (!recoveryCodes) {
    return data(submission.reply({ fieldErrors: { code: ["staff:errors.code.wrong"] }, hideFields: ["code"] }), { status: 400 });
  }
  // Shown in the answer to this POST and never again: only their hashes are kept.
  return { recoveryCodes };
}

// Once enrolled, this page's loader would send the person on at once (enrolment is over), and
// the recovery codes in the action's answer would vanish before they could be saved.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  actionResult && typeof actionResult === "object" && "recoveryCodes" in actionResult ? false : defaultShouldRevalidate;

export default function TwoStepPage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const recoveryCodes = result && "recoveryCodes" in result ? result.recoveryCodes : null;
  const lastResult = result && !("recoveryCodes" in result) ? result : undefined;
  const [form, fields] = useForm(formOptions("totp-enrol", codeSchema, lastResult));
  if (recoveryCodes) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <RecoveryCodesPanel codes={recoveryCodes} continueTo="/staff/account?done=totp-enrolled" />
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summaryErrors([{ field: fields.code }])} />
        <h1 className="govuk-heading-l">{t("totp.setUpTitle")}</h1>
        {loaded.started ? (
          <>
            <TotpEnrolmentInstructions qrCodeDataUrl={loaded.qrCodeDataUrl} secretForDisplay={loaded.secretForDisplay} />
            <Form method="post" {...getFormProps(form)}>
              <TextField field={fields.code} label={t("totp.codeLabel")} hint={t("signInCode.hint")} width="5" autoComplete="one-time-code" spellCheck={false} />
              <button type="submit" className="govuk-button" data-module="govuk-button">
                {t("totp.confirm")}
              </button>
            </Form>
          </>
        ) : (
          <>
            <p className="govuk-body">{t("totp.intro")}</p>
            <StartEnrolmentButton action="/staff/account/two-step" />
          </>
        )}
      </div>
    </div>
  );
}
