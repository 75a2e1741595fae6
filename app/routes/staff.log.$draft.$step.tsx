import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LoggedQuestion } from "~/components/casework-questions";
import { ErrorSummary } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { fieldNames, questionsFor } from "~/components/question-pages";
import { isStepId, stepSchema, type DraftAnswers, type StepId } from "~/domain/form/steps";
import { requireStaff } from "~/services/auth.server";
import { findLog, mayVisitLogStep, nextLogStep, saveLogStep } from "~/services/case-log.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { journeyContext } from "~/services/journey.server";

export const handle: RouteHandle = {
  title: (t, data) => t(`form:titles.${(data as { step?: string } | undefined)?.step ?? "kind"}`, { defaultValue: t("casework:log.title") }),
};

function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

async function open(request: Request, params: { draft?: string; step?: string }) {
  const db = getDb();
  const staff = await requireStaff(db, request, "cases.create");
  const draft = findLog(db, params.draft ?? "");
  const step = params.step ?? "";
  if (!draft || !isStepId(step)) notFound();
  if (!mayVisitLogStep(db, draft, step)) throw redirect(`/staff/log/${draft.id}/${nextLogStep(db, draft.id)}`);
  return { db, staff, draft, step: step as StepId };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, draft, step } = await open(request, params);
  const context = journeyContext(db, draft.answers);
  return { draftId: draft.id, step, answers: draft.answers as DraftAnswers, teams: context.teamOptions, method: draft.log.method };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, draft, step } = await open(request, params);
  const context = journeyContext(db, draft.answers);
  const submission = parseWithZod(await readForm(request), { schema: stepSchema(step, context) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const next = saveLogStep(db, draft, step, submission.value);
  return redirect(`/staff/log/${draft.id}/${next}`);
}

export default function LogStepPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const schema = stepSchema(d.step, { answers: d.answers, teams: d.teams.map(([value]) => value) });
  const [form, fields] = useForm(formOptions(`log-${d.step}`, schema, lastResult, d.answers[d.step] as Record<string, unknown> | undefined));
  const questions = questionsFor(d.step, { answers: d.answers, teams: d.teams });
  const f = fields as Record<string, { errors?: string[] }>;
  const errors = fieldNames(questions).flatMap((name) => (f[name]?.errors?.length ? [{ href: `#${name}`, message: f[name]?.errors?.[0] ?? "" }] : []));
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{t("log.caption", { method: d.method })}</span>
      <h1 className="govuk-heading-l">{t(`form:titles.${d.step}`)}</h1>
      <Form method="post" {...getFormProps(form)}>
        {questions.map((q) => (
          <LoggedQuestion key={q.type === "date" ? q.prefix : q.name} question={q} fields={fields} teams={d.teams} />
        ))}
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("log.continue")}
          </button>
          <Link className="govuk-link" to="/staff">
            {t("log.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
