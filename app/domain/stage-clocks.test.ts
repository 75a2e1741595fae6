import { describe, expect, it } from "vitest";
import {
  checkExtension,
  classifyResponse,
  clockFacts,
  deadlineCompliance,
  defaultClockSettings,
  nextDeadline,
  ragStatus,
  responseCompliance,
  stageClocks,
  statementOverdue,
  workingDaysLeft,
  type ClockSettings,
} from "./stage-clocks";

// Stage 1 received Thu 14 Apr 2022: due Tue 3 May, latest Tue 17 May (counted in the golden calendar).
const stage1 = stageClocks({ kind: "statutory-stage1", startedOn: "2022-04-14" });

describe("workingDaysLeft and ragStatus", () => {
  it("counts the working days to the deadline, in words as well as colour", () => {
    // Tue 26 Apr 2022 → Wed 27, Thu 28, Fri 29, [Mon 2 May], Tue 3: 4 left.
    expect(ragStatus("2022-04-26", "2022-05-03")).toEqual({ rag: "green", label: "on-track", workingDaysLeft: 4 });
    // Thu 28 Apr → Fri 29, Tue 3 May: 2 left.
    expect(ragStatus("2022-04-28", "2022-05-03")).toEqual({ rag: "amber", label: "due-soon", workingDaysLeft: 2 });
    // Sat 30 Apr → Tue 3 May: 1 left (Mon 2 May is a bank holiday).
    expect(ragStatus("2022-04-30", "2022-05-03")).toEqual({ rag: "amber", label: "due-soon", workingDaysLeft: 1 });
    expect(ragStatus("2022-05-03", "2022-05-03")).toEqual({ rag: "amber", label: "due-today", workingDaysLeft: 0 });
    expect(ragStatus("2022-05-04", "2022-05-03")).toEqual({ rag: "red", label: "overdue", workingDaysLeft: -1 });
  });

  it("calls the weekend after a Friday deadline overdue, not due today", () => {
    // Due Fri 30 Dec 2022; Sat 31 Dec, and Tue 3 Jan (after Mon 2 Jan, a substitute day) are each 1 working day over.
    expect(workingDaysLeft("2022-12-31", "2022-12-30")).toBe(-1);
    expect(workingDaysLeft("2023-01-03", "2022-12-30")).toBe(-1);
    expect(workingDaysLeft("2023-01-04", "2022-12-30")).toBe(-2);
    expect(ragStatus("2022-12-31", "2022-12-30").rag).toBe("red");
  });
});

describe("compliance for the annual report", () => {
  it("bands a response by the standard and the extended limit", () => {
    expect(classifyResponse("2022-05-03", "2022-05-03", "2022-05-17")).toBe("within-standard");
    expect(classifyResponse("2022-05-04", "2022-05-03", "2022-05-17")).toBe("within-extended");
    expect(classifyResponse("2022-05-17", "2022-05-03", "2022-05-17")).toBe("within-extended");
    expect(classifyResponse("2022-05-18", "2022-05-03", "2022-05-17")).toBe("beyond");
  });

  it("is pending until the furthest limit passes unanswered, then beyond", () => {
    expect(responseCompliance(stage1, null, "2022-05-17")).toBe("pending");
    expect(responseCompliance(stage1, null, "2022-05-18")).toBe("beyond");
    expect(responseCompliance(stage1, "2022-04-29", "2022-06-01")).toBe("within-standard");
  });

  it("ignores an extension: a response after the standard date is within the extended limit, agreed or not", () => {
    const extended = stageClocks({ kind: "statutory-stage1", startedOn: "2022-04-14", extendedTo: "2022-05-10" });
    expect(responseCompliance(extended, "2022-05-09", "2022-06-01")).toBe("within-extended");
    expect(responseCompliance(stage1, "2022-05-09", "2022-06-01")).toBe("within-extended");
  });

  it("judges each Stage 3 step and the Ombudsman's dates on their own", () => {
    const stage3 = stageClocks({ kind: "statutory-stage3", startedOn: "2022-11-25", panelOn: "2023-01-12" });
    const [panel, report] = stage3.deadlines;
    // The panel had to meet by Wed 11 Jan 2023; it met on Thu 12.
    expect(panel && deadlineCompliance(panel, "2023-01-20")).toBe("beyond");
    // The report is due 5 working days after Thu 12 Jan: Thu 19 Jan.
    expect(report?.dueOn).toBe("2023-01-19");
    expect(report && deadlineCompliance(report, "2023-01-19")).toBe("pending");
    expect(report && deadlineCompliance(report, "2023-01-20")).toBe("beyond");
    expect(responseCompliance(stage3, null, "2023-01-20")).toBeNull();
  });
});

describe("extensions", () => {
  it("accepts a later working day up to the maximum, and nothing else", () => {
    expect(checkExtension(stage1, "2022-05-17")).toBeNull();
    expect(checkExtension(stage1, "2022-05-10")).toBeNull();
    expect(checkExtension(stage1, "2022-05-02")).toBe("not-a-working-day"); // May Day
    expect(checkExtension(stage1, "2022-05-03")).toBe("not-later");
    expect(checkExtension(stage1, "2022-04-28")).toBe("not-later");
    expect(checkExtension(stage1, "2022-05-18")).toBe("beyond-maximum");
    const extended = stageClocks({ kind: "statutory-stage1", startedOn: "2022-04-14", extendedTo: "2022-05-10" });
    expect(checkExtension(extended, "2022-05-09")).toBe("not-later");
    expect(checkExtension(stageClocks({ kind: "early-resolution", startedOn: "2022-06-01" }), "2022-06-10")).toBe("not-extendable");
    expect(checkExtension(stageClocks({ kind: "statutory-stage3", startedOn: "2022-06-01" }), "2022-08-10")).toBe("not-extendable");
  });

  it("keeps a recorded extension inside the limits when the receipt date is corrected, and says so", () => {
    // Extended to Tue 17 May (the 20th day from Thu 14 Apr); receipt corrected to Fri 8 Apr 2022,
    // whose 20th working day is Wed 11 May (Mon 11 … Thu 14 (4), [15, 18] Tue 19 … Fri 22 (8), 25–29 (13),
    // [Mon 2 May] Tue 3 … Fri 6 (17), Mon 9 (18), Tue 10 (19), Wed 11 (20)).
    const corrected = stageClocks({ kind: "statutory-stage1", startedOn: "2022-04-08", extendedTo: "2022-05-17" });
    expect(corrected.dueOn).toBe("2022-04-26");
    expect(corrected.latestOn).toBe("2022-05-11");
    expect(corrected.respondBy).toBe("2022-05-11");
    expect(corrected.extensionOutOfRange).toBe(true);
    expect(stage1.extensionOutOfRange).toBe(false);
  });
});

describe("what comes next", () => {
  it("is the earliest deadline not yet met", () => {
    const stage2 = stageClocks({ kind: "statutory-stage2", startedOn: "2022-05-23" });
    expect(nextDeadline(stage2)).toEqual({ key: "statement", dueOn: "2022-06-08", metOn: null });
    const agreed = stageClocks({ kind: "statutory-stage2", startedOn: "2022-05-23", statementAgreedOn: "2022-06-01" });
    expect(nextDeadline(agreed)).toEqual({ key: "respond", dueOn: "2022-06-29", metOn: null });
    const answered = stageClocks({ kind: "statutory-stage2", startedOn: "2022-05-23", statementAgreedOn: "2022-06-01", respondedOn: "2022-06-20" });
    expect(nextDeadline(answered)).toBeNull();
    const ombudsman = stageClocks({
      kind: "ombudsman",
      startedOn: "2023-01-09",
      ombudsmanEnquiryDueOn: "2023-02-06",
      ombudsmanEnquiryAnsweredOn: "2023-02-01",
      remedyDueOn: "2023-06-30",
    });
    expect(nextDeadline(ombudsman)).toEqual({ key: "remedy", dueOn: "2023-06-30", metOn: null });
  });

  it("flags a Stage 2 statement not agreed after 10 working days", () => {
    const stage2 = stageClocks({ kind: "statutory-stage2", startedOn: "2022-05-23" });
    expect(statementOverdue(stage2, null, "2022-06-08")).toBe(false);
    expect(statementOverdue(stage2, null, "2022-06-09")).toBe(true);
    expect(statementOverdue(stage2, "2022-06-09", "2022-06-20")).toBe(false);
  });

  it("follows the council's corporate timescales when they change", () => {
    const longer: ClockSettings = {
      ...defaultClockSettings,
      corporate: { ...defaultClockSettings.corporate, stage2: { acknowledgeWithin: 2, respondWithin: 30, maximumExtension: 10, respondFrom: "acknowledgement" } },
    };
    const facts = { kind: "corporate-stage2", startedOn: "2022-05-30", acknowledgedOn: "2022-06-01" } as const;
    expect(stageClocks(facts).dueOn).toBe("2022-07-01");
    // 30 from Wed 1 Jun 2022: Fri 1 Jul is the 20th (golden calendar), then 4–8 (25), 11–15 Jul (30).
    expect(stageClocks(facts, longer).dueOn).toBe("2022-07-15");
    // Acknowledgement due 2 working days after Mon 30 May: Tue 31 (1), Wed 1 Jun (2).
    expect(stageClocks(facts, longer).acknowledgeBy).toBe("2022-06-01");
  });
});

describe("clockFacts", () => {
  it("gives the transition table what it needs from the clocks", () => {
    // Stage 1 from Thu 14 Apr 2022: due Tue 3 May, latest Tue 17 May.
    expect(clockFacts(stage1, null, "2022-05-03")).toEqual({ responseOverdue: false, atMaximum: false, escalationWindowEndsOn: null });
    expect(clockFacts(stage1, null, "2022-05-04").responseOverdue).toBe(true);
    expect(clockFacts(stage1, "2022-05-04", "2022-05-05").responseOverdue).toBe(false);
    const atLatest = stageClocks({ kind: "statutory-stage1", startedOn: "2022-04-14", extendedTo: "2022-05-17" });
    expect(clockFacts(atLatest, null, "2022-05-03").atMaximum).toBe(true);
    expect(clockFacts(stageClocks({ kind: "early-resolution", startedOn: "2022-06-01" }), null, "2022-06-01").atMaximum).toBe(true);
    // Answered Tue 5 Apr 2022: window ends Fri 6 May (golden calendar).
    const answered = stageClocks({ kind: "statutory-stage1", startedOn: "2022-03-22", respondedOn: "2022-04-05" });
    expect(clockFacts(answered, "2022-04-05", "2022-04-06").escalationWindowEndsOn).toBe("2022-05-06");
  });
});
