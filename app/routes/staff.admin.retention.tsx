import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, summaryErrors, TextField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import { SuccessBanner } from "~/components/notification-banner";
import type { RouteHandle } from "~/components/page-title";
import { formatDateTime, formatLongDate } from "~/domain/dates";
import { retentionFields, retentionLimits, retentionSchema } from "~/domain/retention-settings";
import { requireStaff } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { getRetentionSettings, planRetention, RETENTION_HOUR, RETENTION_JOB, updateRetentionSettings } from "~/services/retention.server";
import { lastRun, nextRun } from "~/services/scheduler.server";

export const handle: RouteHandle = { title: (t) => t("staff:retention.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  await requireStaff(db, request, "admin.settings");
  const values = getRetentionSettings(db);
  const last = lastRun(db, RETENTION_JOB);
  const dryRun = new URL(request.url).searchParams.get("dry-run") === "yes";
  // The dry run only reads; it names cases by reference and kind, never by person.
  const plan = dryRun ? planRetention(db) : null;
  return {
    values: Object.fromEntries(retentionFields.map((k) => [k, String(values[k])])),
    next: nextRun(db, RETENTION_JOB, RETENTION_HOUR),
    last: last ? { runOn: last.runOn, startedAt: last.startedAt.toISOString(), finished: last.finishedAt !== null, result: last.result } : null,
    plan: plan ? { cases: plan.cases.map(({ reference, kind, closedOn, action }) => ({ reference, kind, closedOn, action })), equalityAnswers: plan.equalityAnswers.length, emailBodies: plan.emailBodies.length } : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const db = getDb();
  const admin = await requireStaff(db, request, "admin.settings");
  const submission = parseWithZod(await readForm(request), { schema: retentionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  updateRetentionSettings(db, { actorId: admin.id, values: submission.value });
  return redirect("/staff/admin/retention?done=saved");
}

/** A run's stored counts, read defensively: a number, or a record of numbers by kind to add up. */
function count(value: unknown): number {
  if (typeof value === "number") return value;
  return value && typeof value === "object" ? Object.values(value).reduce<number>((a, b) => a + count(b), 0) : 0;
}

export default function RetentionPage() {
  const { values, next, last, plan } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm(formOptions("retention", retentionSchema, lastResult, values));
  const hour = `${String(next.hour).padStart(2, "0")}:00`;
  const result = last?.result ?? null;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {searchParams.get("done") === "saved" ? <SuccessBanner>{t("retention.saved")}</SuccessBanner> : null}
        <ErrorSummary errors={summaryErrors(retentionFields.map((k) => ({ field: fields[k] })))} />
        <h1 className="govuk-heading-l">{t("retention.title")}</h1>
        <p className="govuk-body">{t("retention.intro")}</p>

        <h2 className="govuk-heading-m">{t("retention.scheduleHeading")}</h2>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("retention.nextRun")}</dt>
            <dd className="govuk-summary-list__value" data-testid="next-run">
              {next.dueNow ? t("retention.dueNow") : t("retention.nextRunAt", { date: formatLongDate(next.on, "en"), hour })}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("retention.lastRun")}</dt>
            <dd className="govuk-summary-list__value" data-testid="last-run">
              {!last
                ? t("retention.neverRun")
                : !last.finished
                  ? t("retention.running", { at: formatDateTime(new Date(last.startedAt), "en") })
                  : result?.ok === false
                    ? t("retention.failed", { at: formatDateTime(new Date(last.startedAt), "en") })
                    : t("retention.lastResult", {
                        at: formatDateTime(new Date(last.startedAt), "en"),
                        anonymised: count(result?.anonymised),
                        deleted: count(result?.deleted),
                        equality: count(result?.equalityAnswers),
                        emails: count(result?.emailBodies),
                        files: count(result?.files),
                      })}
            </dd>
          </div>
        </dl>

        <h2 className="govuk-heading-m">{t("retention.periodsHeading")}</h2>
        <p className="govuk-body">{t("retention.periodsIntro")}</p>
        <Form method="post" {...getFormProps(form)}>
          {retentionFields.map((key) => (
            <TextField key={key} field={fields[key]} label={t(`retention.fields.${key}`)} hint={t(`retention.hints.${key}`, { min: retentionLimits[key].min, max: retentionLimits[key].max })} width="3" />
          ))}
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("settings.save")}
          </button>
        </Form>

        <h2 className="govuk-heading-m">{t("retention.dryRunHeading")}</h2>
        <p className="govuk-body">{t("retention.dryRunIntro")}</p>
        <Form method="get">
          <input type="hidden" name="dry-run" value="yes" />
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            {t("retention.dryRunButton")}
          </button>
        </Form>
        {plan ? (
          <section aria-labelledby="dry-run-result">
            <h3 className="govuk-heading-s" id="dry-run-result">
              {t("retention.dryRunResult")}
            </h3>
            <p className="govuk-body">{t("retention.dryRunOther", { equality: plan.equalityAnswers, emails: plan.emailBodies })}</p>
            {plan.cases.length === 0 ? (
              <p className="govuk-body">{t("retention.dryRunNone")}</p>
            ) : (
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--s">{t("retention.dryRunCaption", { count: plan.cases.length })}</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">{t("retention.columns.reference")}</th>
                    <th scope="col" className="govuk-table__header">{t("retention.columns.kind")}</th>
                    <th scope="col" className="govuk-table__header">{t("retention.columns.closed")}</th>
                    <th scope="col" className="govuk-table__header">{t("retention.columns.action")}</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {plan.cases.map((c) => (
                    <tr key={c.reference} className="govuk-table__row">
                      <td className="govuk-table__cell">{c.reference}</td>
                      <td className="govuk-table__cell">{t(`retention.kinds.${c.kind}`)}</td>
                      <td className="govuk-table__cell">{formatLongDate(c.closedOn, "en")}</td>
                      <td className="govuk-table__cell">{t(`retention.actions.${c.action}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p className="govuk-body">
              <Link className="govuk-link" to="/staff/admin/retention">
                {t("retention.dryRunClose")}
              </Link>
            </p>
          </section>
        ) : null}
      </div>
    </div>
  );
}
