import { equalityColumns, equalityQuestions, optionList, PREFER_NOT_TO_SAY, type EqualityAnswers, type EqualityQuestion } from "./equality";

/**
 * Subject access requests (UK GDPR article 15): finding a person's records and describing their
 * part in each. Pure; the queries are in app/services/subject-access.server.ts.
 */

/** More than this and a search is too loose to choose from; the page asks for more detail. */
export const MAX_MATCHES = 100;

/** How the person appears in a representation: who made it, the child it is about, or both. */
export type SubjectRole = "complainant" | "child" | "young-person";

/**
 * A UK phone number as digits in national form, so "+44 (0)7700 900 123", "0044 7700900123" and
 * "07700 900123" compare equal. Null when there are too few digits to be a number.
 */
export function phoneDigits(raw: string): string | null {
  let digits = raw.replace(/\(0\)/g, "").replace(/\D/g, "");
  if (digits.startsWith("00")) digits = digits.slice(2);
  if (digits.startsWith("44") && digits.length >= 11) digits = `0${digits.slice(2)}`;
  return digits.length >= 7 ? digits : null;
}

/** Names compare without case or extra spaces: "  ada  LOVELACE" is "ada lovelace". */
export function sameName(a: string | null | undefined, b: string | null | undefined): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();
  return Boolean(a && b && norm(a) !== "" && norm(a) === norm(b));
}

/** The person's part in a representation, given which of its names or contact details matched. */
export function roleOf(relationship: string, matched: { person: boolean; child: boolean }): SubjectRole | null {
  if (relationship === "young-person" && (matched.person || matched.child)) return "young-person";
  if (matched.person) return "complainant";
  if (matched.child) return "child";
  return null;
}

/**
 * The equality answers as question and answer keys (common:equality.*), in the order asked,
 * leaving out questions never answered. Stored slugs are shown as stored when unknown.
 */
export function equalityAnswerKeys(answers: EqualityAnswers): Array<{ question: EqualityQuestion; questionKey: string; answerKey: string | null; value: string }> {
  return equalityQuestions.flatMap((question) => {
    const value = answers[equalityColumns[question]];
    if (!value) return [];
    const { list, values } = optionList(question, answers);
    const answerKey = value === PREFER_NOT_TO_SAY ? "equality.preferNotToSay" : values.includes(value) ? `equality.options.${list}.${value}` : null;
    return [{ question, questionKey: `equality.questions.${question}`, answerKey, value }];
  });
}

/**
 * A record chosen for the export, and whether the requester is only the child it is about (then
 * the equality answers, which are the maker's own, are left out).
 */
export interface ChosenRecord {
  id: number;
  asChild: boolean;
}

/** How a chosen record travels in a query string: "12", or "12-child" for the child's part. */
export function chosenValue(id: number, role: SubjectRole): string {
  return role === "child" ? `${id}-child` : String(id);
}

/**
 * The chosen records from a query string (`?id=1&id=2-child`): null unless every value is one.
 * A record chosen both ways counts as the requester's own.
 */
export function parseChosen(values: readonly string[]): ChosenRecord[] | null {
  if (values.length === 0 || values.length > MAX_MATCHES) return null;
  const chosen = new Map<number, boolean>();
  for (const value of values) {
    const match = /^(\d{1,15})(-child)?$/.exec(value);
    if (!match) return null;
    const id = Number(match[1]);
    chosen.set(id, (chosen.get(id) ?? true) && match[2] !== undefined);
  }
  return [...chosen].map(([id, asChild]) => ({ id, asChild }));
}
