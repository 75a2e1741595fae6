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
import { recordPanelReport } from "~/services/later-stages.server";
import { openStageMove, stageMoveAction } from "~/services/stage-move-route.server";

const schema = z.object({ ...dateParts("reportOn") }).check(dateCheck("reportOn", "any"));

export const handle: RouteHandle = { title: (t) => t("casework:panelReport.title") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const { row, stage, clocks } = await openStageMove(db, request, params.reference, "record-panel-report");
  return {
    reference: row.reference,
    kind: row.kind,
    panelOn: stage.panelOn ? formatLongDate(stage.panelOn, "en") : null,
    reportBy: clocks.panelReportBy ? formatLongDate(clocks.panelReportBy, "en") : null,
  };
}

/** Where each refusal of the service is shown; anything else means the stage moved on meanwhile. */
const fieldOf: Record<string, "reportOnDay"> = {
  "date-in-future": "reportOnDay",
  "date-before-panel": "reportOnDay",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const { staff, row } = await stageMoveAction(db, request, params.reference, "record-panel-report");
  const submission = parseWithZod(await readForm(request), { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = recordPanelReport(db, staff, row.reference, { reportOn: dateFrom(submission.value, "reportOn") ?? "" });
  if (result.ok) return redirect(`/staff/cases/${row.reference}`);
  const field = fieldOf[result.error];
  if (!field) throw redirect(`/staff/cases/${row.reference}`);
  return data(submission.reply({ fieldErrors: { [field]: [`casework:errors.reportOn.${result.error}`] } }), { status: 400 });
}

export default function PanelReportPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const [form, fields] = useForm(formOptions("record-panel-report", schema, lastResult));
  return (
    <>
      <ErrorSummary errors={summaryErrors([{ field: fields.reportOnDay }])} />
      <CaseHeading reference={d.reference} kind={d.kind} title={t("panelReport.title")} />
      <SummaryList
        rows={[
          ...(d.panelOn ? [{ key: "panel", label: t("panelReport.panelOn"), value: d.panelOn }] : []),
          ...(d.reportBy ? [{ key: "due", label: t("panelReport.dueBy"), value: d.reportBy }] : []),
        ]}
      />
      <p className="govuk-body">{t("panelReport.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <DateField day={fields.reportOnDay} month={fields.reportOnMonth} year={fields.reportOnYear} legend={t("panelReport.date")} hint={t("dateHint")} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("panelReport.save")}
          </button>
          <CancelLink reference={d.reference} />
        </div>
      </Form>
    </>
  );
}
