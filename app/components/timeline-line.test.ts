import { describe, expect, it } from "vitest";
import { fixedT } from "~/i18n/i18n";
import { timelineLine } from "./timeline-line";

const t = fixedT("en", "casework");
const ISO = /\d{4}-\d{2}-\d{2}/;

describe("a case-history entry's line", () => {
  it("writes a safeguarding referral's date in words", () => {
    const line = timelineLine(t, "safeguarding-referred", { referredTo: "mash", referredToName: "Jo Duty", referredOn: "2026-11-30" });
    expect(line).toContain("Monday 30 November 2026");
    expect(line).not.toMatch(ISO);
  });

  it("writes a restriction's review date in words", () => {
    const line = timelineLine(t, "restriction-added", { reviewOn: "2027-05-01" });
    expect(line).toContain("Saturday 1 May 2027");
    expect(line).not.toMatch(ISO);
  });

  it("writes every dated entry's dates in words", () => {
    const day = "2026-12-04";
    const entries: Array<[string, Record<string, unknown>]> = [
      ["stage-escalated", { from: "stage1", to: "stage2", requestedOn: day }],
      ["stage-closed", { stage: "stage1", closedOn: day }],
      ["statement-agreed", { agreedOn: day }],
      ["panel-booked", { panelOn: day }],
      ["panel-report", { reportOn: day }],
      ["ombudsman-enquiry", { enquiryOn: day, enquiryDueOn: day }],
      ["ombudsman-enquiry-answered", { answeredOn: day }],
      ["remedy-met", { metOn: day }],
      ["letter-posted", { letter: "acknowledgement-complaint", postedOn: day }],
      ["stage-extended", { extendedTo: day, reason: "complex" }],
      ["stage-dates-corrected", { startedOn: day }],
    ];
    for (const [kind, details] of entries) {
      const line = timelineLine(t, kind, details);
      expect(line, kind).toContain("Friday 4 December 2026");
      expect(line, kind).not.toMatch(ISO);
    }
  });

  it("has no line for an entry without details", () => {
    expect(timelineLine(t, "note", null)).toBeNull();
  });
});
