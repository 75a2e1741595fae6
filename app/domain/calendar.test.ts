import fc from "fast-check";
import Holidays from "date-holidays";
import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  addWorkingDays,
  isWorkingDay,
  londonDate,
  parseIsoDate,
  workingDayOnOrAfter,
  workingDaysBefore,
  workingDaysUntil,
} from "./calendar";
import { dueDates, stage1DueDates, statutoryTimescales } from "./timescales";

describe("isWorkingDay", () => {
  it("counts an ordinary Monday to Friday and not Saturday or Sunday", () => {
    // 2026-11-23 is a Monday.
    expect(["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"].map(isWorkingDay)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(isWorkingDay("2026-11-28")).toBe(false); // Saturday
    expect(isWorkingDay("2026-11-29")).toBe(false); // Sunday
  });

  it("closes Good Friday and Easter Monday 2026, and opens the Thursday and Tuesday around them", () => {
    expect(isWorkingDay("2026-04-02")).toBe(true); // Maundy Thursday
    expect(isWorkingDay("2026-04-03")).toBe(false); // Good Friday
    expect(isWorkingDay("2026-04-06")).toBe(false); // Easter Monday
    expect(isWorkingDay("2026-04-07")).toBe(true);
  });

  it("closes Christmas, the Boxing Day substitute and New Year's Day over 2026/27", () => {
    expect(isWorkingDay("2026-12-24")).toBe(true); // Christmas Eve, a Thursday
    expect(isWorkingDay("2026-12-25")).toBe(false); // Christmas Day, a Friday
    expect(isWorkingDay("2026-12-26")).toBe(false); // Boxing Day, a Saturday
    expect(isWorkingDay("2026-12-28")).toBe(false); // Monday: the substitute for Boxing Day
    expect(isWorkingDay("2026-12-29")).toBe(true);
    expect(isWorkingDay("2026-12-31")).toBe(true);
    expect(isWorkingDay("2027-01-01")).toBe(false); // New Year's Day, a Friday
    expect(isWorkingDay("2027-01-04")).toBe(true);
  });

  it("closes substitute days when a holiday falls at a weekend", () => {
    // New Year's Day 2022 was a Saturday; Christmas Day 2022 a Sunday (Boxing Day the Monday).
    expect(isWorkingDay("2022-01-03")).toBe(false);
    expect(isWorkingDay("2022-01-04")).toBe(true);
    expect(isWorkingDay("2022-12-26")).toBe(false);
    expect(isWorkingDay("2022-12-27")).toBe(false);
    expect(isWorkingDay("2022-12-28")).toBe(true);
  });

  it("closes one-off bank holidays", () => {
    expect(isWorkingDay("2022-06-02")).toBe(false); // Spring bank holiday, moved for the Jubilee
    expect(isWorkingDay("2022-06-03")).toBe(false); // Platinum Jubilee
    expect(isWorkingDay("2022-09-19")).toBe(false); // the Queen's funeral
    expect(isWorkingDay("2022-09-20")).toBe(true);
    expect(isWorkingDay("2023-05-08")).toBe(false); // the coronation
    expect(isWorkingDay("2023-05-09")).toBe(true);
  });

  it("does not treat Mother's Day (an observance, not a holiday) as closing the week around it", () => {
    // date-holidays lists Mother's Day as an "observance"; the calendar must ignore that type.
    const listed = new Holidays("GB", "ENG").getHolidays(2026).find((h) => h.date.startsWith("2026-03-15"));
    expect(listed?.type).toBe("observance");
    // It always falls on a Sunday, so the day itself is closed as a weekend …
    expect(isWorkingDay("2026-03-15")).toBe(false);
    // … and nothing else is: the Friday before and the whole week after are working days.
    expect(isWorkingDay("2026-03-13")).toBe(true);
    expect(workingDaysUntil("2026-03-13", "2026-03-20")).toBe(5);
  });

  it("throws on a date that is not a real ISO date", () => {
    expect(() => isWorkingDay("2026-02-30")).toThrow(RangeError);
  });
});

describe("addWorkingDays", () => {
  it("treats the day of receipt as day 0", () => {
    expect(addWorkingDays("2026-11-23", 0)).toBe("2026-11-23");
    // Received Monday 23 Nov: Tue 24 (1), Wed 25 (2), Thu 26 (3), Fri 27 (4), Mon 30 (5),
    // Tue 1 Dec (6), Wed 2 (7), Thu 3 (8), Fri 4 (9), Mon 7 (10).
    expect(addWorkingDays("2026-11-23", 10)).toBe("2026-12-07");
  });

  it("counts from the next working day when a complaint arrives at the weekend", () => {
    // Received Saturday 21 Nov: Mon 23 (1), Tue 24 (2), Wed 25 (3), Thu 26 (4), Fri 27 (5),
    // Mon 30 (6), Tue 1 Dec (7), Wed 2 (8), Thu 3 (9), Fri 4 (10).
    expect(addWorkingDays("2026-11-21", 10)).toBe("2026-12-04");
    // Sunday gives the same answer: the first working day after either is Monday.
    expect(addWorkingDays("2026-11-22", 10)).toBe("2026-12-04");
    // A Friday receipt with no holidays between is due on the second Friday after it.
    expect(addWorkingDays("2026-11-20", 10)).toBe("2026-12-04");
  });

  it("steps over Easter", () => {
    // Received Wed 1 Apr 2026: Thu 2 (1), [Fri 3 Good Friday], [Sat, Sun], [Mon 6 Easter Monday],
    // Tue 7 (2), Wed 8 (3), Thu 9 (4), Fri 10 (5).
    expect(addWorkingDays("2026-04-01", 5)).toBe("2026-04-10");
  });

  it("never lands on a closed day", () => {
    // Received Thu 24 Dec 2026: the next working day is Tue 29 Dec.
    expect(addWorkingDays("2026-12-24", 1)).toBe("2026-12-29");
  });

  it("rejects a negative or fractional count", () => {
    expect(() => addWorkingDays("2026-11-23", -1)).toThrow(RangeError);
    expect(() => addWorkingDays("2026-11-23", 1.5)).toThrow(RangeError);
  });
});

describe("stage1DueDates", () => {
  it("uses the statutory 10 and 20 working days", () => {
    expect(statutoryTimescales.stage1).toEqual({ standard: 10, maximum: 20 });
  });

  it("gives 10 and 20 working days in an ordinary month", () => {
    // Received Mon 2 Nov 2026. 10: Tue 3 … Fri 6 (4), Mon 9 … Fri 13 (9), Mon 16 (10).
    // 20: Tue 17 … Fri 20 (14), Mon 23 … Fri 27 (19), Mon 30 (20).
    expect(stage1DueDates("2026-11-02")).toEqual({ dueOn: "2026-11-16", latestOn: "2026-11-30" });
  });

  it("spans Christmas and New Year 2026/27", () => {
    // Received Fri 18 Dec 2026.
    //   Mon 21 (1), Tue 22 (2), Wed 23 (3), Thu 24 (4),
    //   [Fri 25 Christmas], [Sat 26 Boxing Day], [Sun 27], [Mon 28 Boxing Day substitute],
    //   Tue 29 (5), Wed 30 (6), Thu 31 (7), [Fri 1 Jan New Year], [Sat 2], [Sun 3],
    //   Mon 4 (8), Tue 5 (9), Wed 6 Jan (10)  → due on 2027-01-06
    //   Thu 7 (11), Fri 8 (12), Mon 11 (13), Tue 12 (14), Wed 13 (15), Thu 14 (16), Fri 15 (17),
    //   Mon 18 (18), Tue 19 (19), Wed 20 Jan (20)  → latest 2027-01-20
    expect(stage1DueDates("2026-12-18")).toEqual({ dueOn: "2027-01-06", latestOn: "2027-01-20" });
  });

  it("spans the Queen's funeral in 2022", () => {
    // Received Thu 15 Sep 2022: Fri 16 (1), [Mon 19 funeral], Tue 20 (2), Wed 21 (3), Thu 22 (4),
    // Fri 23 (5), Mon 26 (6), Tue 27 (7), Wed 28 (8), Thu 29 (9), Fri 30 (10).
    expect(dueDates("2022-09-15", { standard: 10, maximum: 10 }).dueOn).toBe("2022-09-30");
  });
});

describe("workingDaysUntil", () => {
  it("is positive while time is left", () => {
    expect(workingDaysUntil("2026-11-23", "2026-12-07")).toBe(10);
    // From Thu 24 Dec 2026, Tue 29 is the next working day.
    expect(workingDaysUntil("2026-12-24", "2026-12-29")).toBe(1);
  });

  it("is zero on the due day", () => {
    expect(workingDaysUntil("2026-12-07", "2026-12-07")).toBe(0);
  });

  it("is negative by the number of working days overdue", () => {
    expect(workingDaysUntil("2026-12-08", "2026-12-07")).toBe(-1);
    // Due Thu 24 Dec; on Tue 29 Dec (after Christmas and the substitute day) it is 1 day overdue.
    expect(workingDaysUntil("2026-12-29", "2026-12-24")).toBe(-1);
    expect(workingDaysUntil("2027-01-06", "2026-12-18")).toBe(-10);
  });

  it("counts as a walk through the calendar day by day would, between any two days up to two years apart, 2019 to 2031", () => {
    // The walk it replaced (decision record 038), kept here as the reference.
    const walk = (from: string, to: string) => {
      let count = 0;
      for (let d = from; d < to; ) {
        d = addCalendarDays(d, 1);
        if (isWorkingDay(d)) count += 1;
      }
      return count;
    };
    const day = fc.integer({ min: 0, max: 10 * 366 }).map((n) => addCalendarDays("2019-06-01", n));
    // Up to two years either way: across New Year (and more than one) both ways.
    fc.assert(
      fc.property(day, fc.integer({ min: -800, max: 800 }), (a, offset) => {
        const b = addCalendarDays(a, offset);
        expect(workingDaysUntil(a, b)).toBe(a <= b ? walk(a, b) : -walk(b, a));
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with addWorkingDays", () => {
    for (const start of ["2026-03-30", "2026-12-18", "2022-09-12", "2023-05-05"]) {
      expect(workingDaysUntil(start, addWorkingDays(start, 20))).toBe(20);
    }
  });
});

describe("londonDate", () => {
  it("uses British Summer Time in summer", () => {
    expect(londonDate(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    expect(londonDate(new Date("2026-06-30T22:59:59Z"))).toBe("2026-06-30");
    expect(londonDate(new Date("2026-06-30T23:00:00Z"))).toBe("2026-07-01");
  });

  it("uses GMT in winter", () => {
    expect(londonDate(new Date("2026-12-31T23:30:00Z"))).toBe("2026-12-31");
    expect(londonDate(new Date("2027-01-01T00:00:00Z"))).toBe("2027-01-01");
  });

  it("follows the clock changes", () => {
    // Clocks go forward at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on 25 October 2026.
    expect(londonDate(new Date("2026-03-28T23:30:00Z"))).toBe("2026-03-28");
    expect(londonDate(new Date("2026-03-29T23:30:00Z"))).toBe("2026-03-30");
    expect(londonDate(new Date("2026-10-24T23:30:00Z"))).toBe("2026-10-25");
    expect(londonDate(new Date("2026-10-25T23:30:00Z"))).toBe("2026-10-25");
  });
});

describe("parseIsoDate and addCalendarDays", () => {
  it("parses a real date to noon UTC", () => {
    expect(parseIsoDate("2026-02-28").toISOString()).toBe("2026-02-28T12:00:00.000Z");
    expect(parseIsoDate("2028-02-29").toISOString()).toBe("2028-02-29T12:00:00.000Z");
  });

  it("rejects dates that do not exist and text that is not a date", () => {
    for (const bad of ["2026-02-30", "2026-02-29", "2026-13-01", "2026-00-10", "2026-1-5", "26-01-05", "2026-01-05T00:00", "junk", ""]) {
      expect(() => parseIsoDate(bad), bad).toThrow(RangeError);
    }
  });

  it("adds calendar days across month, year and clock changes", () => {
    expect(addCalendarDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addCalendarDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addCalendarDays("2026-10-24", 2)).toBe("2026-10-26");
    expect(addCalendarDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});

describe("workingDayOnOrAfter", () => {
  it("keeps a working day and moves a closed day to the next working day", () => {
    expect(workingDayOnOrAfter("2022-09-20")).toBe("2022-09-20");
    expect(workingDayOnOrAfter("2022-09-19")).toBe("2022-09-20"); // the Queen's funeral
    expect(workingDayOnOrAfter("2022-12-24")).toBe("2022-12-28"); // Sat; Sun 25, Mon 26 and Tue 27 closed
    expect(workingDayOnOrAfter("2022-06-02")).toBe("2022-06-06"); // Thu 2, Fri 3 Jun and the weekend
  });
});

describe("workingDaysBefore", () => {
  it("counts back over weekends and bank holidays", () => {
    // Monday 8 May 2023 was the coronation bank holiday: 4 working days before Wednesday 10 May
    // are Tue 9, Fri 5, Thu 4, Wed 3 (counting back), so Wednesday 3 May.
    expect(workingDaysBefore("2023-05-10", 4)).toBe("2023-05-03");
    // Easter 2026: Good Friday 3 April and Easter Monday 6 April. Counting back from Tuesday 7
    // April, Tue 7 is 1 and Thu 2 is 2, so 2 working days before it is Wednesday 1 April.
    expect(workingDaysBefore("2026-04-07", 2)).toBe("2026-04-01");
  });

  it("from a weekend, counts the working days up to it (a Saturday is 0 working days after Friday)", () => {
    expect(workingDaysBefore("2026-11-28", 0)).toBe("2026-11-27");
    expect(workingDaysBefore("2026-11-28", 1)).toBe("2026-11-26");
    expect(workingDaysBefore("2026-11-30", 0)).toBe("2026-11-30");
  });

  it("is a working day with exactly that many working days up to the date, and addWorkingDays undoes it on a working day", () => {
    for (const date of ["2026-12-24", "2026-12-28", "2027-01-02", "2026-04-06", "2026-11-30"]) {
      for (const n of [0, 1, 3, 10, 14, 25, 65]) {
        const before = workingDaysBefore(date, n);
        expect(isWorkingDay(before), `${date} ${n}`).toBe(true);
        expect(workingDaysUntil(before, date), `${date} ${n}`).toBe(n);
        if (isWorkingDay(date)) expect(addWorkingDays(before, n)).toBe(date);
      }
    }
  });
});
