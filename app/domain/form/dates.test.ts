import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { dateParts, readDateParts } from "./dates";

const TODAY = "2026-11-23";
const parts = (day: string, month: string, year: string) => ({ whenDay: day, whenMonth: month, whenYear: year });
const read = (day: string, month: string, year: string, today = TODAY) => readDateParts(parts(day, month, year), "when", today);

describe("readDateParts", () => {
  it("is empty when no box is filled in, or only with spaces", () => {
    expect(readDateParts({}, "when", TODAY)).toEqual({ kind: "empty" });
    expect(read("", "", "")).toEqual({ kind: "empty" });
    expect(read(" ", "  ", "")).toEqual({ kind: "empty" });
  });

  it("reads a date, padding single digits", () => {
    expect(read("4", "7", "2026")).toEqual({ kind: "date", date: "2026-07-04" });
    expect(read(" 04 ", "07", "2026")).toEqual({ kind: "date", date: "2026-07-04" });
  });

  it("says incomplete when some boxes are empty", () => {
    for (const [d, m, y] of [["4", "7", ""], ["", "7", "2026"], ["4", "", ""]] as const) {
      expect(read(d, m, y), `${d} ${m} ${y}`).toEqual({ kind: "invalid", reason: "incomplete" });
    }
  });

  it("treats a missing or non-string box as empty", () => {
    expect(readDateParts({ whenDay: "4", whenMonth: 7, whenYear: "2026" }, "when", TODAY)).toEqual({ kind: "invalid", reason: "incomplete" });
  });

  it("rejects dates that do not exist", () => {
    for (const [d, m, y] of [
      ["31", "2", "2025"],
      ["29", "2", "2025"],
      ["31", "4", "2026"],
      ["0", "1", "2026"],
      ["1", "13", "2026"],
      ["1", "0", "2026"],
    ] as const) {
      expect(read(d, m, y), `${d} ${m} ${y}`).toEqual({ kind: "invalid", reason: "invalid" });
    }
  });

  it("accepts 29 February in a leap year", () => {
    expect(read("29", "2", "2024")).toEqual({ kind: "date", date: "2024-02-29" });
  });

  it("rejects words, two-digit years, three-digit days and non-ASCII digits", () => {
    for (const [d, m, y] of [
      ["first", "7", "2026"],
      ["4", "July", "2026"],
      ["4", "7", "26"],
      ["004", "7", "2026"],
      ["4", "7", "20266"],
      ["٤", "7", "2026"],
      ["4.5", "7", "2026"],
    ] as const) {
      expect(read(d, m, y), `${d} ${m} ${y}`).toEqual({ kind: "invalid", reason: "invalid" });
    }
  });

  it("rejects years before 1900", () => {
    expect(read("31", "12", "1899")).toEqual({ kind: "invalid", reason: "invalid" });
    expect(read("1", "1", "1900")).toEqual({ kind: "date", date: "1900-01-01" });
  });

  it("accepts today and rejects tomorrow as the future", () => {
    expect(read("23", "11", "2026")).toEqual({ kind: "date", date: "2026-11-23" });
    expect(read("24", "11", "2026")).toEqual({ kind: "invalid", reason: "future" });
    expect(read("1", "1", "2027")).toEqual({ kind: "invalid", reason: "future" });
  });

  it("reads the boxes named by the prefix", () => {
    expect(readDateParts({ childDobDay: "27", childDobMonth: "3", childDobYear: "2012", ...parts("", "", "") }, "childDob", TODAY)).toEqual({
      kind: "date",
      date: "2012-03-27",
    });
  });
});

describe("dateParts", () => {
  const schema = z.object(dateParts("when"));

  it("makes three optional boxes named after the prefix", () => {
    expect(Object.keys(schema.shape)).toEqual(["whenDay", "whenMonth", "whenYear"]);
    expect(schema.parse({})).toEqual({});
  });

  it("cleans each box", () => {
    expect(schema.parse({ whenDay: " 4\u0000", whenMonth: "\t7", whenYear: "2026\u202E" })).toEqual(parts("4", "7", "2026"));
  });

  it("takes any text in a box, so a hidden date never blocks a page: the page's own rule judges it", () => {
    const result = schema.safeParse(parts("12345", "7", "2026"));
    expect(result.success).toBe(true);
    expect(readDateParts(parts("12345", "7", "2026") as Record<string, unknown>, "when", "2026-11-23")).toEqual({ kind: "invalid", reason: "invalid" });
  });
});
