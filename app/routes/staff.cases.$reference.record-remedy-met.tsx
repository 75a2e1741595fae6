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
import { formatPounds } from "~/domain/money";
import { dateParts } from "~/domain/form/dates";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { recordRemedyMet } from "~/services/later-stages.server";
import { openStageMove, stageMoveAction } from "~/services/stage-move-route.server";

const schema = z.object({ ...dateParts("metOn") }).check(dateCheck("metOn", "any"));

export const handle: RouteHandle = { title: (t) => t("casework:remedyMet.title") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const { row, stage } = await openStageMove(db, request, params.reference, "record-remedy-met");
  return {
    reference: row.reference,
    kind: row.kind,
    remedy: stage.remedy,
    remedyPence: stage.remedyPence !== null ? formatPounds(stage.remedyPence) : null,
    remedyDueOn: stage.remedyDueOn ? formatLongDate(stage.remedyDueOn, "en") : null,
  };
}

/** Where each refusal of the service is shown; anything else means the stage moved on meanwhile. */
const fieldOf: Record<string, "metOnDay"> = {
  "date-in-future": "metOnDay",
  "date-before-start": "metOnDay",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const { staff, row } = await stageMoveAction(db, request, params.reference, "record-remedy-met");
  const submission = parseWithZod(await readForm(request), { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = recordRemedyMet(db, staff, row.reference, { metOn: dateFrom(submission.value, "metOn") ?? "" });
  if (result.ok) return redirect(`/staff/cases/${row.reference}`);
  const field = fieldOf[result.error];
  if (!field) throw redirect(`/staff/cases/${row.reference}`);
  return data(submission.reply({ fieldErrors: { [field]: [`casework:errors.metOn.${result.error}`] } }), { status: 400 });
}

export default function RemedyMetPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const [form, fields] = useForm(formOptions("record-remedy-met", schema, lastResult));
  return (
    <>
      <ErrorSummary errors={summaryErrors([{ field: fields.metOnDay }])} />
      <CaseHeading reference={d.reference} kind={d.kind} title={t("remedyMet.title")} />
      <SummaryList
        rows={[
          ...(d.remedy ? [{ key: "remedy", label: t("ombudsman.remedy"), value: d.remedy }] : []),
          ...(d.remedyPence ? [{ key: "money", label: t("ombudsman.remedyPence"), value: d.remedyPence }] : []),
          ...(d.remedyDueOn ? [{ key: "due", label: t("ombudsman.remedyDueOn"), value: d.remedyDueOn }] : []),
        ]}
      />
      <p className="govuk-body">{t("remedyMet.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <DateField day={fields.metOnDay} month={fields.metOnMonth} year={fields.metOnYear} legend={t("remedyMet.date")} hint={t("dateHint")} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("remedyMet.save")}
          </button>
          <CancelLink reference={d.reference} />
        </div>
      </Form>
    </>
  );
}
