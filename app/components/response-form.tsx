import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { CancelLink } from "~/components/casework";
import { CheckboxesField, ErrorSummary, SelectField, summaryErrors, TextareaField, TextField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import { optionalLine, optionalText, requireLine, requireText } from "~/domain/casework-forms";

/** How many points of complaint the page offers; rows left empty are not kept. */
export const POINT_ROWS = 6;

/** A point of complaint: all three parts, or none (an empty row). */
const pointSchema = z.object({
  point: optionalText("point", 2000),
  finding: optionalLine("pointFinding", 200),
  reasons: optionalText("reasons", 5000),
});

/** A stage's response: the finding, its points and actual outcomes, the letter as staff left it, and (Stage 2) who adjudicated. */
export const responseSchema = z
  .object({
    finding: requireLine("finding", 200),
    subject: requireLine("subject", 200),
    body: requireText("letter", 10000),
    adjudicatingOfficer: optionalLine("adjudicatingOfficer", 200),
    points: z.optional(z.array(pointSchema).check(z.maxLength(POINT_ROWS))),
    actualOutcomes: z.optional(z.array(z.string().check(z.regex(/^\d{1,9}$/, "casework:errors.invalidChoice")))),
  })
  .check(
    z.superRefine((v, ctx) => {
      (v.points ?? []).forEach((p, i) => {
        if (!p.point && !p.finding && !p.reasons) return;
        if (!p.point) ctx.addIssue({ code: "custom", message: "casework:errors.point.required", path: ["points", i, "point"], input: v });
        if (!p.finding) ctx.addIssue({ code: "custom", message: "casework:errors.pointFinding.required", path: ["points", i, "finding"], input: v });
        if (!p.reasons) ctx.addIssue({ code: "custom", message: "casework:errors.reasons.required", path: ["points", i, "reasons"], input: v });
      });
    }),
  );

/** What the response form sends, as respondToStage takes it: the points filled in (empty rows dropped) and outcome ids. */
export function responseInput(value: z.infer<typeof responseSchema>) {
  return {
    ...value,
    points: (value.points ?? []).filter((p) => p.point && p.finding && p.reasons).map((p) => ({ point: p.point ?? "", finding: p.finding ?? "", reasons: p.reasons ?? "" })),
    actualOutcomeIds: (value.actualOutcomes ?? []).map(Number),
  };
}

/** The service's refusals that staff can put right on the form, as field errors (null: not one of them). */
export function responseFieldErrors(result: { ok: false; error: string; required?: string }): Record<string, string[]> | null {
  switch (result.error) {
    case "adjudicating-officer-required":
      return { adjudicatingOfficer: ["casework:errors.adjudicatingOfficer.required"] };
    case "points-required":
      return { "points[0].point": ["casework:errors.points.required"] };
    case "finding-contradicts-points":
      return { finding: [`casework:errors.finding.contradicts.${result.required ?? ""}`] };
    default:
      return null;
  }
}

/** The first step: choose the finding (a GET form, so the letter is drafted for it). */
export function FindingForm({ findings, invalid, reference }: { findings: ReadonlyArray<{ code: string; label: string }>; invalid: boolean; reference: string }) {
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
            <option key={f.code} value={f.code}>
              {f.label}
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
  findings,
  actualOutcomes,
  outcomesSought,
  pointsRequired,
}: {
  finding: string;
  letter: { subject: string; body: string };
  reference: string;
  byEmail: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
  askAdjudicatingOfficer: boolean;
  /** The "finding" list (code and words) for each point. */
  findings: ReadonlyArray<{ code: string; label: string }>;
  /** The "actual outcome" list's values, by id. */
  actualOutcomes: ReadonlyArray<{ id: number; label: string }>;
  /** What the person asked for, coded at triage: shown beside what is given. */
  outcomesSought: readonly string[];
  /** Stage 2 answers the statement of complaint point by point. */
  pointsRequired: boolean;
}) {
  const { t } = useTranslation("casework");
  const blankPoints = Array.from({ length: POINT_ROWS }, () => ({ point: "", finding: "", reasons: "" }));
  const [form, fields] = useForm(formOptions("response", responseSchema, lastResult, { finding, ...letter, points: blankPoints }));
  // The schema's refinement blurs conform's inference of the list; its shape is the point schema's.
  const rows = (fields.points as unknown as FieldMetadata<Array<z.infer<typeof pointSchema>>>).getFieldList();
  const pointFields = rows.map((row) => row.getFieldset());
  return (
    <>
      <ErrorSummary
        errors={summaryErrors([
          { field: fields.finding },
          ...pointFields.flatMap((p) => [{ field: p.point }, { field: p.finding }, { field: p.reasons }]),
          { field: fields.actualOutcomes },
          ...(askAdjudicatingOfficer ? [{ field: fields.adjudicatingOfficer }] : []),
          { field: fields.subject },
          { field: fields.body },
        ])}
      />
      <p className="govuk-body">{t("respond.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="finding" value={finding} />
        {fields.finding.errors?.length ? (
          <p id="finding" className="govuk-error-message">
            {t(fields.finding.errors[0] ?? "")}
          </p>
        ) : null}
        <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" aria-describedby="points-hint">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{t("respond.points.legend")}</legend>
          <div id="points-hint" className="govuk-hint">
            {t(pointsRequired ? "respond.points.hintRequired" : "respond.points.hint")}
          </div>
          {pointFields.map((p, i) => (
            <details key={rows[i]?.key ?? i} className="govuk-details" open={i === 0 || Boolean(p.point.initialValue) || Boolean(p.point.errors ?? p.finding.errors ?? p.reasons.errors)}>
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">{t("respond.points.number", { number: i + 1 })}</span>
              </summary>
              <div className="govuk-details__text">
                <TextareaField field={p.point} label={t("respond.points.point")} hint={t("respond.points.pointHint")} maxLength={2000} rows={3} />
                <SelectField field={p.finding} label={t("respond.points.finding")} placeholder={t("choose")} options={findings.map((f) => ({ value: f.code, label: f.label }))} />
                <TextareaField field={p.reasons} label={t("respond.points.reasons")} maxLength={5000} rows={4} />
              </div>
            </details>
          ))}
        </fieldset>
        <h2 className="govuk-heading-m">{t("respond.outcomes.title")}</h2>
        <div className="govuk-inset-text" data-testid="outcomes-sought">
          <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{t("respond.outcomes.sought")}</p>
          {outcomesSought.length ? (
            <ul className="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
              {outcomesSought.map((o) => (
                <li key={o}>{o}</li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body govuk-!-margin-bottom-0">{t("respond.outcomes.noneSought")}</p>
          )}
        </div>
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">{t("respond.outcomes.reveal")}</span>
          </summary>
          <div className="govuk-details__text">
            <CheckboxesField
              field={fields.actualOutcomes as unknown as Parameters<typeof CheckboxesField>[0]["field"]}
              legend={t("respond.outcomes.given")}
              hint={t("respond.outcomes.givenHint")}
              options={actualOutcomes.map((o) => ({ value: String(o.id), label: o.label }))}
            />
          </div>
        </details>
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
