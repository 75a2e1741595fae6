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
import { agreeStatement } from "~/services/later-stages.server";
import { clockSettings } from "~/services/settings.server";
import { openStageMove, stageMoveAction } from "~/services/stage-move-route.server";

const schema = z.object({ ...dateParts("agreedOn") }).check(dateCheck("agreedOn", "any"));

export const handle: RouteHandle = { title: (t) => t("casework:agreeStatement.title") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const { row, stage, clocks } = await openStageMove(db, request, params.reference, "agree-statement");
  return {
    reference: row.reference,
    kind: row.kind,
    requestedOn: formatLongDate(stage.requestedOn ?? stage.startedOn, "en"),
    statementDueBy: clocks.statementDueBy ? formatLongDate(clocks.statementDueBy, "en") : null,
    countsFromStatement: clockSettings(db).stage2ClockFrom === "statement",
  };
}

/** Where each refusal of the service is shown; anything else means the stage moved on meanwhile. */
const fieldOf: Record<string, "agreedOnDay"> = {
  "date-in-future": "agreedOnDay",
  "date-before-start": "agreedOnDay",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const { staff, row } = await stageMoveAction(db, request, params.reference, "agree-statement");
  const submission = parseWithZod(await readForm(request), { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = agreeStatement(db, staff, row.reference, { agreedOn: dateFrom(submission.value, "agreedOn") ?? "" });
  if (result.ok) return redirect(`/staff/cases/${row.reference}`);
  const field = fieldOf[result.error];
  if (!field) throw redirect(`/staff/cases/${row.reference}`);
  return data(submission.reply({ fieldErrors: { [field]: [`casework:errors.agreedOn.${result.error}`] } }), { status: 400 });
}

export default function AgreeStatementPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const [form, fields] = useForm(formOptions("agree-statement", schema, lastResult));
  return (
    <>
      <ErrorSummary errors={summaryErrors([{ field: fields.agreedOnDay }])} />
      <CaseHeading reference={d.reference} kind={d.kind} title={t("agreeStatement.title")} />
      <SummaryList
        rows={[
          { key: "requested", label: t("agreeStatement.requestedOn"), value: d.requestedOn },
          ...(d.statementDueBy ? [{ key: "due", label: t("agreeStatement.dueBy"), value: d.statementDueBy }] : []),
        ]}
      />
      <p className="govuk-body">{d.countsFromStatement ? t("agreeStatement.startsClock") : t("agreeStatement.clockFromRequest")}</p>
      <Form method="post" {...getFormProps(form)}>
        <DateField day={fields.agreedOnDay} month={fields.agreedOnMonth} year={fields.agreedOnYear} legend={t("agreeStatement.date")} hint={t("dateHint")} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("agreeStatement.save")}
          </button>
          <CancelLink reference={d.reference} />
        </div>
      </Form>
    </>
  );
}
