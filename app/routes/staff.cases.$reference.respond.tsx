import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CaseHeading } from "~/components/casework";
import { ErrorSummary } from "~/components/form-fields";
import { letterEmailOf } from "~/domain/letters";
import type { RouteHandle } from "~/components/page-title";
import { FindingForm, LetterForm, responseFieldErrors, responseInput, responseSchema } from "~/components/response-form";
import { SummaryList } from "~/components/summary-list";
import { roleMayEver } from "~/domain/stages";
import { caseAction, openCase } from "~/services/case-route.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { responseOutcomeForm } from "~/services/outcomes.server";
import { draftResponse, offeredStageActions, respondToStage } from "~/services/stage-actions.server";
import { currentStage } from "~/services/stages.server";

export const handle: RouteHandle = { title: (t) => t("casework:respond.title") };

function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

/**
 * Two steps on one page, as refusal does: choose the finding (a GET form, so the letter is drafted
 * for it), then check and edit the letter and send it. Stage 2's response also names its
 * Adjudicating Officer. (Stage 3's response to the panel has its own page: record-council-response.)
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const { staff, row } = await openCase(db, request, params.reference, "cases.respond");
  if (!roleMayEver("respond", staff.role)) notFound();
  const stage = currentStage(db, row.id);
  if (!stage || !offeredStageActions(db, staff, row).includes("respond")) throw redirect(`/staff/cases/${row.reference}`);
  const asked = new URL(request.url).searchParams.get("finding");
  const { findings, ...outcomes } = responseOutcomeForm(db, row.id);
  const finding = findings.find((f) => f.code === asked) ?? null;
  return {
    reference: row.reference,
    kind: row.kind,
    stageKind: stage.kind,
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
  const { staff, row } = await caseAction(db, request, params.reference, "cases.respond");
  if (!roleMayEver("respond", staff.role)) notFound();
  const submission = parseWithZod(await readForm(request), { schema: responseSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = respondToStage(db, staff, row.reference, responseInput(submission.value));
  if (result.ok) return redirect(`/staff/cases/${row.reference}`);
  const fieldErrors = responseFieldErrors(result);
  if (fieldErrors) return data(submission.reply({ fieldErrors }), { status: 400 });
  if (result.error === "invalid-finding" || result.error === "invalid-choice") throw redirect(`/staff/cases/${row.reference}/respond`);
  // The stage moved on meanwhile (a colleague responded): the case page says where it is.
  throw redirect(`/staff/cases/${row.reference}`);
}

export default function RespondPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  return (
    <>
      {d.findingError ? <ErrorSummary errors={[{ href: "#finding", message: "casework:errors.finding.required" }]} /> : null}
      <CaseHeading reference={d.reference} kind={d.kind} title={t("respond.title")} />
      <SummaryList
        rows={[
          { key: "stage", label: t("case.stage"), value: t(`stages.${d.stageKind}`) },
          { key: "to", label: t("refusal.sendBy"), value: d.sendTo ? t("refusal.byEmail", { email: d.sendTo }) : t("refusal.byLetter") },
          ...(d.finding ? [{ key: "finding", label: t("respond.finding"), value: d.finding.label }] : []),
        ]}
      />
      {d.finding && d.letter ? <LetterForm finding={d.finding.code} findings={d.findings} actualOutcomes={d.actualOutcomes} outcomesSought={d.outcomesSought} pointsRequired={d.stageKind === "statutory-stage2"} letter={d.letter} reference={d.reference} byEmail={Boolean(d.sendTo)} lastResult={lastResult} askAdjudicatingOfficer={d.stageKind === "statutory-stage2"} /> : <FindingForm findings={d.findings} invalid={d.findingError} reference={d.reference} />}
    </>
  );
}
