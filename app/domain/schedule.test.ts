import { describe, expect, it } from "vitest";
import { nextDailyRun } from "./schedule";

describe("the daily scheduler's clock", () => {
  it("is due once the hour has passed on a day with no run, otherwise next at the hour", () => {
    expect(nextDailyRun(new Date("2026-07-01T00:30:00Z"), 2, "2026-06-30")).toEqual({ on: "2026-07-01", hour: 2, dueNow: false });
    // 01:30 UTC is 02:30 in summer time.
    expect(nextDailyRun(new Date("2026-07-01T01:30:00Z"), 2, "2026-06-30")).toEqual({ on: "2026-07-01", hour: 2, dueNow: true });
    expect(nextDailyRun(new Date("2026-07-01T15:00:00Z"), 2, null)).toEqual({ on: "2026-07-01", hour: 2, dueNow: true });
    expect(nextDailyRun(new Date("2026-07-01T15:00:00Z"), 2, "2026-07-01")).toEqual({ on: "2026-07-02", hour: 2, dueNow: false });
  });
});
