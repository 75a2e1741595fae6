import { describe, expect, it } from "vitest";
import { formatDateTime, formatLongDate } from "./dates";

describe("dates for people", () => {
  it("writes a long date without commas, and a time in England's time, in each language asked for", () => {
    expect(formatLongDate("2026-12-04", "en")).toBe("Friday 4 December 2026");
    expect(formatLongDate("2026-12-04", "pl")).toBe("piątek 4 grudnia 2026");
    // 13:05 UTC in July is 14:05 in London (summer time); in January it is the same.
    expect(formatDateTime(new Date("2026-07-01T13:05:00Z"), "en")).toBe("1 Jul 2026, 14:05");
    expect(formatDateTime(new Date("2026-01-15T09:30:00Z"), "en")).toBe("15 Jan 2026, 09:30");
    // The kept formatter is per language: English again after Polish is still English.
    expect(formatLongDate("2027-01-01", "en")).toBe("Friday 1 January 2027");
  });
});
