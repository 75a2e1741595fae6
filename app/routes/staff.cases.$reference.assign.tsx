import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { CancelLink, CaseHeading } from "~/components/casework";
import { ErrorSummary, SelectField, summaryErrors } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { SummaryList } from "~/components/summary-list";
import { assignCase, currentTeams, teamMembers } from "~/services/case-assignment.server";
import { caseAction, openCase } from "~/services/case-route.server";
import { config } from "~/services/config.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";

const idField = (key: string) => z.string({ error: `casework:errors.${key}.required` }).check(z.regex(/^\d{1,9}$/, `casework:errors.${key}.required`));
const assignSchema = z.object({ teamId: idField("team"), managerId: idField("manager") });

// The team is chosen first, in a GET step (`?team=`), so the managers offered are that team's
// only, the same with JavaScript on or off. The action still refuses a manager not in the team.
const teamStepSchema = z.object({ team: idField("team") });

export const handle: RouteHandle = { title: (t) => t("casework:assign.title") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const { row } = await openCase(db, request, params.reference, "cases.assign");
  const teams = currentTeams(db, row.teamId);
  const url = new URL(request.url);
  const asked = url.searchParams.has("team");
  const submission = parseWithZod(url.searchParams, { schema: teamStepSchema });
  const team = submission.status === "success" ? teams.find((t) => String(t.id) === submission.value.team) : undefined;
  const managers = team ? teamMembers(db).filter((m) => m.teamId === team.id) : [];
  const keepManager = managers.some((m) => m.id === row.respondingManagerId);
  return {
    reference: row.reference,
    kind: row.kind,
    teams: teams.map((t) => ({ value: String(t.id), label: t.name })),
    team: team ? { value: String(team.id), label: team.name } : null,
    // Only a team that was asked for and is not a current one is an error; a first visit is not.
    teamResult: !asked || team ? null : submission.status === "success" ? submission.reply({ fieldErrors: { team: ["casework:errors.invalid-team"] } }) : submission.reply(),
    teamDefault: row.teamId ? String(row.teamId) : "",
    managerDefault: keepManager && row.respondingManagerId ? String(row.respondingManagerId) : "",
    managers: managers.map((m) => ({ value: String(m.id), label: m.name })),
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
  return d.team ? <ManagerStep team={d.team} /> : <TeamStep />;
}

function TeamStep() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("casework");
  const [form, fields] = useForm(formOptions("assign-team", teamStepSchema, d.teamResult, { team: d.teamDefault }));
  return (
    <>
      <ErrorSummary errors={summaryErrors([{ field: fields.team }])} />
      <CaseHeading reference={d.reference} kind={d.kind} title={t("assign.title")} />
      <Form method="get" {...getFormProps(form)}>
        <SelectField field={fields.team} label={t("assign.team")} hint={t("assign.teamHint")} placeholder={t("choose")} options={d.teams} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("assign.continue")}
          </button>
          <CancelLink reference={d.reference} />
        </div>
      </Form>
    </>
  );
}

function ManagerStep({ team }: { team: { value: string; label: string } }) {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const [form, fields] = useForm(formOptions("assign", assignSchema, lastResult, { teamId: team.value, managerId: d.managerDefault }));
  return (
    <>
      <ErrorSummary errors={summaryErrors([{ field: fields.managerId }])} />
      <CaseHeading reference={d.reference} kind={d.kind} title={t("assign.title")} />
      <SummaryList
        rows={[{ key: "team", label: t("assign.team"), value: team.label, changeHref: `/staff/cases/${d.reference}/assign`, changeLabel: t("assign.team") }]}
      />
      <Form method="post" action={`/staff/cases/${d.reference}/assign?team=${team.value}`} {...getFormProps(form)}>
        <input type="hidden" name="teamId" value={team.value} />
        {d.managers.length ? (
          <SelectField field={fields.managerId} label={t("assign.manager")} hint={t("assign.managerHint")} placeholder={t("choose")} options={d.managers} />
        ) : (
          <p className="govuk-body">{t("assign.noManagers")}</p>
        )}
        <div className="govuk-button-group">
          {d.managers.length ? (
            <button type="submit" className="govuk-button" data-module="govuk-button">
              {t("assign.save")}
            </button>
          ) : null}
          <CancelLink reference={d.reference} />
        </div>
      </Form>
    </>
  );
}
