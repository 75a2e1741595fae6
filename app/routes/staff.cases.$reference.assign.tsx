import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { CancelLink, CaseHeading } from "~/components/casework";
import { ErrorSummary, formOptions, SelectField, summaryErrors } from "~/components/form-fields";
import type { RouteHandle } from "~/components/page-title";
import { assignCase, currentTeams, teamMembers } from "~/services/case-assignment.server";
import { caseAction, openCase } from "~/services/case-route.server";
import { config } from "~/services/config.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";

const idField = (key: string) => z.string({ error: `casework:errors.${key}.required` }).check(z.regex(/^\d{1,9}$/, `casework:errors.${key}.required`));
const assignSchema = z.object({ teamId: idField("team"), managerId: idField("manager") });

function managerOptions(members: Array<{ id: number; name: string; teamId: number }>, teamName: Map<number, string>) {
  const byPerson = new Map<number, { name: string; teams: string[] }>();
  for (const m of members) {
    const entry = byPerson.get(m.id) ?? { name: m.name, teams: [] };
    entry.teams.push(teamName.get(m.teamId) ?? "");
    byPerson.set(m.id, entry);
  }
  return [...byPerson.entries()].map(([id, p]) => ({ value: String(id), label: `${p.name} (${p.teams.filter(Boolean).join(", ")})` }));
}

export const handle: RouteHandle = { title: (t) => t("casework:assign.title") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const { row } = await openCase(db, request, params.reference, "cases.assign");
  const teams = currentTeams(db, row.teamId);
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  return {
    reference: row.reference,
    kind: row.kind,
    defaults: { teamId: row.teamId ? String(row.teamId) : "", managerId: row.respondingManagerId ? String(row.respondingManagerId) : "" },
    teams: teams.map((t) => ({ value: String(t.id), label: t.name })),
    // One choice per person; their teams are named so the pair can be checked without JavaScript.
    managers: managerOptions(teamMembers(db), teamName),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const { staff, row } = await caseAction(db, request, params.reference, "cases.assign");
  const submission = parseWithZod(await readForm(request), { schema: assignSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = assignCase(db, staff, row.reference, { teamId: Number(submission.value.teamId), respondingManagerId: Number(submission.value.managerId) }, { publicUrl: config().publicUrl });
  if (!result.ok) {
    if (result.error === "not-found") throw new Response("Not found", { status: 404 });
    const field = result.error === "invalid-team" ? "teamId" : "managerId";
    return data(submission.reply({ fieldErrors: { [field]: [`casework:errors.${result.error}`] } }), { status: 400 });
  }
  return redirect(`/staff/cases/${row.reference}`);
}

export default function AssignPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const [form, fields] = useForm(formOptions("assign", assignSchema, lastResult, d.defaults));
  return (
    <>
      <ErrorSummary errors={summaryErrors([{ field: fields.teamId }, { field: fields.managerId }])} />
      <CaseHeading reference={d.reference} kind={d.kind} title={t("assign.title")} />
      <Form method="post" {...getFormProps(form)}>
        <SelectField field={fields.teamId} label={t("assign.team")} hint={t("assign.teamHint")} placeholder={t("choose")} options={d.teams} />
        <SelectField field={fields.managerId} label={t("assign.manager")} hint={t("assign.managerHint")} placeholder={t("choose")} options={d.managers} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("assign.save")}
          </button>
          <CancelLink reference={d.reference} />
        </div>
      </Form>
    </>
  );
}
