import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/layout";
import type { RouteHandle } from "~/components/page-title";
import { QuestionPage } from "~/components/question-page";
import { CHECK_ANSWERS, firstIncompleteStep, mayVisit, nextStep, nextStepAfterChange, previousStep, stepNumber } from "~/domain/form/journey";
import { isStepId, stepSchema, type StepId } from "~/domain/form/steps";
import { getDb } from "~/services/db.server";
import { createDraft, draftCookieHeader, openDraft, saveStepAnswers } from "~/services/drafts.server";
import { readForm } from "~/services/form-data.server";
import { journeyContext } from "~/services/journey.server";

function stepFrom(params: { step?: string }): StepId {
  if (!params.step || !isStepId(params.step) || params.step === "attachments") throw new Response("Not found", { status: 404 });
  return params.step;
}

const pathOf = (step: string) => `/form/${step}`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const step = stepFrom(params);
  const db = getDb();
  const draft = await openDraft(db, request);
  const context = journeyContext(db, draft?.answers ?? {});
  if (!mayVisit(step, context)) throw redirect(pathOf(firstIncompleteStep(context) ?? CHECK_ANSWERS));
  const change = new URL(request.url).searchParams.get("change") === "true";
  const previous = previousStep(step, context.answers, context.today);
  return {
    step,
    answers: context.answers,
    teams: context.teamOptions,
    position: stepNumber(step, context.answers, context.today),
    change,
    backHref: change ? pathOf(CHECK_ANSWERS) : previous ? pathOf(previous) : "/",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const step = stepFrom(params);
  const db = getDb();
  const formData = await readForm(request);
  const existing = await openDraft(db, request);
  const before = journeyContext(db, existing?.answers ?? {});
  const submission = parseWithZod(formData, { schema: stepSchema(step, before) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  if (!mayVisit(step, before)) throw redirect(pathOf(firstIncompleteStep(before) ?? CHECK_ANSWERS));

  const draft = saveStepAnswers(db, existing ?? createDraft(db), step, submission.value);
  const after = { ...before, answers: draft.answers };
  const change = new URL(request.url).searchParams.get("change") === "true";
  const next = change ? nextStepAfterChange(after) : nextStep(step, after);
  // A change that opens a new page keeps the person on the change path back to check-answers.
  const target = change && next !== CHECK_ANSWERS ? `${pathOf(next)}?change=true` : pathOf(next);
  return redirect(target, { headers: { "Set-Cookie": await draftCookieHeader(draft) } });
}

export const handle: RouteHandle = {
  title: (t, loaderData) => {
    const step = (loaderData as { step?: StepId } | undefined)?.step;
    return step ? t(`form:titles.${step}`) : "";
  },
};

export default function QuestionPageRoute() {
  const { step, answers, teams, position, change, backHref } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("form");
  return (
    <>
      <BackLink to={backHref} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <QuestionPage
            key={step}
            step={step}
            answers={answers}
            teams={teams}
            lastResult={lastResult}
            action={`${pathOf(step)}${change ? "?change=true" : ""}`}
            caption={t("stepOf", { number: position.number, of: position.of })}
          />
        </div>
      </div>
    </>
  );
}
