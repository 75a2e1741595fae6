import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/layout";
import type { RouteHandle } from "~/components/page-title";
import {
  equalityColumns,
  equalityQuestions,
  isAsked,
  isEqualityQuestion,
  nextEqualityQuestion,
  optionList,
  parseEqualityAnswer,
  PREFER_NOT_TO_SAY,
  type EqualityQuestion,
} from "~/domain/equality";
import { getDb } from "~/services/db.server";
import { findEqualityAnswers, saveEqualityAnswer, sentRepresentationId } from "~/services/equality.server";
import { readForm } from "~/services/form-data.server";

const pathOf = (question: EqualityQuestion | null) => (question ? `/equality/${question}` : "/equality/done");

async function open(request: Request, params: { question?: string }) {
  const question = params.question;
  if (!isEqualityQuestion(question)) throw new Response("Not found", { status: 404 });
  const db = getDb();
  const representationId = await sentRepresentationId(db, request);
  if (representationId === null) throw redirect("/");
  const answers = findEqualityAnswers(db, representationId);
  if (!isAsked(question, answers)) throw redirect(pathOf(nextEqualityQuestion(question, answers)));
  return { db, question, representationId, answers };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { question, answers } = await open(request, params);
  const index = equalityQuestions.indexOf(question);
  const previous = equalityQuestions.slice(0, index).findLast((q) => isAsked(q, answers));
  return {
    question,
    ...optionList(question, answers),
    current: answers[equalityColumns[question]] ?? null,
    backHref: previous ? pathOf(previous) : "/equality",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  // The body is read before any redirect: one left unread resets the browser's connection.
  const form = await readForm(request);
  const { db, question, representationId, answers } = await open(request, params);
  const value = parseEqualityAnswer(question, answers, form.get("answer"));
  if (value === undefined) throw new Response("Bad request", { status: 400 });
  saveEqualityAnswer(db, representationId, question, value);
  const after = { ...answers, [equalityColumns[question]]: value };
  return redirect(pathOf(nextEqualityQuestion(question, after)));
}

export const handle: RouteHandle = {
  title: (t, data) => t(`equality.questions.${(data as { question?: string } | undefined)?.question ?? "age"}`),
};

/** One optional question: its answers, "Prefer not to say", and a way to skip the rest. */
export default function EqualityQuestionPage() {
  const { question, list, values, current, backHref } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const hintKey = `equality.hints.${question}`;
  const hasHint = i18n.exists(hintKey);
  const options = [...values.map((value) => ({ value, label: t(`equality.options.${list}.${value}`) })), null, { value: PREFER_NOT_TO_SAY, label: t("equality.preferNotToSay") }];
  return (
    <>
      <BackLink to={backHref} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <Form method="post" key={question}>
            <div className="govuk-form-group">
              <fieldset className="govuk-fieldset" aria-describedby={hasHint ? "answer-hint" : undefined}>
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--l">
                  <h1 className="govuk-fieldset__heading">{t(`equality.questions.${question}`)}</h1>
                </legend>
                {hasHint ? (
                  <div className="govuk-hint" id="answer-hint">
                    {t(hintKey)}
                  </div>
                ) : null}
                <div className="govuk-radios" data-module="govuk-radios">
                  {options.map((option, i) =>
                    option === null ? (
                      <div className="govuk-radios__divider" key="divider">
                        {t("equality.or")}
                      </div>
                    ) : (
                      <div className="govuk-radios__item" key={option.value}>
                        <input
                          className="govuk-radios__input"
                          id={i === 0 ? "answer" : `answer-${option.value}`}
                          name="answer"
                          type="radio"
                          value={option.value}
                          defaultChecked={current === option.value}
                        />
                        <label className="govuk-label govuk-radios__label" htmlFor={i === 0 ? "answer" : `answer-${option.value}`}>
                          {option.label}
                        </label>
                      </div>
                    ),
                  )}
                </div>
              </fieldset>
            </div>
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button" data-module="govuk-button">
                {t("equality.continue")}
              </button>
              <Link className="govuk-link" to="/equality/done">
                {t("equality.skipRest")}
              </Link>
            </div>
          </Form>
        </div>
      </div>
    </>
  );
}
