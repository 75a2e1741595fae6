import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { CancelLink, CaseHeading } from "~/components/casework";
import { DateField, ErrorSummary, summaryErrors, TextareaField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { SummaryList } from "~/components/summary-list";
import { dateCheck, isoFromParts, partsOfIso, requireText } from "~/domain/casework-forms";
import { formatLongDate } from "~/domain/dates";
import { dateParts } from "~/domain/form/dates";
import { roleMayEver } from "~/domain/stages";
import { caseAction, openCase } from "~/services/case-route.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { correctStageDates, stageDatesForm } from "~/services/stage-dates.server";
import { currentStage } from "~/services/stages.server";

// One schema for every stage: the acknowledgement boxes are only on corporate stages' pages, and
// the service ignores them elsewhere; when shown, they are checked like the start.
const datesSchema = z
  .object({
    ...dateParts("startedOn"),
    ...dateParts("acknowledgedOn"),
    hasAcknowledgement: z.optional(z.literal("yes")),
    reason: requireText("correctionReason", 2000),
  })
  .check(dateCheck("startedOn", "not-future"), dateCheck("acknowledgedOn", "not-future", { applies: (v) => v.hasAcknowledgement === "yes" }));

export const handle: RouteHandle = { title: (t) => t("casework:correctDates.title") };

function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const { staff, row } = await openCase(db, request, params.reference, "cases.respond");
  if (!roleMayEver("correct-dates", staff.role)) notFound();
  const form = stageDatesForm(db, staff, row);
  if (!form) throw redirect(`/staff/cases/${row.reference}`);
  const stage = currentStage(db, row.id);
  return {
    reference: row.reference,
    kind: row.kind,
    stageKind: form.kind,
    asksAcknowledgement: form.fields.includes("acknowledgedOn"),
    startedOn: formatLongDate(form.startedOn, "en"),
    dueOn: stage?.nextDueOn ? formatLongDate(stage.nextDueOn, "en") : null,
    defaults: { ...partsOfIso("startedOn", form.startedOn), ...(form.acknowledgedOn ? partsOfIso("acknowledgedOn", form.acknowledgedOn) : {}) },
  };
}

/** Where each refusal of the service is shown; anything else means the stage moved on meanwhile. */
const fieldOf: Record<string, "startedOnDay" | "acknowledgedOnDay"> = {
  "started-in-future": "startedOnDay",
  "started-before-previous-stage": "startedOnDay",
  "started-after-response": "startedOnDay",
  "acknowledged-in-future": "acknowledgedOnDay",
  "acknowledged-before-start": "acknowledgedOnDay",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const { staff, row } = await caseAction(db, request, params.reference, "cases.respond");
  if (!roleMayEver("correct-dates", staff.role)) notFound();
  const submission = parseWithZod(await readForm(request), { schema: datesSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  const result = correctStageDates(db, staff, row.reference, {
    startedOn: isoFromParts(v.startedOnDay, v.startedOnMonth, v.startedOnYear) ?? "",
    acknowledgedOn: v.hasAcknowledgement === "yes" ? isoFromParts(v.acknowledgedOnDay, v.acknowledgedOnMonth, v.acknowledgedOnYear) : null,
    reason: v.reason,
  });
  if (result.ok) return redirect(`/staff/cases/${row.reference}`);
  const field = fieldOf[result.error];
  if (!field) throw redirect(`/staff/cases/${row.reference}`);
  return data(submission.reply({ fieldErrors: { [field]: [`casework:errors.stageDates.${result.error}`] } }), { status: 400 });
}

export default function CorrectDatesPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const [form, fields] = useForm(formOptions("stage-dates", datesSchema, lastResult, d.defaults));
  return (
    <>
      <ErrorSummary errors={summaryErrors([{ field: fields.startedOnDay }, { field: fields.acknowledgedOnDay }, { field: fields.reason }])} />
      <CaseHeading reference={d.reference} kind={d.kind} title={t("correctDates.title")} />
      <p className="govuk-body">{t("correctDates.intro")}</p>
      <SummaryList
        rows={[
          { key: "stage", label: t("case.stage"), value: t(`stages.${d.stageKind}`) },
          { key: "started", label: t("correctDates.startedOn"), value: d.startedOn },
          ...(d.dueOn ? [{ key: "due", label: t("correctDates.dueNow"), value: d.dueOn }] : []),
        ]}
      />
      <Form method="post" {...getFormProps(form)}>
        <DateField day={fields.startedOnDay} month={fields.startedOnMonth} year={fields.startedOnYear} legend={t("correctDates.startedOn")} hint={t("correctDates.startedOnHint")} />
        {d.asksAcknowledgement ? (
          <>
            <input type="hidden" name="hasAcknowledgement" value="yes" />
            <DateField
              day={fields.acknowledgedOnDay}
              month={fields.acknowledgedOnMonth}
              year={fields.acknowledgedOnYear}
              legend={t("correctDates.acknowledgedOn")}
              hint={t("correctDates.acknowledgedOnHint")}
            />
          </>
        ) : null}
        <TextareaField field={fields.reason} label={t("correctDates.reason")} hint={t("correctDates.reasonHint")} maxLength={2000} rows={4} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("correctDates.save")}
          </button>
          <CancelLink reference={d.reference} />
        </div>
      </Form>
    </>
  );
}
