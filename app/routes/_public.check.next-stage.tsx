import { getFormProps, useForm } from "@conform-to/react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/layout";
import { ErrorSummary, serverCheckedFormOptions, summaryErrors, TextareaField } from "~/components/form-fields";
import type { RouteHandle } from "~/components/page-title";
import { formatLongDate } from "~/domain/dates";
import { getLanguage } from "~/i18n/language.server";
import { askForNextStage, personCase } from "~/services/check.server";
import { requireCheckSession } from "~/services/check-session.server";
import { config } from "~/services/config.server";
import { type CheckFormShape, parseCheckForm } from "~/services/check-forms.server";
import { LATE_MAX, UNRESOLVED_MAX } from "~/domain/check/limits";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";

// "Check your complaint": asking for the next stage (decision record 030). A late request is
// accepted with why it is late; the service decides, from the transition table, whether it is.



export const handle: RouteHandle = { title: (t, loaderData) => t("check:next.title", { stage: t(`check:stages.${(loaderData as { kind?: string } | undefined)?.kind}`) }) };

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const session = await requireCheckSession(db, request);
  const next = personCase(db, session)?.next;
  if (!next?.mayAsk) throw redirect("/check/complaint");
  const language = await getLanguage(request);
  return { kind: next.kind, late: next.late, windowEndsOn: next.windowEndsOn ? formatLongDate(next.windowEndsOn, language) : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const db = getDb();
  const session = await requireCheckSession(db, request);
  const submission = parseCheckForm(await readForm(request), "nextStage");
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = askForNextStage(db, session, { unresolved: submission.value.unresolved, lateReason: submission.value.lateReason ?? null, publicUrl: config().publicUrl });
  if (result.ok) return redirect("/check/complaint?asked=true");
  if (result.error === "late-reason-required") return data(submission.reply({ fieldErrors: { lateReason: ["check:errors.lateRequired"] } }), { status: 400 });
  // Already asked, or the stage moved on meanwhile: the complaint page says where it is.
  throw redirect("/check/complaint");
}

export default function AskForNextStagePage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("check");
  const [form, fields] = useForm(serverCheckedFormOptions<CheckFormShape<"nextStage">>("check-next-stage", lastResult));
  const stage = t(`check:stages.${d.kind}`);
  return (
    <>
      <BackLink to="/check/complaint" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={summaryErrors([{ field: fields.unresolved }, { field: fields.lateReason }])} />
          <h1 className="govuk-heading-l">{t("next.title", { stage })}</h1>
          <p className="govuk-body">{t("next.intro")}</p>
          <Form method="post" {...getFormProps(form)}>
            <TextareaField field={fields.unresolved} label={t("next.unresolvedLabel")} hint={t("next.unresolvedHint")} maxLength={UNRESOLVED_MAX} rows={6} />
            {d.late && d.windowEndsOn ? (
              <TextareaField field={fields.lateReason} label={t("next.lateLabel", { date: d.windowEndsOn })} hint={t("next.lateHint")} maxLength={LATE_MAX} rows={3} />
            ) : null}
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button" data-module="govuk-button">
                {t("next.send")}
              </button>
              <Link className="govuk-link" to="/check/complaint">
                {t("next.cancel")}
              </Link>
            </div>
          </Form>
        </div>
      </div>
    </>
  );
}
