import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { CancelLink, CaseHeading } from "~/components/casework";
import { DateField, ErrorSummary, SelectField, summaryErrors, TextareaField, TextField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { SummaryList } from "~/components/summary-list";
import { dateCheck, dateFrom, optionalPounds, requireLine } from "~/domain/casework-forms";
import { formatLongDate } from "~/domain/dates";
import { dateParts } from "~/domain/form/dates";
import { cleanMultiline } from "~/domain/form/fields";
import { penceFromPounds } from "~/domain/money";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { ombudsmanDecisionOptions, recordOmbudsmanDecision } from "~/services/later-stages.server";
import { openStageMove, stageMoveAction } from "~/services/stage-move-route.server";

const schema = z
  .object({
    ...dateParts("decidedOn"),
    decision: requireLine("ombudsmanDecision", 200),
    remedy: z.optional(z.string().check(z.overwrite(cleanMultiline), z.maxLength(5000, "casework:errors.remedy.tooLong"))),
    remedyAmount: optionalPounds("cost"),
    ...dateParts("remedyDueOn"),
  })
  .check(dateCheck("decidedOn", "any"), dateCheck("remedyDueOn", "any", { optional: true }));

export const handle: RouteHandle = { title: (t) => t("casework:ombudsmanDecision.title") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const { row, stage } = await openStageMove(db, request, params.reference, "record-ombudsman-decision");
  return {
    reference: row.reference,
    kind: row.kind,
    ombudsmanReference: stage.ombudsmanReference,
    enquiryOn: formatLongDate(stage.startedOn, "en"),
    decisions: ombudsmanDecisionOptions(db).map((o) => ({ value: o, label: o })),
  };
}

/** Where each refusal of the service is shown; anything else means the stage moved on meanwhile. */
const fieldOf: Record<string, "decidedOnDay" | "decision" | "remedyDueOnDay"> = {
  "date-in-future": "decidedOnDay",
  "date-before-start": "decidedOnDay",
  "invalid-decision": "decision",
  "decision-required": "decision",
  "remedy-due-required": "remedyDueOnDay",
  "remedy-due-before-decision": "remedyDueOnDay",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const { staff, row } = await stageMoveAction(db, request, params.reference, "record-ombudsman-decision");
  const submission = parseWithZod(await readForm(request), { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  const pence = penceFromPounds(v.remedyAmount);
  const result = recordOmbudsmanDecision(db, staff, row.reference, {
    decidedOn: dateFrom(v, "decidedOn") ?? "",
    decision: v.decision,
    remedy: v.remedy ?? null,
    remedyPence: typeof pence === "number" ? pence : null,
    remedyDueOn: dateFrom(v, "remedyDueOn"),
  });
  if (result.ok) return redirect(`/staff/cases/${row.reference}`);
  const field = fieldOf[result.error];
  if (!field) throw redirect(`/staff/cases/${row.reference}`);
  return data(submission.reply({ fieldErrors: { [field]: [`casework:errors.ombudsmanDecisionForm.${result.error}`] } }), { status: 400 });
}

export default function OmbudsmanDecisionPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const [form, fields] = useForm(formOptions("record-ombudsman-decision", schema, lastResult));
  return (
    <>
      <ErrorSummary
        errors={summaryErrors([{ field: fields.decidedOnDay }, { field: fields.decision }, { field: fields.remedy }, { field: fields.remedyAmount }, { field: fields.remedyDueOnDay }])}
      />
      <CaseHeading reference={d.reference} kind={d.kind} title={t("ombudsmanDecision.title")} />
      <SummaryList
        rows={[
          ...(d.ombudsmanReference ? [{ key: "reference", label: t("ombudsman.reference"), value: d.ombudsmanReference }] : []),
          { key: "enquiry", label: t("ombudsmanRefer.enquiryOn"), value: d.enquiryOn },
        ]}
      />
      <Form method="post" {...getFormProps(form)}>
        <DateField day={fields.decidedOnDay} month={fields.decidedOnMonth} year={fields.decidedOnYear} legend={t("ombudsmanDecision.date")} hint={t("dateHint")} />
        <SelectField field={fields.decision} label={t("ombudsman.decision")} options={d.decisions} placeholder={t("choose")} />
        <h2 className="govuk-heading-m">{t("ombudsmanDecision.remedyHeading")}</h2>
        <p className="govuk-body">{t("ombudsmanDecision.remedyIntro")}</p>
        <TextareaField field={fields.remedy} label={t("ombudsman.remedy")} hint={t("ombudsmanDecision.remedyHint")} maxLength={5000} rows={4} />
        <TextField field={fields.remedyAmount} label={t("ombudsman.remedyPence")} hint={t("namePeople.costHint")} width="10" />
        <DateField day={fields.remedyDueOnDay} month={fields.remedyDueOnMonth} year={fields.remedyDueOnYear} legend={t("ombudsman.remedyDueOn")} hint={t("ombudsmanDecision.remedyDueHint")} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("ombudsmanDecision.save")}
          </button>
          <CancelLink reference={d.reference} />
        </div>
      </Form>
    </>
  );
}
