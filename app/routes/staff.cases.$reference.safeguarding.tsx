import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { CancelLink, CaseHeading } from "~/components/casework";
import { ErrorSummary, summaryErrors, TextareaField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { requireText } from "~/domain/casework-forms";
import { formatDateTime, formatLongDate } from "~/domain/dates";
import { caseAction, openCase } from "~/services/case-route.server";
import { concernsOf, flagConcern } from "~/services/case-safeguarding.server";
import { staffNames } from "~/services/case.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";

const flagSchema = z.object({ concern: requireText("concern", 5000) });

export const handle: RouteHandle = { title: (t) => t("casework:safeguarding.title") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const { row } = await openCase(db, request, params.reference, "cases.view");
  const concerns = concernsOf(db, row.id);
  const recorders = staffNames(db, concerns.map((c) => c.referralRecordedById));
  return {
    reference: row.reference,
    kind: row.kind,
    concerns: concerns.map((c) => ({
      id: c.id,
      concern: c.concern,
      flagged: formatDateTime(c.flaggedAt, "en"),
      flaggedBy: c.flaggedBy,
      referral: c.referralRecordedAt
        ? {
            to: c.referredTo,
            name: c.referredToName,
            on: c.referredOn ? formatLongDate(c.referredOn, "en") : null,
            by: c.referralRecordedById ? (recorders.get(c.referralRecordedById) ?? null) : null,
          }
        : null,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const { staff, row } = await caseAction(db, request, params.reference, "cases.view");
  const submission = parseWithZod(await readForm(request), { schema: flagSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const done = flagConcern(db, staff, row.reference, submission.value.concern);
  if (!done.ok) throw new Response("Not found", { status: 404 });
  return redirect(`/staff/cases/${row.reference}/safeguarding`);
}

export default function SafeguardingPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const [form, fields] = useForm(formOptions("flag", flagSchema, lastResult));
  return (
    <>
      <ErrorSummary errors={summaryErrors([{ field: fields.concern }])} />
      <CaseHeading reference={d.reference} kind={d.kind} title={t("safeguarding.title")} />
      <p className="govuk-body">{t("safeguarding.intro")}</p>
      {d.concerns.length ? (
        <>
          <h2 className="govuk-heading-m">{t("safeguarding.concerns")}</h2>
          {d.concerns.map((c) => (
            <div className="govuk-summary-card" key={c.id} data-testid="concern">
              <div className="govuk-summary-card__title-wrapper">
                <h3 className="govuk-summary-card__title">{t("safeguarding.flaggedBy", { name: c.flaggedBy ?? "", at: c.flagged })}</h3>
              </div>
              <div className="govuk-summary-card__content">
                <p className="govuk-body speakup-preserve-lines">{c.concern}</p>
                {c.referral ? (
                  <p className="govuk-body">
                    <strong className="govuk-tag govuk-tag--green">{t("safeguarding.referredTag")}</strong>{" "}
                    {t("safeguarding.referredLine", { to: t(`safeguarding.bodies.${c.referral.to ?? "mash"}`), name: c.referral.name ?? "", on: c.referral.on ?? "", by: c.referral.by ?? "" })}
                  </p>
                ) : (
                  <p className="govuk-body">
                    <strong className="govuk-tag govuk-tag--red">{t("safeguarding.notReferredTag")}</strong>{" "}
                    <Link className="govuk-link" to={`/staff/cases/${d.reference}/referral/${c.id}`}>
                      {t("safeguarding.recordReferral")}
                    </Link>
                  </p>
                )}
              </div>
            </div>
          ))}
        </>
      ) : null}
      <h2 className="govuk-heading-m">{t("safeguarding.flagHeading")}</h2>
      <Form method="post" {...getFormProps(form)}>
        <TextareaField field={fields.concern} label={t("safeguarding.concern")} hint={t("safeguarding.concernHint")} maxLength={5000} rows={5} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
            {t("safeguarding.flag")}
          </button>
          <CancelLink reference={d.reference} />
        </div>
      </Form>
    </>
  );
}
