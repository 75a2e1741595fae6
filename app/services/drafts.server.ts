import { randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { and, eq, lt } from "drizzle-orm";
import { drafts } from "../../db/schema";
import type { DraftAnswers, StepId } from "../domain/form/steps";
import { config } from "./config.server";
import type { Db } from "./db.server";

/** Drafts idle this long are forgotten and purged. */
export const DRAFT_IDLE_DAYS = 7;
const DRAFT_IDLE_MS = DRAFT_IDLE_DAYS * 24 * 60 * 60 * 1000;

// A session cookie (no Max-Age or Expires): closing the browser forgets the form on this device,
// so the next person on a shared family device cannot reopen it. The emailed link is the way
// back (docs/decisions/012-draft-links-limited-and-session-cookie.md).
export const draftCookie = createCookie("speakup_draft", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: config().production,
});

export interface Draft {
  id: string;
  answers: DraftAnswers;
  representationId: number | null;
}

export async function draftIdFrom(request: Request): Promise<string | null> {
  const value: unknown = await draftCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

export function findDraft(db: Db, id: string | null, now = new Date()): Draft | null {
  if (!id) return null;
  const row = db.select().from(drafts).where(eq(drafts.id, id)).get();
  if (!row || now.getTime() - row.updatedAt.getTime() > DRAFT_IDLE_MS) return null;
  return { id: row.id, answers: row.answers as DraftAnswers, representationId: row.representationId };
}

/** The draft this browser is filling in; a sent one is finished, so it does not count. */
export async function openDraft(db: Db, request: Request): Promise<Draft | null> {
  const draft = findDraft(db, await draftIdFrom(request));
  return draft && draft.representationId === null ? draft : null;
}

export function createDraft(db: Db, now = new Date()): Draft {
  const id = randomBytes(32).toString("base64url");
  db.insert(drafts).values({ id, answers: {}, createdAt: now, updatedAt: now }).run();
  return { id, answers: {}, representationId: null };
}

export function saveStepAnswers(db: Db, draft: Draft, step: StepId, values: unknown, now = new Date()): Draft {
  const answers = { ...draft.answers, [step]: values };
  db.update(drafts).set({ answers, updatedAt: now }).where(eq(drafts.id, draft.id)).run();
  return { ...draft, answers };
}

export async function draftCookieHeader(draft: Draft): Promise<string> {
  return draftCookie.serialize(draft.id);
}

/** Removes unsent drafts idle for more than seven days; sent ones keep only the link to the case. */
export function purgeIdleDrafts(db: Db, now = new Date()): number {
  const cutoff = new Date(now.getTime() - DRAFT_IDLE_MS);
  const result = db.delete(drafts).where(lt(drafts.updatedAt, cutoff)).run();
  return result.changes;
}

export function markDraftSent(db: Db, draftId: string, representationId: number, now = new Date()) {
  db.update(drafts)
    .set({ representationId, answers: {}, updatedAt: now })
    .where(and(eq(drafts.id, draftId)))
    .run();
}
