import { answerOf, type DraftAnswers } from "../domain/form/steps";

/**
 * How to contact the person safely, from what they told the e-form (or staff recorded): read
 * defensively, since the form's questions may change.
 */
export function contactSafetyNotes(answers: unknown): Array<{ key: string; value?: string }> {
  const a = (answers ?? {}) as DraftAnswers;
  const notes: Array<{ key: string; value?: string }> = [];
  if (answerOf(a, "contact-safety", "safeToCall") === "no") notes.push({ key: "noCalls" });
  if (answerOf(a, "contact-safety", "safeToLeaveMessage") === "no") notes.push({ key: "noVoicemail" });
  if (answerOf(a, "contact-safety", "safeToWrite") === "no") notes.push({ key: "noLetters" });
  const avoid = answerOf(a, "contact-safety", "timesToAvoid");
  if (avoid) notes.push({ key: "timesToAvoid", value: avoid });
  const method = answerOf(a, "contact", "contactMethod");
  if (method) notes.push({ key: `prefers.${method}` });
  return notes;
}
