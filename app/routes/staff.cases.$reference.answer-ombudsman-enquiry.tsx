import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { CancelLink, CaseHeading } from "~/components/casework";
import { DateField, ErrorSummary, summaryErrors } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { SummaryList } from "~/components/summary-list";
import { dateCheck, dateFrom } from "~/domain/casework-forms";
import { formatLongDate } from "~/domain/dates";
import { dateParts } from "~/domain/form/dates";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { answerOmbudsmanEnquiry } from "~/services/later-stages.server";
import { openStageMove, stageMoveAction } from "~/services/stage-move-route.server";

const schema = z.object({ ...dateParts("answeredOn") }).check(dateCheck("answeredOn", "any"));

export const handle: RouteHandle = { title: (t) => t("casework:ombudsmanAnswer.title") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const { row, stage } = await openStageMove(db, request, params.reference, "answer-ombudsman-enquiry");
  return {
    reference: row.reference,
    kind: row.kind,
    ombudsmanReference: stage.ombudsmanReference,
    enquiryDueOn: stage.ombudsmanEnquiryDueOn ? formatLongDate(stage.ombudsmanEnquiryDueOn, "en") : null,
  };
}

/** Where each refusal of the service is shown; anything else means the stage moved on meanwhile. */
const fieldOf: Record<string, "answeredOnDay"> = {
  "date-in-future": "answeredOnDay",
  "date-before-start": "answeredOnDay",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const { staff, row } = await stageMoveAction(db, request, params.reference, "answer-ombudsman-enquiry");
  const submission = parseWithZod(await readForm(request), { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = answerOmbudsmanEnquiry(db, staff, row.reference, { answeredOn: dateFrom(submission.value, "answeredOn") ?? "" });
  if (result.ok) return redirect(`/staff/cases/${row.reference}`);
  const field = fieldOf[result.error];
  if (!field) throw redirect(`/staff/cases/${row.reference}`);
  return data(submission.reply({ fieldErrors: { [field]: [`casework:errors.answeredOn.${result.error}`] } }), { status: 400 });
}

export default function OmbudsmanAnswerPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const [form, fields] = useForm(formOptions("answer-ombudsman-enquiry", schema, lastResult));
  return (
    <>
      <ErrorSummary errors={summaryErrors([{ field: fields.answeredOnDay }])} />
      <CaseHeading reference={d.reference} kind={d.kind} title={t("ombudsmanAnswer.title")} />
      <SummaryList
        rows={[
          ...(d.ombudsmanReference ? [{ key: "reference", label: t("ombudsman.reference"), value: d.ombudsmanReference }] : []),
          ...(d.enquiryDueOn ? [{ key: "due", label: t("ombudsman.enquiryDueOn"), value: d.enquiryDueOn }] : []),
        ]}
      />
      <p className="govuk-body">{t("ombudsmanAnswer.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <DateField day={fields.answeredOnDay} month={fields.answeredOnMonth} year={fields.answeredOnYear} legend={t("ombudsmanAnswer.date")} hint={t("dateHint")} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("ombudsmanAnswer.save")}
          </button>
          <CancelLink reference={d.reference} />
        </div>
      </Form>
    </>
  );
}
