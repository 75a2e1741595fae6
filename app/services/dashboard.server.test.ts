import { describe, expect, it } from "vitest";
import { addCalendarDays, londonDate } from "../domain/calendar";
import { monthsOf } from "../domain/report/dashboard";
import { wholePercent } from "../domain/report/numbers";
import { financialYearOf } from "../domain/report/years";
import { acceptedComplaint, staffOf } from "../../test/cases";
import { createTestDb } from "../../test/db";
import { importCsv } from "../../test/report-fixtures";
import { teams } from "../../db/schema";
import { managersDashboard } from "./dashboard.server";
import { moveLearningAction, raiseLearningAction } from "./learning.server";
import { importHistoric } from "./report-import.server";

describe("the managers' dashboard", () => {
  it("lists the financial year's months, April to March", () => {
    expect(monthsOf(2025)).toEqual(["2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]);
  });

  it("counts open stages, deadlines, this year's months against last year's, young people's share and the capture rate", async () => {
    const db = await createTestDb();
    const now = new Date();
    const today = londonDate(now);
    const officer = staffOf(db, "complaints-officer");
    // Received 30 days ago: its Stage 1 (10 working days) is overdue; one received today is not yet due soon.
    const earlier = new Date(now.getTime() - 30 * 86_400_000);
    const old = acceptedComplaint(db, officer, { now: earlier });
    acceptedComplaint(db, officer, { now });
    // Learning actions raised then: one due the next day (now overdue), one done after its day (not), one due in a year.
    const [team] = db.select().from(teams).limit(1).all();
    const raise = (dueOn: string) => raiseLearningAction(db, officer, old.reference, { change: "Write sooner", teamId: team!.id, ownerId: officer.id, dueOn }, earlier);
    raise(addCalendarDays(londonDate(earlier), 1));
    const done = raise(addCalendarDays(londonDate(earlier), 2));
    if (!done.ok) throw new Error(done.error);
    expect(moveLearningAction(db, officer, done.id, "complete", { evidence: "Letters go out in a week" }, now)).toEqual({ ok: true });
    raise(addCalendarDays(today, 365));
    const lastYearSameDay = addCalendarDays(today, -364);
    importHistoric(db, {
      csv: importCsv([
        { source_reference: "D-1", kind: "complaint", process: "statutory", received_on: lastYearSameDay, method_received: "E-form", received_from: "child", stage1_started_on: lastYearSameDay, stage1_responded_on: lastYearSameDay },
        { source_reference: "D-2", kind: "complaint", process: "statutory", received_on: today, method_received: "Young person's e-form", received_from: "care-leaver", stage1_started_on: today, stage1_responded_on: today },
      ]),
      actorId: null,
    });
    const d = managersDashboard(db, today);
    expect(d.openByStage).toEqual([{ kind: "statutory-stage1", count: 2 }]);
    expect(d.overdue).toBe(1);
    expect(d.dueSoon).toBe(0);
    expect(d.learningOverdue).toBe(1);
    const thisMonth = d.months.find((m) => m.month === today.slice(0, 7))!;
    expect(thisMonth.thisYear).toBeGreaterThanOrEqual(2); // the one today and the import today (and the overdue one, within this month)
    expect(d.months.reduce((s, m) => s + m.thisYear, 0) + d.months.reduce((s, m) => s + m.lastYear, 0)).toBe(4);
    // In April the complaint of 30 days ago belongs to the year before.
    const complaintsThisYear = financialYearOf(londonDate(earlier)) === financialYearOf(today) ? 3 : 2;
    expect(d.youngPeople).toEqual({ count: 1, of: complaintsThisYear, percent: wholePercent(1, complaintsThisYear) });
    // The imported e-form record was offered another system's questions, not Speak Up's (decision 051).
    expect(d.capture).toEqual({ answered: 0, offered: 0, percent: wholePercent(0, 0) });
  });
});
