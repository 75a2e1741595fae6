import { getFormProps, useForm } from "@conform-to/react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { answerRows } from "~/components/answers";
import { ErrorSummary, serverCheckedFormOptions, SingleCheckboxField, summaryErrors } from "~/components/form-fields";
import { BackLink } from "~/components/layout";
import type { RouteHandle } from "~/components/page-title";
import { SummaryList } from "~/components/summary-list";
import { completeAnswers, firstIncompleteStep, stepsFor } from "~/domain/form/journey";
import { clientKey } from "~/domain/limit-keys";
import { getLanguage, getMode } from "~/i18n/language.server";
import { config } from "~/services/config.server";
import { getDb } from "~/services/db.server";
import { listAttachments } from "~/services/attachments.server";
import { draftIdFrom, openDraft } from "~/services/drafts.server";
import { readForm } from "~/services/form-data.server";
import { checkSend, journeyContext } from "~/services/journey.server";
import { teamOptions } from "~/services/public-teams.server";
import { submitDraft } from "~/services/submission.server";

export const handle: RouteHandle = { title: (t) => t("form:checkAnswers.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const draft = await openDraft(db, request);
  const context = journeyContext(db, draft?.answers ?? {});
  const answers = draft ? completeAnswers(context) : null;
  if (!draft || !answers) {
    const first = draft ? firstIncompleteStep(context) : null;
    throw redirect(first ? `/form/${first}` : "/");
  }
  const steps = stepsFor(context.answers, context.today);
  const files = steps.includes("attachments") ? listAttachments(db, { draftId: draft.id }).map((a) => a.originalName) : null;
  // Easy read names the team in the same plain words the person chose it by.
  const teams = (await getMode(request)) === "easy-read" ? teamOptions(db, { easyRead: true }) : context.teamOptions;
  return { answers, files, teams, lastStep: steps[steps.length - 1], language: await getLanguage(request) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const db = getDb();
  const submission = checkSend(await readForm(request));
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  if (submission.value.website) throw data("Refused", { status: 400 });
  const result = submitDraft(db, await draftIdFrom(request), {
    language: await getLanguage(request),
    mode: await getMode(request),
    publicUrl: config().publicUrl,
    limit: { key: `send:${clientKey(context.clientAddress)}`, limit: config().sendsPerHourPerAddress, windowMs: 60 * 60 * 1000 },
  });
  switch (result.outcome) {
    case "rate-limited":
      throw data("Too many requests", { status: 429 });
    case "sent":
      return redirect("/form/sent");
    case "already-sent":
      return redirect("/form/already-sent");
    case "incomplete":
      return redirect("/form/check-answers");
    case "no-draft":
      return redirect("/");
  }
}

export default function CheckAnswersPage() {
  const { t } = useTranslation("form");
  const { answers, files, teams, lastStep, language } = useLoaderData<typeof loader>();
  const rows = answerRows(t, answers, { changeLinks: true, teams, language });
  if (files) {
    rows.push({
      key: "attachments",
      label: t("checkAnswers.attachments"),
      value: files.length ? files.join("\n") : t("checkAnswers.attachmentsNone"),
      changeHref: "/form/attachments?change=true",
      changeLabel: t("checkAnswers.attachments").toLowerCase(),
    });
  }
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm(serverCheckedFormOptions<{ declaration: string; website: string }>("send", lastResult));
  return (
    <>
      <BackLink to={`/form/${lastStep}`} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={summaryErrors([{ field: fields.declaration }])} />
          <h1 className="govuk-heading-l">{t("checkAnswers.title")}</h1>
          <SummaryList rows={rows} />
          <h2 className="govuk-heading-m">{t("checkAnswers.sendHeading")}</h2>
          <Form method="post" {...getFormProps(form)}>
            <div className="speakup-honeypot" aria-hidden="true">
              <label htmlFor="website">{t("checkAnswers.honeypot")}</label>
              <input type="text" id="website" name="website" tabIndex={-1} autoComplete="off" />
            </div>
            <SingleCheckboxField field={fields.declaration} label={t("checkAnswers.declaration")} value="yes" />
            <button type="submit" className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
              {t("checkAnswers.send")}
            </button>
          </Form>
        </div>
      </div>
    </>
  );
}
