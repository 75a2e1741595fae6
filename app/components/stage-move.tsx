import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import * as z from "zod/mini";
import { requireText } from "~/domain/casework-forms";
import { CancelLink, CaseHeading } from "./casework";
import { ErrorSummary, summaryErrors, TextareaField } from "./form-fields";
import { formOptions } from "./form-options";

/** The form of a stage move that asks only for a reason; `key` names its error messages (casework:errors.<key>). */
export function reasonSchema(key: string) {
  return z.object({ reason: requireText(key, 2000) });
}

/** A stage move that asks only for a reason (withdraw, reopen, put on hold): one page shape for all of them. */
export function ReasonMovePage(p: {
  id: string;
  schema: ReturnType<typeof reasonSchema>;
  lastResult: SubmissionResult<string[]> | null | undefined;
  reference: string;
  kind: string;
  title: string;
  intro: ReactNode;
  label: string;
  hint?: string;
  confirm: string;
}) {
  const [form, fields] = useForm(formOptions(p.id, p.schema, p.lastResult));
  return (
    <>
      <ErrorSummary errors={summaryErrors([{ field: fields.reason }])} />
      <CaseHeading reference={p.reference} kind={p.kind} title={p.title} />
      {p.intro}
      <Form method="post" {...getFormProps(form)}>
        <TextareaField field={fields.reason} label={p.label} hint={p.hint} maxLength={2000} rows={4} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {p.confirm}
          </button>
          <CancelLink reference={p.reference} />
        </div>
      </Form>
    </>
  );
}

/** A move that asks nothing more: a confirmation button (take off hold). */
export function ConfirmMovePage(p: { reference: string; kind: string; title: string; intro: ReactNode; confirm: string }) {
  return (
    <>
      <CaseHeading reference={p.reference} kind={p.kind} title={p.title} />
      {p.intro}
      <Form method="post">
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {p.confirm}
          </button>
          <CancelLink reference={p.reference} />
        </div>
      </Form>
    </>
  );
}
