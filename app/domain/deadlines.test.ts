import { describe, expect, it } from "vitest";
import { deadlineDashboard, deadlineHorizon, holdersOf, referralOverdue, reminderBucket, remindersToday, restrictionReviewDue, statementNotAgreed, type DeadlineItem } from "./deadlines";

// Monday 30 November 2026. Working days after it: Tue 1 Dec (1), Wed 2 (2), Thu 3 (3), Fri 4 (4),
// Mon 7 (5), Tue 8 (6).
const TODAY = "2026-11-30";

function item(reference: string, nextDueOn: string, extra: Partial<DeadlineItem> = {}): DeadlineItem {
  return { reference, stageKind: "statutory-stage1", nextDueOn, startedOn: "2026-11-16", statementAgreedOn: null, teamId: 1, holderId: 7, investigatorIds: [], ...extra };
}

const refs = (rows: Array<{ item: DeadlineItem }>) => rows.map((r) => r.item.reference);

describe("the deadlines dashboard's groups", () => {
  it("sorts each running stage by its next deadline: overdue, due today, within 5 working days; later ones are left out", () => {
    const board = deadlineDashboard(
      [
        item("SU-LATE-0002", "2026-11-27"), // Friday: 1 working day overdue
        item("SU-LATE-0001", "2026-11-20"), // the week before: listed first
        item("SU-TODAY-001", TODAY),
        item("SU-WEEK-0005", "2026-12-07"), // 5 working days: still this week
        item("SU-WEEK-0001", "2026-12-01"),
        item("SU-LATER-006", "2026-12-08"), // 6 working days: not on the dashboard
      ],
      TODAY,
    );
    expect(refs(board.overdue)).toEqual(["SU-LATE-0001", "SU-LATE-0002"]);
    expect(refs(board.dueToday)).toEqual(["SU-TODAY-001"]);
    expect(refs(board.dueThisWeek)).toEqual(["SU-WEEK-0001", "SU-WEEK-0005"]);
    expect(board.statementsNotAgreed).toEqual([]);
    // The words that go with the colour come from ragStatus.
    expect(board.overdue[1]?.rag).toEqual({ rag: "red", label: "overdue", workingDaysLeft: -1 });
    expect(board.dueToday[0]?.rag.label).toBe("due-today");
    expect(board.dueThisWeek.map((r) => r.rag.label)).toEqual(["due-soon", "on-track"]);
  });

  it("on a Friday, this week reaches into the next one", () => {
    const board = deadlineDashboard([item("SU-MON", "2026-12-07")], "2026-12-04");
    expect(refs(board.dueThisWeek)).toEqual(["SU-MON"]);
    expect(deadlineHorizon("2026-12-04")).toBe("2026-12-11");
  });

  it("flags a Stage 2 statement of complaint not agreed after 10 working days, and lists it by its date too", () => {
    // Requested Monday 2 November: the statement was due by Monday 16 November (10 working days).
    const late = item("SU-STMT-LATE", "2026-11-16", { stageKind: "statutory-stage2", startedOn: "2026-11-02" });
    const agreed = item("SU-STMT-DONE", "2026-12-07", { stageKind: "statutory-stage2", startedOn: "2026-11-02", statementAgreedOn: "2026-11-20" });
    // Requested Monday 23 November: due by Monday 7 December, not late yet.
    const early = item("SU-STMT-SOON", "2026-12-07", { stageKind: "statutory-stage2", startedOn: "2026-11-23" });
    const board = deadlineDashboard([late, agreed, early], TODAY);
    expect(refs(board.statementsNotAgreed)).toEqual(["SU-STMT-LATE"]);
    expect(refs(board.overdue)).toEqual(["SU-STMT-LATE"]);
    expect(statementNotAgreed(late, "2026-11-16")).toBe(false);
    expect(statementNotAgreed(late, "2026-11-17")).toBe(true);
    expect(statementNotAgreed({ ...late, stageKind: "statutory-stage1" }, TODAY)).toBe(false);
  });
});

describe("reminders", () => {
  it("remind of what is overdue, due today and due within 3 working days; nothing further off", () => {
    expect(reminderBucket(TODAY, "2026-11-27")).toBe("overdue");
    expect(reminderBucket(TODAY, TODAY)).toBe("due-today");
    expect(reminderBucket(TODAY, "2026-12-03")).toBe("due-soon");
    expect(reminderBucket(TODAY, "2026-12-04")).toBeNull();
    // A Saturday after the due Friday is already overdue.
    expect(reminderBucket("2026-12-05", "2026-12-04")).toBe("overdue");
  });

  it("go to the holder and the Investigating Officers, each once", () => {
    expect(holdersOf({ holderId: 7, investigatorIds: [9, 7] })).toEqual([7, 9]);
    expect(holdersOf({ holderId: null, investigatorIds: [] })).toEqual([]);
  });

  it("flag a safeguarding referral not recorded more than one working day after the concern", () => {
    // Raised Friday 27 November: the next working day is Monday 30, so Tuesday is too late.
    const friday = new Date("2026-11-27T16:00:00Z");
    expect(referralOverdue(friday, "2026-11-30")).toBe(false);
    expect(referralOverdue(friday, "2026-12-01")).toBe(true);
    // 23:30 UTC on 30 June is 1 July in England (summer time): counted from 1 July.
    expect(referralOverdue(new Date("2026-06-30T23:30:00Z"), "2026-07-02")).toBe(false);
    expect(referralOverdue(new Date("2026-06-30T23:30:00Z"), "2026-07-03")).toBe(true);
  });

  it("flag a contact restriction from its review date", () => {
    expect(restrictionReviewDue("2026-11-30", TODAY)).toBe(true);
    expect(restrictionReviewDue("2026-12-01", TODAY)).toBe(false);
  });

  it("go out on working days only", () => {
    expect(remindersToday(TODAY)).toBe(true);
    expect(remindersToday("2026-11-28")).toBe(false); // Saturday
    expect(remindersToday("2026-12-25")).toBe(false); // Christmas Day
    expect(remindersToday("2026-12-28")).toBe(false); // Boxing Day's substitute (26th is a Saturday)
  });
});
