import type { IsoDate } from "../calendar";
import type { Relationship } from "../representation";
import { readDateParts } from "./dates";
import { answerOf, stepSchema, type DraftAnswers, type StepContext, type StepId } from "./steps";

/**
 * Walks the question pages from the answers so far, as GOV.UK Forms does: which pages apply,
 * the next and previous ones, and whether a page may be visited yet. Pure: "today" is passed in.
 */
export const CHECK_ANSWERS = "check-answers" as const;

export interface JourneyContext extends StepContext {
  today: IsoDate;
}

/**
 * People with their own standing under the Regulations (parents, foster carers, special
 * guardians) need not have the child's agreement; anyone else acting for a child should.
 */
export function needsChildAgreement(relationship: Relationship | string | undefined): boolean {
  return relationship === "advocate" || relationship === "relative" || relationship === "professional" || relationship === "someone-else";
}

/** A matter more than 12 months old may still be accepted, at the council's discretion. */
export function happenedOverAYearAgo(answers: DraftAnswers, today: IsoDate): boolean {
  const when = answers["when-it-happened"];
  if (typeof when !== "object" || when === null) return false;
  if (answerOf(answers, "when-it-happened", "whenKind") !== "date") return false;
  const reading = readDateParts(when as Record<string, unknown>, "when", today);
  if (reading.kind !== "date") return false;
  const [year, month, day] = today.split("-");
  // Compared as text: "2025-02-29" still sorts correctly after a leap day.
  return reading.date < `${Number(year) - 1}-${month}-${day}`;
}

/**
 * The pages of this person's journey, in order. Until an answer that changes the route is given,
 * the most common route is assumed, so "Step N of M" is a fair estimate from the first page.
 */
export function stepsFor(answers: DraftAnswers, today: IsoDate): StepId[] {
  const kind = answerOf(answers, "kind", "kind") ?? "complaint";
  if (kind === "compliment") return ["kind", "compliment-team", "compliment-what", "compliment-share", "compliment-contact"];
  if (kind === "comment") return ["kind", "comment-about", "comment-what", "comment-contact"];

  const relationship = answerOf(answers, "who-are-you", "relationship") ?? "parent";
  const steps: StepId[] = ["kind", "who-are-you"];
  if (relationship === "young-person") {
    steps.push("advocate-offer");
  } else {
    steps.push("about-the-child");
    if (needsChildAgreement(relationship)) steps.push("child-agrees");
    if (relationship === "advocate") steps.push("advocate-details");
  }
  steps.push("your-details", "contact");
  const method = answerOf(answers, "contact", "contactMethod");
  if (method === "phone" || method === "post") steps.push("contact-safety");
  steps.push("support-needs", "what-happened", "when-it-happened");
  if (happenedOverAYearAgo(answers, today)) steps.push("why-now");
  steps.push("team", "put-right", "complained-before", "court-case", "attachments");
  return steps;
}

export function isStepComplete(step: StepId, context: JourneyContext): boolean {
  return stepSchema(step, context).safeParse(context.answers[step]).success;
}

export function firstIncompleteStep(context: JourneyContext): StepId | null {
  return stepsFor(context.answers, context.today).find((step) => !isStepComplete(step, context)) ?? null;
}

/** A page may be visited once every page before it on this route is answered. */
export function mayVisit(step: StepId, context: JourneyContext): boolean {
  const steps = stepsFor(context.answers, context.today);
  const index = steps.indexOf(step);
  return index !== -1 && steps.slice(0, index).every((s) => isStepComplete(s, context));
}

/** The page after this one; an answer that opens new pages leads to the first of them. */
export function nextStep(step: StepId, context: JourneyContext): StepId | typeof CHECK_ANSWERS {
  const steps = stepsFor(context.answers, context.today);
  return steps[steps.indexOf(step) + 1] ?? CHECK_ANSWERS;
}

/**
 * After a change from check-your-answers: back there, unless the change made a page needed that
 * has no answer yet (say, "why now?" after moving the date back).
 */
export function nextStepAfterChange(context: JourneyContext): StepId | typeof CHECK_ANSWERS {
  return firstIncompleteStep(context) ?? CHECK_ANSWERS;
}

export function previousStep(step: StepId, answers: DraftAnswers, today: IsoDate): StepId | null {
  const steps = stepsFor(answers, today);
  return steps[steps.indexOf(step) - 1] ?? null;
}

export function stepNumber(step: StepId, answers: DraftAnswers, today: IsoDate): { number: number; of: number } {
  const steps = stepsFor(answers, today);
  return { number: steps.indexOf(step) + 1, of: steps.length };
}

export type CompleteAnswers = Partial<Record<StepId, Record<string, unknown>>>;

/** Every page's answers on this route, parsed, or null while any is missing or invalid. */
export function completeAnswers(context: JourneyContext): CompleteAnswers | null {
  const parsed: CompleteAnswers = {};
  for (const step of stepsFor(context.answers, context.today)) {
    const result = stepSchema(step, context).safeParse(context.answers[step]);
    if (!result.success) return null;
    parsed[step] = result.data as Record<string, unknown>;
  }
  return parsed;
}
