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
  const months = db.all<{ m: string; n: number }>(sql`
    select substr(received_on, 1, 7) as m, count(*) as n from representations where received_on between ${lastFrom} and ${to} group by m`);
  const children = sql.join(childCodes.map((c) => sql`${c}`), sql`, `);
  const year1 = db.all<{ complaints: number | null; young: number | null; offered: number | null; answered: number | null }>(sql`
    select sum(r.kind = 'complaint') as complaints,
      sum(r.kind = 'complaint' and rf.code in (${children})) as young,
      sum(r.method_received in (${METHOD_EFORM}, ${METHOD_YOUNG_PERSONS_EFORM})) as offered,
      sum(r.method_received in (${METHOD_EFORM}, ${METHOD_YOUNG_PERSONS_EFORM}) and e.id is not null) as answered
    from representations r
    left join reference_values rf on rf.list = 'received-from' and rf.label = r.received_from
    left join equality_responses e on e.representation_id = r.id
    where r.received_on between ${from} and ${to}`)[0];
  // Open and past the due day, as the register's "overdue" filter (learning_actions_state_due_idx).
  const openLearning = sql.join(learningStates.filter(isOpenLearning).map((s) => sql`${s}`), sql`, `);
  const learning = db.all<{ n: number }>(sql`select count(*) as n from learning_actions where state in (${openLearning}) and due_on < ${today}`)[0];
  const order = (kind: string) => (stageKinds as readonly string[]).indexOf(kind);
  return dashboard(year, {
    openByStage: open.map((o) => ({ kind: o.kind, count: o.n })).sort((a, b) => order(a.kind) - order(b.kind)),
    overdue: due?.overdue ?? 0,
    dueSoon: due?.soon ?? 0,
    receivedByMonth: new Map(months.map((m) => [m.m, m.n])),
    complaintsThisYear: year1?.complaints ?? 0,
    youngPeopleThisYear: year1?.young ?? 0,
    offeredThisYear: year1?.offered ?? 0,
    answeredThisYear: year1?.answered ?? 0,
    learningOverdue: learning?.n ?? 0,
  });
}
