import { wholePercent } from "./numbers";
import { yearRange } from "./years";

/** The twelve months of a financial year, "2025-04" to "2026-03". */
export function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((3 + i) % 12) + 1;
    return `${month >= 4 ? year : year + 1}-${String(month).padStart(2, "0")}`;
  });
}

export interface DashboardCounts {
  openByStage: Array<{ kind: string; count: number }>;
  overdue: number;
  dueSoon: number;
  /** Received per month ("2025-04") over this financial year and the one before. */
  receivedByMonth: Map<string, number>;
  complaintsThisYear: number;
  youngPeopleThisYear: number;
  offeredThisYear: number;
  answeredThisYear: number;
  /** Learning actions still open after their due day (decision 029), whatever year they were raised. */
  learningOverdue: number;
}

/** The managers' dashboard from a few aggregate counts: months this year against the same month last year, shares as whole percentages. */
export function dashboard(year: number, counts: DashboardCounts) {
  const months = monthsOf(year).map((month, i) => ({ month, thisYear: counts.receivedByMonth.get(month) ?? 0, lastYear: counts.receivedByMonth.get(monthsOf(year - 1)[i] ?? "") ?? 0 }));
  return {
    year,
    range: yearRange(year),
    openByStage: counts.openByStage,
    openTotal: counts.openByStage.reduce((s, r) => s + r.count, 0),
    overdue: counts.overdue,
    dueSoon: counts.dueSoon,
    learningOverdue: counts.learningOverdue,
    months,
    youngPeople: { count: counts.youngPeopleThisYear, of: counts.complaintsThisYear, percent: wholePercent(counts.youngPeopleThisYear, counts.complaintsThisYear) },
    capture: { answered: counts.answeredThisYear, offered: counts.offeredThisYear, percent: wholePercent(counts.answeredThisYear, counts.offeredThisYear) },
  };
}
