import { addWorkingDays, isWorkingDay, londonDate, type IsoDate } from "./calendar";
import { ragStatus, statementOverdueOn, type RagStatus } from "./stage-clocks";
import type { StageKind } from "./stages";

/**
 * The deadlines dashboard and the daily reminders (decision record 022): which running stages
 * are overdue, due today, due soon or this week, and which Stage 2 statements are still not
 * agreed. Pure: the services read the stored next deadline (`stages.next_due_on`) and hand it here.
 */

/** A running stage with a deadline, as the dashboard and the digests see it. */
export interface DeadlineItem {
  reference: string;
  stageKind: StageKind;
  /** The current stage's next deadline not yet met (stored; null once the stage ended, so never here). */
  nextDueOn: IsoDate;
  startedOn: IsoDate;
  statementAgreedOn: IsoDate | null;
  teamId: number | null;
  /** Who holds it: the stage's handler, or else the case's responding manager. */
  holderId: number | null;
  /** Staff named as Investigating Officer on the current stage. */
  investigatorIds: readonly number[];
}

/** "This week" on the dashboard: the next working week from today, so a Friday still shows Monday's. */
export const THIS_WEEK_WORKING_DAYS = 5;

/** The furthest date any dashboard or reminder bucket reaches: the services read rows due by then. */
export function deadlineHorizon(today: IsoDate): IsoDate {
  return addWorkingDays(today, THIS_WEEK_WORKING_DAYS);
}

export interface DashboardRow<T extends DeadlineItem = DeadlineItem> {
  item: T;
  rag: RagStatus;
}

export interface DeadlineDashboard<T extends DeadlineItem = DeadlineItem> {
  overdue: DashboardRow<T>[];
  dueToday: DashboardRow<T>[];
  /** After today, within the next 5 working days. */
  dueThisWeek: DashboardRow<T>[];
  /** Stage 2: the statement of complaint still not agreed 10 working days after the request. */
  statementsNotAgreed: DashboardRow<T>[];
}

export const dashboardGroups = ["overdue", "dueToday", "dueThisWeek", "statementsNotAgreed"] as const;

/** A Stage 2 whose statement of complaint is past its 10 working days and still not agreed. */
export function statementNotAgreed(item: Pick<DeadlineItem, "stageKind" | "startedOn" | "statementAgreedOn">, today: IsoDate): boolean {
  if (item.stageKind !== "statutory-stage2") return false;
  return statementOverdueOn(item.startedOn, item.statementAgreedOn, today);
}

/**
 * Sorts running stages into the dashboard's groups, soonest (most overdue) first. A stage due
 * later than this week is left out; a statement not agreed is listed in its own group as well as
 * by its date (its deadline is then overdue too).
 */
export function deadlineDashboard<T extends DeadlineItem>(items: readonly T[], today: IsoDate): DeadlineDashboard<T> {
  const board: DeadlineDashboard<T> = { overdue: [], dueToday: [], dueThisWeek: [], statementsNotAgreed: [] };
  // References compare as the database orders them (code points), which is also far cheaper than
  // localeCompare for the thousands of rows a large council's dashboard holds.
  const sorted = [...items].sort((a, b) => (a.nextDueOn === b.nextDueOn ? (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0) : a.nextDueOn < b.nextDueOn ? -1 : 1));
  // Thousands of running stages share a few dozen due dates: each date's status is worked out once.
  const rags = new Map<IsoDate, RagStatus>();
  for (const item of sorted) {
    let rag = rags.get(item.nextDueOn);
    if (!rag) rags.set(item.nextDueOn, (rag = ragStatus(today, item.nextDueOn)));
    const left = rag.workingDaysLeft;
    if (left < 0) board.overdue.push({ item, rag });
    else if (left === 0) board.dueToday.push({ item, rag });
    else if (left <= THIS_WEEK_WORKING_DAYS) board.dueThisWeek.push({ item, rag });
    if (statementNotAgreed(item, today)) board.statementsNotAgreed.push({ item, rag });
  }
  return board;
}

/** What a reminder says about a deadline: the RAG words the dashboard uses (3 working days is "due soon"). */
export type ReminderBucket = "overdue" | "due-today" | "due-soon";
export const reminderBuckets: readonly ReminderBucket[] = ["overdue", "due-today", "due-soon"];

/** The reminder for a deadline today, or null when it is further off than 3 working days. */
export function reminderBucket(today: IsoDate, dueOn: IsoDate): ReminderBucket | null {
  const { label } = ragStatus(today, dueOn);
  return label === "on-track" ? null : label;
}

/** The staff a stage's reminders go to: its holder and its named Investigating Officers, once each. */
export function holdersOf(item: Pick<DeadlineItem, "holderId" | "investigatorIds">): number[] {
  return [...new Set([...(item.holderId !== null ? [item.holderId] : []), ...item.investigatorIds])];
}

/** A safeguarding concern whose referral is still not recorded more than one working day after it was raised. */
export function referralOverdue(flaggedAt: Date, today: IsoDate): boolean {
  return addWorkingDays(londonDate(flaggedAt), 1) < today;
}

/** A contact restriction whose review date has come. */
export function restrictionReviewDue(reviewOn: IsoDate, today: IsoDate): boolean {
  return reviewOn <= today;
}

/**
 * Digests go out on working days only: every deadline is a working day, so a weekend or bank
 * holiday digest would repeat Friday's, and Monday's lists all that became overdue meanwhile.
 */
export function remindersToday(today: IsoDate): boolean {
  return isWorkingDay(today);
}
