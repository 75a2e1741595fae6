import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { answerRows } from "~/components/answers";
import type { RouteHandle } from "~/components/page-title";
import { SummaryList } from "~/components/summary-list";
import { formatLongDate } from "~/domain/dates";
import type { DraftAnswers } from "~/domain/form/steps";
import { listAttachments } from "~/services/attachments.server";
import { requireStaff } from "~/services/auth.server";
import { findLog, finishLog, nextLogStep } from "~/services/case-log.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { journeyContext } from "~/services/journey.server";

export const handle: RouteHandle = { title: (t) => t("casework:log.checkTitle") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  await requireStaff(db, request, "cases.create");
  const draft = findLog(db, params.draft ?? "");
  if (!draft) throw new Response("Not found", { status: 404 });
  const next = nextLogStep(db, draft.id);
  if (next !== "check-answers") throw redirect(`/staff/log/${draft.id}/${next}`);
  const fresh = findLog(db, draft.id);
  const { staffLog: _meta, ...answers } = (fresh?.answers ?? {}) as Record<string, unknown>;
  return {
    method: draft.log.method,
    receivedOn: formatLongDate(draft.log.receivedOn, "en"),
    answers: answers as DraftAnswers,
    teams: journeyContext(db, answers as DraftAnswers).teamOptions,
    files: "attachments" in answers ? listAttachments(db, { draftId: draft.id }).map((a) => a.originalName) : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const staff = await requireStaff(db, request, "cases.create");
  await readForm(request);
  const result = finishLog(db, staff, params.draft ?? "");
  if (!result.ok) {
    if (result.error === "not-found") throw new Response("Not found", { status: 404 });
    throw redirect(`/staff/log/${params.draft}/${nextLogStep(db, params.draft ?? "")}`);
  }
  return redirect(`/staff/cases/${result.reference}`);
}

export default function LogCheckPage() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("casework");
  return (
    <>
      <h1 className="govuk-heading-l">{t("log.checkTitle")}</h1>
      <SummaryList
        rows={[
          { key: "method", label: t("case.method"), value: d.method },
          { key: "received", label: t("case.received"), value: d.receivedOn },
        ]}
      />
      <SummaryList
        rows={[
          ...answerRows(t, d.answers, { changeLinks: false, teams: d.teams, language: "en" }),
          ...(d.files ? [{ key: "attachments", label: t("log.attachments"), value: d.files.length ? d.files.join("\n") : t("log.attachmentsNone") }] : []),
        ]}
      />
      <Form method="post">
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("log.finish")}
          </button>
          <Link className="govuk-link" to="/staff">
            {t("log.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
