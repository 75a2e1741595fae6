import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { letterEmailOf } from "~/domain/letters";
import * as z from "zod/mini";
import { CancelLink, CaseHeading } from "~/components/casework";
import { DateField, ErrorSummary, RadiosField, summaryErrors, TextareaField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { dateCheck, isoFromParts, requireChoice, requireText } from "~/domain/casework-forms";
import { formatLongDate } from "~/domain/dates";
import { dateParts } from "~/domain/form/dates";
import { extensionReasons } from "~/domain/stage-clocks";
import { roleMayEver } from "~/domain/stages";
import { SummaryList } from "~/components/summary-list";
import { caseAction, openCase } from "~/services/case-route.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { extendStage, extensionForm } from "~/services/stage-actions.server";

const extensionSchema = z
  .object({
    ...dateParts("newDate"),
    reason: requireChoice("extensionReason", extensionReasons),
    details: requireText("extensionDetails", 2000),
  })
  // Whether the date may be the new deadline is the service's to judge (checkExtension).
  .check(dateCheck("newDate", "any"));

export const handle: RouteHandle = { title: (t) => t("casework:extend.title") };

function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const { staff, row } = await openCase(db, request, params.reference, "cases.respond");
  if (!roleMayEver("extend", staff.role)) notFound();
  const form = extensionForm(db, staff, row);
  // Not extendable now (already at its maximum, answered, closed): the case page says where it is.
  if (!form) throw redirect(`/staff/cases/${row.reference}`);
  return {
    reference: row.reference,
    kind: row.kind,
    stageKind: form.stage.kind,
    respondBy: formatLongDate(form.stage.respondBy, "en"),
    latestOn: formatLongDate(form.stage.latestOn, "en"),
    reasons: form.reasons,
    sendTo: letterEmailOf(row),
  };
}

/** Where each refusal of the service is shown; anything else means the stage moved on meanwhile. */
const fieldOf: Record<string, "newDateDay" | "reason" | "details"> = {
  "not-later": "newDateDay",
  "beyond-maximum": "newDateDay",
  "not-a-working-day": "newDateDay",
  "new-date-required": "newDateDay",
  "invalid-reason": "reason",
  "reason-required": "details",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const { staff, row } = await caseAction(db, request, params.reference, "cases.respond");
  if (!roleMayEver("extend", staff.role)) notFound();
  const submission = parseWithZod(await readForm(request), { schema: extensionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  const newDate = isoFromParts(v.newDateDay, v.newDateMonth, v.newDateYear) ?? "";
  const result = extendStage(db, staff, row.reference, { newDate, reason: v.reason, details: v.details });
  if (result.ok) return redirect(`/staff/cases/${row.reference}`);
  const field = fieldOf[result.error];
  if (!field) throw redirect(`/staff/cases/${row.reference}`);
  return data(submission.reply({ fieldErrors: { [field]: [`casework:errors.extension.${result.error}`] } }), { status: 400 });
}

export default function ExtendPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const [form, fields] = useForm(formOptions("extension", extensionSchema, lastResult));
  return (
    <>
      <ErrorSummary errors={summaryErrors([{ field: fields.newDateDay }, { field: fields.reason }, { field: fields.details }])} />
      <CaseHeading reference={d.reference} kind={d.kind} title={t("extend.title")} />
      <SummaryList
        rows={[
          { key: "stage", label: t("case.stage"), value: t(`stages.${d.stageKind}`) },
          { key: "due", label: t("extend.dueNow"), value: d.respondBy },
          { key: "latest", label: t("extend.latest"), value: d.latestOn },
          { key: "to", label: t("extend.tell"), value: d.sendTo ? t("refusal.byEmail", { email: d.sendTo }) : t("refusal.byLetter") },
        ]}
      />
      <Form method="post" {...getFormProps(form)}>
        <DateField day={fields.newDateDay} month={fields.newDateMonth} year={fields.newDateYear} legend={t("extend.newDate")} hint={t("extend.newDateHint", { date: d.latestOn })} />
        <RadiosField field={fields.reason} legend={t("extend.reason")} options={d.reasons.map((r) => ({ value: r, label: t(`extend.reasons.${r}`) }))} />
        <TextareaField field={fields.details} label={t("extend.details")} hint={t("extend.detailsHint")} maxLength={2000} rows={5} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {d.sendTo ? t("extend.send") : t("extend.record")}
          </button>
          <CancelLink reference={d.reference} />
        </div>
      </Form>
    </>
  );
}
