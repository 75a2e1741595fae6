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
import { dateCheck, isoFromParts, requireText } from "~/domain/casework-forms";
import { formatDateTime, formatLongDate } from "~/domain/dates";
import { dateParts } from "~/domain/form/dates";
import { activeRestrictions, addRestriction, endRestriction } from "~/services/case-restrictions.server";
import { caseAction, openCase } from "~/services/case-route.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";

const restrictionSchema = z
  .object({
    restricted: requireText("restricted", 1000),
    reason: requireText("restrictionReason", 2000),
    ...dateParts("reviewOn"),
  })
  .check(dateCheck("reviewOn", "future"));

export const handle: RouteHandle = { title: (t) => t("casework:restrictions.title") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const { row } = await openCase(db, request, params.reference, "cases.triage");
  return {
    reference: row.reference,
    kind: row.kind,
    person: row.personName,
    restrictions: activeRestrictions(db, row).map((r) => ({
      id: r.id,
      restricted: r.restricted,
      reason: r.reason,
      reviewOn: formatLongDate(r.reviewOn, "en"),
      by: r.createdBy,
      at: formatDateTime(r.createdAt, "en"),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const { staff, row } = await caseAction(db, request, params.reference, "cases.triage");
  const form = await readForm(request);
  if (form.get("intent") === "end") {
    const id = String(form.get("restrictionId") ?? "");
    if (/^\d{1,9}$/.test(id)) endRestriction(db, staff, row.reference, Number(id));
    return redirect(`/staff/cases/${row.reference}/restrictions`);
  }
  const submission = parseWithZod(form, { schema: restrictionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  const reviewOn = isoFromParts(v.reviewOnDay, v.reviewOnMonth, v.reviewOnYear) ?? "";
  const done = addRestriction(db, staff, row.reference, { restricted: v.restricted, reason: v.reason, reviewOn });
  if (!done.ok) throw new Response("Not found", { status: 404 });
  return redirect(`/staff/cases/${row.reference}`);
}

export default function RestrictionsPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const [form, fields] = useForm(formOptions("restriction", restrictionSchema, lastResult));
  return (
    <>
      <ErrorSummary errors={summaryErrors([{ field: fields.restricted }, { field: fields.reason }, { field: fields.reviewOnDay }])} />
      <CaseHeading reference={d.reference} kind={d.kind} title={t("restrictions.title")} />
      <p className="govuk-body">{t("restrictions.intro", { name: d.person || t("inbox.anonymous") })}</p>
      {d.restrictions.map((r) => (
        <div className="govuk-summary-card" key={r.id}>
          <div className="govuk-summary-card__title-wrapper">
            <h2 className="govuk-summary-card__title">{t("restrictions.addedBy", { name: r.by ?? "", at: r.at })}</h2>
          </div>
          <div className="govuk-summary-card__content">
            <p className="govuk-body speakup-preserve-lines">{r.restricted}</p>
            <p className="govuk-body speakup-preserve-lines">{t("case.restrictionReason", { reason: r.reason, date: r.reviewOn })}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="end" />
              <input type="hidden" name="restrictionId" value={r.id} />
              <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                {t("restrictions.end")}
              </button>
            </Form>
          </div>
        </div>
      ))}
      <h2 className="govuk-heading-m">{t("restrictions.addHeading")}</h2>
      <Form method="post" {...getFormProps(form)}>
        <TextareaField field={fields.restricted} label={t("restrictions.restricted")} hint={t("restrictions.restrictedHint")} maxLength={1000} rows={3} />
        <TextareaField field={fields.reason} label={t("restrictions.reason")} maxLength={2000} rows={4} />
        <DateField day={fields.reviewOnDay} month={fields.reviewOnMonth} year={fields.reviewOnYear} legend={t("restrictions.reviewOn")} hint={t("restrictions.reviewOnHint")} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("restrictions.add")}
          </button>
          <CancelLink reference={d.reference} />
        </div>
      </Form>
    </>
  );
}
