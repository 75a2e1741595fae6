import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { dateCheck, dateProblem, partsOfIso, requireText } from "./casework-forms";
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
    const schema = z.object({ note: requireText("note", 10), ...dateParts("when") }).check(dateCheck("when", "not-future", { today: () => TODAY }));
    const result = schema.safeParse({ note: "", whenDay: "", whenMonth: "", whenYear: "" });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toEqual(["note: casework:errors.note.required", "whenDay: casework:errors.when.required"]);
  });
  it("checks only the answers where the date is asked", () => {
    const schema = z.object({ asked: z.optional(z.literal("yes")), ...dateParts("when") }).check(dateCheck("when", "any", { applies: (v) => v.asked === "yes" }));
    expect(schema.safeParse({}).success).toBe(true);
    expect(schema.safeParse({ asked: "yes" }).success).toBe(false);
  });
});

describe("partsOfIso", () => {
  it("fills the three boxes without leading zeros", () => {
    expect(partsOfIso("when", "2026-03-07")).toEqual({ whenDay: "7", whenMonth: "3", whenYear: "2026" });
  });
});
