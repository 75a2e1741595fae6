import { and, desc, eq, inArray, isNull, lte } from "drizzle-orm";
import { contactRestrictions, outbox, representations, safeguardingConcerns, staffUsers } from "../../db/schema";
import { reminderDigestEmail, type DigestLine, type DigestSection, type ReminderDigestData } from "../../emails/reminder-digest";
import { addWorkingDays, londonDate, type IsoDate } from "../domain/calendar";
import { maySeeCase } from "../domain/casework";
import { formatLongDate } from "../domain/dates";
import { holdersOf, referralOverdue, reminderBucket, reminderBuckets, remindersToday, restrictionReviewDue } from "../domain/deadlines";
import { caseRoleOf } from "../domain/permissions";
import { AMBER_WITHIN } from "../domain/stage-clocks";
import { createI18n } from "../i18n/i18n";
import { rolesOf, staffTeamIds } from "./auth.server";
import type { Db } from "./db.server";
import { runningDeadlines, type DeadlineRow } from "./deadlines.server";
import { overdueLearningActions } from "./learning.server";
import { waitingRequests } from "./online-requests.server";
import type { DailyJob } from "./scheduler.server";
import { getSettings } from "./settings.server";

/** The reminders job's name in scheduled_runs; REMINDER_HOUR (config.server.ts) sets when it runs. */
export const REMINDERS_JOB = "reminders";

export interface PlannedDigest {
  /** The member of staff, or null for the complaints team's address. */
  staffUserId: number | null;
  toAddress: string;
  data: ReminderDigestData;
}

function caseUrl(publicUrl: string, reference: string) {
  return `${publicUrl}/staff/cases/${reference}`;
}

/**
 * Today's digests (decision record 022): one for each member of staff holding a case with a
 * deadline overdue, due today or within 3 working days (the stage's handler or the case's
 * responding manager, and its named Investigating Officers), listing only cases they may see; and
 * one to the complaints team's address with all of them, safeguarding referrals not recorded after
 * a working day, contact restrictions due for review, learning actions overdue and what people did
 * online that waits for the complaints team. Reads only. Nothing on a non-working day.
 */
export function planReminders(db: Db, now: Date, publicUrl: string): PlannedDigest[] {
  const today = londonDate(now);
  if (!remindersToday(today)) return [];
  const t = createI18n("en").t;
  const day = formatLongDate(today, "en");
  const rows = runningDeadlines(db, "all", addWorkingDays(today, AMBER_WITHIN));
  const line = (row: DeadlineRow): DigestLine => ({
    reference: row.reference,
    what: t(`casework:stages.${row.stageKind}`),
    date: formatLongDate(row.nextDueOn, "en"),
    url: caseUrl(publicUrl, row.reference),
  });
  const sectionsOf = (list: DeadlineRow[]): DigestSection[] =>
    reminderBuckets.map((key) => ({ key, lines: list.filter((row) => reminderBucket(today, row.nextDueOn) === key).map(line) }));
  const dashboardUrl = `${publicUrl}/staff/deadlines`;
  const digests: PlannedDigest[] = [];

  // Each holder, with only what their case role lets them see (the inbox's rule, maySeeCase).
  const holderIds = [...new Set(rows.flatMap(holdersOf))];
  const staff = holderIds.length
    ? db
        .select({ id: staffUsers.id, email: staffUsers.email })
        .from(staffUsers)
        .where(and(inArray(staffUsers.id, holderIds), isNull(staffUsers.disabledAt)))
        .orderBy(staffUsers.id)
        .all()
    : [];
  for (const person of staff) {
    const viewer = { id: person.id, role: caseRoleOf(rolesOf(db, person.id)), teamIds: staffTeamIds(db, person.id) };
    const theirs = rows.filter((row) => holdersOf(row).includes(person.id) && maySeeCase(viewer, row));
    if (theirs.length) digests.push({ staffUserId: person.id, toAddress: person.email, data: { recipient: "holder", day, sections: sectionsOf(theirs), dashboardUrl } });
  }

  const teamAddress = getSettings(db).complaintsTeamEmail.trim();
  if (teamAddress) {
    const concerns = db
      .select({ reference: representations.reference, flaggedAt: safeguardingConcerns.flaggedAt })
      .from(safeguardingConcerns)
      .innerJoin(representations, eq(representations.id, safeguardingConcerns.representationId))
      .where(isNull(safeguardingConcerns.referralRecordedAt))
      .orderBy(safeguardingConcerns.flaggedAt)
      .all()
      .filter((c) => referralOverdue(c.flaggedAt, today));
    const restrictions = db
      .select({ personId: contactRestrictions.personId, reviewOn: contactRestrictions.reviewOn })
      .from(contactRestrictions)
      .where(and(isNull(contactRestrictions.endedAt), lte(contactRestrictions.reviewOn, today)))
      .orderBy(contactRestrictions.reviewOn)
      .all()
      .filter((r) => restrictionReviewDue(r.reviewOn, today));
    // A restriction belongs to a person: the digest names their latest case, never them.
    const latestCase = new Map<number, string>();
    if (restrictions.length) {
      for (const c of db
        .select({ personId: representations.personId, reference: representations.reference })
        .from(representations)
        .where(inArray(representations.personId, restrictions.map((r) => r.personId)))
        .orderBy(desc(representations.receivedAt))
        .all()) {
        if (c.personId !== null && !latestCase.has(c.personId)) latestCase.set(c.personId, c.reference);
      }
    }
    const sections: DigestSection[] = [
      ...sectionsOf(rows),
      // What people did online that waits for staff (decision record 042): the reference, what and when, never their words.
      {
        key: "online",
        lines: waitingRequests(db, "all").map((w) => ({
          reference: w.reference,
          what: t(`staff:reminders.online.${w.kind}`),
          date: formatLongDate(londonDate(w.since), "en"),
          url: caseUrl(publicUrl, w.reference),
        })),
      },
      {
        key: "safeguarding",
        lines: concerns.map((c) => ({ reference: c.reference, what: "", date: formatLongDate(londonDate(c.flaggedAt), "en"), url: caseUrl(publicUrl, c.reference) })),
      },
      {
        key: "restrictions",
        lines: restrictions.flatMap((r) => {
          const reference = latestCase.get(r.personId);
          return reference ? [{ reference, what: "", date: formatLongDate(r.reviewOn as IsoDate, "en"), url: caseUrl(publicUrl, reference) }] : [];
        }),
      },
    ];
    // Learning actions past their due day (decision record 029): the case's reference and the day, never what will change.
    sections.push({
      key: "learning",
      lines: overdueLearningActions(db, "all", now).map((a) => ({ reference: a.reference, what: "", date: formatLongDate(a.dueOn, "en"), url: `${publicUrl}/staff/learning/${a.id}` })),
    });
    if (sections.some((s) => s.lines.length)) digests.push({ staffUserId: null, toAddress: teamAddress, data: { recipient: "team", day, sections, dashboardUrl } });
  }
  return digests;
}

/** Writes today's digests to the outbox (sent later by the outbox worker). Returns counts only. */
export function writeReminders(db: Db, now: Date, publicUrl: string): Record<string, number> {
  const digests = planReminders(db, now, publicUrl);
  const t = createI18n("en").t;
  if (digests.length) {
    db.insert(outbox)
      .values(
        digests.map((d) => {
          const mail = reminderDigestEmail(t, d.data);
          return {
            // A digest spans cases: it belongs to no one case's timeline.
            representationId: null,
            template: d.staffUserId === null ? "reminder-digest-team" : "reminder-digest",
            toAddress: d.toAddress,
            subject: mail.subject,
            textBody: mail.text,
            htmlBody: mail.html,
            nextAttemptAt: now,
            createdAt: now,
          };
        }),
      )
      .run();
  }
  return { staffDigests: digests.filter((d) => d.staffUserId !== null).length, teamDigests: digests.filter((d) => d.staffUserId === null).length };
}

/**
 * The daily job for app/services/scheduler.server.ts. Its outbox rows commit with the day's claim
 * (sameTransaction), so each digest is written exactly once a day: across restarts, a process
 * killed mid-run, and several server processes on one database.
 */
export function remindersJob(options: { hour: number; publicUrl: string }): DailyJob {
  return {
    name: REMINDERS_JOB,
    hour: options.hour,
    sameTransaction: true,
    run: (db, now) => writeReminders(db, now, options.publicUrl),
  };
}
