import type { TFunction } from "i18next";
import { formatLongDate } from "~/domain/dates";
import { readDateParts } from "~/domain/form/date-reading";
import { stepIds, type StepId } from "~/domain/form/step-ids";
import { questionsFor, type Question } from "./question-pages";
import type { SummaryRow } from "./summary-list";

export interface AnswerRowOptions {
  changeLinks: boolean;
  /** The council's teams as [value, label], to name the team chosen. */
  teams: ReadonlyArray<readonly [string, string]>;
  language: string;
}

/**
 * The person's answers as summary rows, for check-your-answers (with change links) and for the
 * staff case page (without). Built from the same page definitions that drew the questions, so
 * every answer given is shown and the two can never disagree.
 */
export function answerRows(t: TFunction, answers: Partial<Record<StepId, unknown>>, options: AnswerRowOptions): SummaryRow[] {
  const notGiven = t("form:answers.notGiven");
  const teams = new Map(options.teams);
  const rows: SummaryRow[] = [];
  for (const step of stepIds) {
    const values = answers[step];
    if (typeof values !== "object" || values === null) continue;
    const record = values as Record<string, unknown>;
    for (const question of shownQuestions(questionsFor(step, { answers, teams: options.teams }), record)) {
      const name = question.type === "date" ? question.prefix : question.name;
      const label = t(`form:questions.${name}.label`);
      rows.push({
        key: `${step}-${name}`,
        label,
        value: describe(t, question, record, { notGiven, teams, language: options.language }),
        changeHref: options.changeLinks ? `/form/${step}?change=true` : undefined,
        changeLabel: label.toLowerCase(),
      });
    }
  }
  return rows;
}

/** A radio's conditional questions count only when that option was chosen. */
function shownQuestions(questions: Question[], values: Record<string, unknown>): Question[] {
  return questions.flatMap((q) => {
    if (q.type !== "radios" || !q.conditional) return [q];
    const chosen = values[q.name];
    return [q, ...(typeof chosen === "string" ? (q.conditional[chosen] ?? []) : [])];
  });
}

function describe(
  t: TFunction,
  q: Question,
  values: Record<string, unknown>,
  context: { notGiven: string; teams: Map<string, string>; language: string },
): string {
  if (q.type === "date") {
    const reading = readDateParts(values, q.prefix, "9999-12-31");
    return reading.kind === "date" ? formatLongDate(reading.date, context.language) : context.notGiven;
  }
  const value = values[q.name];
  if (value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0)) return context.notGiven;
  switch (q.type) {
    case "radios":
    case "checkbox":
      return t(`form:options.${q.name}.${String(value)}`);
    case "checkboxes":
      return (Array.isArray(value) ? value : [value]).map((v) => t(`form:options.${q.name}.${String(v)}`)).join("\n");
    case "select":
      return context.teams.get(String(value)) ?? t(`form:options.${q.name}.${String(value)}`);
    case "text":
    case "textarea":
      return String(value);
  }
}
