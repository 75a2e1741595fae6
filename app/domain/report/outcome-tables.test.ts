import { describe, expect, it } from "vitest";
import casework from "../../locales/en/casework.json";
import staff from "../../locales/en/staff.json";
import { displayTable } from "./display";
import type { ExperienceFact, LearningFact, ReportExtras, ReportFact, ReportLists, ReportStage } from "./facts";
import { stagePersonRoles } from "../stages";
import { outcomeTableIds } from "./outcome-tables";
import { buildReport, type ReportTable } from "./tables";
import { REPORT_LIMITS } from "../../../test/report-fixtures";

const lists: ReportLists = {
  methods: ["E-form"],
  receivedFrom: [],
  natureStatutory: [],
  natureCorporate: [],
  refusalStatutory: [],
  refusalCorporate: [],
  outcomeSought: ["Apology"],
  findings: ["Upheld", "Partially upheld", "Not upheld"],
  findingCodes: [
    { code: "upheld", label: "Upheld" },
    { code: "partially-upheld", label: "Partly upheld" },
    { code: "not-upheld", label: "Not upheld" },
    { code: "resolved-early", label: "Resolved early" },
    { code: "withdrawn", label: "Withdrawn" },
    { code: "not-investigated", label: "Not investigated" },
  ],
  actualOutcome: ["Apology", "Explanation", "Change of worker"],
  ombudsmanDecisions: [],
  teams: ["Fostering", "Children in care"],
  equality: { ageBand: [], gender: [], disability: [], ethnicGroup: [] },
};
const limits = REPORT_LIMITS;

let ids = 0;
function stage(kind: ReportStage["kind"], respondedOn: string | null, more: Partial<ReportStage> = {}): ReportStage {
  return { id: ++ids, kind, state: respondedOn ? "responded" : "open", startedOn: "2024-01-02", requestedOn: null, respondedOn, finding: null, panelOn: null, panelReportOn: null, ombudsmanDecision: null, remedyPence: null, costPence: 0, ...more };
}
function fact(receivedOn: string, more: Partial<ReportFact> = {}): ReportFact {
  return {
    id: ++ids, kind: "complaint", process: "statutory", status: "open", receivedOn, method: "E-form", receivedFrom: "parent", nature: null, team: "Fostering",
    youngPerson: false, refusalReason: null, outcomesSought: [], equality: null, equalityOffered: true, imported: false, stages: [], ...more,
  };
}
const noExtras: ReportExtras = { experience: [], learning: [] };
function report(id: string, facts: ReportFact[], extras: ReportExtras = noExtras): ReportTable {
  return buildReport({ year: 2025, facts, lists, limits, extras, only: id as never })[0]!;
}
/** Each row as [its label or key, the 2025/26 value, the 2025/26 %], the way the tests read a table. */
const cells = (t: ReportTable, column = 0) => t.rows.map((r) => [r.label ?? r.labelKey, r.values[column] ?? null, r.percents?.[column] ?? null]);

describe("actual outcomes per stage", () => {
  it("counts each stage's outcomes by the date of its response, with % of the stages completed", () => {
    const facts = [
      fact("2025-05-01", { stages: [stage("statutory-stage1", "2025-05-20", { actualOutcomes: ["Apology", "Explanation"] }), stage("statutory-stage2", "2025-09-01", { actualOutcomes: ["Explanation"] })] }),
      fact("2025-05-01", { stages: [stage("statutory-stage1", "2025-06-20", { actualOutcomes: ["Explanation", "Retired value"] })] }),
      fact("2025-05-01", { stages: [stage("statutory-stage1", "2025-06-21", { actualOutcomes: [] })] }),
      // Answered on 31 March: the year before; on 1 April 2026: the year after (not shown).
      fact("2025-01-01", { stages: [stage("statutory-stage1", "2025-03-31", { actualOutcomes: ["Apology"] })] }),
      fact("2026-01-01", { stages: [stage("statutory-stage1", "2026-04-01", { actualOutcomes: ["Apology"] })] }),
    ];
    const t = report("actual-outcomes", facts);
    expect(cells(t)).toEqual([
      ["casework:stages.statutory-stage1", null, null],
      ["Apology", 1, 33],
      ["Explanation", 2, 67],
      ["Retired value", 1, 33],
      ["report.rows.outcomes.none", 1, 33],
      ["report.rows.timescales.completed", 3, null],
      ["casework:stages.statutory-stage2", null, null],
      ["Explanation", 1, 100],
      ["report.rows.timescales.completed", 1, null],
    ]);
    expect(t.rows[1]?.values).toEqual([1, 1, 0, 0, 0]);
  });
});

describe("findings per point at Stage 2 and Stage 3", () => {
  const facts = [
    fact("2025-04-01", {
      stages: [
        stage("statutory-stage1", "2025-04-20", { findingCode: "not-upheld" }),
        stage("statutory-stage2", "2025-08-01", { findingCode: "partially-upheld", points: ["upheld", "not-upheld", "withdrawn"] }),
        stage("statutory-stage3", "2025-12-01", { findingCode: "upheld", points: ["upheld"] }),
      ],
    }),
    fact("2025-04-01", { stages: [stage("statutory-stage2", "2025-09-01", { findingCode: "not-upheld", points: ["not-upheld", "not-upheld"] })] }),
    // A council's own finding value has no code: counted as not recorded, never as fault.
    fact("2025-04-01", { stages: [stage("statutory-stage2", "2025-10-01", { finding: "Council's own", findingCode: null, points: ["partially-upheld"] })] }),
  ];

  it("counts points by finding, fault in points judged on their merits, complaints by finding and escalation to Stage 3", () => {
    expect(cells(report("points-stage2", facts))).toEqual([
      ["report.rows.points.points", null, null],
      ["Upheld", 1, 17],
      ["Partly upheld", 1, 17],
      ["Not upheld", 3, 50],
      ["Withdrawn", 1, 17],
      ["report.rows.points.answered", 6, null],
      // 2 of the 5 judged points (the withdrawn one was not judged): 40 %.
      ["report.rows.points.fault", 40, null],
      ["report.rows.points.complaints", null, null],
      ["Partly upheld", 1, 33],
      ["Not upheld", 1, 33],
      ["report.rows.notRecorded", 1, 33],
      ["report.rows.timescales.completed", 3, null],
      ["report.rows.findings.fault", 33, null],
      ["report.rows.points.escalated", 1, 33],
    ]);
  });

  it("counts Stage 3 the same way, with no escalation row", () => {
    const t = report("points-stage3", facts);
    expect(cells(t).map((c) => c[0])).not.toContain("report.rows.points.escalated");
    expect(cells(t).filter((c) => c[0] === "report.rows.points.fault" || c[0] === "report.rows.findings.fault")).toEqual([
      ["report.rows.points.fault", 100, null],
      ["report.rows.findings.fault", 100, null],
    ]);
  });

  it("reads Stage 1's fault from finding codes, not the list's labels", () => {
    const renamed = [fact("2025-04-01", { stages: [stage("statutory-stage1", "2025-04-20", { finding: "Found in the person's favour", findingCode: "upheld" })] })];
    const t = report("stage1-findings", renamed);
    expect(t.rows.find((r) => r.labelKey === "report.rows.findings.fault")?.values[0]).toBe(100);
  });

  it("suppresses small counts and their percentages", () => {
    const { rows } = displayTable(report("points-stage2", facts), 5);
    const upheld = rows.find((r) => r.row.label === "Upheld")!;
    expect(upheld.cells[0]).toEqual({ value: { text: "<5", suppressed: true }, percent: { text: "", suppressed: true } });
  });
});

describe("compensation", () => {
  it("sums each step by the year of the stage's response and counts a case once a year per step; Stage 2 and 3 costs by role", () => {
    const money = (offeredPence: number | null, agreedPence: number | null, paidPence: number | null) => ({ compensation: { offeredPence, agreedPence, paidPence } });
    const facts = [
      fact("2025-04-01", { stages: [stage("statutory-stage1", "2025-05-01", money(10000, 10000, 10000)), stage("statutory-stage2", "2025-09-01", money(50000, 40000, null))] }),
      fact("2025-04-01", { stages: [stage("corporate-stage1", "2025-05-01", money(2500, null, null))] }),
      fact("2024-04-01", { stages: [stage("statutory-stage1", "2025-03-31", money(7000, 7000, 7000))] }),
      // The Ombudsman's remedies are counted in its own table.
      fact("2025-04-01", { stages: [stage("ombudsman", "2025-05-01", money(9999, 9999, 9999))] }),
      fact("2025-04-01", { stages: [stage("statutory-stage2", "2025-10-01", { costsByRole: { "investigating-officer": 150000, "independent-person": 40000 } })] }),
      fact("2025-04-01", { stages: [stage("statutory-stage2", "2025-11-01", { costsByRole: { "investigating-officer": 100000 } })] }),
      fact("2025-04-01", { stages: [stage("statutory-stage3", "2026-01-10", { costsByRole: { "panel-chair": 30000, "panel-member": 20000 } })] }),
    ];
    const t = report("compensation", facts);
    expect(cells(t)).toEqual([
      ["report.rows.compensation.title", null, null],
      ["report.rows.compensation.offeredCases", 2, null],
      ["report.rows.compensation.offered", 62500, null],
      ["report.rows.compensation.agreedCases", 1, null],
      ["report.rows.compensation.agreed", 50000, null],
      ["report.rows.compensation.paidCases", 1, null],
      ["report.rows.compensation.paid", 10000, null],
      ["casework:stages.statutory-stage2", null, null],
      // Three Stage 2s answered, two with a cost.
      ["report.rows.compensation.costed", 2, null],
      ["casework:case.roles.investigating-officer", 250000, null],
      ["casework:case.roles.independent-person", 40000, null],
      ["casework:stages.statutory-stage3", null, null],
      ["report.rows.compensation.costed", 1, null],
      ["casework:case.roles.panel-member", 20000, null],
      ["casework:case.roles.panel-chair", 30000, null],
    ]);
    expect(cells(t, 1)[6]).toEqual(["report.rows.compensation.paid", 7000, null]);
  });
});

describe("learning actions", () => {
  it("counts actions raised in the year by their state and team, and those done by their due day", () => {
    const action = (raisedOn: string, state: string, team: string, doneOn: string | null = null): LearningFact => ({ raisedOn, state, team, dueOn: "2025-09-30", doneOn });
    const learning = [
      action("2025-04-01", "done", "Fostering", "2025-09-30"),
      action("2025-05-01", "done", "Fostering", "2025-10-01"),
      action("2025-06-01", "in-progress", "Children in care"),
      action("2026-03-31", "agreed", "Fostering"),
      action("2025-03-31", "dropped", "Fostering"),
    ];
    const t = report("learning-actions", [], { experience: [], learning });
    expect(cells(t)).toEqual([
      ["report.rows.learning.byState", null, null],
      ["learning.states.agreed", 1, 25],
      ["learning.states.in-progress", 1, 25],
      ["learning.states.done", 2, 50],
      ["learning.states.dropped", 0, 0],
      ["report.rows.learning.raised", 4, null],
      ["report.rows.learning.onTime", 1, 50],
      ["report.rows.learning.byTeam", null, null],
      ["Fostering", 3, 75],
      ["Children in care", 1, 25],
      ["report.rows.learning.raised", 4, null],
    ]);
    expect(t.rows[4]?.values).toEqual([0, 1, 0, 0, 0]);
  });
});

describe("advocacy referrals", () => {
  it("counts referrals of the complaints received, for all and for young people", () => {
    const facts = [
      fact("2025-04-01", { advocacyReferred: true, youngPerson: true }),
      fact("2025-04-01", { advocacyReferred: false, youngPerson: true }),
      fact("2025-04-01", { advocacyReferred: true }),
      fact("2025-04-01"),
      fact("2025-03-31", { advocacyReferred: true, youngPerson: true }),
      fact("2025-04-01", { kind: "compliment", process: null }),
    ];
    expect(cells(report("advocacy", facts))).toEqual([
      ["report.rows.advocacy.all", null, null],
      ["report.rows.complaintsReceived", 4, null],
      ["report.rows.advocacy.referred", 2, 50],
      ["report.rows.advocacy.young", null, null],
      ["report.rows.complaintsReceived", 2, null],
      ["report.rows.advocacy.referred", 1, 50],
    ]);
  });
});

describe("experience answers", () => {
  const answer = (month: string, easy: string | null, youngPerson: boolean | null): ExperienceFact => ({ stageKind: "statutory-stage1", month, easy, listened: "yes", again: null, youngPerson });
  const experience = [answer("2025-04", "yes", true), answer("2025-06", "no", false), answer("2026-03", "partly", null), answer("2025-03", "yes", true), answer("2026-04", "yes", true)];
  const facts = [
    fact("2025-04-01", { youngPerson: true, stages: [stage("statutory-stage1", "2025-04-10"), stage("statutory-stage2", "2025-08-10")] }),
    fact("2025-04-01", { stages: [stage("statutory-stage1", "2025-04-10"), stage("ombudsman", "2025-08-10")] }),
    fact("2025-04-01", { stages: [stage("corporate-stage1", null)] }),
  ];

  it("counts each question's answers by the month answered, and the response rate of the stages the council answered", () => {
    const t = report("experience-all", facts, { experience, learning: [] });
    // "Not answered" is left out: nobody left the question blank in any of the five years.
    expect(cells({ ...t, rows: t.rows.slice(0, 5) })).toEqual([
      ["report.rows.experience.questions.easy", null, null],
      ["report.rows.experience.answers.yes", 1, 33],
      ["report.rows.experience.answers.partly", 1, 33],
      ["report.rows.experience.answers.no", 1, 33],
      ["report.rows.experience.questions.listened", null, null],
    ]);
    expect(cells(t).slice(-4)).toEqual([
      ["report.rows.experience.rate", null, null],
      ["report.rows.experience.responses", 3, null],
      // Stage 1 twice and Stage 2; the Ombudsman's is not the council's, the open stage not answered.
      ["report.rows.experience.offered", 3, null],
      ["report.rows.experience.responseRate", 100, null],
    ]);
    expect(t.rows.find((r) => r.labelKey === "report.rows.experience.responses")?.values).toEqual([3, 1, 0, 0, 0]);
  });

  it("counts young people's answers apart, against the stages of their complaints", () => {
    const t = report("experience-young", facts, { experience, learning: [] });
    expect(cells(t).slice(-3)).toEqual([
      ["report.rows.experience.responses", 1, null],
      ["report.rows.experience.offered", 2, null],
      ["report.rows.experience.responseRate", 50, null],
    ]);
    expect(cells(t)[1]).toEqual(["report.rows.experience.answers.yes", 1, 100]);
  });
});

describe("the words of the new tables", () => {
  it("has a title and a counting rule for each table, and words for every fixed row", () => {
    const words = (key: string): unknown => {
      const [namespace, path] = key.includes(":") ? (key.split(":") as [string, string]) : ["staff", key];
      const root: unknown = namespace === "casework" ? casework : staff;
      return path.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], root);
    };
    const stages = (kind: ReportStage["kind"]) => stage(kind, "2025-05-01", { findingCode: "upheld", points: ["upheld"], actualOutcomes: [], costsByRole: Object.fromEntries(stagePersonRoles.map((r) => [r, 1])) });
    const facts = [fact("2025-04-01", { youngPerson: true, stages: ["statutory-stage1", "statutory-stage2", "statutory-stage3", "corporate-stage1", "corporate-stage2"].map((k) => stages(k as ReportStage["kind"])) })];
    const keys = outcomeTableIds.flatMap((id) => [`report.tables.${id}.title`, `report.tables.${id}.rule`, ...report(id, facts).rows.flatMap((r) => (r.labelKey ? [r.labelKey] : []))]);
    expect(keys.filter((key) => typeof words(key) !== "string")).toEqual([]);
  });
});
