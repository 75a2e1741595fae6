import { asc, eq } from "drizzle-orm";
import { caseEntries, outbox, representations, staffUsers } from "../../db/schema";
import { letterEmail } from "../../emails/layout";
import { stageDecidedLetter } from "../../emails/stage-decided";
import { londonDate, type IsoDate } from "../domain/calendar";
import { checkPostedOn, letterEmailOf, notSafeToWrite, postalAddressOf, type LetterChannel, type PostedProblem } from "../domain/letters";
import { formatLongDate } from "../domain/dates";
import type { StageKind } from "../domain/stages";
import { createI18n, isLanguage, isMode, textDirection } from "../i18n/i18n";
import { config } from "./config.server";
import { addEntry, changeCase, type Actor, type Representation } from "./case.server";
import type { Db } from "./db.server";
import { getSettings } from "./settings.server";

/**
 * Sends a letter to the person who made a representation, inside the change's transaction: by
 * email through the outbox, or kept on the timeline to print and post when they asked for post or
 * gave no email address (`letterChannel` decides, from the case's own record). Says which it was.
 * `staffUserId` is null for what the system writes by itself (the e-form's acknowledgement).
 */
export function sendLetterToPerson(
  tx: Db,
  input: {
    representationId: number;
    language: string;
    /** The outbox's name for this kind of letter (refusal, extension, response...). */
    template: string;
    letter: { subject: string; body: string };
    staffUserId: number | null;
    now: Date;
  },
): LetterChannel {
  const { representationId, letter, now } = input;
  const person = tx
    .select({ personEmail: representations.personEmail, answers: representations.answers, kind: representations.kind, mode: representations.mode })
    .from(representations)
    .where(eq(representations.id, representationId))
    .get();
  if (!person) throw new Error("A letter is sent about a case that exists");
  const toAddress = letterEmailOf(person);
  if (!toAddress) {
    // `letter` marks it as one the system kept to post (staff's own notes of letters have none).
    addEntry(tx, {
      representationId,
      kind: "correspondence-out",
      channel: "letter",
      staffUserId: input.staffUserId,
      at: now,
      body: `${letter.subject}\n\n${letter.body}`,
      details: { letter: input.template },
    });
    return "letter";
  }
  const language = isLanguage(input.language) ? input.language : "en";
  // Every emailed letter about a complaint says how to check it online (decision record 030);
  // a letter kept to post does not: without an email address no code can reach them.
  const checkOnline =
    person.kind === "complaint"
      ? `\n\n${createI18n(language, { mode: isMode(person.mode) ? person.mode : "standard" }).t("emails:checkOnline", { url: `${config().publicUrl}/check` })}`
      : "";
  const email = letterEmail(language, textDirection(language), { subject: letter.subject, body: letter.body + checkOnline });
  tx.insert(outbox)
    .values({
      representationId,
      template: input.template,
      toAddress,
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html,
      nextAttemptAt: now,
      createdAt: now,
    })
    .run();
  return "email";
}

/**
 * Tells the person which stage their complaint is now at, what happens there and by when
 * (`emails/stage-decided.tsx`), in their language and mode, by email or a letter kept to post.
 * Call it inside the transaction that opened the stage.
 */
export function sendStageDecidedLetter(
  tx: Db,
  input: { row: Pick<Representation, "id" | "reference" | "language" | "mode">; stageKind: StageKind; dueOn: IsoDate | null; staffUserId: number | null; now: Date },
): LetterChannel | null {
  // The Ombudsman writes to the person itself.
  if (input.stageKind === "ombudsman") return null;
  const language = isLanguage(input.row.language) ? input.row.language : "en";
  const mode = isMode(input.row.mode) ? input.row.mode : "standard";
  const settings = getSettings(tx);
  const letter = stageDecidedLetter(createI18n(language, { mode }).t, {
    reference: input.row.reference,
    stageKind: input.stageKind,
    dueOn: input.dueOn ? formatLongDate(input.dueOn, language) : null,
    councilName: settings.councilName,
    complaintsTeamPhone: settings.complaintsTeamPhone,
    complaintsTeamEmail: settings.complaintsTeamEmail,
  });
  return sendLetterToPerson(tx, { representationId: input.row.id, language, template: "stage-decided", letter, staffUserId: input.staffUserId, now: input.now });
}

export interface KeptLetter {
  entryId: number;
  /** The kind of letter (acknowledgement-complaint, stage-decided, stage-accepted, extension, response, refusal...). */
  template: string;
  subject: string;
  /** The letter's words without its subject line; paragraphs separated by blank lines. */
  body: string;
  writtenAt: Date;
  writtenOn: IsoDate;
  posted: { on: IsoDate; by: string | null } | null;
}

/** Letters the system kept to post on a case, oldest first, each with whether and when it was posted. */
export function keptLetters(db: Db, representationId: number): KeptLetter[] {
  const entries = db
    .select({ entry: caseEntries, by: staffUsers.name })
    .from(caseEntries)
    .leftJoin(staffUsers, eq(staffUsers.id, caseEntries.staffUserId))
    .where(eq(caseEntries.representationId, representationId))
    .orderBy(asc(caseEntries.at), asc(caseEntries.id))
    .all();
  // A posting is its own timeline entry pointing at the letter, so the timeline stays append-only.
  const posted = new Map<number, { on: IsoDate; by: string | null }>();
  for (const { entry, by } of entries) {
    const d = entry.details ?? {};
    if (entry.kind === "letter-posted" && typeof d.letterEntryId === "number" && typeof d.postedOn === "string") posted.set(d.letterEntryId, { on: d.postedOn, by });
  }
  return entries.flatMap(({ entry }) => {
    const template = entry.details?.letter;
    if (entry.kind !== "correspondence-out" || entry.channel !== "letter" || typeof template !== "string") return [];
    const [subject = "", ...rest] = (entry.body ?? "").split("\n\n");
    return [{ entryId: entry.id, template, subject, body: rest.join("\n\n"), writtenAt: entry.at, writtenOn: londonDate(entry.at), posted: posted.get(entry.id) ?? null }];
  });
}

/** One kept letter, with what its printed page needs about the person. */
export function letterToPrint(db: Db, row: Representation, entryId: number) {
  const letter = keptLetters(db, row.id).find((l) => l.entryId === entryId);
  if (!letter) return null;
  return { ...letter, personName: row.personName || null, postalAddress: postalAddressOf(row.answers), notSafeToWrite: notSafeToWrite(row.answers) };
}

export type PostedResult = { ok: true } | { ok: false; error: "not-found" | PostedProblem };

/**
 * Records that staff posted a kept letter on `postedOn`: a timeline entry and an audit row (the
 * letter's kind and the date, never its words), once per letter.
 */
export function markLetterPosted(db: Db, actor: Actor, reference: string, entryId: number, postedOn: IsoDate, now = new Date()): PostedResult {
  let error: PostedProblem | null = null;
  const done = changeCase(db, actor, reference, "case.letter-posted", (tx, row) => {
    const letter = keptLetters(tx, row.id).find((l) => l.entryId === entryId);
    if (!letter) return null;
    error = checkPostedOn({ writtenOn: letter.writtenOn, postedOn: letter.posted?.on ?? null }, postedOn, londonDate(now));
    if (error) return null;
    addEntry(tx, { representationId: row.id, kind: "letter-posted", channel: "letter", staffUserId: actor.id, at: now, details: { letterEntryId: entryId, letter: letter.template, postedOn } });
    return { result: null, before: { letterEntryId: entryId, postedOn: null }, after: { letterEntryId: entryId, letter: letter.template, postedOn } };
  });
  if (done.ok) return { ok: true };
  return { ok: false, error: error ?? "not-found" };
}

