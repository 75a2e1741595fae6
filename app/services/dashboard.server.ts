import { sql } from "drizzle-orm";
import { addWorkingDays, type IsoDate } from "../domain/calendar";
import { childCodes } from "../domain/eligibility";
import { METHOD_EFORM, METHOD_YOUNG_PERSONS_EFORM } from "../domain/representation";
import { dashboard } from "../domain/report/dashboard";
import { financialYearOf, yearRange } from "../domain/report/years";
import { isOpenLearning, learningStates } from "../domain/learning";
import { runningStates, stageKinds } from "../domain/stages";
import type { Db } from "./db.server";

/** How far ahead "due soon" looks, in working days. */
export const DUE_SOON_WORKING_DAYS = 5;

/**
 * The managers' dashboard: six aggregate queries over indexed columns (stages by state and
 * next_due_on, representations by received_on), whatever the number of records. Imported
 * history counts too: it is closed, so it shows only in the months received.
 */
export function managersDashboard(db: Db, today: IsoDate) {
  const year = financialYearOf(today);
  const { from, to } = yearRange(year);
  const lastFrom = yearRange(year - 1).from;
  const running = sql.join(runningStates.map((s) => sql`${s}`), sql`, `);
  const open = db.all<{ kind: string; n: number }>(sql`select kind, count(*) as n from stages where state in (${running}) group by kind`);
  const due = db.all<{ overdue: number | null; soon: number | null }>(sql`
    select sum(next_due_on < ${today}) as overdue, sum(next_due_on >= ${today} and next_due_on <= ${addWorkingDays(today, DUE_SOON_WORKING_DAYS)}) as soon
    from stages where next_due_on is not null`)[0];
  // Every column counted here is in the covering index on received_on (decision 044): no case
  // row is read and no join is made per case. "Made by a young person" is a received-from label
  // whose code is a child's, looked up once in the short reference list. One walk of the two
  // years, grouped by day in the index's own order (no sort), added up by month and year here.
  const childLabels = db
    .all<{ label: string }>(sql`select label from reference_values where list = 'received-from' and code in (${sql.join(childCodes.map((c) => sql`${c}`), sql`, `)})`)
    .map((r) => r.label);
  const young = childLabels.length ? sql`r.received_from in (${sql.join(childLabels.map((l) => sql`${l}`), sql`, `)})` : sql`0`;
  const eform = sql`r.method_received in (${METHOD_EFORM}, ${METHOD_YOUNG_PERSONS_EFORM})`;
  const days = db.all<{ d: string; n: number; complaints: number; young: number; offered: number }>(sql`
    select r.received_on as d, count(*) as n, sum(r.kind = 'complaint') as complaints, sum(r.kind = 'complaint' and ${young}) as young, sum(${eform}) as offered
    from representations r indexed by representations_report_idx
    where r.received_on between ${lastFrom} and ${to} group by r.received_on`);
  const months = new Map<string, number>();
  const counts = { complaints: 0, young: 0, offered: 0 };
  for (const day of days) {
    const month = day.d.slice(0, 7);
    months.set(month, (months.get(month) ?? 0) + day.n);
    if (day.d < from) continue;
    counts.complaints += day.complaints;
    counts.young += day.young;
    counts.offered += day.offered;
  }
  // The equality answers are looked up for the e-form cases only (the questions follow the e-form).
  const answered = db.all<{ n: number }>(sql`
    select count(*) as n from representations r indexed by representations_report_idx
    join equality_responses e on e.representation_id = r.id
    where r.received_on between ${from} and ${to} and ${eform}`)[0];
  const year1 = { ...counts, answered: answered?.n ?? 0 };
  // Open and past the due day, as the register's "overdue" filter (learning_actions_state_due_idx).
  const openLearning = sql.join(learningStates.filter(isOpenLearning).map((s) => sql`${s}`), sql`, `);
  const learning = db.all<{ n: number }>(sql`select count(*) as n from learning_actions where state in (${openLearning}) and due_on < ${today}`)[0];
  const order = (kind: string) => (stageKinds as readonly string[]).indexOf(kind);
  return dashboard(year, {
    openByStage: open.map((o) => ({ kind: o.kind, count: o.n })).sort((a, b) => order(a.kind) - order(b.kind)),
    overdue: due?.overdue ?? 0,
    dueSoon: due?.soon ?? 0,
    receivedByMonth: months,
    complaintsThisYear: year1?.complaints ?? 0,
    youngPeopleThisYear: year1?.young ?? 0,
    offeredThisYear: year1?.offered ?? 0,
    answeredThisYear: year1?.answered ?? 0,
    learningOverdue: learning?.n ?? 0,
  });
}
