import { describe, expect, it } from "vitest";
import { decisionEffect, maySeeCase } from "./casework";
import { corporateStage1DueDates, earlyResolutionDueOn } from "./timescales";

// Monday 2 November 2026; no bank holidays in November.
const MONDAY = "2026-11-02";

describe("decisionEffect", () => {
  it("keeps statutory Stage 1's clock from the day of receipt: 10 working days, 20 at most", () => {
    expect(decisionEffect("statutory-stage1", MONDAY, "2026-11-04")).toEqual({
      status: "open",
      process: "statutory",
      stage: "stage1",
      dueOn: "2026-11-16",
      latestOn: "2026-11-30",
    });
  });

  it("runs the corporate clock from the acknowledgement", () => {
    const effect = decisionEffect("corporate", MONDAY, "2026-11-04");
    expect(effect).toMatchObject({ process: "corporate", stage: "stage1", dueOn: "2026-11-18", latestOn: "2026-12-02" });
  });

  it("gives early resolution 3 working days and a case concern the same day", () => {
    expect(decisionEffect("early-resolution", MONDAY, "2026-11-06")).toMatchObject({ stage: "early-resolution", dueOn: "2026-11-11" });
    expect(decisionEffect("case-concern", MONDAY, "2026-11-06")).toMatchObject({ stage: "case-concern", dueOn: "2026-11-06" });
  });

  it("closes the clock on a refusal", () => {
    expect(decisionEffect("refuse", MONDAY, MONDAY)).toEqual({ status: "refused", process: null, stage: null, dueOn: null, latestOn: null });
  });
});

describe("corporateStage1DueDates", () => {
  it("is acknowledged within 5 working days, and answered within 10 of the acknowledgement (20 with an extension)", () => {
    expect(corporateStage1DueDates("2026-12-21", "2026-12-22")).toEqual({
      // Christmas Day, the Boxing Day substitute (Monday 28th) and New Year's Day are not working days.
      acknowledgeBy: "2026-12-30",
      dueOn: "2027-01-08",
      latestOn: "2027-01-22",
    });
  });

  it("never counts from before the day of receipt", () => {
    expect(corporateStage1DueDates(MONDAY, "2026-10-01").dueOn).toBe("2026-11-16");
  });

  it("gives early resolution 3 working days", () => {
    expect(earlyResolutionDueOn("2026-11-06")).toBe("2026-11-11");
  });
});

describe("maySeeCase", () => {
  const stage1 = { teamId: 7, investigatorId: null, stage: "stage1" };
  it("lets the complaints team see everything", () => {
    expect(maySeeCase({ id: 1, role: "complaints-officer", teamIds: [] }, stage1)).toBe(true);
  });
  it("shows nothing to a role without a case scope", () => {
    expect(maySeeCase({ id: 1, role: "administrator", teamIds: [7] }, stage1)).toBe(false);
  });
  it("lets a team manager see only their teams' cases", () => {
    expect(maySeeCase({ id: 2, role: "team-manager", teamIds: [7] }, stage1)).toBe(true);
    expect(maySeeCase({ id: 2, role: "team-manager", teamIds: [8] }, stage1)).toBe(false);
    expect(maySeeCase({ id: 2, role: "team-manager", teamIds: [7] }, { ...stage1, teamId: null })).toBe(false);
  });
  it("lets an investigator see only Stage 2 cases they are named on", () => {
    expect(maySeeCase({ id: 3, role: "investigator", teamIds: [7] }, stage1)).toBe(false);
    expect(maySeeCase({ id: 3, role: "investigator", teamIds: [] }, { teamId: 7, investigatorId: 3, stage: "stage2" })).toBe(true);
    expect(maySeeCase({ id: 3, role: "investigator", teamIds: [] }, { teamId: 7, investigatorId: 4, stage: "stage2" })).toBe(false);
  });
});
