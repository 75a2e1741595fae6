import { eq } from "drizzle-orm";
import { outbox, stages } from "../../db/schema";
import { extensionEmail, extensionLetter } from "../../emails/extension";
import { londonDate, type IsoDate } from "../domain/calendar";
import { formatLongDate } from "../domain/dates";
import { checkExtension, clockFacts, extensionReasonsFor, stageClocks, type ExtensionProblem, type ExtensionReason } from "../domain/stage-clocks";
import { allowedActions, checkTransition, type Refusal, type StageAction, type StageKind, type StageState } from "../domain/stages";
import { createI18n, isLanguage, isMode, textDirection } from "../i18n/i18n";
import { addEntry, changeCase, type Actor, type Representation } from "./case.server";
import type { Db } from "./db.server";
import { clockSettings, getSettings } from "./settings.server";
import { clockFactsOf, currentStage, storedClock, type StageRow } from "./stages.server";

/** The transition table's conditions for a stage now (decision record 017: from its clocks). */
function factsOf(db: Db, stage: StageRow, today: IsoDate) {
  const clocks = stageClocks(clockFactsOf(stage), clockSettings(db));
  return { clocks, facts: { onHold: stage.onHold, ...clockFacts(clocks, stage.respondedOn, today) } };
}

/** The stage moves this member of staff may make on the case's current stage now (the case page offers them). */
export function offeredStageActions(db: Db, actor: Actor, row: Pick<Representation, "id">, now = new Date()): StageAction[] {
  const stage = currentStage(db, row.id);
  if (!stage) return [];
  const { facts } = factsOf(db, stage, londonDate(now));
  return allowedActions({ kind: stage.kind as StageKind, state: stage.state as StageState }, actor.role, facts);
}

export interface ExtensionForm {
  stage: { kind: StageKind; respondBy: IsoDate; latestOn: IsoDate };
  reasons: readonly ExtensionReason[];
}

/** What the extension page shows: the deadline in force, the furthest it may go, and the reasons allowed. */
export function extensionForm(db: Db, actor: Actor, row: Pick<Representation, "id">, now = new Date()): ExtensionForm | null {
  const stage = currentStage(db, row.id);
  if (!stage || !offeredStageActions(db, actor, row, now).includes("extend")) return null;
  const { clocks } = factsOf(db, stage, londonDate(now));
  if (!clocks.respondBy || !clocks.latestOn) return null;
  const kind = stage.kind as StageKind;
  return { stage: { kind, respondBy: clocks.respondBy, latestOn: clocks.latestOn }, reasons: extensionReasonsFor(kind) };
}

export type ExtensionResult =
  | { ok: true; sentBy: "email" | "letter" }
  | { ok: false; error: "not-found" | "no-stage" | "invalid-reason" | Refusal | ExtensionProblem };

/**
 * Extends the current stage's deadline (decision record 017): the transition table says whether
 * this person may, `checkExtension` whether the date may be, and `storedClock` recomputes the
 * stored dates. The person is told in their language and mode, in the same transaction: by email
 * through the outbox, or (no address) a letter kept on the timeline to print and post. The audit
 * keeps the dates and the reason's code, never the words staff typed.
 */
export function extendStage(
  db: Db,
  actor: Actor,
  reference: string,
  input: { newDate: IsoDate; reason: string; details: string },
  now = new Date(),
): ExtensionResult {
  let error: Exclude<ExtensionResult, { ok: true }>["error"] | null = null;
  const done = changeCase(db, actor, reference, "case.stage-extended", (tx, row) => {
    const stage = currentStage(tx, row.id);
    if (!stage) {
      error = "no-stage";
      return null;
    }
    const today = londonDate(now);
    const kind = stage.kind as StageKind;
    const { clocks, facts } = factsOf(tx, stage, today);
    const check = checkTransition({ kind, state: stage.state as StageState }, "extend", actor.role, facts, {
      newDate: input.newDate,
      reason: input.details,
    });
    if (!check.ok) {
      error = check.refusal;
      return null;
    }
    if (!(extensionReasonsFor(kind) as readonly string[]).includes(input.reason)) {
      error = "invalid-reason";
      return null;
    }
    const problem = checkExtension(clocks, input.newDate);
    if (problem) {
      error = problem;
      return null;
    }
    const sentBy = row.personEmail ? ("email" as const) : ("letter" as const);
    const next = { ...stage, extendedTo: input.newDate };
    const updated = tx
      .update(stages)
      .set({
        extendedTo: input.newDate,
        // The code first, so the page and any report can read why; the words are staff's own.
        extensionReason: `${input.reason}: ${input.details}`,
        extendedById: actor.id,
        extendedAt: now,
        personToldOfExtensionOn: today,
        ...storedClock(clockFactsOf(next), check.to, clockSettings(tx)),
        updatedAt: now,
      })
      .where(eq(stages.id, stage.id))
      .returning()
      .get();
    tellPersonOfExtension(tx, actor, row, { newDate: input.newDate, reason: input.reason }, now);
    addEntry(tx, { representationId: row.id, kind: "stage-extended", staffUserId: actor.id, at: now, details: { extendedTo: input.newDate, reason: input.reason } });
    return {
      result: sentBy,
      before: { stageId: stage.id, dueOn: stage.dueOn, nextDueOn: stage.nextDueOn, extendedTo: stage.extendedTo },
      after: { stageId: stage.id, dueOn: updated.dueOn, nextDueOn: updated.nextDueOn, extendedTo: updated.extendedTo, extensionReasonCode: input.reason, personToldOfExtensionOn: today, sentBy },
    };
  });
  if (done.ok) return { ok: true, sentBy: done.result };
  return { ok: false, error: error ?? "not-found" };
}

/** The extension letter in the person's language and mode: an email through the outbox, or a letter on the timeline. */
function tellPersonOfExtension(tx: Db, actor: Actor, row: Representation, d: { newDate: IsoDate; reason: string }, now: Date) {
  const language = isLanguage(row.language) ? row.language : "en";
  const mode = isMode(row.mode) ? row.mode : "standard";
  const settings = getSettings(tx);
  const letter = extensionLetter(createI18n(language, { mode }).t, {
    reference: row.reference,
    reason: d.reason,
    newDate: formatLongDate(d.newDate, language),
    councilName: settings.councilName,
    complaintsTeamPhone: settings.complaintsTeamPhone,
    complaintsTeamEmail: settings.complaintsTeamEmail,
  });
  if (row.personEmail) {
    const email = extensionEmail(language, textDirection(language), letter);
    tx.insert(outbox)
      .values({
        representationId: row.id,
        template: "extension",
        toAddress: row.personEmail,
        subject: email.subject,
        textBody: email.text,
        htmlBody: email.html,
        nextAttemptAt: now,
        createdAt: now,
      })
      .run();
  } else {
    addEntry(tx, { representationId: row.id, kind: "correspondence-out", channel: "letter", staffUserId: actor.id, at: now, body: `${letter.subject}\n\n${letter.body}` });
  }
}
