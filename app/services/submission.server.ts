import { eq } from "drizzle-orm";
import { outbox, representations } from "../../db/schema";
import { acknowledgementLetter } from "../../emails/acknowledgement";
import { advocacyReferralEmail } from "../../emails/advocacy-referral";
import { staffNotificationEmail } from "../../emails/staff-notification";
import { londonDate } from "../domain/calendar";
import { formatLongDate } from "../domain/dates";
import { letterEmailOf } from "../domain/letters";
import { completeAnswers, type CompleteAnswers } from "../domain/form/journey";
import { METHOD_EFORM, METHOD_YOUNG_PERSONS_EFORM, type RepresentationKind } from "../domain/representation";
import { createI18n, type Language } from "../i18n/i18n";
import { attachDraftFilesToRepresentation } from "./attachments.server";
import { createRepresentation } from "./create-representation.server";
import type { Db } from "./db.server";
import { findDraft, markDraftSent } from "./drafts.server";
import { journeyContext } from "./journey.server";
import { sendLetterToPerson } from "./letters.server";
import { withinLimit } from "./rate-limit.server";
import { getSettings } from "./settings.server";

export type SubmitResult =
  | { outcome: "sent"; reference: string; dueOn: string | null }
  | { outcome: "already-sent"; reference: string }
  | { outcome: "incomplete" }
  | { outcome: "no-draft" }
  | { outcome: "rate-limited" };

export type Mode = "standard" | "easy-read";

interface SubmitOptions {
  now?: Date;
  language: Language;
  mode?: Mode;
  publicUrl: string;
  /** Sends counted per key (the client's address) in a fixed window: counted in the send's own transaction. */
  limit?: { key: string; limit: number; windowMs: number };
}

/** Thrown inside the transaction so that a refused send writes nothing, its count included. */
class LimitReached extends Error {}

const text = (answers: CompleteAnswers, step: keyof CompleteAnswers, field: string): string | null => {
  const value = answers[step]?.[field];
  return typeof value === "string" && value !== "" ? value : null;
};

/** The columns staff filter and search on, read from the answers of whichever route was taken. */
export function summarise(answers: CompleteAnswers) {
  const kind = (text(answers, "kind", "kind") ?? "complaint") as RepresentationKind;
  const relationship = text(answers, "who-are-you", "relationship");
  const personName =
    text(answers, "your-details", "fullName") ?? text(answers, "compliment-contact", "fullName") ?? text(answers, "comment-contact", "fullName");
  const personEmail = text(answers, "contact", "email") ?? text(answers, "compliment-contact", "email") ?? text(answers, "comment-contact", "email");
  const childName = relationship === "young-person" ? personName : text(answers, "about-the-child", "childName");
  const wantsAdvocate = text(answers, "advocate-offer", "wantsAdvocate") === "yes" && text(answers, "advocate-offer", "advocacyConsent") === "yes";
  return {
    kind,
    relationship,
    personName,
    personEmail,
    childName,
    wantsAdvocate,
  };
}

/**
 * Turns a finished draft into a representation. The record, its emails (in the outbox) and the
 * draft's new state are written in one transaction: either all of it happened or none of it. A
 * send over the limit is refused before anything is written.
 */
export function submitDraft(db: Db, draftId: string | null, options: SubmitOptions): SubmitResult {
  const now = options.now ?? new Date();
  const mode = options.mode ?? "standard";
  try {
    return sendInTransaction(db, draftId, options, now, mode);
  } catch (error) {
    if (error instanceof LimitReached) return { outcome: "rate-limited" };
    throw error;
  }
}

function sendInTransaction(db: Db, draftId: string | null, options: SubmitOptions, now: Date, mode: Mode): SubmitResult {
  // One IMMEDIATE transaction, so one commit (one WAL sync) a send, the limit's count included.
  return db.transaction((tx) => {
    if (options.limit && !withinLimit(tx, options.limit.key, { limit: options.limit.limit, windowMs: options.limit.windowMs, now })) throw new LimitReached();
    const draft = findDraft(tx, draftId, now);
    if (!draft) return { outcome: "no-draft" } as const;
    if (draft.representationId !== null) {
      const sent = tx.select({ reference: representations.reference }).from(representations).where(eq(representations.id, draft.representationId)).get();
      return sent ? ({ outcome: "already-sent", reference: sent.reference } as const) : ({ outcome: "no-draft" } as const);
    }
    const answers = completeAnswers(journeyContext(tx, draft.answers, now));
    if (!answers) return { outcome: "incomplete" } as const;

    const s = summarise(answers);
    const receivedOn = londonDate(now);
    // Complaints start on the statutory Stage 1 clock; triage may move them to another process.
    const inserted = createRepresentation(tx, {
      kind: s.kind,
      methodReceived: mode === "easy-read" ? METHOD_YOUNG_PERSONS_EFORM : METHOD_EFORM,
      language: options.language,
      mode,
      receivedAt: now,
      receivedOn,
      personName: s.personName ?? "",
      personRelationship: s.relationship ?? "",
      personEmail: s.personEmail,
      childName: s.childName,
      answers,
      // Kept as a coded fact apart from the answers (retention strips those) for the report's count.
      advocacyReferred: s.wantsAdvocate,
      createdAt: now,
      updatedAt: now,
    });
    const { reference } = inserted;
    const due = inserted.dueOn ? { dueOn: inserted.dueOn } : null;

    const settings = getSettings(tx);
    // The person reads their email in their own language and, for easy read, in easy-read words.
    const personT = createI18n(options.language, { mode }).t;
    const staffT = createI18n("en").t;
    const mail: Array<{
      template: string;
      toAddress: string;
      subject: string;
      text: string;
      html: string;
    }> = [];
    const acknowledgement = acknowledgementLetter(personT, {
      kind: s.kind,
      reference,
      dueOn: due ? formatLongDate(due.dueOn, options.language) : null,
      councilName: settings.councilName,
      complaintsTeamPhone: settings.complaintsTeamPhone,
      complaintsTeamEmail: settings.complaintsTeamEmail,
      advocacyProviderName: s.wantsAdvocate ? settings.advocacyProviderName : null,
    });
    // A complaint is always acknowledged: by email, or (they asked for post or gave no email) a
    // letter kept on the case for staff to print and post. A compliment or comment only by email.
    if (s.kind === "complaint" || letterEmailOf({ personEmail: s.personEmail, answers })) {
      sendLetterToPerson(tx, {
        representationId: inserted.id,
        language: options.language,
        template: `acknowledgement-${s.kind}`,
        letter: { subject: acknowledgement.subject, body: acknowledgement.paragraphs.join("\n\n") },
        staffUserId: null,
        now,
      });
    }
    mail.push({
      template: "staff-notification",
      toAddress: settings.complaintsTeamEmail,
      ...staffNotificationEmail(staffT, {
        reference,
        kind: staffT(`staff:kinds.${s.kind}`).toLowerCase(),
        dueOn: due ? formatLongDate(due.dueOn, "en") : null,
        caseUrl: `${options.publicUrl}/staff/cases/${reference}`,
      }),
    });
    if (s.wantsAdvocate) {
      // The young person agreed to this referral; it carries only what the provider needs to reach them.
      mail.push({
        template: "advocacy-referral",
        toAddress: settings.advocacyProviderEmail,
        ...advocacyReferralEmail(staffT, {
          reference,
          councilName: settings.councilName,
          name: s.personName ?? "",
          contactMethod: text(answers, "contact", "contactMethod") ?? "",
          email: text(answers, "contact", "email"),
          phone: text(answers, "contact", "phone"),
          address: text(answers, "contact", "address"),
          advocateReach: text(answers, "contact", "advocateReach"),
          safeToCall: text(answers, "contact-safety", "safeToCall"),
          safeToLeaveMessage: text(answers, "contact-safety", "safeToLeaveMessage"),
          timesToAvoid: text(answers, "contact-safety", "timesToAvoid"),
          complaintsTeamPhone: settings.complaintsTeamPhone,
        }),
      });
    }
    tx.insert(outbox)
      .values(
        mail.map((m) => ({
          representationId: inserted.id,
          template: m.template,
          toAddress: m.toAddress,
          subject: m.subject,
          textBody: m.text,
          htmlBody: m.html,
          nextAttemptAt: now,
          createdAt: now,
        }))
      )
      .run();
    attachDraftFilesToRepresentation(tx, draft.id, inserted.id);
    markDraftSent(tx, draft.id, inserted.id, now);
    return { outcome: "sent", reference, dueOn: due?.dueOn ?? null } as const;
  });
}
