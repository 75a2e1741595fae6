import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/layout";
import type { RouteHandle } from "~/components/page-title";
import { QuestionPage } from "~/components/question-page";
import { fieldNames, questionName, questionsFor } from "~/components/question-pages";
import { CHECK_ANSWERS, firstIncompleteStep, mayVisit, nextStep, nextStepAfterChange, previousStep, stepNumber } from "~/domain/form/journey";
import { pictureForQuestion } from "~/domain/form/pictures";
import { earlierPartAtFault, errorsSoFar, groupFields, mergePartIntoPage, partFrom } from "~/domain/form/one-question-per-page";
import { isStepId, type StepId } from "~/domain/form/step-ids";
import { getMode } from "~/i18n/language.server";
import { getDb } from "~/services/db.server";
import { createDraft, draftCookieHeader, openDraft, saveStepAnswers } from "~/services/drafts.server";
import { readForm } from "~/services/form-data.server";
import { checkStep, journeyContext } from "~/services/journey.server";
import { picturesFor } from "~/services/pictures.server";
import { teamOptions } from "~/services/public-teams.server";

function stepFrom(params: { step?: string }): StepId {
  if (!params.step || !isStepId(params.step) || params.step === "attachments") throw new Response("Not found", { status: 404 });
  return params.step;
}

const pathOf = (step: string) => `/form/${step}`;

/** The address of a page (or of one part of it, in easy read), keeping the change path. */
function hrefOf(step: string, { part, change }: { part: number | null; change: boolean }) {
  const query = new URLSearchParams();
  if (part !== null) query.set("part", String(part));
  if (change) query.set("change", "true");
  const search = query.toString();
  return `${pathOf(step)}${search ? `?${search}` : ""}`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const step = stepFrom(params);
  const db = getDb();
  const draft = await openDraft(db, request);
  const context = journeyContext(db, draft?.answers ?? {});
  if (!mayVisit(step, context)) throw redirect(pathOf(firstIncompleteStep(context) ?? CHECK_ANSWERS));
  const url = new URL(request.url);
  const change = url.searchParams.get("change") === "true";
  const previous = previousStep(step, context.answers, context.today);
  // Easy read: one question per page, starting at the first, with its picture and the teams' plain names.
  const easyRead = (await getMode(request)) === "easy-read";
  const teams = easyRead ? teamOptions(db, { easyRead }) : context.teamOptions;
  const questions = questionsFor(step, { answers: context.answers, teams, easyRead });
  const partCount = easyRead ? questions.length : 1;
  const part = partFrom(url.searchParams.get("part"), partCount) ?? (partCount > 1 ? 0 : null);
  const shown = part === null ? questions : questions.slice(part, part + 1);
  const pictures = easyRead ? picturesFor(Object.fromEntries(shown.map((q) => [questionName(q), pictureForQuestion(questionName(q)) ?? undefined]))) : {};
  const stepBack = change ? pathOf(CHECK_ANSWERS) : previous ? pathOf(previous) : "/";
  return {
    step,
    part,
    easyRead,
    pictures,
    answers: context.answers,
    teams,
    position: stepNumber(step, context.answers, context.today),
    formAction: hrefOf(step, { part, change }),
    backHref: part !== null && part > 0 ? hrefOf(step, { part: part - 1, change }) : stepBack,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const step = stepFrom(params);
  const db = getDb();
  const formData = await readForm(request);
  const existing = await openDraft(db, request);
  const before = journeyContext(db, existing?.answers ?? {});
  const url = new URL(request.url);
  const change = url.searchParams.get("change") === "true";
  const easyRead = (await getMode(request)) === "easy-read";
  const questions = questionsFor(step, { answers: before.answers, teams: before.teamOptions, easyRead });
  const part = partFrom(url.searchParams.get("part"), questions.length);
  if (part !== null && part < questions.length - 1) {
    // One part of an easy-read page: check what has been asked so far, keep it, ask the next.
    const asked = mergePartIntoPage(before.answers[step], formData.entries(), fieldNames(questions.slice(part, part + 1)));
    const submission = checkStep(step, formDataOf(asked), before);
    if (submission.status !== "success" && errorsSoFar(submission.error, fieldNames(questions.slice(0, part + 1))).length > 0) {
      return data(submission.reply(), { status: 400 });
    }
    if (!mayVisit(step, before)) throw redirect(pathOf(firstIncompleteStep(before) ?? CHECK_ANSWERS));
    const kept = submission.status === "success" ? submission.value : groupFields(asked);
    const draft = saveStepAnswers(db, existing ?? createDraft(db), step, kept);
    return redirect(hrefOf(step, { part: part + 1, change }), { headers: { "Set-Cookie": await draftCookieHeader(draft) } });
  }
  const whole = part === null ? formData : formDataOf(mergePartIntoPage(before.answers[step], formData.entries(), fieldNames(questions.slice(part))));
  const submission = checkStep(step, whole, before);
  if (submission.status !== "success") {
    // A rule across questions can fail on an earlier part: go back to that part.
    const atFault = part === null ? null : earlierPartAtFault(submission.error, questions.map((q) => fieldNames([q])), part);
    if (atFault !== null) throw redirect(hrefOf(step, { part: atFault, change }));
    return data(submission.reply(), { status: 400 });
  }
  if (!mayVisit(step, before)) throw redirect(pathOf(firstIncompleteStep(before) ?? CHECK_ANSWERS));

  const draft = saveStepAnswers(db, existing ?? createDraft(db), step, submission.value);
  const after = { ...before, answers: draft.answers };
  const next = change ? nextStepAfterChange(after) : nextStep(step, after);
  // A change that opens a new page keeps the person on the change path back to check-answers.
  const target = hrefOf(next, { part: null, change: change && next !== CHECK_ANSWERS });
  return redirect(target, { headers: { "Set-Cookie": await draftCookieHeader(draft) } });
}

function formDataOf(fields: Array<[string, string]>): FormData {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  return form;
}

export const handle: RouteHandle = {
  title: (t, loaderData) => {
    const step = (loaderData as { step?: StepId } | undefined)?.step;
    return step ? t(`form:titles.${step}`) : "";
  },
};

export default function QuestionPageRoute() {
  const { step, part, easyRead, pictures, answers, teams, position, formAction, backHref } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("form");
  return (
    <>
      <BackLink to={backHref} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <QuestionPage
            key={`${step}-${part ?? "all"}`}
            step={step}
            part={part}
            answers={answers}
            teams={teams}
            easyRead={easyRead}
            pictures={pictures}
            lastResult={lastResult}
            action={formAction}
            caption={t("stepOf", { number: position.number, of: position.of })}
          />
        </div>
      </div>
    </>
  );
}
