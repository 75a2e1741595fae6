import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { ErrorSummary, SelectField, summaryErrors, TextareaField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { ReportTableView, SuppressionNote } from "~/components/report";
import { londonDate } from "~/domain/calendar";
import { formatDateTime } from "~/domain/dates";
import { draftNarrative } from "~/domain/report/narrative";
import { tableIds } from "~/domain/report/tables";
import { financialYearOf, yearLabel, yearsShown } from "~/domain/report/years";
import { fixedT } from "~/i18n/i18n";
import { requireStaff } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { offThread } from "~/services/read-pool.server";
import { saveNarrative, savedNarrative, suppressionThreshold } from "~/services/report.server";

// The year is a GET form (bookmarkable, works without JavaScript); the summary is saved by POST.
const YEARS_OFFERED = 10;
const yearSchema = z.object({ year: z.optional(z.string().check(z.regex(/^\d{4}$/, "staff:report.yearLabel"))) });
const MAX_SUMMARY = 20000;
const narrativeSchema = z.object({
  year: z.string().check(z.regex(/^\d{4}$/)),
  summary: z.string({ error: "staff:report.narrative.required" }).check(z.trim(), z.minLength(1, "staff:report.narrative.required"), z.maxLength(MAX_SUMMARY, "staff:report.narrative.tooLong")),
});

export const handle: RouteHandle = { title: (t) => t("staff:nav.report") };

/** The last complete financial year, and the ten before it, as the choices. */
function offeredYears(now: Date): number[] {
  const latest = financialYearOf(londonDate(now)) - 1;
  return Array.from({ length: YEARS_OFFERED }, (_, i) => latest - i);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  await requireStaff(db, request, "report.view");
  const url = new URL(request.url);
  const years = offeredYears(new Date());
  const parsed = yearSchema.safeParse({ year: url.searchParams.get("year") ?? undefined });
  const asked = parsed.success && parsed.data.year ? Number(parsed.data.year) : null;
  // A year outside the offered ones shows the latest instead (the choices are the only years there are).
  const year = asked !== null && years.includes(asked) ? asked : years[0]!;
  const tables = await offThread(db, "annualReport", year);
  const saved = savedNarrative(db, year);
  const t = fixedT("en", "staff");
  const threshold = suppressionThreshold(db);
  const draft = draftNarrative(tables, yearsShown(year).map(yearLabel), threshold)
    .map((s) => t(s.key, s.params))
    .join(" ");
  return {
    year,
    years: years.map((y) => ({ value: String(y), label: t("report.yearOption", { year: yearLabel(y), from: y, to: y + 1 }) })),
    tables,
    threshold,
    summary: saved?.text ?? draft,
    savedAt: saved ? formatDateTime(saved.updatedAt, "en") : null,
    justSaved: url.searchParams.get("saved") === "1",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const db = getDb();
  const staff = await requireStaff(db, request, "report.view");
  const submission = parseWithZod(await request.formData(), { schema: narrativeSchema });
  if (submission.status !== "success") return submission.reply();
  saveNarrative(db, { actorId: staff.id, year: Number(submission.value.year), text: submission.value.summary });
  return redirect(`/staff/report?year=${submission.value.year}&saved=1#summary-heading`);
}

export default function ReportPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const [yearForm, yearFields] = useForm(formOptions("report-year", yearSchema, null, { year: String(d.year) }));
  const [form, fields] = useForm(formOptions("report-summary", narrativeSchema, lastResult, { year: String(d.year), summary: d.summary }));
  const csvBase = `/staff/report.csv?year=${d.year}`;
  return (
    <>
      <ErrorSummary errors={summaryErrors([{ field: fields.summary }])} />
      {d.justSaved ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="saved-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="saved-title">
              {t("report.narrative.saved")}
            </h2>
          </div>
        </div>
      ) : null}
      <h1 className="govuk-heading-l">{t("report.title", { year: yearLabel(d.year) })}</h1>
      <p className="govuk-body">{t("report.intro")}</p>
      <SuppressionNote t={t} threshold={d.threshold} />
      <Form method="get" action="/staff/report" className="speakup-no-print" {...getFormProps(yearForm)}>
        <SelectField field={yearFields.year} label={t("report.yearLabel")} placeholder={t("report.latestYear")} options={d.years} />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          {t("report.show")}
        </button>
      </Form>
      <p className="govuk-body speakup-no-print">
        <a className="govuk-link" href={csvBase} download>
          {t("report.downloadAll")}
        </a>
      </p>

      <section aria-labelledby="summary-heading" className="speakup-report-summary">
        <h2 className="govuk-heading-m" id="summary-heading">
          {t("report.narrative.title")}
        </h2>
        <div className="speakup-print-only">
          {d.summary.split(/\n{2,}/).map((p, i) => (
            <p className="govuk-body" key={i}>
              {p}
            </p>
          ))}
        </div>
        <Form method="post" className="speakup-no-print" {...getFormProps(form)}>
          <input type="hidden" name="year" value={String(d.year)} />
          <p className="govuk-body">{d.savedAt ? t("report.narrative.savedOn", { date: d.savedAt }) : t("report.narrative.draftNote")}</p>
          <TextareaField field={fields.summary} label={t("report.narrative.label", { year: yearLabel(d.year) })} hint={t("report.narrative.hint")} maxLength={MAX_SUMMARY} rows={6} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("report.narrative.save")}
          </button>
        </Form>
        <p className="govuk-body">{t("report.notRecordedYet")}</p>
      </section>

      <nav aria-labelledby="contents" className="speakup-no-print">
        <h2 className="govuk-heading-m" id="contents">
          {t("report.contents")}
        </h2>
        <ol className="govuk-list govuk-list--number">
          {tableIds.map((id) => (
            <li key={id}>
              <Link className="govuk-link" to={`#table-${id}`}>
                {t(`report.tables.${id}.title`)}
              </Link>
            </li>
          ))}
        </ol>
      </nav>

      {d.tables.map((table) => (
        <ReportTableView key={table.id} table={table} t={t} threshold={d.threshold} csvHref={`${csvBase}&table=${table.id}`} />
      ))}
    </>
  );
}
