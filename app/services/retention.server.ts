import { and, eq, inArray, isNotNull, isNull, lt, ne, or } from "drizzle-orm";
import { attachments, caseEntries, drafts, equalityResponses, outbox, persons, representations, safeguardingConcerns, settings, stages, statements } from "../../db/schema";
import { londonDate, type IsoDate } from "../domain/calendar";
import { readEligibility } from "../domain/eligibility";
import { representationKinds } from "../domain/representation";
import { addYears, emailBodyCutoff, equalityExpiresOn, retentionDecision, retentionKinds, type RetentionAction, type RetentionKind } from "../domain/retention";
import { readRetention, type RetentionSettings } from "../domain/retention-settings";
import { deleteAttachmentFiles } from "./attachments.server";
import { audit } from "./audit.server";
import type { Db } from "./db.server";
import type { DailyJob } from "./scheduler.server";

/** The retention job's name in scheduled_runs, and the hour (England's time) it runs from. */
export const RETENTION_JOB = "retention";
export const RETENTION_HOUR = 2;

const SETTINGS_KEY = "retention";

export function getRetentionSettings(db: Db): RetentionSettings {
  const row = db.select().from(settings).where(eq(settings.key, SETTINGS_KEY)).get();
  try {
    return readRetention(row ? (JSON.parse(row.value) as Record<string, unknown>) : {});
  } catch {
    return readRetention({});
  }
}

export function updateRetentionSettings(db: Db, input: { actorId: number; values: RetentionSettings; now?: Date }) {
  const now = input.now ?? new Date();
  db.transaction((tx) => {
    const before = getRetentionSettings(tx);
    const value = JSON.stringify(input.values);
    tx.insert(settings).values({ key: SETTINGS_KEY, value, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } }).run();
    audit(tx, { staffUserId: input.actorId, action: "retention.updated", entity: "settings", entityId: SETTINGS_KEY, at: now, details: { before, after: input.values } });
  });
}

export interface RetentionPlanItem {
  id: number;
  reference: string;
  kind: RetentionKind;
  closedOn: string;
  expiresOn: string;
  action: RetentionAction;
}

export interface RetentionPlan {
  cases: RetentionPlanItem[];
  /** Equality answers past their reporting year, apart from those going with their case. */
  equalityAnswers: number[];
  /** Outbox rows whose words and address are to be cleared. */
  emailBodies: number[];
}

/**
 * Cases closed before this instant may have passed a period of `years`: a two-day margin over
 * London's midnight, as retentionDecision makes the exact call.
 */
function closedBefore(today: IsoDate, years: number): Date {
  return new Date(Date.parse(addYears(today, -years)) + 2 * 86_400_000);
}

/** The cases that may have passed their period today (the query, so its plan can be checked). */
export function retentionCandidatesQuery(db: Db, periods: RetentionSettings, today: IsoDate) {
  return db
    .select({
      id: representations.id,
      reference: representations.reference,
      kind: representations.kind,
      status: representations.status,
      process: representations.process,
      eligibility: representations.eligibility,
      closedAt: representations.closedAt,
      anonymisedAt: representations.anonymisedAt,
      importedAt: representations.importedAt,
    })
    .from(representations)
    // Imported history holds no personal data and stays for the report (decision record 047).
    // Only cases closed longer ago than their kind's shortest period are read (by the partial index
    // representations_retention_idx): at a million cases, reading every closed case took 40 s.
    .where(
      and(
        isNotNull(representations.closedAt),
        isNull(representations.anonymisedAt),
        isNull(representations.importedAt),
        or(
          and(inArray(representations.kind, representationKinds.filter((k) => k !== "complaint")), lt(representations.closedAt, closedBefore(today, periods.complimentCommentYears))),
          and(eq(representations.kind, "complaint"), lt(representations.closedAt, closedBefore(today, Math.min(periods.statutoryComplaintYears, periods.corporateComplaintYears, periods.refusedYears, periods.lookedAfterComplaintYears)))),
        ),
      ),
    );
}

/** What a run would take today. Reads only: the dry run shows exactly this. */
export function planRetention(db: Db, now = new Date()): RetentionPlan {
  const periods = getRetentionSettings(db);
  const today = londonDate(now);
  const candidates = retentionCandidatesQuery(db, periods, today).all();
  const cases: RetentionPlanItem[] = [];
  for (const c of candidates) {
    const decision = retentionDecision({ ...c, childStatus: readEligibility(c.eligibility).childStatus ?? [] }, periods, now);
    if (decision?.expired) cases.push({ id: c.id, reference: c.reference, kind: decision.kind, closedOn: decision.closedOn, expiresOn: decision.expiresOn, action: decision.action });
  }
  const going = new Set(cases.map((c) => c.id));
  const equalityAnswers = db
    .select({ id: equalityResponses.id, representationId: equalityResponses.representationId, createdAt: equalityResponses.createdAt })
    .from(equalityResponses)
    .all()
    .filter((r) => !going.has(r.representationId) && equalityExpiresOn(r.createdAt, periods.equalityMonthsAfterYear) <= today)
    .map((r) => r.id);
  const cutoff = emailBodyCutoff(now, periods.sentEmailDays);
  const emailBodies = db
    .select({ id: outbox.id, representationId: outbox.representationId })
    .from(outbox)
    .where(
      and(
        ne(outbox.textBody, ""),
        or(and(eq(outbox.status, "sent"), lt(outbox.sentAt, cutoff)), and(eq(outbox.status, "failed"), lt(outbox.createdAt, cutoff))),
      ),
    )
    .all()
    .filter((r) => r.representationId === null || !going.has(r.representationId))
    .map((r) => r.id);
  return { cases, equalityAnswers, emailBodies };
}

export interface RetentionCounts {
  deleted: Partial<Record<RetentionKind, number>>;
  anonymised: Partial<Record<RetentionKind, number>>;
  equalityAnswers: number;
  emailBodies: number;
  drafts: number;
  files: number;
}

/**
 * Takes one case's personal data, in the caller's transaction: files' rows, equality answers,
 * emails, drafts, the timeline, safeguarding notes, and the person when no other case is theirs.
 * Anonymising keeps the coded row (kind, process, stage, dates, team, codes, refusal reason, the
 * child's coded status); deleting removes the row too. Returns the files to remove after commit.
 */
function removeCase(tx: Db, item: RetentionPlanItem, now: Date): { storageKeys: string[]; drafts: number; equalityAnswers: number } {
  const id = item.id;
  const row = tx.select({ personId: representations.personId, eligibility: representations.eligibility }).from(representations).where(eq(representations.id, id)).get();
  if (!row) return { storageKeys: [], drafts: 0, equalityAnswers: 0 };
  const draftIds = tx.select({ id: drafts.id }).from(drafts).where(eq(drafts.representationId, id)).all().map((d) => d.id);
  const files = tx
    .select({ key: attachments.storageKey })
    .from(attachments)
    .where(draftIds.length ? or(eq(attachments.representationId, id), inArray(attachments.draftId, draftIds)) : eq(attachments.representationId, id))
    .all();
  tx.delete(attachments).where(eq(attachments.representationId, id)).run();
  const draftsGone = draftIds.length ? tx.delete(drafts).where(inArray(drafts.id, draftIds)).run().changes : 0;
  const equalityGone = tx.delete(equalityResponses).where(eq(equalityResponses.representationId, id)).run().changes;
  tx.delete(outbox).where(eq(outbox.representationId, id)).run();
  tx.delete(caseEntries).where(eq(caseEntries.representationId, id)).run();
  // Stage 2's statement of complaint is the person's complaint in words (decision record 041); the stage's dates stay.
  tx.delete(statements).where(inArray(statements.stageId, tx.select({ id: stages.id }).from(stages).where(eq(stages.representationId, id)))).run();
  tx.delete(safeguardingConcerns).where(eq(safeguardingConcerns.representationId, id)).run();
  if (item.action === "delete") {
    tx.delete(representations).where(eq(representations.id, id)).run();
  } else {
    const childStatus = readEligibility(row.eligibility).childStatus;
    tx.update(representations)
      .set({
        personName: "",
        personEmail: null,
        childName: null,
        personId: null,
        answers: {},
        eligibility: childStatus ? { childStatus } : null,
        anonymisedAt: now,
        updatedAt: now,
      })
      .where(eq(representations.id, id))
      .run();
  }
  if (row.personId !== null) {
    const stillUsed = tx.select({ id: representations.id }).from(representations).where(eq(representations.personId, row.personId)).get();
    // Contact restrictions go with the person (cascade).
    if (!stillUsed) tx.delete(persons).where(eq(persons.id, row.personId)).run();
  }
  return { storageKeys: files.map((f) => f.key), drafts: draftsGone, equalityAnswers: equalityGone };
}

/** Cases taken in one transaction: a commit (and its sync to disk) per hundred, not per case. */
const CASES_PER_TRANSACTION = 100;

/**
 * The retention run: expired cases a hundred to a transaction, their files removed after it
 * commits; then equality answers past their year and old email bodies; then one audit row of
 * counts. Between transactions it lets the server answer requests: SQLite calls hold the server's
 * thread, and a first run over years of history (an import, a new deployment) takes minutes.
 */
export async function applyRetention(db: Db, attachmentsDir: string, now = new Date()): Promise<RetentionCounts> {
  const plan = planRetention(db, now);
  const counts: RetentionCounts = { deleted: {}, anonymised: {}, equalityAnswers: 0, emailBodies: 0, drafts: 0, files: 0 };
  const auditRun = (tx: Db, failed: boolean) =>
    // Counts only: no reference, name or date that could point to a person.
    audit(tx, { staffUserId: null, action: "retention.run", entity: "retention", entityId: londonDate(now), at: now, details: failed ? { ...counts, failed: true } : { ...counts } });
  try {
    for (let start = 0; start < plan.cases.length; start += CASES_PER_TRANSACTION) {
      const batch = plan.cases.slice(start, start + CASES_PER_TRANSACTION);
      const done = db.transaction((tx) => batch.map((item) => removeCase(tx, item, now)));
      batch.forEach((item, i) => {
        counts.drafts += done[i]!.drafts;
        counts.equalityAnswers += done[i]!.equalityAnswers;
        const bucket = item.action === "delete" ? counts.deleted : counts.anonymised;
        bucket[item.kind] = (bucket[item.kind] ?? 0) + 1;
      });
      for (const d of done) counts.files += deleteAttachmentFiles(attachmentsDir, d.storageKeys);
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    // What was removed before the failure is still recorded.
    db.transaction((tx) => auditRun(tx, true));
    throw error;
  }
  db.transaction((tx) => {
    if (plan.equalityAnswers.length) counts.equalityAnswers += tx.delete(equalityResponses).where(inArray(equalityResponses.id, plan.equalityAnswers)).run().changes;
    if (plan.emailBodies.length) {
      counts.emailBodies = tx
        .update(outbox)
        .set({ toAddress: "", subject: "", textBody: "", htmlBody: "", lastError: null })
        .where(inArray(outbox.id, plan.emailBodies))
        .run().changes;
    }
    auditRun(tx, false);
  });
  return counts;
}

/** Counts by kind in a fixed order, for pages and the command line. */
export function countsByKind(plan: RetentionPlan) {
  return retentionKinds.map((kind) => ({ kind, count: plan.cases.filter((c) => c.kind === kind).length }));
}

/** The daily job for app/services/scheduler.server.ts. */
export function retentionJob(attachmentsDir: string): DailyJob {
  return {
    name: RETENTION_JOB,
    hour: RETENTION_HOUR,
    run: async (db, now) => ({ ...(await applyRetention(db, attachmentsDir, now)) }),
  };
}
