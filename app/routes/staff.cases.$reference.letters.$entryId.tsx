import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { CancelLink, CaseHeading } from "~/components/casework";
import { DateField, ErrorSummary, summaryErrors, useHydrated } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import { SuccessBanner } from "~/components/notification-banner";
import type { RouteHandle } from "~/components/page-title";
import { SummaryList } from "~/components/summary-list";
import { londonDate } from "~/domain/calendar";
import { isoFromParts } from "~/domain/casework-forms";
import { formatLongDate } from "~/domain/dates";
import { paragraphsOf } from "~/domain/paragraphs";
import { dateParts } from "~/domain/form/dates";
import { formatLanguageAndMode, isLanguage, textDirection } from "~/i18n/i18n";
import { caseAction, openCase } from "~/services/case-route.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { letterToPrint, markLetterPosted } from "~/services/letters.server";
import { getSettings } from "~/services/settings.server";

const postedSchema = z.object({ ...dateParts("postedOn") }).check(
  z.superRefine((v, ctx) => {
    const empty = !v.postedOnDay && !v.postedOnMonth && !v.postedOnYear;
    const message = empty ? "casework:errors.postedOn.required" : !isoFromParts(v.postedOnDay, v.postedOnMonth, v.postedOnYear) ? "casework:errors.postedOn.invalid" : null;
    if (message) ctx.addIssue({ code: "custom", message, path: ["postedOnDay"], input: v });
  }),
);

export const handle: RouteHandle = {
  title: (t, data) => t("casework:letters.pageTitle", { reference: (data as { reference?: string } | undefined)?.reference ?? "" }),
};

function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

/** Timeline entry ids are whole numbers; anything else is not a letter. */
function entryIdOf(param: string | undefined): number {
  if (!param || !/^\d{1,12}$/.test(param)) notFound();
  return Number(param);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const entryId = entryIdOf(params.entryId);
  const { row } = await openCase(db, request, params.reference, "cases.view");
  const letter = letterToPrint(db, row, entryId);
  if (!letter) notFound();
  const settings = getSettings(db);
  const language = isLanguage(row.language) ? row.language : "en";
  const today = londonDate(new Date());
  return {
    reference: row.reference,
    kind: row.kind,
    entryId,
    template: letter.template,
    // The letter is in the person's language, and so is its date.
    lang: language,
    dir: textDirection(language),
    languageAndMode: { language: row.language, mode: row.mode },
    date: formatLongDate(letter.writtenOn, language),
    subject: letter.subject,
    paragraphs: paragraphsOf(letter.body),
    personName: letter.personName,
    postalAddress: letter.postalAddress,
    notSafeToWrite: letter.notSafeToWrite,
    posted: letter.posted ? { on: formatLongDate(letter.posted.on, "en"), by: letter.posted.by } : null,
    council: { name: settings.councilName, address: settings.complaintsTeamAddress, phone: settings.complaintsTeamPhone, email: settings.complaintsTeamEmail },
    todayParts: { postedOnDay: String(Number(today.slice(8, 10))), postedOnMonth: String(Number(today.slice(5, 7))), postedOnYear: today.slice(0, 4) },
    example: `${Number(today.slice(8, 10))} ${Number(today.slice(5, 7))} ${today.slice(0, 4)}`,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const entryId = entryIdOf(params.entryId);
  const { staff, row } = await caseAction(db, request, params.reference, "cases.respond");
  const submission = parseWithZod(await readForm(request), { schema: postedSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  const postedOn = isoFromParts(v.postedOnDay, v.postedOnMonth, v.postedOnYear) ?? "";
  const result = markLetterPosted(db, staff, row.reference, entryId, postedOn);
  if (result.ok) return redirect(`/staff/cases/${row.reference}/letters/${entryId}?done=posted`);
  if (result.error === "not-found") notFound();
  return data(submission.reply({ fieldErrors: { postedOnDay: [`casework:errors.postedOn.${result.error}`] } }), { status: 400 });
}

/** Shown once the page's script runs: printing needs the browser; without script, the words say how. */
function PrintButton() {
  const { t } = useTranslation("casework");
  if (!useHydrated()) return null;
  return (
    <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" onClick={() => window.print()}>
      {t("letters.print")}
    </button>
  );
}

export default function LetterPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm(formOptions("posted", postedSchema, lastResult, d.todayParts));
  return (
    <>
      <div className="speakup-no-print">
        {searchParams.get("done") === "posted" ? <SuccessBanner>{t("letters.savedPosted")}</SuccessBanner> : null}
        <ErrorSummary errors={summaryErrors([{ field: fields.postedOnDay }])} />
        <CaseHeading reference={d.reference} kind={d.kind} title={t("letters.title")} />
        {d.postalAddress ? null : <Warning testId="no-address">{t("letters.noAddressWarning")}</Warning>}
        {d.notSafeToWrite ? <Warning testId="not-safe">{t("letters.notSafeWarning")}</Warning> : null}
        <SummaryList
          rows={[
            { key: "letter", label: t("letters.letter"), value: t(`letters.kinds.${d.template}`, { defaultValue: d.template }) },
            { key: "to", label: t("letters.to"), value: d.postalAddress ? [d.personName, d.postalAddress].filter(Boolean).join("\n") : t("letters.noAddress") },
            { key: "language", label: t("letters.language"), value: formatLanguageAndMode(t, d.languageAndMode.language, d.languageAndMode.mode) },
            {
              key: "status",
              label: t("letters.status"),
              value: d.posted ? (d.posted.by ? t("letters.postedBy", { date: d.posted.on, name: d.posted.by }) : t("letters.posted", { date: d.posted.on })) : t("letters.waiting"),
            },
          ]}
        />
        <p className="govuk-body">{t("letters.howToPrint")}</p>
        <PrintButton />
      </div>

      <h2 className="govuk-heading-m speakup-no-print">{t("letters.preview")}</h2>
      <article className="speakup-letter" lang={d.lang} dir={d.dir} data-testid="letter">
        <address className="speakup-letter__from">
          <strong>{d.council.name}</strong>
          <span className="speakup-preserve-lines">{d.council.address}</span>
          <span>{d.council.phone}</span>
          <span>{d.council.email}</span>
        </address>
        <address className="speakup-letter__to" data-testid="letter-to">
          {d.personName ? <span>{d.personName}</span> : null}
          {d.postalAddress ? <span className="speakup-preserve-lines">{d.postalAddress}</span> : null}
        </address>
        <p className="speakup-letter__date">{d.date}</p>
        <h3 className="govuk-heading-s">{d.subject}</h3>
        {d.paragraphs.map((p, i) => (
          <p key={i} className="govuk-body speakup-preserve-lines">
            {p}
          </p>
        ))}
      </article>

      <div className="speakup-no-print">
        <h2 className="govuk-heading-m">{t("letters.markTitle")}</h2>
        {d.posted ? (
          <p className="govuk-body">{t("letters.alreadyPosted", { date: d.posted.on })}</p>
        ) : (
          <Form method="post" {...getFormProps(form)}>
            <DateField day={fields.postedOnDay} month={fields.postedOnMonth} year={fields.postedOnYear} legend={t("letters.postedOn")} hint={t("letters.postedOnHint", { example: d.example })} />
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button" data-module="govuk-button">
                {t("letters.markPosted")}
              </button>
              <CancelLink reference={d.reference} />
            </div>
          </Form>
        )}
      </div>
    </>
  );
}

function Warning({ children, testId }: { children: string; testId: string }) {
  const { t } = useTranslation("casework");
  return (
    <div className="govuk-warning-text" data-testid={testId}>
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">{t("warning")}</span>
        {children}
      </strong>
    </div>
  );
}
