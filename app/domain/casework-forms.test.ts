import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { dateCheck, dateProblem, requireText } from "./casework-forms";
import { dateParts } from "./form/dates";

const TODAY = "2026-11-30";
const boxes = (day: string, month: string, year: string) => ({ whenDay: day, whenMonth: month, whenYear: year });

describe("dateProblem", () => {
  it("asks for a date when all three boxes are empty", () => {
    expect(dateProblem(boxes("", "", ""), "when", "any", TODAY)).toBe("casework:errors.when.required");
  });
  it("calls a partial or impossible date invalid", () => {
    expect(dateProblem(boxes("30", "", "2026"), "when", "any", TODAY)).toBe("casework:errors.when.invalid");
    expect(dateProblem(boxes("31", "2", "2026"), "when", "any", TODAY)).toBe("casework:errors.when.invalid");
  });
  it("refuses a day after today for something that happened, and today or before for something planned", () => {
    expect(dateProblem(boxes("1", "12", "2026"), "when", "not-future", TODAY)).toBe("casework:errors.when.future");
    expect(dateProblem(boxes("30", "11", "2026"), "when", "not-future", TODAY)).toBeNull();
    expect(dateProblem(boxes("30", "11", "2026"), "when", "future", TODAY)).toBe("casework:errors.when.past");
    expect(dateProblem(boxes("1", "12", "2026"), "when", "future", TODAY)).toBeNull();
    expect(dateProblem(boxes("1", "1", "2020"), "when", "any", TODAY)).toBeNull();
  });
});

describe("dateCheck", () => {
  it("reports the date even when another field is wrong, so the summary lists both", () => {
    const schema = z.object({ note: requireText("note", 10), ...dateParts("when") }).check(dateCheck("when", "not-future", () => TODAY));
    const result = schema.safeParse({ note: "", whenDay: "", whenMonth: "", whenYear: "" });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toEqual(["note: casework:errors.note.required", "whenDay: casework:errors.when.required"]);
  });
});
