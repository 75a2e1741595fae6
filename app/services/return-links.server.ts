import { createHash, randomBytes } from "node:crypto";
import { parseWithZod } from "@conform-to/zod/v4";
import { and, eq, isNull } from "drizzle-orm";
import * as z from "zod/mini";
import { drafts, outbox, returnLinks } from "../../db/schema";
import { returnLinkEmail } from "../../emails/return-link";
import { formatLongDate } from "../domain/dates";
import { cleanEmail, EMAIL, LIMITS } from "../domain/form/fields";
import { londonDate } from "../domain/calendar";
import { clientKey, mailboxKey } from "../domain/limit-keys";
import { createI18n, textDirection, type Language } from "../i18n/i18n";
import type { Db } from "./db.server";
import { DRAFT_IDLE_DAYS, findDraft, type Draft } from "./drafts.server";
import { withinLimit } from "./rate-limit.server";
import { getSettings } from "./settings.server";

// "Save and come back later" (WCAG 2.2 3.3.8: no password to remember). A person gives an email
// address; we email a one-time link. Only the link's sha256 is kept; the address is kept only in
// the outbox row that sends it.

/** As long as an untouched draft lives: the link and the answers expire together. */
export const RETURN_LINK_DAYS = DRAFT_IDLE_DAYS;
const RETURN_LINK_MS = RETURN_LINK_DAYS * 24 * 60 * 60 * 1000;
/** Links per draft per day: enough for typing mistakes, too few for sending spam. */
export const RETURN_LINKS_PER_DAY = 5;
/**
 * Links one mailbox is sent per day, from however many drafts: a family saving a complaint or
 * two a few times, but never a stream of links sprayed at someone else's address.
 * See docs/decisions/012-draft-links-limited-and-session-cookie.md.
 */
export const RETURN_LINKS_PER_DAY_PER_RECIPIENT = 5;
const DAY_MS = 24 * 60 * 60 * 1000;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type SendOutcome = { outcome: "sent" } | { outcome: "rate-limited" };

/** Thrown inside the transaction so that a refused request counts against no limit. */
class LimitReached extends Error {}

/**
 * Creates a link to this draft and puts the email in the outbox, in one transaction. Saving
 * counts as activity, so the draft is kept at least as long as the link works. Refused, and
 * nothing queued, once the draft, the mailbox or the client address has had its links for the
 * day; the answer does not say which, so nobody learns that someone else used an address.
 */
export function sendReturnLink(
  db: Db,
  draft: Draft,
  options: { email: string; language: Language; publicUrl: string; clientAddress: string; perClientLimit: number; now?: Date },
): SendOutcome {
  const now = options.now ?? new Date();
  const limits = [
    { key: `return-link:${draft.id}`, limit: RETURN_LINKS_PER_DAY },
    { key: `return-link-to:${mailboxKey(options.email)}`, limit: RETURN_LINKS_PER_DAY_PER_RECIPIENT },
    { key: `return-link-from:${clientKey(options.clientAddress)}`, limit: options.perClientLimit },
  ];
  try {
    return db.transaction((tx) => {
      for (const { key, limit } of limits) {
        if (!withinLimit(tx, key, { limit, windowMs: DAY_MS, now })) throw new LimitReached();
      }
      const token = randomBytes(32).toString("base64url");
      const expiresAt = new Date(now.getTime() + RETURN_LINK_MS);
      tx.insert(returnLinks).values({ tokenHash: hashToken(token), draftId: draft.id, expiresAt, createdAt: now }).run();
      tx.update(drafts).set({ updatedAt: now }).where(eq(drafts.id, draft.id)).run();
      const settings = getSettings(tx);
      const { t } = createI18n(options.language);
      const mail = returnLinkEmail(t, options.language, textDirection(options.language), {
        link: `${options.publicUrl}/form/return/${token}`,
        // The last whole day it works, so "until" is never later than the truth.
        expiresOn: formatLongDate(londonDate(new Date(expiresAt.getTime() - DAY_MS)), options.language),
        councilName: settings.councilName,
      });
      tx.insert(outbox)
        .values({
          representationId: null,
          template: "return-link",
          toAddress: options.email,
          subject: mail.subject,
          textBody: mail.text,
          htmlBody: mail.html,
          nextAttemptAt: now,
          createdAt: now,
        })
        .run();
      return { outcome: "sent" } as const;
    });
  } catch (error) {
    if (error instanceof LimitReached) return { outcome: "rate-limited" };
    throw error;
  }
}

export type LinkState = { state: "valid"; draft: Draft } | { state: "invalid" | "used" | "expired" };

function lookUp(db: Db, token: string, now: Date): LinkState & { id?: number } {
  if (!TOKEN.test(token)) return { state: "invalid" };
  const row = db.select().from(returnLinks).where(eq(returnLinks.tokenHash, hashToken(token))).get();
  if (!row) return { state: "invalid" };
  if (row.usedAt) return { state: "used" };
  if (row.expiresAt.getTime() <= now.getTime()) return { state: "expired" };
  const draft = findDraft(db, row.draftId, now);
  // A draft already sent, or forgotten, cannot be carried on.
  if (!draft || draft.representationId !== null) return { state: "expired" };
  return { state: "valid", draft, id: row.id };
}

/** What a link would do, without using it (for the page that asks to carry on). */
export function checkReturnLink(db: Db, token: string, now = new Date()): LinkState {
  const { id: _id, ...state } = lookUp(db, token, now);
  return state;
}

/** Uses the link: once only, even if two requests race. */
export function redeemReturnLink(db: Db, token: string, now = new Date()): LinkState {
  return db.transaction((tx) => {
    const found = lookUp(tx, token, now);
    if (found.state !== "valid" || found.id === undefined) return found.state === "valid" ? { state: "invalid" } : { state: found.state };
    const marked = tx
      .update(returnLinks)
      .set({ usedAt: now })
      .where(and(eq(returnLinks.id, found.id), isNull(returnLinks.usedAt)))
      .run();
    if (marked.changes !== 1) return { state: "used" };
    tx.update(drafts).set({ updatedAt: now }).where(eq(drafts.id, found.draft.id)).run();
    return { state: "valid", draft: found.draft };
  });
}

// Checked here, on the server only: the page's script carries no validation code (decision 036).
const saveSchema = z.object({
  email: z
    .string({ error: "save.errors.emailRequired" })
    .check(
      z.overwrite(cleanEmail),
      z.minLength(1, "save.errors.emailRequired"),
      z.maxLength(LIMITS.email, "save.errors.emailTooLong"),
      z.regex(EMAIL, "save.errors.emailInvalid"),
    ),
  from: z.optional(z.string()),
});

/** The "save and come back later" page as sent: an email address to send the link to. */
export function checkSaveRequest(formData: FormData) {
  return parseWithZod(formData, { schema: saveSchema });
}
