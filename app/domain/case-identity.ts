/**
 * The one move the identity bar on a case page offers as "next": the move that takes the case
 * forward, from those this person may make now (the transition table and caseLinks decide
 * which; this only picks among them). Reopening, withdrawing, extending and putting on hold are
 * answers to events, never "next".
 */
const forwardMoves = [
  "decision",
  "take-off-hold",
  "share-statement",
  "agree-statement",
  "name-investigator",
  "book-panel",
  "record-panel-report",
  "record-council-response",
  "answer-ombudsman-enquiry",
  "record-ombudsman-decision",
  "record-remedy-met",
  "respond",
  "compliment",
  "close",
  "escalate",
] as const;

export function nextCaseAction(links: readonly string[], status: string): string | null {
  // A new case is triaged first: until then nothing else is known about it.
  if (status === "new" && links.includes("triage")) return "triage";
  return forwardMoves.find((move) => links.includes(move)) ?? null;
}
