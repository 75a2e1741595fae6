import { eq } from "drizzle-orm";
import { drafts } from "../../db/schema";
import { londonDate, type IsoDate } from "../domain/calendar";
import { CHECK_ANSWERS, completeAnswers, firstIncompleteStep, mayVisit } from "../domain/form/journey";
import type { DraftAnswers, StepId } from "../domain/form/steps";
import type { Relationship, RepresentationKind } from "../domain/representation";
import { attachDraftFilesToRepresentation } from "./attachments.server";
import { audit } from "./audit.server";
import { createRepresentation } from "./create-representation.server";
import { addEntry, type Actor } from "./case.server";
import type { Db } from "./db.server";
import { createDraft, findDraft, markDraftSent, saveStepAnswers, type Draft } from "./drafts.server";
import { journeyContext } from "./journey.server";
import { summarise } from "./submission.server";

/**
 * Logging a representation that came another way (phone, letter, email, in person, the Ombudsman,
 * an MP): staff answer the e-form's own questions, validated by its own schemas, in a draft that
 * is marked as theirs. `staffLog` holds what only staff record: how and when it arrived.
 */
export interface StaffLog {
  method: string;
  receivedOn: IsoDate;
  staffUserId: number;
}

const STAFF_LOG = "staffLog";

export function startLog(
  db: Db,
  actor: Actor,
  input: {
    kind: RepresentationKind;
    relationship?: Relationship;
    method: string;
    receivedOn: IsoDate;
  },
  now = new Date()
): string {
  return db.transaction((tx) => {
    const draft = createDraft(tx, now);
    const answers: Record<string, unknown> = {
      kind: { kind: input.kind },
      ...(input.relationship ? { "who-are-you": { relationship: input.relationship } } : {}),
      [STAFF_LOG]: {
        method: input.method,
        receivedOn: input.receivedOn,
        staffUserId: actor.id,
      } satisfies StaffLog,
    };
    tx.update(drafts).set({ answers, updatedAt: now }).where(eq(drafts.id, draft.id)).run();
    return draft.id;
  });
}

/** A staff log draft (never a member of the public's draft), still open. */
export function findLog(db: Db, draftId: string, now = new Date()): (Draft & { log: StaffLog }) | null {
  const draft = findDraft(db, draftId, now);
  const log = (draft?.answers as Record<string, unknown> | undefined)?.[STAFF_LOG] as StaffLog | undefined;
  if (!draft || draft.representationId !== null || !log || typeof log.method !== "string") return null;
  return { ...draft, log };
}

/** The page to show next: the first unanswered one. */
export function nextLogStep(db: Db, draftId: string, now = new Date()): StepId | typeof CHECK_ANSWERS {
  const draft = findLog(db, draftId, now);
  if (!draft) return CHECK_ANSWERS;
  return firstIncompleteStep(journeyContext(db, draft.answers, now)) ?? CHECK_ANSWERS;
}

export function saveLogStep(db: Db, draft: Draft, step: StepId, values: unknown, now = new Date()): StepId | typeof CHECK_ANSWERS {
  saveStepAnswers(db, draft, step, values, now);
  return nextLogStep(db, draft.id, now);
}

/** A page may be shown once the pages before it are answered (the e-form's own rule). */
export function mayVisitLogStep(db: Db, draft: Draft, step: StepId, now = new Date()): boolean {
  return mayVisit(step, journeyContext(db, draft.answers, now));
}

export type LogResult = { ok: true; reference: string } | { ok: false; error: "not-found" | "incomplete" };

/**
 * Turns the staff log into a representation: the record, its timeline entry and its audit row in
 * one transaction. A complaint starts on the statutory Stage 1 clock from the day it was received.
 */
export function finishLog(db: Db, actor: Actor, draftId: string, now = new Date()): LogResult {
  return db.transaction((tx) => {
    const draft = findLog(tx, draftId, now);
    if (!draft) return { ok: false, error: "not-found" } as const;
    const { [STAFF_LOG]: _meta, ...stepAnswers } = draft.answers as Record<string, unknown>;
    const answers = completeAnswers(journeyContext(tx, stepAnswers as DraftAnswers, now));
    if (!answers) return { ok: false, error: "incomplete" } as const;
    const s = summarise(answers);
    const receivedOn = draft.log.receivedOn;
    // Noon on the day received: the time of day is not known for a letter or a call logged later.
    const receivedAt = receivedOn === londonDate(now) ? now : new Date(`${receivedOn}T12:00:00Z`);
    const inserted = createRepresentation(tx, {
      kind: s.kind,
      methodReceived: draft.log.method,
      language: "en",
      mode: "standard",
      receivedAt,
      receivedOn,
      personName: s.personName ?? "",
      personRelationship: s.relationship ?? "",
      personEmail: s.personEmail,
      childName: s.childName,
      answers,
      createdAt: now,
      updatedAt: now,
    });
    const { reference } = inserted;
    const files = attachDraftFilesToRepresentation(tx, draft.id, inserted.id);
    addEntry(tx, {
      representationId: inserted.id,
      kind: "logged",
      channel: draft.log.method,
      staffUserId: actor.id,
      at: now,
    });
    audit(tx, {
      staffUserId: actor.id,
      action: "case.logged",
      entity: "representation",
      entityId: inserted.id,
      details: {
        before: null,
        after: {
          reference,
          kind: s.kind,
          method: draft.log.method,
          receivedOn,
          files,
        },
      },
    });
    markDraftSent(tx, draft.id, inserted.id, now);
    return { ok: true, reference } as const;
  });
}
