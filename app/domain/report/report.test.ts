import { describe, expect, it } from "vitest";
import { addWorkingDays } from "../calendar";
import { displayTable } from "./display";
import type { ReportFact, ReportLists, ReportStage } from "./facts";
import { change, draftNarrative } from "./narrative";
import { isSuppressed, meanToOneDecimal, wholePercent } from "./numbers";
import { buildReport, timeBand, workingDaysToComplete, type ReportTable } from "./tables";
import { financialYearOf, yearLabel, yearRange, yearsShown } from "./years";
import { REPORT_LIMITS } from "../../../test/report-fixtures";

const lists: ReportLists = {
  methods: ["E-form", "Email"],
  receivedFrom: [
    { code: "parent", label: "Parent", group: "Parent / adopter" },
    { code: "adopter", label: "Adopter", group: "Parent / adopter" },
    { code: "child", label: "Child", group: "Service user" },
  ],
  natureStatutory: ["Conduct of worker"],
  natureCorporate: ["Poor communication"],
  refusalStatutory: ["Court proceedings", "Out of time"],
  refusalCorporate: ["Out of time"],
  outcomeSought: ["Apology"],
  findings: ["Upheld", "Partially upheld", "Not upheld"],
  ombudsmanDecisions: ["Upheld - fault causing injustice"],
  teams: ["Fostering", "Children in care"],
  equality: { ageBand: ["under-16"], gender: ["female", "male"], disability: ["yes", "no"], ethnicGroup: ["white"] },
};
const limits = REPORT_LIMITS;

function stage(kind: ReportStage["kind"], startedOn: string, respondedOn: string | null, more: Partial<ReportStage> = {}): ReportStage {
  return { kind, state: respondedOn ? "closed" : "open", startedOn, requestedOn: null, respondedOn, finding: null, panelOn: null, panelReportOn: null, ombudsmanDecision: null, remedyPence: null, costPence: 0, ...more };
}

function fact(receivedOn: string, more: Partial<ReportFact> = {}): ReportFact {
  return {
    kind: "complaint", process: "statutory", status: "open", receivedOn, method: "Email", receivedFrom: "parent", nature: "Conduct of worker",
    team: "Fostering", youngPerson: false, refusalReason: null, outcomesSought: [], equality: null, equalityOffered: false, imported: false, stages: [], ...more,
  };
}

const table = (tables: ReportTable[], id: string) => tables.find((t) => t.id === id)!;
const row = (t: ReportTable, key: string) => t.rows.find((r) => r.labelKey === key || r.label === key)!;

describe("financial years", () => {
  it("runs 1 April to 31 March, named by the year it starts in", () => {
    expect(financialYearOf("2025-03-31")).toBe(2024);
    expect(financialYearOf("2025-04-01")).toBe(2025);
    expect(financialYearOf("2026-03-31")).toBe(2025);
    expect(yearLabel(2025)).toBe("2025/26");
    expect(yearLabel(1999)).toBe("1999/00");
    expect(yearRange(2025)).toEqual({ from: "2025-04-01", to: "2026-03-31" });
    expect(yearsShown(2025)).toEqual([2025, 2024, 2023, 2022, 2021]);
  });
});

describe("numbers", () => {
  it("rounds percentages half up to whole numbers", () => {
    expect(wholePercent(112, 240)).toBe(47); // 46.67
    expect(wholePercent(1, 8)).toBe(13); // 12.5 goes up
    expect(wholePercent(20, 240)).toBe(8); // 8.33
    expect(wholePercent(3, 0)).toBeNull();
  });
  it("averages to one decimal, half up", () => {
    expect(meanToOneDecimal(2904, 240)).toBe(12.1);
    expect(meanToOneDecimal(241, 20)).toBe(12.1); // 12.05
    expect(meanToOneDecimal(0, 0)).toBeNull();
  });
  it("suppresses counts from 1 up to the threshold, and nothing with a threshold of 0", () => {
    expect([0, 1, 4, 5].map((n) => isSuppressed(n, 5))).toEqual([false, true, true, false]);
    expect(isSuppressed(1, 0)).toBe(false);
  });
  it("describes a change with one decimal of the earlier figure", () => {
    expect(change(192, 259)).toEqual({ direction: "fell", by: 67, percent: 25.9 });
    expect(change(5, 0)).toEqual({ direction: "rose", by: 5, percent: null });
  });
});

describe("counting at the year boundary", () => {
  it("counts a complaint received on 31 March in the year ending then, and one on 1 April in the next", () => {
    const tables = buildReport({ year: 2025, facts: [fact("2025-03-31"), fact("2025-04-01"), fact("2026-03-31"), fact("2026-04-01")], lists, limits });
    const statutory = row(table(tables, "received"), "report.rows.received.complaint-statutory");
    expect(statutory.values).toEqual([2, 1, 0, 0, 0]);
  });

  it("counts a case spanning two years as received in the first and its Stage 1 completed in the second", () => {
    const spanning = fact("2025-03-20", { stages: [stage("statutory-stage1", "2025-03-20", "2025-04-02")] });
    const tables = buildReport({ year: 2025, facts: [spanning], lists, limits });
    expect(row(table(tables, "received"), "report.rows.received.complaint-statutory").values).toEqual([0, 1, 0, 0, 0]);
    const t = table(tables, "timescales");
    const stage1 = t.rows.findIndex((r) => r.labelKey === "casework:stages.statutory-stage1");
    expect(t.rows[stage1 + 1]?.values).toEqual([1, 0, 0, 0, 0]);
  });
});

describe("timescale compliance", () => {
  it("bands working days against the standard and extended limits", () => {
    expect(timeBand(10, limits["statutory-stage1"])).toBe("standard");
    expect(timeBand(11, limits["statutory-stage1"])).toBe("extended");
    expect(timeBand(21, limits["statutory-stage1"])).toBe("beyond");
    // A Friday start answered the next Friday: five working days.
    expect(workingDaysToComplete({ startedOn: "2025-06-06", respondedOn: "2025-06-13" })).toBe(5);
  });

  it("counts completed stages by band with percentages of the completed and the average days", () => {
    const start = "2025-05-01";
    const facts = [3, 10, 15, 30].map((d) => fact(start, { stages: [stage("statutory-stage1", start, addWorkingDays(start, d))] }));
    const t = table(buildReport({ year: 2025, facts, lists, limits }), "timescales");
    const i = t.rows.findIndex((r) => r.labelKey === "casework:stages.statutory-stage1");
    expect(t.rows.slice(i + 1, i + 6).map((r) => [r.values[0], r.percents?.[0] ?? null])).toEqual([
      [4, null],
      [2, 50],
      [1, 25],
      [1, 25],
      [14.5, null],
    ]);
  });

  it("measures Stage 3 against its panel, report and response limits", () => {
    const s3 = stage("statutory-stage3", "2025-06-02", "2025-08-29", { requestedOn: "2025-06-02", panelOn: "2025-07-01", panelReportOn: "2025-07-15" });
    const t = table(buildReport({ year: 2025, facts: [fact("2025-04-10", { stages: [s3] })], lists, limits }), "timescales");
    expect(row(t, "report.rows.timescales.stage3.panel").values[0]).toBe(1);
    expect(row(t, "report.rows.timescales.stage3.report").values[0]).toBe(0); // 10 working days after the panel
    expect(row(t, "report.rows.timescales.stage3.response").values[0]).toBe(0); // 33 working days after the report
  });
});

describe("tables from the lists", () => {
  it("counts refusals by reason and process by date received, with subtotals", () => {
    const facts = [
      fact("2025-05-01", { status: "refused", refusalReason: "Out of time" }),
      fact("2025-05-01", { status: "refused", refusalReason: "Court proceedings" }),
      fact("2025-05-01", { status: "refused", process: "corporate", refusalReason: "Out of time" }),
      fact("2024-05-01", { status: "refused", refusalReason: "A reason since retired" }),
    ];
    const t = table(buildReport({ year: 2025, facts, lists, limits }), "refusals");
    expect(row(t, "report.rows.refusals.statutoryTotal").values).toEqual([2, 1, 0, 0, 0]);
    expect(row(t, "A reason since retired").values).toEqual([0, 1, 0, 0, 0]);
    expect(row(t, "report.rows.refusals.corporateTotal").values).toEqual([1, 0, 0, 0, 0]);
    expect(row(t, "report.rows.refusals.total").values).toEqual([3, 1, 0, 0, 0]);
  });

  it("groups who made complaints with subtotals, reading codes and labels alike", () => {
    const facts = [fact("2025-05-01"), fact("2025-05-01", { receivedFrom: "Adopter" }), fact("2025-05-01", { receivedFrom: "child", youngPerson: true }), fact("2025-05-01", { receivedFrom: null })];
    const t = table(buildReport({ year: 2025, facts, lists, limits }), "received-from");
    expect(t.rows.filter((r) => r.kind !== "heading").map((r) => [r.label ?? r.labelKey, r.values[0], r.percents?.[0]])).toEqual([
      ["Parent", 1, 25],
      ["Adopter", 1, 25],
      ["report.rows.groupTotal", 2, 50],
      ["Child", 1, 25],
      ["report.rows.notRecorded", 1, 25],
      ["report.rows.total", 4, 100],
    ]);
  });

  it("counts young people's complaints apart, and equality answers with the share not stated and the capture rate", () => {
    const eq = { ageBand: "under-16", gender: "female", disability: null, ethnicGroup: "white" };
    const facts = [
      fact("2025-05-01", { youngPerson: true, method: "E-form", equality: eq, equalityOffered: true }),
      fact("2025-05-01", { method: "E-form", equalityOffered: true }),
      fact("2025-05-01"),
    ];
    const tables = buildReport({ year: 2025, facts, lists, limits });
    expect(row(table(tables, "method-young"), "E-form").values[0]).toBe(1);
    expect(row(table(tables, "method-all"), "E-form").values[0]).toBe(2);
    const all = table(tables, "equality-all");
    const female = all.rows.find((r) => r.label === "female")!;
    expect([female.values[0], female.percents?.[0]]).toEqual([1, 33]);
    const notStated = all.rows.filter((r) => r.labelKey === "report.rows.equality.notStated");
    expect(notStated.map((r) => r.values[0])).toEqual([3, 2, 2, 2]);
    const capture = table(tables, "equality-capture");
    expect(capture.rows.map((r) => r.values[0])).toEqual([2, 1, 50]);
  });

  it("gives Stage 1 findings, the share with fault and the escalation rate; Stage 2 and 3 costs; Ombudsman money", () => {
    const facts = [
      fact("2025-05-01", { stages: [stage("statutory-stage1", "2025-05-01", "2025-05-10", { finding: "Upheld", findingCode: "upheld" }), stage("statutory-stage2", "2025-06-01", "2025-07-01", { costPence: 150000 })] }),
      fact("2025-05-01", { stages: [stage("statutory-stage1", "2025-05-01", "2025-05-10", { finding: "Not upheld", findingCode: "not-upheld" })] }),
      fact("2025-05-01", { stages: [stage("statutory-stage1", "2025-05-01", "2025-05-10", { finding: "Partially upheld", findingCode: "partially-upheld" }), stage("ombudsman", "2025-06-01", "2025-09-01", { ombudsmanDecision: "Upheld - fault causing injustice", remedyPence: 25000 })] }),
    ];
    const tables = buildReport({ year: 2025, facts, lists, limits });
    const f = table(tables, "stage1-findings");
    expect(row(f, "report.rows.findings.fault").values[0]).toBe(67);
    expect(row(f, "report.rows.findings.escalated").percents?.[0]).toBe(33);
    const costs = table(tables, "costs");
    expect(costs.rows.filter((r) => r.kind === "money").map((r) => r.values[0])).toEqual([150000, 0]);
    expect(row(table(tables, "ombudsman"), "report.rows.ombudsman.remedies").values[0]).toBe(25000);
  });
});

describe("display", () => {
  it("suppresses small counts and their percentages, and says so", () => {
    const t = table(buildReport({ year: 2025, facts: [fact("2025-05-01"), ...Array.from({ length: 6 }, () => fact("2025-05-01", { method: "E-form" }))], lists, limits }), "method-all");
    const shown = displayTable(t, 5);
    expect(shown.suppressionApplied).toBe(true);
    const email = shown.rows.find((r) => r.row.label === "Email")!;
    expect(email.cells[0]).toEqual({ value: { text: "<5", suppressed: true }, percent: { text: "", suppressed: true } });
    // 6 beside a total of 7 would give the 1 away: it is hidden too (secondary suppression).
    const eform = shown.rows.find((r) => r.row.label === "E-form")!;
    expect(eform.cells[0]?.value.text).toBe("[c]");
    expect(eform.cells[0]?.percent?.text).toBe("");
    expect(displayTable(t, 0).rows.find((r) => r.row.label === "E-form")!.cells[0]?.percent?.text).toBe("86%");
    expect(displayTable(t, 0).suppressionApplied).toBe(false);
  });
});

describe("the drafted summary", () => {
  it("says how statutory complaints changed", () => {
    const facts = [...Array.from({ length: 3 }, () => fact("2025-05-01")), ...Array.from({ length: 4 }, () => fact("2024-05-01"))];
    const tables = buildReport({ year: 2025, facts, lists, limits });
    const draft = draftNarrative(tables, ["2025/26", "2024/25"], 0);
    expect(draft[0]).toEqual({ key: "report.narrative.sentences.complaint-statutory.fell", params: { by: 1, percent: 25, now: 3, year: "2025/26", before: "2024/25" } });
  });

  it("never states a number its table hides: the sentence is left out", () => {
    const facts = [...Array.from({ length: 3 }, () => fact("2025-05-01")), ...Array.from({ length: 4 }, () => fact("2024-05-01"))];
    const tables = buildReport({ year: 2025, facts, lists, limits });
    const keys = (threshold: number) => draftNarrative(tables, ["2025/26", "2024/25"], threshold).map((s) => s.key);
    expect(keys(0)).toContain("report.narrative.sentences.complaint-statutory.fell");
    expect(keys(5).filter((k) => k.startsWith("report.narrative.sentences.complaint-statutory"))).toEqual([]);
    // 3 this year and 4 last year are hidden at a threshold of 5; at 3 only 1 and 2 would be.
    expect(keys(3)).toContain("report.narrative.sentences.complaint-statutory.fell");
  });
});
