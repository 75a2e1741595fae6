/**
 * The optional questions about the experience of complaining, asked online after a stage has its
 * response (issue 10; decision record 031). The answers are kept apart from the case, with no
 * reference, name or date finer than the month, so they cannot be traced back to a person; the
 * report counts them.
 */
export const experienceQuestions = ["easy", "listened", "again"] as const;
export type ExperienceQuestion = (typeof experienceQuestions)[number];

export const experienceAnswers = ["yes", "partly", "no"] as const;
export type ExperienceAnswer = (typeof experienceAnswers)[number];

export type ExperienceResponse = Partial<Record<ExperienceQuestion, ExperienceAnswer>>;

export type ExperienceCounts = Record<ExperienceQuestion, Record<ExperienceAnswer | "unanswered", number>> & { responses: number };

/** How many said what to each question; a question left blank counts as unanswered. */
export function countExperience(responses: readonly ExperienceResponse[]): ExperienceCounts {
  const empty = () => ({ yes: 0, partly: 0, no: 0, unanswered: 0 });
  const counts = { responses: responses.length, easy: empty(), listened: empty(), again: empty() };
  for (const response of responses) {
    for (const question of experienceQuestions) counts[question][response[question] ?? "unanswered"] += 1;
  }
  return counts;
}

/** True when nothing was answered: nothing is stored. */
export function isEmptyResponse(response: ExperienceResponse): boolean {
  return experienceQuestions.every((q) => response[q] === undefined);
}

/**
 * Whether to offer the questions on the current stage: once the council has done its part (it
 * responded, or the stage was closed or withdrawn), and only once per stage.
 */
export function mayAskExperience(stage: { state: string; experienceAnsweredAt: Date | null } | null): boolean {
  return stage !== null && stage.experienceAnsweredAt === null && ["responded", "closed", "withdrawn"].includes(stage.state);
}
