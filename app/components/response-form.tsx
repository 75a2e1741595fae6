import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { CancelLink } from "~/components/casework";
import { ErrorSummary, summaryErrors, TextareaField, TextField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import { optionalLine, requireLine, requireText } from "~/domain/casework-forms";

/** A stage's response: the finding, the letter as staff left it, and (Stage 2) who adjudicated. */
export const responseSchema = z.object({
  finding: requireLine("finding", 200),
  subject: requireLine("subject", 200),
  body: requireText("letter", 10000),
  adjudicatingOfficer: optionalLine("adjudicatingOfficer", 200),
});

/** The first step: choose the finding (a GET form, so the letter is drafted for it). */
export function FindingForm({ findings, invalid, reference }: { findings: string[]; invalid: boolean; reference: string }) {
  const { t } = useTranslation("casework");
  const { t: tf } = useTranslation("form");
  return (
    <Form method="get">
      <div className={invalid ? "govuk-form-group govuk-form-group--error" : "govuk-form-group"}>
        <label className="govuk-label govuk-label--s" htmlFor="finding">
          {t("respond.finding")}
        </label>
        {invalid ? (
          <p id="finding-error" className="govuk-error-message">
            <span className="govuk-visually-hidden">{tf("errorPrefix")}</span> {t("errors.finding.required")}
          </p>
        ) : null}
        <select className={invalid ? "govuk-select govuk-select--error" : "govuk-select"} id="finding" name="finding" defaultValue="" aria-describedby={invalid ? "finding-error" : undefined}>
          <option value="">{t("choose")}</option>
          {findings.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </div>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {t("respond.draft")}
        </button>
        <CancelLink reference={reference} />
      </div>
    </Form>
  );
}

/** The second step: check and edit the drafted letter, and send it (or keep it to post). */
export function LetterForm({
  finding,
  letter,
  reference,
  byEmail,
  lastResult,
  askAdjudicatingOfficer,
}: {
  finding: string;
  letter: { subject: string; body: string };
  reference: string;
  byEmail: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
  askAdjudicatingOfficer: boolean;
}) {
  const { t } = useTranslation("casework");
  const [form, fields] = useForm(formOptions("response", responseSchema, lastResult, { finding, ...letter }));
  return (
    <>
      <ErrorSummary errors={summaryErrors([...(askAdjudicatingOfficer ? [{ field: fields.adjudicatingOfficer }] : []), { field: fields.subject }, { field: fields.body }])} />
      <p className="govuk-body">{t("respond.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="finding" value={finding} />
        {askAdjudicatingOfficer ? <TextField field={fields.adjudicatingOfficer} label={t("respond.adjudicatingOfficer")} hint={t("respond.adjudicatingOfficerHint")} /> : null}
        <TextField field={fields.subject} label={t("refusal.subject")} />
        <TextareaField field={fields.body} label={t("refusal.body")} hint={t("refusal.bodyHint")} maxLength={10000} rows={18} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {byEmail ? t("respond.send") : t("respond.record")}
          </button>
          <CancelLink reference={reference} />
        </div>
      </Form>
    </>
  );
}
