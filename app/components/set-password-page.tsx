import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, summaryErrors, TextField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import { newPasswordSchema, PASSWORD_MIN } from "~/domain/staff-forms";

/** The page an emailed invitation or reset link opens: the form, or why the link no longer works. */
export function SetPasswordPage({ valid, title, intro, expired, lastResult }: { valid: boolean; title: string; intro: string; expired: string; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation("staff");
  const [form, fields] = useForm(formOptions("set-password", newPasswordSchema, lastResult));
  if (!valid) {
    return (
      <>
        <h1 className="govuk-heading-l">{t("setPassword.expiredTitle")}</h1>
        <p className="govuk-body">{expired}</p>
      </>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summaryErrors([{ field: fields.password }, { field: fields.confirm }])} />
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">{intro}</p>
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
