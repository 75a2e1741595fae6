import demographics from "../../db/seed-data/demographics.json";

/**
 * Optional equality monitoring (GOV.UK's equality information pattern): one question a page,
 * every question may be left, answered "Prefer not to say", or skipped with all that follow.
 * The answers are the 2021 Census lists in `db/seed-data/demographics.json`, stored as slugs of
 * their English labels; each slug's words are `common:equality.options.<list>.<slug>`.
 */
export const PREFER_NOT_TO_SAY = "prefer-not-to-say";

export const equalityQuestions = ["age", "sex", "disability", "ethnic-group", "ethnic-background"] as const;
export type EqualityQuestion = (typeof equalityQuestions)[number];

/** The stored column of each question. */
export const equalityColumns = {
  age: "ageBand",
  sex: "gender",
  disability: "disability",
  "ethnic-group": "ethnicGroup",
  "ethnic-background": "ethnicity",
} as const satisfies Record<EqualityQuestion, string>;
export type EqualityColumn = (typeof equalityColumns)[EqualityQuestion];
export type EqualityAnswers = Partial<Record<EqualityColumn, string | null>>;

export function slugify(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export const equalityLists = {
  ageBands: demographics.ageBands.map(slugify),
  gender: demographics.gender.map(slugify),
  disability: demographics.disability.map(slugify),
  ethnicGroups: demographics.ethnicity.map((g) => slugify(g.group)),
  ethnicities: Object.fromEntries(demographics.ethnicity.map((g) => [slugify(g.group), g.items.map(slugify)])) as Record<string, string[]>,
};

export function isEqualityQuestion(value: unknown): value is EqualityQuestion {
  return typeof value === "string" && (equalityQuestions as readonly string[]).includes(value);
}

/** The list a question's words come from (`common:equality.options.<list>.<slug>`). */
export function optionList(question: EqualityQuestion, answers: EqualityAnswers): { list: string; values: string[] } {
  switch (question) {
    case "age":
      return { list: "ageBands", values: equalityLists.ageBands };
    case "sex":
      return { list: "gender", values: equalityLists.gender };
    case "disability":
      return { list: "disability", values: equalityLists.disability };
    case "ethnic-group":
      return { list: "ethnicGroups", values: equalityLists.ethnicGroups };
    case "ethnic-background":
      return { list: "ethnicities", values: equalityLists.ethnicities[answers.ethnicGroup ?? ""] ?? [] };
  }
}

/** Whether a question is asked: the background only follows a group that was chosen. */
export function isAsked(question: EqualityQuestion, answers: EqualityAnswers): boolean {
  return question !== "ethnic-background" || optionList(question, answers).values.length > 0;
}

/** The next question to ask, or null when there are no more. */
export function nextEqualityQuestion(question: EqualityQuestion, answers: EqualityAnswers): EqualityQuestion | null {
  const rest = equalityQuestions.slice(equalityQuestions.indexOf(question) + 1);
  return rest.find((q) => isAsked(q, answers)) ?? null;
}

/**
 * Reads one answer from a post: a listed value, "Prefer not to say", or nothing (left blank).
 * Anything else is refused (undefined).
 */
export function parseEqualityAnswer(question: EqualityQuestion, answers: EqualityAnswers, raw: unknown): string | null | undefined {
  if (raw === null || raw === undefined || raw === "") return null;
  if (typeof raw !== "string") return undefined;
  if (raw === PREFER_NOT_TO_SAY) return raw;
  return optionList(question, answers).values.includes(raw) ? raw : undefined;
}
