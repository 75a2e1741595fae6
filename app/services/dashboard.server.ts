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
 * The managers' dashboard: six small queries over indexed columns (stages by state and
 * next_due_on) and the received counts kept per month, whatever the number of records. Imported
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
  // Received per month from the counts kept by triggers (received_counts, decision 051): a few
  // hundred rows for two years whatever the number of cases, added up here by month and year.
  // "Made by a young person" is a received-from label whose code is a child's, looked up once in
  // the short reference list.
  const childLabels = new Set(
    db.all<{ label: string }>(sql`select label from reference_values where list = 'received-from' and code in (${sql.join(childCodes.map((c) => sql`${c}`), sql`, `)})`).map((r) => r.label),
  );
  const eform = new Set<string>([METHOD_EFORM, METHOD_YOUNG_PERSONS_EFORM]);
  const counted = db.all<{ month: string; kind: string; method: string; from: string; imported: number; n: number; answered: number }>(sql`
    select month, kind, method_received as method, received_from as "from", imported, count as n, answered
    from received_counts where month between ${lastFrom.slice(0, 7)} and ${to.slice(0, 7)} and count > 0`);
  const months = new Map<string, number>();
  const counts = { complaints: 0, young: 0, offered: 0, answered: 0 };
  const firstMonth = from.slice(0, 7);
  for (const c of counted) {
    months.set(c.month, (months.get(c.month) ?? 0) + c.n);
    if (c.month < firstMonth) continue;
    if (c.kind === "complaint") counts.complaints += c.n;
    if (c.kind === "complaint" && childLabels.has(c.from)) counts.young += c.n;
    // The equality questions follow Speak Up's e-form; an imported record's were another system's (decision 051).
    if (eform.has(c.method) && !c.imported) {
      counts.offered += c.n;
      counts.answered += c.answered;
    }
  }
  const year1 = counts;
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
