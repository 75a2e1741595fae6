import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { CancelLink, CaseHeading } from "~/components/casework";
import { ErrorSummary, RadiosField, SelectField, SingleCheckboxField, summaryErrors } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { requireChoice } from "~/domain/casework-forms";
import { assessEligibility, decisions, NEEDS_PERSON_AGREEMENT, readEligibility, type Decision } from "~/domain/eligibility";
import { caseAction, openCase } from "~/services/case-route.server";
import { acceptRepresentation, isUndecided, referenceOptions, refusalListFor } from "~/services/case-triage.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";

const decisionSchema = z
  .object({
    decision: requireChoice("decision", decisions),
    personAgreed: z.optional(z.literal("yes")),
    reason: z.optional(z.string().check(z.maxLength(200, "casework:errors.invalidChoice"))),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (NEEDS_PERSON_AGREEMENT.includes(v.decision) && v.personAgreed !== "yes") {
        ctx.addIssue({ code: "custom", message: "casework:errors.personAgreed.required", path: ["personAgreed"], input: v });
      }
      if (v.decision === "refuse" && !v.reason) {
        ctx.addIssue({ code: "custom", message: "casework:errors.reason.required", path: ["reason"], input: v });
      }
    }),
  );

export const handle: RouteHandle = { title: (t) => t("casework:decision.title") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const { row } = await openCase(db, request, params.reference, "cases.triage");
  const assessment = assessEligibility(readEligibility(row.eligibility));
  const list = refusalListFor(row.process);
  return {
    reference: row.reference,
    kind: row.kind,
    undecided: isUndecided(row),
    status: row.status,
    allowed: assessment.allowed,
    missing: assessment.missing.length,
    suggested: list === "refusal-reason-corporate" ? assessment.suggestedRefusalReasons.corporate : assessment.suggestedRefusalReasons.statutory,
    reasons: referenceOptions(db, list).map((o) => o.label),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const { staff, row } = await caseAction(db, request, params.reference, "cases.triage");
  const submission = parseWithZod(await readForm(request), { schema: decisionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { decision, personAgreed, reason } = submission.value;
  if (decision === "refuse") {
    const reasons = referenceOptions(db, refusalListFor(row.process)).map((o) => o.label);
    if (!reason || !reasons.includes(reason)) return data(submission.reply({ fieldErrors: { reason: ["casework:errors.reason.required"] } }), { status: 400 });
    // The letter is written and checked on the next page; nothing changes until it is sent.
    return redirect(`/staff/cases/${row.reference}/refusal?reason=${encodeURIComponent(reason)}`);
  }
  const result = acceptRepresentation(db, staff, row.reference, { decision, personAgreed: personAgreed === "yes" });
  if (!result.ok) {
    if (result.error === "not-found") throw new Response("Not found", { status: 404 });
    const message = result.error === "already-decided" ? "casework:errors.alreadyDecided" : "casework:errors.decisionNotAllowed";
    return data(submission.reply({ fieldErrors: { decision: [message] } }), { status: 400 });
  }
  return redirect(`/staff/cases/${row.reference}`);
}

export default function DecisionPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const [form, fields] = useForm(formOptions("decision-form", decisionSchema, lastResult));
  if (!d.undecided) {
    return (
      <>
        <CaseHeading reference={d.reference} kind={d.kind} title={t("decision.title")} />
        <p className="govuk-body">{t("decision.alreadyDecided", { status: t(`statuses.${d.status}`) })}</p>
        <CancelLink reference={d.reference} />
      </>
    );
  }
  const option = (decision: Decision) => ({
    value: decision,
    label: t(`decisions.${decision}`),
    hint: t(`decision.hints.${decision}`),
    conditional: NEEDS_PERSON_AGREEMENT.includes(decision) ? (
      <SingleCheckboxField field={fields.personAgreed} label={t("decision.personAgreed")} value="yes" />
    ) : decision === "refuse" ? (
      <SelectField
        field={fields.reason}
        label={t("decision.reason")}
        hint={d.suggested.length ? t("decision.suggested", { reasons: d.suggested.join(", ") }) : undefined}
        placeholder={t("choose")}
        options={d.reasons.map((r) => ({ value: r, label: r }))}
      />
    ) : undefined,
  });
  return (
    <>
      <ErrorSummary errors={summaryErrors([{ field: fields.decision }, { field: fields.personAgreed }, { field: fields.reason }])} />
      <CaseHeading reference={d.reference} kind={d.kind} title={t("decision.title")} />
      {d.missing > 0 || d.allowed.length === 1 ? (
        <p className="govuk-body">
          {t("decision.onlyRefusal")}{" "}
          <Link className="govuk-link" to={`/staff/cases/${d.reference}/triage`}>
            {t("decision.toTriage")}
          </Link>
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <RadiosField field={fields.decision} legend={t("decision.question")} options={d.allowed.map(option)} />
        <p className="govuk-body">{t("decision.personTold")}</p>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("decision.continue")}
          </button>
          <CancelLink reference={d.reference} />
        </div>
      </Form>
    </>
  );
}
