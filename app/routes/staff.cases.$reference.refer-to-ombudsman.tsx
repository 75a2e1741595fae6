import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { CancelLink, CaseHeading } from "~/components/casework";
import { DateField, ErrorSummary, summaryErrors, TextField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { SummaryList } from "~/components/summary-list";
import { dateCheck, dateFrom, requireLine } from "~/domain/casework-forms";
import { formatLongDate } from "~/domain/dates";
import { dateParts } from "~/domain/form/dates";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { referToOmbudsman } from "~/services/later-stages.server";
import { openStageMove, stageMoveAction } from "~/services/stage-move-route.server";

const schema = z
  .object({
    ombudsmanReference: requireLine("ombudsmanReference", 50),
    ...dateParts("enquiryOn"),
    ...dateParts("enquiryDueOn"),
  })
  .check(dateCheck("enquiryOn", "any"), dateCheck("enquiryDueOn", "any"));

export const handle: RouteHandle = { title: (t) => t("casework:ombudsmanRefer.title") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const { row, stage } = await openStageMove(db, request, params.reference, "refer-to-ombudsman");
  return { reference: row.reference, kind: row.kind, stageKind: stage.kind, respondedOn: stage.respondedOn ? formatLongDate(stage.respondedOn, "en") : null };
}

/** Where each refusal of the service is shown; anything else means the stage moved on meanwhile. */
const fieldOf: Record<string, "enquiryOnDay" | "enquiryDueOnDay"> = {
  "date-in-future": "enquiryOnDay",
  "date-before-start": "enquiryOnDay",
  "due-before-enquiry": "enquiryDueOnDay",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const { staff, row } = await stageMoveAction(db, request, params.reference, "refer-to-ombudsman");
  const submission = parseWithZod(await readForm(request), { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  const result = referToOmbudsman(db, staff, row.reference, { ombudsmanReference: v.ombudsmanReference, enquiryOn: dateFrom(v, "enquiryOn") ?? "", enquiryDueOn: dateFrom(v, "enquiryDueOn") ?? "" });
  if (result.ok) return redirect(`/staff/cases/${row.reference}`);
  const field = fieldOf[result.error];
  if (!field) throw redirect(`/staff/cases/${row.reference}`);
  return data(submission.reply({ fieldErrors: { [field]: [`casework:errors.ombudsmanDates.${result.error}`] } }), { status: 400 });
}

export default function ReferToOmbudsmanPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const [form, fields] = useForm(formOptions("refer-to-ombudsman", schema, lastResult));
  return (
    <>
      <ErrorSummary errors={summaryErrors([{ field: fields.ombudsmanReference }, { field: fields.enquiryOnDay }, { field: fields.enquiryDueOnDay }])} />
      <CaseHeading reference={d.reference} kind={d.kind} title={t("ombudsmanRefer.title")} />
      <SummaryList
        rows={[
          { key: "stage", label: t("ombudsmanRefer.after"), value: t(`stages.${d.stageKind}`) },
          ...(d.respondedOn ? [{ key: "responded", label: t("ombudsmanRefer.respondedOn"), value: d.respondedOn }] : []),
        ]}
      />
      <p className="govuk-body">{t("ombudsmanRefer.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <TextField field={fields.ombudsmanReference} label={t("ombudsman.reference")} hint={t("ombudsmanRefer.referenceHint")} width="10" spellCheck={false} />
        <DateField day={fields.enquiryOnDay} month={fields.enquiryOnMonth} year={fields.enquiryOnYear} legend={t("ombudsmanRefer.enquiryOn")} hint={t("dateHint")} />
        <DateField day={fields.enquiryDueOnDay} month={fields.enquiryDueOnMonth} year={fields.enquiryDueOnYear} legend={t("ombudsman.enquiryDueOn")} hint={t("ombudsmanRefer.enquiryDueHint")} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("ombudsmanRefer.save")}
          </button>
          <CancelLink reference={d.reference} />
        </div>
      </Form>
    </>
  );
}
