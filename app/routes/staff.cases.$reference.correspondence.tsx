import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { CancelLink, CaseHeading } from "~/components/casework";
import { ErrorSummary, RadiosField, summaryErrors, TextareaField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { requireChoice, requireText } from "~/domain/casework-forms";
import { correspondenceChannels } from "~/domain/casework";
import { recordCorrespondence } from "~/services/case.server";
import { caseAction, openCase } from "~/services/case-route.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";

const correspondenceSchema = z.object({
  direction: requireChoice("direction", ["in", "out"] as const),
  channel: requireChoice("channel", correspondenceChannels),
  summary: requireText("summary", 10000),
});

export const handle: RouteHandle = { title: (t) => t("casework:correspondence.title") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { row } = await openCase(getDb(), request, params.reference, "cases.view");
  return { reference: row.reference, kind: row.kind };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const { staff, row } = await caseAction(db, request, params.reference, "cases.view");
  const submission = parseWithZod(await readForm(request), { schema: correspondenceSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const done = recordCorrespondence(db, staff, row.reference, submission.value);
  if (!done.ok) throw new Response("Not found", { status: 404 });
  return redirect(`/staff/cases/${row.reference}`);
}

export default function CorrespondencePage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const [form, fields] = useForm(formOptions("correspondence", correspondenceSchema, lastResult));
  return (
    <>
      <ErrorSummary errors={summaryErrors([{ field: fields.direction }, { field: fields.channel }, { field: fields.summary }])} />
      <CaseHeading reference={d.reference} kind={d.kind} title={t("correspondence.title")} />
      <Form method="post" {...getFormProps(form)}>
        <RadiosField field={fields.direction} legend={t("correspondence.direction")} inline options={(["in", "out"] as const).map((v) => ({ value: v, label: t(`correspondence.directions.${v}`) }))} />
        <RadiosField field={fields.channel} legend={t("correspondence.channel")} options={correspondenceChannels.map((c) => ({ value: c, label: t(`channels.${c}`) }))} />
        <TextareaField field={fields.summary} label={t("correspondence.summary")} hint={t("correspondence.summaryHint")} maxLength={10000} rows={8} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("correspondence.save")}
          </button>
          <CancelLink reference={d.reference} />
        </div>
      </Form>
    </>
  );
}
