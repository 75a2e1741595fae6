import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { CancelLink, CaseHeading } from "~/components/casework";
import { CheckboxesField, ErrorSummary, RadiosField, SelectField, summaryErrors, TextareaField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { SummaryList } from "~/components/summary-list";
import { requireChoice, requireLine } from "~/domain/casework-forms";
import { assessEligibility, childStatuses, consentAnswers, eligibilitySchema, exclusions, NO_EXCLUSIONS, readEligibility } from "~/domain/eligibility";
import { answerOf, type DraftAnswers } from "~/domain/form/steps";
import { processes } from "~/domain/representation";
import { caseAction, openCase } from "~/services/case-route.server";
import { referenceOptions, saveTriage } from "~/services/case-triage.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";

const triageSchema = z.object({
  representationType: requireLine("representationType", 200),
  process: requireChoice("process", processes),
  ...eligibilitySchema.shape,
});

/** Checkbox lists carry arrays; the shared component reads them the same way. */
const listField = (field: unknown) => field as Parameters<typeof CheckboxesField>[0]["field"];

export const handle: RouteHandle = { title: (t) => t("casework:triage.title") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const { row } = await openCase(db, request, params.reference, "cases.triage");
  const eligibility = readEligibility(row.eligibility);
  const answers = row.answers as DraftAnswers;
  const said = (step: Parameters<typeof answerOf>[1], field: string) => answerOf(answers, step, field);
  return {
    reference: row.reference,
    kind: row.kind,
    defaults: { representationType: row.representationType ?? "", process: row.process ?? "", ...eligibility },
    assessment: assessEligibility(eligibility),
    types: referenceOptions(db, "representation-type", row.representationType ? [row.representationType] : []),
    receivedFrom: referenceOptions(db, "received-from", row.receivedFrom ? [row.receivedFrom] : []),
    // What the person told the e-form that bears on eligibility.
    told: {
      relationship: said("who-are-you", "relationship"),
      childAgrees: said("child-agrees", "childAgrees"),
      whenAbout: said("when-it-happened", "whenAbout"),
      whenDate: [said("when-it-happened", "whenDay"), said("when-it-happened", "whenMonth"), said("when-it-happened", "whenYear")].filter(Boolean).join("/"),
      courtCase: said("court-case", "courtCase"),
      complainedBefore: said("complained-before", "complainedBefore"),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const { staff, row } = await caseAction(db, request, params.reference, "cases.triage");
  const submission = parseWithZod(await readForm(request), { schema: triageSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { representationType, process, ...eligibility } = submission.value;
  const result = saveTriage(db, staff, row.reference, { representationType, process, eligibility });
  if (!result.ok) {
    if (result.error === "not-found") throw new Response("Not found", { status: 404 });
    return data(submission.reply({ formErrors: ["casework:errors.invalidChoice"] }), { status: 400 });
  }
  return redirect(`/staff/cases/${row.reference}/triage`);
}

export default function TriagePage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const [form, fields] = useForm(formOptions("triage", triageSchema, lastResult, d.defaults));
  const yesNo = (["yes", "no"] as const).map((v) => ({ value: v, label: t(`answers.${v}`) }));
  const notGiven = t("case.none");
  const a = d.assessment;
  return (
    <>
      <ErrorSummary
        errors={[
          ...(form.errors?.length ? [{ href: "#representationType", message: form.errors[0] ?? "" }] : []),
          ...summaryErrors([
            { field: fields.representationType },
            { field: fields.process },
            { field: fields.receivedFrom },
            { field: fields.childStatus },
            { field: fields.sufficientInterestReason },
            { field: fields.childConsentNote },
            { field: fields.discretionReason },
            { field: fields.exclusions },
          ]),
        ]}
      />
      <CaseHeading reference={d.reference} kind={d.kind} title={t("triage.title")} />

      <div className="govuk-inset-text" id="assessment" data-testid="assessment">
        <h2 className="govuk-heading-m">{t("triage.assessment")}</h2>
        <p className="govuk-body">{t("triage.allowedIntro")}</p>
        <ul className="govuk-list govuk-list--bullet" data-testid="allowed">
          {a.allowed.map((decision) => (
            <li key={decision}>{t(`decisions.${decision}`)}</li>
          ))}
        </ul>
        {a.missing.length ? (
          <>
            <p className="govuk-body">{t("triage.missingIntro")}</p>
            <ul className="govuk-list govuk-list--bullet">
              {a.missing.map((m) => (
                <li key={m}>{t(`eligibility.${m}.label`)}</li>
              ))}
            </ul>
          </>
        ) : null}
        {a.statutoryBlockers.length ? (
          <>
            <p className="govuk-body">{t("triage.blockersIntro")}</p>
            <ul className="govuk-list govuk-list--bullet">
              {a.statutoryBlockers.map((b) => (
                <li key={b}>{t(`blockers.${b}`)}</li>
              ))}
            </ul>
          </>
        ) : null}
        {a.allowed.length > 1 || a.statutoryBlockers.length ? (
          <p className="govuk-body">
            <Link className="govuk-link" to={`/staff/cases/${d.reference}/decision`}>
              {t("triage.toDecision")}
            </Link>
          </p>
        ) : null}
      </div>

      <h2 className="govuk-heading-m">{t("triage.told")}</h2>
      <SummaryList
        rows={[
          { key: "relationship", label: t("triage.toldRelationship"), value: d.told.relationship ? t(`form:options.relationship.${d.told.relationship}`, { defaultValue: d.told.relationship }) : notGiven },
          { key: "childAgrees", label: t("triage.toldChildAgrees"), value: d.told.childAgrees ? t(`form:options.childAgrees.${d.told.childAgrees}`, { defaultValue: d.told.childAgrees }) : notGiven },
          { key: "when", label: t("triage.toldWhen"), value: d.told.whenAbout ?? (d.told.whenDate || notGiven) },
          { key: "court", label: t("triage.toldCourt"), value: d.told.courtCase ? t(`form:options.courtCase.${d.told.courtCase}`, { defaultValue: d.told.courtCase }) : notGiven },
          { key: "before", label: t("triage.toldBefore"), value: d.told.complainedBefore ? t(`form:options.complainedBefore.${d.told.complainedBefore}`, { defaultValue: d.told.complainedBefore }) : notGiven },
        ]}
      />

      <Form method="post" {...getFormProps(form)}>
        <h2 className="govuk-heading-m">{t("triage.classify")}</h2>
        <SelectField
          field={fields.representationType}
          label={t("triage.representationType")}
          placeholder={t("choose")}
          options={d.types.map((o) => ({ value: o.label, label: o.retired ? t("retired", { label: o.label }) : o.label }))}
        />
        <RadiosField field={fields.process} legend={t("triage.process")} hint={t("triage.processHint")} options={processes.map((p) => ({ value: p, label: t(`processes.${p}`) }))} />

        <h2 className="govuk-heading-m">{t("triage.checklist")}</h2>
        <p className="govuk-body">{t("triage.checklistIntro")}</p>
        <SelectField
          field={fields.receivedFrom}
          label={t("eligibility.receivedFrom.label")}
          hint={t("eligibility.receivedFrom.hint")}
          placeholder={t("choose")}
          options={d.receivedFrom.map((o) => ({ value: o.label, label: `${o.group ? `${o.group}: ` : ""}${o.retired ? t("retired", { label: o.label }) : o.label}` }))}
        />
        <CheckboxesField field={listField(fields.childStatus)} legend={t("eligibility.childStatus.label")} hint={t("eligibility.childStatus.hint")} options={childStatuses.map((s) => ({ value: s, label: t(`eligibility.childStatus.options.${s}`) }))} />
        <RadiosField field={fields.parentalResponsibility} legend={t("eligibility.parentalResponsibility.label")} hint={t("eligibility.parentalResponsibility.hint")} options={yesNo} inline />
        <RadiosField field={fields.sufficientInterest} legend={t("eligibility.sufficientInterest.label")} hint={t("eligibility.sufficientInterest.hint")} options={yesNo} inline />
        <TextareaField field={fields.sufficientInterestReason} label={t("eligibility.sufficientInterestReason.label")} maxLength={1000} rows={3} />
        <RadiosField field={fields.childConsent} legend={t("eligibility.childConsent.label")} hint={t("eligibility.childConsent.hint")} options={consentAnswers.map((v) => ({ value: v, label: t(`eligibility.childConsent.options.${v}`) }))} />
        <TextareaField field={fields.childConsentNote} label={t("eligibility.childConsentNote.label")} maxLength={1000} rows={3} />
        <RadiosField field={fields.withinTwelveMonths} legend={t("eligibility.withinTwelveMonths.label")} hint={t("eligibility.withinTwelveMonths.hint")} options={yesNo} inline />
        <RadiosField field={fields.discretion} legend={t("eligibility.discretion.label")} hint={t("eligibility.discretion.hint")} options={yesNo} inline />
        <TextareaField field={fields.discretionReason} label={t("eligibility.discretionReason.label")} maxLength={1000} rows={3} />
        <CheckboxesField
          field={listField(fields.exclusions)}
          legend={t("eligibility.exclusions.label")}
          hint={t("eligibility.exclusions.hint")}
          options={[...exclusions, NO_EXCLUSIONS].map((e) => ({ value: e, label: t(`eligibility.exclusions.options.${e}`) }))}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("triage.save")}
          </button>
          <CancelLink reference={d.reference} />
        </div>
      </Form>
    </>
  );
}
