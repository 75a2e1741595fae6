// The names of the form's steps and the plain rules that both the server and the browser's pages
// use. No schemas here: the schemas (steps.ts) are built with zod when the module loads, and the
// public pages, which the server validates, must not bring zod into the browser (decision 036).

export const contactMethods = ["email", "phone", "post", "advocate"] as const;
export const DONT_KNOW = "dont-know";

export const stepIds = [
  "kind",
  "who-are-you",
  "about-the-child",
  "child-agrees",
  "advocate-details",
  "advocate-offer",
  "your-details",
  "contact",
  "contact-safety",
  "support-needs",
  "what-happened",
  "when-it-happened",
  "why-now",
  "team",
  "put-right",
  "complained-before",
  "court-case",
  "attachments",
  "compliment-team",
  "compliment-what",
  "compliment-share",
  "compliment-contact",
  "comment-about",
  "comment-what",
  "comment-contact",
] as const;

export type StepId = (typeof stepIds)[number];
export type DraftAnswers = Partial<Record<StepId, unknown>>;

export function isStepId(value: string): value is StepId {
  return (stepIds as readonly string[]).includes(value);
}

export function answerOf(answers: DraftAnswers, step: StepId, field: string): string | undefined {
  const values = answers[step];
  if (typeof values !== "object" || values === null) return undefined;
  const value = (values as Record<string, unknown>)[field];
  return typeof value === "string" ? value : undefined;
}

/** "Through my advocate" is offered only to a young person who asked for one. */
export function contactMethodsFor(answers: DraftAnswers): readonly (typeof contactMethods)[number][] {
  const viaAdvocate = answerOf(answers, "who-are-you", "relationship") === "young-person" && answerOf(answers, "advocate-offer", "wantsAdvocate") === "yes";
  return viaAdvocate ? contactMethods : contactMethods.filter((m) => m !== "advocate");
}
