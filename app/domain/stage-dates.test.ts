import { describe, expect, it } from "vitest";
import { checkStageDates, correctableDates } from "./stage-dates";

const context = { today: "2026-11-30", previousRespondedOn: null, respondedOn: null };

describe("correctable dates", () => {
  it("offers the acknowledgement only where a corporate reply counts from it", () => {
    expect(correctableDates("statutory-stage1")).toEqual(["startedOn"]);
    expect(correctableDates("statutory-stage2")).toEqual(["startedOn"]);
    expect(correctableDates("corporate-stage1")).toEqual(["startedOn", "acknowledgedOn"]);
    expect(correctableDates("corporate-stage2")).toEqual(["startedOn", "acknowledgedOn"]);
  });
});

describe("checkStageDates", () => {
  it("accepts a start today or earlier, with an acknowledgement on or after it", () => {
    expect(checkStageDates({ startedOn: "2026-11-30" }, context)).toBeNull();
    expect(checkStageDates({ startedOn: "2026-11-02", acknowledgedOn: "2026-11-02" }, context)).toBeNull();
  });
  it("refuses dates in the future", () => {
    expect(checkStageDates({ startedOn: "2026-12-01" }, context)).toBe("started-in-future");
    expect(checkStageDates({ startedOn: "2026-11-02", acknowledgedOn: "2026-12-01" }, context)).toBe("acknowledged-in-future");
  });
  it("refuses a start before the response of the stage it follows, or after its own response", () => {
    expect(checkStageDates({ startedOn: "2026-11-02" }, { ...context, previousRespondedOn: "2026-11-03" })).toBe("started-before-previous-stage");
    expect(checkStageDates({ startedOn: "2026-11-03" }, { ...context, previousRespondedOn: "2026-11-03" })).toBeNull();
    expect(checkStageDates({ startedOn: "2026-11-20" }, { ...context, respondedOn: "2026-11-19" })).toBe("started-after-response");
  });
  it("refuses an acknowledgement before the start", () => {
    expect(checkStageDates({ startedOn: "2026-11-10", acknowledgedOn: "2026-11-09" }, context)).toBe("acknowledged-before-start");
  });
});
