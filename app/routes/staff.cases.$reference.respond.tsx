import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { letterEmailOf } from "~/domain/letters";
import * as z from "zod/mini";
import { CancelLink, CaseHeading } from "~/components/casework";
import { ErrorSummary, formOptions, summaryErrors, TextareaField, TextField } from "~/components/form-fields";
import type { RouteHandle } from "~/components/page-title";
import { SummaryList } from "~/components/summary-list";
import { requireLine, requireText } from "~/domain/casework-forms";
import { roleMayEver } from "~/domain/stages";
import { caseAction, openCase } from "~/services/case-route.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { draftResponse, findingOptions, offeredStageActions, respondToStage } from "~/services/stage-actions.server";
import { currentStage } from "~/services/stages.server";

const responseSchema = z.object({
  finding: requireLine("finding", 200),
  subject: requireLine("subject", 200),
  body: requireText("letter", 10000),
});

export const handle: RouteHandle = { title: (t) => t("casework:respond.title") };

function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

/**
 * Two steps on one page, as refusal does: choose the finding (a GET form, so the letter is drafted
 * for it), then check and edit the letter and send it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const { staff, row } = await openCase(db, request, params.reference, "cases.respond");
  if (!roleMayEver("respond", staff.role)) notFound();
  const stage = currentStage(db, row.id);
  if (!stage || !offeredStageActions(db, staff, row).includes("respond")) throw redirect(`/staff/cases/${row.reference}`);
  const asked = new URL(request.url).searchParams.get("finding");
  const findings = findingOptions(db);
  const finding = asked !== null && findings.includes(asked) ? asked : null;
  return {
    reference: row.reference,
    kind: row.kind,
    stageKind: stage.kind,
    findings,
    finding,
    findingError: asked !== null && finding === null,
    sendTo: letterEmailOf(row),
    letter: finding ? draftResponse(db, staff, row, finding) : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const { staff, row } = await caseAction(db, request, params.reference, "cases.respond");
  if (!roleMayEver("respond", staff.role)) notFound();
  const submission = parseWithZod(await readForm(request), { schema: responseSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = respondToStage(db, staff, row.reference, submission.value);
  if (result.ok) return redirect(`/staff/cases/${row.reference}`);
  if (result.error === "invalid-finding") throw redirect(`/staff/cases/${row.reference}/respond`);
  // The stage moved on meanwhile (a colleague responded): the case page says where it is.
  throw redirect(`/staff/cases/${row.reference}`);
}

export default function RespondPage() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("casework");
  return (
    <>
      {d.findingError ? <ErrorSummary errors={[{ href: "#finding", message: "casework:errors.finding.required" }]} /> : null}
      <CaseHeading reference={d.reference} kind={d.kind} title={t("respond.title")} />
      <SummaryList
        rows={[
          { key: "stage", label: t("case.stage"), value: t(`stages.${d.stageKind}`) },
          { key: "to", label: t("refusal.sendBy"), value: d.sendTo ? t("refusal.byEmail", { email: d.sendTo }) : t("refusal.byLetter") },
          ...(d.finding ? [{ key: "finding", label: t("respond.finding"), value: d.finding }] : []),
        ]}
      />
      {d.finding && d.letter ? <LetterForm finding={d.finding} letter={d.letter} reference={d.reference} byEmail={Boolean(d.sendTo)} /> : <FindingForm findings={d.findings} invalid={d.findingError} reference={d.reference} />}
    </>
  );
}

function FindingForm({ findings, invalid, reference }: { findings: string[]; invalid: boolean; reference: string }) {
  const { t } = useTranslation("casework");
  const { t: tf } = useTranslation("form");
  return (
    <Form method="get">
      <div className={invalid ? "govuk-form-group govuk-form-group--error" : "govuk-form-group"}>
        <label className="govuk-label govuk-label--s" htmlFor="finding">
          {t("respond.finding")}
        </label>
        {invalid ? (
          <p id="finding-error" className="govuk-error-message">
            <span className="govuk-visually-hidden">{tf("errorPrefix")}</span> {t("errors.finding.required")}
          </p>
        ) : null}
        <select className={invalid ? "govuk-select govuk-select--error" : "govuk-select"} id="finding" name="finding" defaultValue="" aria-describedby={invalid ? "finding-error" : undefined}>
          <option value="">{t("choose")}</option>
          {findings.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </div>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {t("respond.draft")}
        </button>
        <CancelLink reference={reference} />
      </div>
    </Form>
  );
}

function LetterForm({ finding, letter, reference, byEmail }: { finding: string; letter: { subject: string; body: string }; reference: string; byEmail: boolean }) {
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const [form, fields] = useForm(formOptions("response", responseSchema, lastResult, { finding, ...letter }));
  return (
    <>
      <ErrorSummary errors={summaryErrors([{ field: fields.subject }, { field: fields.body }])} />
      <p className="govuk-body">{t("respond.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="finding" value={finding} />
        <TextField field={fields.subject} label={t("refusal.subject")} />
        <TextareaField field={fields.body} label={t("refusal.body")} hint={t("refusal.bodyHint")} maxLength={10000} rows={18} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {byEmail ? t("respond.send") : t("respond.record")}
          </button>
          <CancelLink reference={reference} />
        </div>
      </Form>
    </>
  );
}
