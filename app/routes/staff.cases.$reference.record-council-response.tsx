import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CaseHeading } from "~/components/casework";
import { ErrorSummary } from "~/components/form-fields";
import type { RouteHandle } from "~/components/page-title";
import { FindingForm, LetterForm, responseFieldErrors, responseInput, responseSchema } from "~/components/response-form";
import { SummaryList } from "~/components/summary-list";
import { formatLongDate } from "~/domain/dates";
import { letterEmailOf } from "~/domain/letters";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { responseOutcomeForm } from "~/services/outcomes.server";
import { draftResponse, respondToStage } from "~/services/stage-actions.server";
import { openStageMove, stageMoveAction } from "~/services/stage-move-route.server";

export const handle: RouteHandle = { title: (t) => t("casework:councilResponse.title") };

/**
 * Stage 3 ends with the council's response to the panel's recommendations, within 15 working
 * days of the chair's report: the same two steps as any response (the finding, then the letter),
 * and the letter tells the person about the Ombudsman.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const { staff, row, stage, clocks } = await openStageMove(db, request, params.reference, "record-council-response");
  const asked = new URL(request.url).searchParams.get("finding");
  const { findings, ...outcomes } = responseOutcomeForm(db, row.id);
  const finding = findings.find((f) => f.code === asked) ?? null;
  const date = (d: string | null) => (d ? formatLongDate(d, "en") : null);
  return {
    reference: row.reference,
    kind: row.kind,
    panelOn: date(stage.panelOn),
    reportOn: date(stage.panelReportOn),
    dueBy: date(clocks.councilResponseBy),
    findings,
    finding,
    findingError: asked !== null && finding === null,
    ...outcomes,
    sendTo: letterEmailOf(row),
    letter: finding ? draftResponse(db, staff, row, finding.code) : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const { staff, row } = await stageMoveAction(db, request, params.reference, "record-council-response");
  const submission = parseWithZod(await readForm(request), { schema: responseSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = respondToStage(db, staff, row.reference, responseInput(submission.value));
  if (result.ok) return redirect(`/staff/cases/${row.reference}`);
  const fieldErrors = responseFieldErrors(result);
  if (fieldErrors) return data(submission.reply({ fieldErrors }), { status: 400 });
  if (result.error === "invalid-finding" || result.error === "invalid-choice") throw redirect(`/staff/cases/${row.reference}/record-council-response`);
  // The stage moved on meanwhile (a colleague responded): the case page says where it is.
  throw redirect(`/staff/cases/${row.reference}`);
}

export default function CouncilResponsePage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  return (
    <>
      {d.findingError ? <ErrorSummary errors={[{ href: "#finding", message: "casework:errors.finding.required" }]} /> : null}
      <CaseHeading reference={d.reference} kind={d.kind} title={t("councilResponse.title")} />
      <SummaryList
        rows={[
          ...(d.panelOn ? [{ key: "panel", label: t("panelReport.panelOn"), value: d.panelOn }] : []),
          ...(d.reportOn ? [{ key: "report", label: t("councilResponse.reportOn"), value: d.reportOn }] : []),
          ...(d.dueBy ? [{ key: "due", label: t("councilResponse.dueBy"), value: d.dueBy }] : []),
          { key: "to", label: t("refusal.sendBy"), value: d.sendTo ? t("refusal.byEmail", { email: d.sendTo }) : t("refusal.byLetter") },
          ...(d.finding ? [{ key: "finding", label: t("respond.finding"), value: d.finding.label }] : []),
        ]}
      />
      {d.finding && d.letter ? (
        <LetterForm finding={d.finding.code} findings={d.findings} actualOutcomes={d.actualOutcomes} outcomesSought={d.outcomesSought} pointsRequired={false} letter={d.letter} reference={d.reference} byEmail={Boolean(d.sendTo)} lastResult={lastResult} askAdjudicatingOfficer={false} />
      ) : (
        <FindingForm findings={d.findings} invalid={d.findingError} reference={d.reference} />
      )}
    </>
  );
}
