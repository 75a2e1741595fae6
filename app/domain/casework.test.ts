import { describe, expect, it } from "vitest";
import { caseLinks, maySeeCase } from "./casework";
import { corporateStage1DueDates, earlyResolutionDueOn } from "./timescales";

// Monday 2 November 2026; no bank holidays in November.
const MONDAY = "2026-11-02";

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
  const stage1 = { teamId: 7, stageKind: "statutory-stage1", investigatorIds: [] };
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
    expect(maySeeCase({ id: 3, role: "investigator", teamIds: [] }, { teamId: 7, stageKind: "statutory-stage2", investigatorIds: [4, 3] })).toBe(true);
    expect(maySeeCase({ id: 3, role: "investigator", teamIds: [] }, { teamId: 7, stageKind: "statutory-stage2", investigatorIds: [4] })).toBe(false);
    // Named on Stage 2, but the case has moved on to Stage 3 (or is only at Stage 1).
    expect(maySeeCase({ id: 3, role: "investigator", teamIds: [] }, { teamId: 7, stageKind: "statutory-stage3", investigatorIds: [3] })).toBe(false);
    expect(maySeeCase({ id: 3, role: "investigator", teamIds: [] }, { teamId: 7, stageKind: "corporate-stage2", investigatorIds: [3] })).toBe(false);
  });
});

describe("caseLinks", () => {
  const complaint = { kind: "complaint", status: "open", complimentMayBeShared: false };
  it("offers a team manager only the pages their permissions open", () => {
    expect(caseLinks(["team-manager"], complaint).map((l) => l.to)).toEqual(["correspondence", "safeguarding"]);
    expect(caseLinks(["investigator"], complaint).map((l) => l.to)).toEqual(["correspondence", "safeguarding"]);
  });
  it("offers the complaints team triage, coding, assignment and restrictions, and the decision while undecided", () => {
    expect(caseLinks(["complaints-officer"], complaint).map((l) => l.to)).toEqual(["triage", "coding", "assign", "correspondence", "safeguarding", "restrictions"]);
    expect(caseLinks(["complaints-officer"], { ...complaint, status: "new" }).map((l) => l.to)).toContain("decision");
  });
  it("offers the end of a compliment or a comment until it is closed", () => {
    expect(caseLinks(["complaints-officer"], { kind: "comment", status: "new", complimentMayBeShared: false }).map((l) => l.to)).toContain("close");
    expect(caseLinks(["complaints-officer"], { kind: "comment", status: "closed", complimentMayBeShared: false }).map((l) => l.to)).not.toContain("close");
    expect(caseLinks(["complaints-officer"], { kind: "compliment", status: "new", complimentMayBeShared: true }).map((l) => l.to)).toContain("compliment");
  });
});
