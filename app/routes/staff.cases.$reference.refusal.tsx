import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { letterEmailOf } from "~/domain/letters";
import * as z from "zod/mini";
import { CancelLink, CaseHeading } from "~/components/casework";
import { ErrorSummary, summaryErrors, TextareaField, TextField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { SummaryList } from "~/components/summary-list";
import { requireLine, requireText } from "~/domain/casework-forms";
import { caseAction, openCase } from "~/services/case-route.server";
import { draftRefusal, isUndecided, referenceOptions, refusalListFor, refuseRepresentation } from "~/services/case-triage.server";
import { formatLanguageAndMode } from "~/i18n/i18n";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";

const refusalSchema = z.object({
  reason: requireLine("reason", 200),
  subject: requireLine("subject", 200),
  body: requireText("letter", 10000),
});

export const handle: RouteHandle = { title: (t) => t("casework:refusal.title") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const { row } = await openCase(db, request, params.reference, "cases.triage");
  const reason = new URL(request.url).searchParams.get("reason") ?? "";
  const reasons = referenceOptions(db, refusalListFor(row.process)).map((o) => o.label);
  if (!isUndecided(row) || !reasons.includes(reason)) throw redirect(`/staff/cases/${row.reference}/decision`);
  return {
    reference: row.reference,
    kind: row.kind,
    reason,
    sendTo: letterEmailOf(row),
    language: row.language,
    mode: row.mode,
    letter: draftRefusal(db, row, reason),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const { staff, row } = await caseAction(db, request, params.reference, "cases.triage");
  const submission = parseWithZod(await readForm(request), { schema: refusalSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = refuseRepresentation(db, staff, row.reference, submission.value);
  if (!result.ok) {
    if (result.error === "not-found") throw new Response("Not found", { status: 404 });
    if (result.error === "already-decided") throw redirect(`/staff/cases/${row.reference}`);
    return data(submission.reply({ fieldErrors: { subject: ["casework:errors.reason.required"] } }), { status: 400 });
  }
  return redirect(`/staff/cases/${row.reference}`);
}

export default function RefusalPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const [form, fields] = useForm(formOptions("refusal", refusalSchema, lastResult, { reason: d.reason, ...d.letter }));
  return (
    <>
      <ErrorSummary errors={summaryErrors([{ field: fields.subject }, { field: fields.body }])} />
      <CaseHeading reference={d.reference} kind={d.kind} title={t("refusal.title")} back={`/staff/cases/${d.reference}/decision`} />
      <SummaryList
        rows={[
          { key: "reason", label: t("refusal.reason"), value: d.reason },
          { key: "to", label: t("refusal.sendBy"), value: d.sendTo ? t("refusal.byEmail", { email: d.sendTo }) : t("refusal.byLetter") },
          { key: "language", label: t("refusal.language"), value: formatLanguageAndMode(t, d.language, d.mode) },
        ]}
      />
      <p className="govuk-body">{t("refusal.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="reason" value={d.reason} />
        <TextField field={fields.subject} label={t("refusal.subject")} />
        <TextareaField field={fields.body} label={t("refusal.body")} hint={t("refusal.bodyHint")} maxLength={10000} rows={18} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
            {d.sendTo ? t("refusal.send") : t("refusal.record")}
          </button>
          <CancelLink reference={d.reference} />
        </div>
      </Form>
    </>
  );
}
