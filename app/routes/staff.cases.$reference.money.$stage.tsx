import { getFormProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { CancelLink, CaseHeading } from "~/components/casework";
import { DateField, ErrorSummary, summaryErrors, TextField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { dateCheck, dateFrom, optionalLine, optionalPounds, partsOfIso } from "~/domain/casework-forms";
import { dateParts } from "~/domain/form/dates";
import { formatPounds, penceFromPounds } from "~/domain/money";
import { caseAction, openCase } from "~/services/case-route.server";
import { staffNames } from "~/services/case.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { recordStageMoney, stageBySequence } from "~/services/outcomes.server";
import { peopleOfStages } from "~/services/stages.server";

const STEPS = ["offered", "agreed", "paid"] as const;
/** A step's date boxes' name ("compensationPaidOn"): the boxes of other pages' dates keep their own names and messages. */
const compensationOn = (step: (typeof STEPS)[number]) => `compensation${step[0]!.toUpperCase()}${step.slice(1)}On` as const;

const schema = z
  .object({
    offeredAmount: optionalPounds("compensation"),
    ...dateParts("compensationOfferedOn"),
    agreedAmount: optionalPounds("compensation"),
    ...dateParts("compensationAgreedOn"),
    paidAmount: optionalPounds("compensation"),
    ...dateParts("compensationPaidOn"),
    costs: z.optional(
      z.array(
        z.object({
          personId: z.string().check(z.regex(/^\d{1,9}$/, "casework:errors.invalidChoice")),
          cost: optionalPounds("cost"),
          paidTo: optionalLine("paidTo", 200),
        }),
      ),
    ),
  })
  .check(...STEPS.map((step) => dateCheck(compensationOn(step), "not-future", { optional: true })));

export const handle: RouteHandle = { title: (t) => t("casework:money.title") };

function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

/** The stage by its number in the URL (1 for the first), or 404. */
function sequenceOf(param: string | undefined): number {
  return /^\d{1,3}$/.test(param ?? "") ? Number(param) : notFound();
}

const pounds = (pence: number | null) => (pence === null ? "" : formatPounds(pence).slice(1));

/**
 * Money on a stage (decision record 028): the compensation offered, agreed and paid, and what
 * each person named on it (Stage 2's officers, Stage 3's panel) cost and who was paid. Any stage
 * of the case, since money is often settled after the stage has answered.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const { row } = await openCase(db, request, params.reference, "cases.respond");
  const stage = stageBySequence(db, row.id, sequenceOf(params.stage)) ?? notFound();
  const people = peopleOfStages(db, [stage.id]);
  const names = staffNames(db, people.map((p) => p.staffUserId));
  const dates = (key: string, iso: string | null) => (iso ? partsOfIso(key, iso) : {});
  return {
    reference: row.reference,
    kind: row.kind,
    stageKind: stage.kind,
    people: people.map((p) => ({ id: p.id, role: p.role, name: (p.staffUserId !== null ? names.get(p.staffUserId) : null) ?? p.name ?? "" })),
    defaults: {
      offeredAmount: pounds(stage.compensationOfferedPence),
      ...dates("compensationOfferedOn", stage.compensationOfferedOn),
      agreedAmount: pounds(stage.compensationAgreedPence),
      ...dates("compensationAgreedOn", stage.compensationAgreedOn),
      paidAmount: pounds(stage.compensationPaidPence),
      ...dates("compensationPaidOn", stage.compensationPaidOn),
      costs: people.map((p) => ({ personId: String(p.id), cost: pounds(p.costPence), paidTo: p.paidTo ?? "" })),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const { staff, row } = await caseAction(db, request, params.reference, "cases.respond");
  const sequence = sequenceOf(params.stage);
  const submission = parseWithZod(await readForm(request), { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  const pence = (text: string | undefined) => {
    const p = penceFromPounds(text);
    return typeof p === "number" ? p : null;
  };
  const result = recordStageMoney(db, staff, row.reference, sequence, {
    offeredPence: pence(v.offeredAmount),
    offeredOn: dateFrom(v, "compensationOfferedOn"),
    agreedPence: pence(v.agreedAmount),
    agreedOn: dateFrom(v, "compensationAgreedOn"),
    paidPence: pence(v.paidAmount),
    paidOn: dateFrom(v, "compensationPaidOn"),
    costs: (v.costs ?? []).map((c) => ({ personId: Number(c.personId), costPence: pence(c.cost), paidTo: c.paidTo ?? null })),
  });
  if (result.ok) return redirect(`/staff/cases/${row.reference}#outcomes`);
  if (result.error === "compensation") {
    // A missing amount is shown on the amount; every other problem on the step's date.
    const field = result.problem === "date-without-amount" ? `${result.step}Amount` : `${compensationOn(result.step)}Day`;
    return data(submission.reply({ fieldErrors: { [field]: [`casework:errors.compensation.${result.problem}`] } }), { status: 400 });
  }
  if (result.error === "no-stage") notFound();
  // Someone else changed who is named on the stage meanwhile: show the page again as it is now.
  throw redirect(`/staff/cases/${row.reference}/money/${sequence}`);
}

export default function StageMoneyPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const [form, fields] = useForm(formOptions("stage-money", schema, lastResult, d.defaults));
  const costRows = (fields.costs as unknown as FieldMetadata<Array<{ personId: string; cost?: string; paidTo?: string }>>).getFieldList().map((f) => f.getFieldset());
  const amount = { offered: fields.offeredAmount, agreed: fields.agreedAmount, paid: fields.paidAmount };
  const date = {
    offered: [fields.compensationOfferedOnDay, fields.compensationOfferedOnMonth, fields.compensationOfferedOnYear],
    agreed: [fields.compensationAgreedOnDay, fields.compensationAgreedOnMonth, fields.compensationAgreedOnYear],
    paid: [fields.compensationPaidOnDay, fields.compensationPaidOnMonth, fields.compensationPaidOnYear],
  } as const;
  return (
    <>
      <ErrorSummary
        errors={summaryErrors([
          ...STEPS.flatMap((step) => [{ field: amount[step] }, { field: date[step][0] }]),
          ...costRows.flatMap((c) => [{ field: c.cost }, { field: c.paidTo }]),
        ])}
      />
      <CaseHeading reference={d.reference} kind={d.kind} title={t("money.titleOf", { stage: t(`stages.${d.stageKind}`) })} />
      <Form method="post" {...getFormProps(form)}>
        <h2 className="govuk-heading-m">{t("money.compensation")}</h2>
        <p className="govuk-body">{t("money.compensationIntro")}</p>
        {STEPS.map((step) => (
          <fieldset key={step} className="govuk-fieldset govuk-!-margin-bottom-6">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t(`money.steps.${step}`)}</legend>
            <TextField field={amount[step]} label={t("money.amount")} hint={t("namePeople.costHint")} width="10" />
            <DateField day={date[step][0]} month={date[step][1]} year={date[step][2]} legend={t(`money.onSteps.${step}`)} hint={t("dateHint")} />
          </fieldset>
        ))}
        <h2 className="govuk-heading-m">{t("money.costs")}</h2>
        {d.people.length ? (
          <>
            <p className="govuk-body">{t("money.costsIntro")}</p>
            {costRows.map((c, i) => {
              const person = d.people[i];
              if (!person) return null;
              return (
                <fieldset key={person.id} className="govuk-fieldset govuk-!-margin-bottom-6">
                  <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t("money.person", { role: t(`case.roles.${person.role}`), name: person.name })}</legend>
                  <input type="hidden" name={c.personId.name} value={String(person.id)} />
                  <TextField field={c.cost} label={t("money.cost")} hint={t("namePeople.costHint")} width="10" />
                  <TextField field={c.paidTo} label={t("money.paidTo")} hint={t("money.paidToHint")} />
                </fieldset>
              );
            })}
          </>
        ) : (
          <p className="govuk-body">{t("money.noPeople")}</p>
        )}
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("money.save")}
          </button>
          <CancelLink reference={d.reference} />
        </div>
      </Form>
    </>
  );
}
