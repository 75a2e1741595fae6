import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { CancelLink, CaseHeading } from "~/components/casework";
import { DateField, ErrorSummary, SelectField, summaryErrors, TextareaField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { dateCheck, dateFrom, requireText } from "~/domain/casework-forms";
import { dateParts } from "~/domain/form/dates";
import { currentTeams } from "~/services/case-assignment.server";
import { caseAction, openCase } from "~/services/case-route.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { ownerOptions, raiseLearningAction } from "~/services/learning.server";

const schema = z
  .object({
    change: requireText("learningChange", 2000),
    teamId: z.string({ error: "casework:errors.team.required" }).check(z.regex(/^\d{1,9}$/, "casework:errors.invalidChoice")),
    ownerId: z.string({ error: "casework:errors.learningOwner.required" }).check(z.regex(/^\d{1,9}$/, "casework:errors.invalidChoice")),
    ...dateParts("learningDueOn"),
  })
  .check(dateCheck("learningDueOn", "any"));

export const handle: RouteHandle = { title: (t) => t("staff:learning.raise.title") };

/**
 * Raises a learning action from a case (decision record 029): a complaint at any stage, or a
 * compliment, comment or concern ("you said, we did"). The team defaults to the case's.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const { row } = await openCase(db, request, params.reference, "learning.manage");
  return {
    reference: row.reference,
    kind: row.kind,
    teamId: row.teamId,
    teams: currentTeams(db).map((t) => ({ value: String(t.id), label: t.name })),
    owners: ownerOptions(db).map((o) => ({ value: String(o.id), label: o.name })),
  };
}

const fieldOf = { "invalid-team": "teamId", "invalid-owner": "ownerId", "due-in-past": "learningDueOnDay" } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const { staff, row } = await caseAction(db, request, params.reference, "learning.manage");
  const submission = parseWithZod(await readForm(request), { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  const result = raiseLearningAction(db, staff, row.reference, { change: v.change, teamId: Number(v.teamId), ownerId: Number(v.ownerId), dueOn: dateFrom(v, "learningDueOn") ?? "" });
  if (result.ok) return redirect(`/staff/cases/${row.reference}#learning`);
  if (result.error === "not-found") throw new Response("Not found", { status: 404 });
  return data(submission.reply({ fieldErrors: { [fieldOf[result.error]]: [`casework:errors.learningRaise.${result.error}`] } }), { status: 400 });
}

export default function RaiseLearningPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const { t: tc } = useTranslation("casework");
  const [form, fields] = useForm(formOptions("raise-learning", schema, lastResult, { teamId: d.teamId ? String(d.teamId) : "" }));
  return (
    <>
      <ErrorSummary errors={summaryErrors([{ field: fields.change }, { field: fields.teamId }, { field: fields.ownerId }, { field: fields.learningDueOnDay }])} />
      <CaseHeading reference={d.reference} kind={d.kind} title={t("learning.raise.title")} />
      <p className="govuk-body">{t("learning.raise.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <TextareaField field={fields.change} label={t("learning.raise.change")} maxLength={2000} rows={4} />
        <SelectField field={fields.teamId} label={t("learning.raise.team")} options={d.teams} placeholder={tc("choose")} />
        <SelectField field={fields.ownerId} label={t("learning.raise.owner")} hint={t("learning.raise.ownerHint")} options={d.owners} placeholder={tc("choose")} />
        <DateField day={fields.learningDueOnDay} month={fields.learningDueOnMonth} year={fields.learningDueOnYear} legend={t("learning.raise.due")} hint={tc("dateHint")} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("learning.raise.save")}
          </button>
          <CancelLink reference={d.reference} />
        </div>
      </Form>
    </>
  );
}
