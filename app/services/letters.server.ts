import { outbox } from "../../db/schema";
import { letterEmail } from "../../emails/layout";
import { isLanguage, textDirection } from "../i18n/i18n";
import { addEntry } from "./case.server";
import type { Db } from "./db.server";

/**
 * Sends a letter to the person who made a representation, inside the change's transaction: by
 * email through the outbox when they gave an address, otherwise kept on the timeline to print and
 * post. Says which it was.
 */
export function sendLetterToPerson(
  tx: Db,
  input: {
    representationId: number;
    personEmail: string | null;
    language: string;
    /** The outbox's name for this kind of letter (refusal, extension, response...). */
    template: string;
    letter: { subject: string; body: string };
    staffUserId: number;
    now: Date;
  },
): "email" | "letter" {
  const { representationId, letter, now } = input;
  if (!input.personEmail) {
    addEntry(tx, { representationId, kind: "correspondence-out", channel: "letter", staffUserId: input.staffUserId, at: now, body: `${letter.subject}\n\n${letter.body}` });
    return "letter";
  }
  const language = isLanguage(input.language) ? input.language : "en";
  const email = letterEmail(language, textDirection(language), letter);
  tx.insert(outbox)
    .values({
      representationId,
      template: input.template,
      toAddress: input.personEmail,
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html,
      nextAttemptAt: now,
      createdAt: now,
    })
    .run();
  return "email";
}
