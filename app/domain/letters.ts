import type { IsoDate } from "./calendar";
import { answerOf, type DraftAnswers } from "./form/steps";

/**
 * Letters to the person (decision record 023): how each one goes, and what a letter kept to post
 * needs. Pure; `app/services/letters.server.ts` acts on it.
 */

export type LetterChannel = "email" | "letter";


/** What the case knows about how to reach the person: the email kept on the record and their answers. */
export interface ContactFacts {
  personEmail: string | null;
  answers: unknown;
}

/** The way the person asked to be contacted on the e-form (or staff recorded for them), if any. */
export function contactMethodOf(answers: unknown): string | null {
  return answerOf((answers ?? {}) as DraftAnswers, "contact", "contactMethod") ?? null;
}

/**
 * The one rule for how a letter reaches the person: by post when they asked for post, or when
 * there is no email address to send it to; otherwise by email. Asking for post wins over an
 * address they may also have given: they chose how to hear from us.
 */
export function letterChannel(contact: ContactFacts): LetterChannel {
  if (contactMethodOf(contact.answers) === "post") return "letter";
  return contact.personEmail?.trim() ? "email" : "letter";
}

/** The address to email a letter to, or null when it is kept to post (pages say which it will be). */
export function letterEmailOf(contact: ContactFacts): string | null {
  return letterChannel(contact) === "email" ? contact.personEmail?.trim() ?? null : null;
}

/** The postal address the person gave, if any (only asked when they chose post). */
export function postalAddressOf(answers: unknown): string | null {
  const address = answerOf((answers ?? {}) as DraftAnswers, "contact", "address")?.trim();
  return address ? address : null;
}

/** True when the person told us a letter is not safe to send to them. */
export function notSafeToWrite(answers: unknown): boolean {
  return answerOf((answers ?? {}) as DraftAnswers, "contact-safety", "safeToWrite") === "no";
}

export type PostedProblem = "before-letter" | "in-future" | "already-posted";

/**
 * May a letter written on `letterOn` be marked posted on `postedOn`, today? Not before it was
 * written, not in the future, and only once.
 */
export function checkPostedOn(letter: { writtenOn: IsoDate; postedOn: IsoDate | null }, postedOn: IsoDate, today: IsoDate): PostedProblem | null {
  if (letter.postedOn !== null) return "already-posted";
  if (postedOn < letter.writtenOn) return "before-letter";
  if (postedOn > today) return "in-future";
  return null;
}
