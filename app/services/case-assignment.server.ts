import { and, asc, eq, isNull } from "drizzle-orm";
import { caseEntries, outbox, representations, stages, staffTeamMembers, staffUsers, teams } from "../../db/schema";
import { assignmentEmail, complimentEmail } from "../../emails/casework";
import { formatLongDate } from "../domain/dates";
import { answerOf, type DraftAnswers } from "../domain/form/steps";
import { checkFeedbackTransition, feedbackStateOf, isRunning } from "../domain/stages";
import { createI18n } from "../i18n/i18n";
import { addEntry, changeCase, type Actor } from "./case.server";
import type { Db } from "./db.server";
import { currentStage } from "./stages.server";

/** Staff who can respond for a team: active members of it. */
export function teamMembers(db: Db) {
  return db
    .select({ id: staffUsers.id, name: staffUsers.name, email: staffUsers.email, role: staffUsers.role, teamId: staffTeamMembers.teamId })
    .from(staffTeamMembers)
    .innerJoin(staffUsers, eq(staffUsers.id, staffTeamMembers.staffUserId))
    .where(isNull(staffUsers.disabledAt))
    .orderBy(asc(staffUsers.name))
    .all();
}

export function currentTeams(db: Db, keepId: number | null = null) {
  return db
    .select({ id: teams.id, name: teams.name, email: teams.email, retiredAt: teams.retiredAt })
    .from(teams)
    .orderBy(asc(teams.sortOrder), asc(teams.name))
    .all()
    .filter((t) => t.retiredAt === null || t.id === keepId);
}

export type AssignResult = { ok: true } | { ok: false; error: "not-found" | "invalid-team" | "manager-not-in-team" };

/**
 * Assigns the case to a team and a responding manager, who is emailed (no personal data in it:
 * they read the case in the back office). The email is written to the outbox in this transaction.
 */
export function assignCase(
  db: Db,
  actor: Actor,
  reference: string,
  input: { teamId: number; respondingManagerId: number },
  options: { publicUrl: string; now?: Date },
): AssignResult {
  const now = options.now ?? new Date();
  let error: AssignResult & { ok: false } = { ok: false, error: "not-found" };
  const done = changeCase(db, actor, reference, "case.assigned", (tx, row) => {
    const team = currentTeams(tx, row.teamId).find((t) => t.id === input.teamId);
    if (!team) {
      error = { ok: false, error: "invalid-team" };
      return null;
    }
    const manager = teamMembers(tx).find((m) => m.id === input.respondingManagerId && m.teamId === input.teamId);
    if (!manager) {
      error = { ok: false, error: "manager-not-in-team" };
      return null;
    }
    tx.update(representations)
      .set({ teamId: team.id, respondingManagerId: manager.id, updatedAt: now })
      .where(eq(representations.id, row.id))
      .run();
    // The responding manager holds the stage the case is in now (corporate Stage 2's own handler comes with escalation).
    const stage = currentStage(tx, row.id);
    if (stage && isRunning(stage.state)) tx.update(stages).set({ handlerId: manager.id, updatedAt: now }).where(eq(stages.id, stage.id)).run();
    addEntry(tx, { representationId: row.id, kind: "assignment", staffUserId: actor.id, at: now, details: { team: team.name, manager: manager.name } });
    const t = createI18n("en").t;
    const mail = assignmentEmail(t, {
      reference: row.reference,
      team: team.name,
      dueOn: dueOnOf(tx, row.id),
      caseUrl: `${options.publicUrl}/staff/cases/${row.reference}`,
    });
    tx.insert(outbox)
      .values({ representationId: row.id, template: "case-assigned", toAddress: manager.email, subject: mail.subject, textBody: mail.text, htmlBody: mail.html, nextAttemptAt: now, createdAt: now })
      .run();
    return {
      result: null,
      before: { teamId: row.teamId, respondingManagerId: row.respondingManagerId },
      after: { teamId: team.id, respondingManagerId: manager.id },
    };
  });
  return done.ok ? { ok: true } : error;
}

/** What the person said about sharing a compliment ("compliment-share"), read defensively. */
export function complimentMayBeShared(answers: unknown): boolean {
  return answerOf((answers ?? {}) as DraftAnswers, "compliment-share", "mayShare") === "yes";
}

export type PassOnResult = { ok: true; to: string[] } | { ok: false; error: "not-found" | "not-a-compliment" | "no-consent" | "no-team" | "no-recipient" | "already-passed-on" };

/** True once this compliment has been passed on: it goes to the team once, however often asked. */
export function complimentPassedOn(db: Db, representationId: number): boolean {
  return Boolean(
    db
      .select({ id: caseEntries.id })
      .from(caseEntries)
      .where(and(eq(caseEntries.representationId, representationId), eq(caseEntries.kind, "compliment-passed-on")))
      .get(),
  );
}

/**
 * Passes a compliment's words to the team it praises, if the person agreed: to the team's managers,
 * or the team's own address when it has no manager on record. Only once: a second call writes and
 * sends nothing ("already-passed-on").
 */
export function passOnCompliment(db: Db, actor: Actor, reference: string, options: { publicUrl: string; now?: Date }): PassOnResult {
  const now = options.now ?? new Date();
  let error: PassOnResult & { ok: false } = { ok: false, error: "not-found" };
  const done = changeCase(db, actor, reference, "case.compliment-passed-on", (tx, row) => {
    if (row.kind !== "compliment") {
      error = { ok: false, error: "not-a-compliment" };
      return null;
    }
    if (!complimentMayBeShared(row.answers)) {
      error = { ok: false, error: "no-consent" };
      return null;
    }
    // A replayed or double-pressed POST: checked inside the transaction, so the team is emailed once.
    if (complimentPassedOn(tx, row.id)) {
      error = { ok: false, error: "already-passed-on" };
      return null;
    }
    const answers = row.answers as DraftAnswers;
    const chosen = Number(answerOf(answers, "compliment-team", "team"));
    const teamId = row.teamId ?? (Number.isInteger(chosen) && chosen > 0 ? chosen : null);
    const team = teamId === null ? undefined : tx.select().from(teams).where(eq(teams.id, teamId)).get();
    if (!team) {
      error = { ok: false, error: "no-team" };
      return null;
    }
    const managers = teamMembers(tx).filter((m) => m.teamId === team.id && m.role === "team-manager");
    const to = managers.length ? managers.map((m) => m.email) : team.email ? [team.email] : [];
    if (to.length === 0) {
      error = { ok: false, error: "no-recipient" };
      return null;
    }
    const mail = complimentEmail(createI18n("en").t, {
      reference: row.reference,
      team: team.name,
      words: answerOf(answers, "compliment-what", "whatWentWell") ?? "",
      worker: answerOf(answers, "compliment-team", "workerName") ?? null,
    });
    tx.insert(outbox)
      .values(to.map((address) => ({ representationId: row.id, template: "compliment-passed-on", toAddress: address, subject: mail.subject, textBody: mail.text, htmlBody: mail.html, nextAttemptAt: now, createdAt: now })))
      .run();
    tx.update(representations).set({ teamId: team.id, status: "closed", closedAt: now, updatedAt: now }).where(and(eq(representations.id, row.id))).run();
    addEntry(tx, { representationId: row.id, kind: "compliment-passed-on", staffUserId: actor.id, at: now, details: { team: team.name, recipients: to.length } });
    return { result: to, before: { status: row.status, teamId: row.teamId }, after: { status: "closed", teamId: team.id, recipients: to.length } };
  });
  return done.ok ? { ok: true, to: done.result } : error;
}

/** The current stage's next deadline, written out for an email. */
function dueOnOf(db: Db, representationId: number): string | null {
  const due = currentStage(db, representationId)?.nextDueOn;
  return due ? formatLongDate(due, "en") : null;
}

export type CloseFeedbackResult = { ok: true } | { ok: false; error: "not-found" | "not-feedback" | "wrong-state" | "role" };

/**
 * Closes a compliment or a comment once it has been read and dealt with, by the feedback
 * lifecycle in app/domain/stages.ts (so a comment does not stay "New" for ever). Retention
 * counts from the closing date, as for a compliment passed on.
 */
export function closeFeedback(db: Db, actor: Actor, reference: string, now = new Date()): CloseFeedbackResult {
  let error: CloseFeedbackResult & { ok: false } = { ok: false, error: "not-found" };
  const done = changeCase(db, actor, reference, "case.feedback-closed", (tx, row) => {
    if (row.kind === "complaint") {
      error = { ok: false, error: "not-feedback" };
      return null;
    }
    const check = checkFeedbackTransition(feedbackStateOf(row.status), "close", actor.role);
    if (!check.ok) {
      error = { ok: false, error: check.refusal === "role" ? "role" : "wrong-state" };
      return null;
    }
    tx.update(representations).set({ status: "closed", closedAt: now, updatedAt: now }).where(eq(representations.id, row.id)).run();
    addEntry(tx, { representationId: row.id, kind: "feedback-closed", staffUserId: actor.id, at: now });
    return { result: null, before: { status: row.status }, after: { status: "closed" } };
  });
  return done.ok ? { ok: true } : error;
}
