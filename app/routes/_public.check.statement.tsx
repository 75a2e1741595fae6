import { getFormProps, useForm } from "@conform-to/react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, serverCheckedFormOptions, summaryErrors, TextareaField } from "~/components/form-fields";
import { BackLink } from "~/components/layout";
import type { RouteHandle } from "~/components/page-title";
import { londonDate } from "~/domain/calendar";
import { CHANGES_MAX } from "~/domain/check/limits";
import { formatLongDate } from "~/domain/dates";
import { paragraphsOf } from "~/domain/paragraphs";
import { getLanguage } from "~/i18n/language.server";
import { answerStatement, personCase } from "~/services/check.server";
import { type CheckFormShape, parseCheckForm } from "~/services/check-forms.server";
import { requireCheckSession } from "~/services/check-session.server";
import { config } from "~/services/config.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";

// "Check your complaint": the Stage 2 statement of complaint, read and agreed or changes asked for
// online (decision record 041). Two small forms, so it works without JavaScript; the service
// decides from the transition table whether the person may answer now.

export const handle: RouteHandle = { title: (t) => t("check:statement.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const session = await requireCheckSession(db, request);
  const seen = personCase(db, session);
  const statement = seen?.view.statement;
  if (!seen || !statement) throw redirect("/check/complaint");
  const language = await getLanguage(request);
  return {
    reference: seen.reference,
    version: statement.version,
    body: statement.body,
    sharedOn: formatLongDate(londonDate(new Date(statement.sharedAt)), language),
    status: statement.status,
    agreedOn: statement.agreedOn ? formatLongDate(statement.agreedOn, language) : null,
    changes: statement.changes,
    mayAnswer: seen.mayAnswerStatement,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const db = getDb();
  const session = await requireCheckSession(db, request);
  const form = await readForm(request);
  const publicUrl = config().publicUrl;
  if (form.get("intent") === "agree") {
    const result = answerStatement(db, session, { answer: "agreed" }, publicUrl);
    // Not offered (already answered, or the stage moved on): the complaint page says where it is.
    throw redirect(result.ok ? "/check/complaint?agreed=true" : "/check/complaint");
  }
  const submission = parseCheckForm(form, "statementChanges");
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = answerStatement(db, session, { answer: "changes-asked", changes: submission.value.changes }, publicUrl);
  if (result.ok) throw redirect("/check/complaint?changes=true");
  if (result.error === "changes-required") return data(submission.reply({ fieldErrors: { changes: ["check:errors.changesRequired"] } }), { status: 400 });
  throw redirect("/check/complaint");
}

export default function StatementPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("check");
  const [form, fields] = useForm(serverCheckedFormOptions<CheckFormShape<"statementChanges">>("check-statement-changes", lastResult));
  return (
    <>
      <BackLink to="/check/complaint" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={summaryErrors([{ field: fields.changes }])} />
          <span className="govuk-caption-l">{t("complaint.reference", { reference: d.reference })}</span>
          <h1 className="govuk-heading-l">{t("statement.title")}</h1>
          <p className="govuk-body">{t("statement.intro")}</p>
          <p className="govuk-body-s">{t("statement.version", { version: d.version, date: d.sharedOn })}</p>
          <div className="govuk-inset-text" data-testid="statement-text">
            {paragraphsOf(d.body).map((p, i) => (
                <p className="govuk-body speakup-preserve-lines" key={i}>
                  {p}
                </p>
              ))}
          </div>
          {d.status === "agreed" ? <p className="govuk-body">{d.agreedOn ? t("statement.agreed", { date: d.agreedOn }) : t("statement.agreedNoDate")}</p> : null}
          {d.status === "changes-asked" ? (
            <>
              <p className="govuk-body">{t("statement.changesAsked")}</p>
              {d.changes ? (
                <>
                  <h2 className="govuk-heading-s">{t("statement.yourChanges")}</h2>
                  <p className="govuk-body speakup-preserve-lines">{d.changes}</p>
                </>
              ) : null}
            </>
          ) : null}
          {d.mayAnswer ? (
            <>
              <h2 className="govuk-heading-m">{t("statement.question")}</h2>
              <Form method="post">
                <input type="hidden" name="intent" value="agree" />
                <button type="submit" className="govuk-button" data-module="govuk-button">
                  {t("statement.agree")}
                </button>
              </Form>
              <h2 className="govuk-heading-m">{t("statement.changesHeading")}</h2>
              <Form method="post" {...getFormProps(form)}>
                <input type="hidden" name="intent" value="changes" />
                <TextareaField field={fields.changes} label={t("statement.changesLabel")} hint={t("statement.changesHint")} maxLength={CHANGES_MAX} rows={6} />
                <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                  {t("statement.askChanges")}
                </button>
              </Form>
            </>
          ) : null}
          <p className="govuk-body">
            <Link className="govuk-link" to="/check/complaint">
              {t("statement.back")}
            </Link>
          </p>
        </div>
      </div>
    </>
  );
}
