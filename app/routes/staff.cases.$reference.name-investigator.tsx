import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { CancelLink, CaseHeading } from "~/components/casework";
import { ErrorSummary, SelectField, summaryErrors, TextField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { optionalLine, optionalPounds } from "~/domain/casework-forms";
import { penceFromPounds } from "~/domain/money";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { investigatorOptions, nameStage2People, type NamedPerson } from "~/services/later-stages.server";
import { openStageMove, stageMoveAction } from "~/services/stage-move-route.server";
import { peopleOfStages } from "~/services/stages.server";
import type { StagePersonRole } from "~/domain/stages";

// Each person is a staff account (an investigator) or someone from outside the council by name.
const schema = z.object({
  investigatorAccount: z.optional(z.string()),
  investigatorName: optionalLine("personName", 200),
  investigatorCost: optionalPounds("cost"),
  independentAccount: z.optional(z.string()),
  independentName: optionalLine("personName", 200),
  independentCost: optionalPounds("cost"),
});
type Values = z.infer<typeof schema>;

export const handle: RouteHandle = { title: (t) => t("casework:namePeople.title") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const { row, stage } = await openStageMove(db, request, params.reference, "name-investigator");
  // Naming again replaces who was named: start from them.
  const named = peopleOfStages(db, [stage.id]);
  const current = (role: StagePersonRole, prefix: "investigator" | "independent") => {
    const p = named.find((n) => n.role === role);
    if (!p) return {};
    return {
      [`${prefix}Account`]: p.staffUserId !== null ? String(p.staffUserId) : undefined,
      [`${prefix}Name`]: p.name ?? undefined,
      [`${prefix}Cost`]: p.costPence !== null ? (p.costPence / 100).toFixed(2) : undefined,
    };
  };
  return {
    reference: row.reference,
    kind: row.kind,
    investigators: investigatorOptions(db).map((o) => ({ value: String(o.id), label: o.name })),
    named: { ...current("investigating-officer", "investigator"), ...current("independent-person", "independent") },
  };
}

function personOf(account: string | undefined, name: string | undefined, cost: string | undefined): NamedPerson {
  const pence = penceFromPounds(cost);
  return { staffUserId: account && /^\d+$/.test(account) ? Number(account) : null, name: name ?? null, costPence: typeof pence === "number" ? pence : null };
}

/** Where each refusal of the service is shown; anything else means the stage moved on meanwhile. */
const fieldOf: Record<string, keyof Values> = {
  "person-required": "investigatorAccount",
  "investigator-required": "investigatorAccount",
  "investigator-choose-one": "investigatorName",
  "not-an-investigator": "investigatorAccount",
  "independent-person-required": "independentAccount",
  "independent-person-choose-one": "independentName",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const { staff, row } = await stageMoveAction(db, request, params.reference, "name-investigator");
  const submission = parseWithZod(await readForm(request), { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  const result = nameStage2People(db, staff, row.reference, {
    investigator: personOf(v.investigatorAccount, v.investigatorName, v.investigatorCost),
    independentPerson: personOf(v.independentAccount, v.independentName, v.independentCost),
  });
  if (result.ok) return redirect(`/staff/cases/${row.reference}`);
  const field = fieldOf[result.error];
  if (!field) throw redirect(`/staff/cases/${row.reference}`);
  // An account that is not an investigator can only be a tampered form or one disabled meanwhile.
  const error = result.error === "not-an-investigator" || result.error === "person-required" ? "investigator-required" : result.error;
  return data(submission.reply({ fieldErrors: { [field]: [`casework:errors.people.${error}`] } }), { status: 400 });
}

export default function NamePeoplePage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const [form, fields] = useForm(formOptions("name-investigator", schema, lastResult, d.named));
  const person = (which: "investigator" | "independent") => (
    <fieldset className="govuk-fieldset">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{t(`namePeople.${which}`)}</legend>
      <SelectField field={fields[`${which}Account`]} label={t("namePeople.account")} hint={t("namePeople.accountHint")} options={d.investigators} placeholder={t("namePeople.noAccount")} />
      <TextField field={fields[`${which}Name`]} label={t("namePeople.name")} hint={t("namePeople.nameHint")} />
      <TextField field={fields[`${which}Cost`]} label={t("namePeople.cost")} hint={t("namePeople.costHint")} width="10" />
    </fieldset>
  );
  return (
    <>
      <ErrorSummary
        errors={summaryErrors([
          { field: fields.investigatorAccount },
          { field: fields.investigatorName },
          { field: fields.investigatorCost },
          { field: fields.independentAccount },
          { field: fields.independentName },
          { field: fields.independentCost },
        ])}
      />
      <CaseHeading reference={d.reference} kind={d.kind} title={t("namePeople.title")} />
      <p className="govuk-body">{t("namePeople.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        {person("investigator")}
        {person("independent")}
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("namePeople.save")}
          </button>
          <CancelLink reference={d.reference} />
        </div>
      </Form>
    </>
  );
}
