import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { CancelLink, CaseHeading } from "~/components/casework";
import { CheckboxesField, ErrorSummary, SelectField, summaryErrors } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { requireLine } from "~/domain/casework-forms";
import { caseAction, openCase } from "~/services/case-route.server";
import { caseCoding, natureListFor, referenceOptions, saveCoding, type ReferenceOption } from "~/services/case-triage.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";

const labels = z.optional(z.array(z.string().check(z.maxLength(200, "casework:errors.invalidChoice"))));
const codingSchema = z.object({
  primaryNature: requireLine("primaryNature", 200),
  otherNatures: labels,
  outcomesSought: labels,
  method: requireLine("method", 200),
});

const listField = (field: unknown) => field as Parameters<typeof CheckboxesField>[0]["field"];

export const handle: RouteHandle = { title: (t) => t("casework:coding.title") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const { row } = await openCase(db, request, params.reference, "cases.triage");
  const coding = caseCoding(db, row.id);
  const natureList = natureListFor(row.process);
  const natures = coding[natureList] ?? [];
  const outcomes = (coding["outcome-sought"] ?? []).map((c) => c.label);
  return {
    reference: row.reference,
    kind: row.kind,
    natureList,
    defaults: {
      primaryNature: row.primaryNature ?? "",
      otherNatures: natures.filter((n) => !n.primary).map((n) => n.label),
      outcomesSought: outcomes,
      method: row.methodReceived,
    },
    natures: referenceOptions(db, natureList, natures.map((n) => n.label)),
    outcomes: referenceOptions(db, "outcome-sought", outcomes),
    methods: referenceOptions(db, "method-received", [row.methodReceived]),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const { staff, row } = await caseAction(db, request, params.reference, "cases.triage");
  const submission = parseWithZod(await readForm(request), { schema: codingSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  const result = saveCoding(db, staff, row.reference, {
    primaryNature: v.primaryNature,
    otherNatures: (v.otherNatures ?? []).filter((n) => n !== v.primaryNature),
    outcomesSought: v.outcomesSought ?? [],
    method: v.method,
  });
  if (!result.ok) {
    if (result.error === "not-found") throw new Response("Not found", { status: 404 });
    return data(submission.reply({ fieldErrors: { primaryNature: ["casework:errors.invalidChoice"] } }), { status: 400 });
  }
  return redirect(`/staff/cases/${row.reference}`);
}

export default function CodingPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const [form, fields] = useForm(formOptions("coding", codingSchema, lastResult, d.defaults));
  const label = (o: ReferenceOption) => (o.retired ? t("retired", { label: o.label }) : o.label);
  return (
    <>
      <ErrorSummary errors={summaryErrors([{ field: fields.primaryNature }, { field: fields.otherNatures }, { field: fields.outcomesSought }, { field: fields.method }])} />
      <CaseHeading reference={d.reference} kind={d.kind} title={t("coding.title")} />
      <p className="govuk-body">{t(`coding.intro.${d.natureList}`)}</p>
      <Form method="post" {...getFormProps(form)}>
        <SelectField field={fields.primaryNature} label={t("coding.primaryNature")} hint={t("coding.primaryNatureHint")} placeholder={t("choose")} options={d.natures.map((o) => ({ value: o.label, label: label(o) }))} />
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">{t("coding.otherNaturesReveal")}</span>
          </summary>
          <div className="govuk-details__text">
            <CheckboxesField field={listField(fields.otherNatures)} legend={t("coding.otherNatures")} options={d.natures.map((o) => ({ value: o.label, label: label(o) }))} />
          </div>
        </details>
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">{t("coding.outcomesReveal")}</span>
          </summary>
          <div className="govuk-details__text">
            <CheckboxesField field={listField(fields.outcomesSought)} legend={t("coding.outcomesSought")} options={d.outcomes.map((o) => ({ value: o.label, label: label(o) }))} />
          </div>
        </details>
        <SelectField field={fields.method} label={t("coding.method")} placeholder={t("choose")} options={d.methods.map((o) => ({ value: o.label, label: label(o) }))} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("coding.save")}
          </button>
          <CancelLink reference={d.reference} />
        </div>
      </Form>
    </>
  );
}
