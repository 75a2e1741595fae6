import fs from "node:fs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { representations, stageCodes, stagePeople, stagePoints, stages } from "../../db/schema";
import { createTestDb } from "../../test/db";
import { staffOf } from "../../test/cases";
import { importCsv, type ImportRow } from "../../test/report-fixtures";
import { addNote } from "./case.server";
import { offeredStageActions } from "./stage-actions.server";
import { annualReport } from "./report.server";
import { importHistoric } from "./report-import.server";

const good: ImportRow = {
  source_reference: "OLD-1",
  kind: "complaint",
  process: "statutory",
  received_on: "2024-05-01",
  method_received: "email", // labels match whatever their case
  received_from: "parent", // a code
  nature: "Conduct of worker",
  team: "Fostering",
  outcome_sought: "Apology; Explanation",
  stage1_started_on: "2024-05-01",
  stage1_responded_on: "2024-05-14",
  stage1_finding: "Partially upheld",
  stage2_requested_on: "2024-05-20",
  stage2_started_on: "2024-05-21",
  stage2_responded_on: "2024-07-01",
  stage2_finding: "Upheld",
  stage2_cost_pounds: "£1,250.50",
  ombudsman_started_on: "2024-08-01",
  ombudsman_decided_on: "2024-10-01",
  ombudsman_decision: "Upheld - fault causing injustice",
  ombudsman_remedy_pounds: "300",
};

describe("importing historic records", () => {
  it("imports a representation with its stages, codes and costs, marked as imported, and a second import adds nothing", async () => {
    const db = await createTestDb();
    const csv = importCsv([good, { source_reference: "OLD-2", kind: "compliment", received_on: "2024-06-03", method_received: "Letter", team: "Fostering" }]);
    const first = importHistoric(db, { csv, actorId: null });
    expect(first).toMatchObject({ status: "imported", rows: 2, imported: 2, alreadyImported: 0 });
    const again = importHistoric(db, { csv, actorId: null });
    expect(again).toMatchObject({ status: "imported", rows: 2, imported: 0, alreadyImported: 2 });
    expect(db.select().from(representations).all()).toHaveLength(2);

    const rep = db.select().from(representations).where(eq(representations.sourceReference, "OLD-1")).get()!;
    expect(rep).toMatchObject({ status: "closed", process: "statutory", methodReceived: "Email", receivedFrom: "Parent", primaryNature: "Conduct of worker" });
    expect(rep.importedAt).not.toBeNull();
    const kept = db.select().from(stages).where(eq(stages.representationId, rep.id)).orderBy(stages.sequence).all();
    expect(kept.map((s) => [s.kind, s.state, s.finding])).toEqual([
      // Findings are stored as the finding list's codes, as staff responses store them (decision 028).
      ["statutory-stage1", "escalated", "partially-upheld"],
      ["statutory-stage2", "closed", "upheld"],
      ["ombudsman", "closed", null],
    ]);
    expect(db.select().from(stagePeople).all().map((p) => p.costPence)).toEqual([125050]);

    const tables = annualReport(db, 2024);
    const find = (id: string) => tables.find((t) => t.id === id)!;
    expect(find("received").rows.map((r) => r.values[0])).toEqual([1, 0, 0, 1, 0, 2]);
    expect(find("costs").rows.filter((r) => r.kind === "money").map((r) => r.values[0])).toEqual([125050, 0]);
    expect(find("outcome-sought").rows.find((r) => r.label === "Apology")?.values[0]).toBe(1);
    expect(find("compliments-by-team").rows.find((r) => r.label === "Fostering")?.values[0]).toBe(1);
  });

  it("keeps imported records read-only: no stage moves offered and no change accepted", async () => {
    const db = await createTestDb();
    importHistoric(db, { csv: importCsv([{ ...good, stage2_requested_on: "", stage2_started_on: "", stage2_responded_on: "", stage2_finding: "", stage2_cost_pounds: "", ombudsman_started_on: "", ombudsman_decided_on: "", ombudsman_decision: "", ombudsman_remedy_pounds: "" }]), actorId: null });
    const manager = staffOf(db, "complaints-manager");
    const rep = db.select().from(representations).get()!;
    expect(addNote(db, manager, rep.reference, "A note")).toEqual({ ok: false });
    // The transition table would offer a reopening of a closed Stage 1 to a case made here.
    expect(offeredStageActions(db, manager, rep)).toEqual([]);
    expect(offeredStageActions(db, manager, { ...rep, importedAt: null })).toContain("reopen");
  });

  it("imports nothing from a file with any bad row, and reports each problem with its line number", async () => {
    const db = await createTestDb();
    const bad: ImportRow[] = [
      good,
      { ...good, source_reference: "OLD-1" }, // line 3: the same reference twice in the file
      { ...good, source_reference: "OLD-3", kind: "grumble" }, // line 4
      { ...good, source_reference: "OLD-4", received_on: "2024-02-30" }, // line 5
      { ...good, source_reference: "OLD-5", received_from: "Next-door cat" }, // line 6: never guessed
      { ...good, source_reference: "OLD-6", stage1_responded_on: "" }, // line 7: open stages are not history
      { ...good, source_reference: "OLD-7", stage1_responded_on: "2024-04-01" }, // line 8: before it started
      { ...good, source_reference: "OLD-8", stage2_cost_pounds: "lots" }, // line 9
      { ...good, source_reference: "OLD-9", process: "corporate", nature: "Poor communication", stage3_started_on: "2024-08-01", stage3_responded_on: "2024-09-01" }, // line 10
      { ...good, source_reference: "", received_on: "2999-01-01" }, // line 11
      { source_reference: "OLD-10", kind: "comment", received_on: "2024-05-01", method_received: "Email", refusal_reason: "Out of time" }, // line 12
    ];
    const result = importHistoric(db, { csv: importCsv(bad), actorId: null });
    expect(result.status).toBe("rejected");
    expect(result.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [3, "source_reference", "duplicate"],
      [4, "kind", "invalidChoice"],
      [5, "received_on", "invalidDate"],
      [6, "received_from", "notInList"],
      [7, "stage1_responded_on", "notFinished"],
      [8, "stage1_responded_on", "order"],
      [9, "stage2_cost_pounds", "invalidMoney"],
      [10, "stage3_started_on", "notAllowed"],
      [10, "stage3_responded_on", "notAllowed"],
      [11, "source_reference", "required"],
      [11, "received_on", "future"],
      [12, "refusal_reason", "notAllowed"],
    ]);
    expect(db.select().from(representations).all()).toHaveLength(0);
  });

  it("reports unknown and missing columns, and a file it cannot read", async () => {
    const db = await createTestDb();
    const header = importHistoric(db, { csv: "source_reference,kind,colour\nA,complaint,red\n", actorId: null });
    expect(header.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [1, "colour", "unknownColumn"],
      [1, "received_on", "missingColumn"],
      [1, "method_received", "missingColumn"],
    ]);
    const broken = importHistoric(db, { csv: 'source_reference,kind\n"A,complaint\n', actorId: null });
    expect(broken.problems.map((p) => p.code)).toEqual(["unreadable"]);
    const empty = importHistoric(db, { csv: "", actorId: null });
    expect(empty.problems.map((p) => p.code)).toEqual(["empty"]);
  });

  it("reports each bad value of the columns for what a response recorded, and imports nothing", async () => {
    const db = await createTestDb();
    const bad: ImportRow[] = [
      { ...good, source_reference: "OLD-20", advocacy_referred: "maybe" }, // line 2
      { source_reference: "OLD-21", kind: "compliment", received_on: "2024-06-03", method_received: "Letter", advocacy_referred: "yes" }, // line 3: complaints only
      { ...good, source_reference: "OLD-22", stage1_actual_outcomes: "Apology; A free pony" }, // line 4: never guessed
      { ...good, source_reference: "OLD-23", stage2_points_upheld: "two", stage2_points_not_upheld: "-1" }, // line 5
      { ...good, source_reference: "OLD-24", stage2_points_partially_upheld: "100" }, // line 6: more than anyone writes
      { ...good, source_reference: "OLD-25", stage2_compensation_paid_pounds: "lots", stage1_compensation_offered_pounds: "£-5" }, // line 7
      { ...good, source_reference: "OLD-26", stage2_finding: "Upheld", stage2_points_upheld: "1", stage2_points_not_upheld: "2" }, // line 8: the points make it partially upheld
      { ...good, source_reference: "OLD-27", stage3_actual_outcomes: "Apology", stage3_points_upheld: "1" }, // line 9: no Stage 3 dates
      { ...good, source_reference: "OLD-28", ombudsman_started_on: "", ombudsman_decided_on: "", ombudsman_decision: "", ombudsman_remedy_pounds: "", stage3_compensation_paid_pounds: "10" }, // line 10: no Stage 3
      { ...good, source_reference: "OLD-29", stage1_compensation_agreed_pounds: "100", stage1_compensation_paid_pounds: "150" }, // line 11
    ];
    const result = importHistoric(db, { csv: importCsv(bad), actorId: null });
    expect(result.status).toBe("rejected");
    expect(result.problems.map((p) => [p.line, p.column, p.code, p.value])).toEqual([
      [2, "advocacy_referred", "invalidChoice", "maybe"],
      [3, "advocacy_referred", "notAllowed", undefined],
      [4, "stage1_actual_outcomes", "notInList", "A free pony"],
      [5, "stage2_points_upheld", "invalidCount", "two"],
      [5, "stage2_points_not_upheld", "invalidCount", "-1"],
      [6, "stage2_points_partially_upheld", "invalidCount", "100"],
      [7, "stage1_compensation_offered_pounds", "invalidMoney", "£-5"],
      [7, "stage2_compensation_paid_pounds", "invalidMoney", "lots"],
      [8, "stage2_finding", "findingDisagrees", "Partially upheld"],
      [9, "stage3_started_on", "required", undefined],
      [9, "stage3_responded_on", "notFinished", undefined],
      [10, "stage3_started_on", "required", undefined],
      [10, "stage3_responded_on", "notFinished", undefined],
      [11, "stage1_compensation_paid_pounds", "paidMoreThanAgreed", undefined],
    ]);
    expect(db.select().from(representations).all()).toHaveLength(0);
  });

  it("fills the report's outcome, points, compensation and advocacy cells from imported rows, and a re-import adds nothing", async () => {
    const db = await createTestDb();
    const rows: ImportRow[] = [
      {
        ...good,
        advocacy_referred: "Yes",
        received_from: "child",
        stage1_actual_outcomes: "Apology; value-214", // a label and a code
        stage1_compensation_offered_pounds: "50",
        stage2_finding: "",
        stage2_points_upheld: "2",
        stage2_points_not_upheld: "1",
        stage2_actual_outcomes: "apology AND explanation",
        stage2_compensation_offered_pounds: "£250",
        stage2_compensation_agreed_pounds: "250",
        stage2_compensation_paid_pounds: "250.00",
      },
      {
        ...good,
        source_reference: "OLD-30",
        advocacy_referred: "no",
        stage1_finding: "Not upheld",
        stage2_finding: "Not upheld",
        stage2_points_not_upheld: "3",
        stage2_cost_pounds: "",
        stage3_requested_on: "2024-07-10",
        stage3_started_on: "2024-07-11",
        stage3_panel_on: "2024-08-01",
        stage3_report_on: "2024-08-05",
        stage3_responded_on: "2024-08-20",
        stage3_points_upheld: "1",
        stage3_points_partially_upheld: "1",
        stage3_actual_outcomes: "Staff training",
        stage3_compensation_paid_pounds: "1,000",
        ombudsman_started_on: "2024-09-01",
      },
    ];
    const csv = importCsv(rows);
    expect(importHistoric(db, { csv, actorId: null })).toMatchObject({ status: "imported", imported: 2 });
    const written = () => ({ points: db.select().from(stagePoints).all().length, codes: db.select().from(stageCodes).all().length, stages: db.select().from(stages).all().length });
    const before = written();
    expect(before).toEqual({ points: 3 + 3 + 2, codes: 2 + 1 + 1, stages: 3 + 4 });
    expect(importHistoric(db, { csv, actorId: null })).toMatchObject({ status: "imported", imported: 0, alreadyImported: 2 });
    expect(written()).toEqual(before);

    // With no finding given, the points make it (THE rule of decision 028), stored as a code.
    const stage2 = db.select().from(stages).where(eq(stages.kind, "statutory-stage2")).orderBy(stages.id).all();
    expect(stage2.map((s) => s.finding)).toEqual(["partially-upheld", "not-upheld"]);

    const tables = annualReport(db, 2024);
    // A label's first row: the points tables list the same findings for points, then for complaints.
    const cells = (id: string) => Object.fromEntries(tables.find((t) => t.id === id)!.rows.filter((r) => r.kind !== "heading").map((r) => [r.label ?? `${r.labelKey}`, r.values[0]]).reverse());
    const outcomes = tables.find((t) => t.id === "actual-outcomes")!.rows;
    const outcomeCells = outcomes.filter((r) => r.kind === "count").map((r) => [r.label ?? r.labelKey, r.values[0]]);
    expect(outcomeCells).toEqual([
      // Stage 1: two answered, one with outcomes recorded.
      ["Apology", 1],
      ["Explanation", 1],
      ["report.rows.outcomes.none", 1],
      // Stage 2.
      ["Apology and explanation", 1],
      ["report.rows.outcomes.none", 1],
      // Stage 3.
      ["Staff training", 1],
    ]);
    const stage2Points = cells("points-stage2");
    expect([stage2Points.Upheld, stage2Points["Not upheld"], stage2Points["report.rows.points.answered"], stage2Points["report.rows.points.fault"]]).toEqual([2, 4, 6, 33]);
    const stage3Points = cells("points-stage3");
    expect([stage3Points.Upheld, stage3Points["Partially upheld"], stage3Points["report.rows.points.fault"]]).toEqual([1, 1, 100]);
    const money = cells("compensation");
    expect([
      money["report.rows.compensation.offeredCases"],
      money["report.rows.compensation.offered"],
      money["report.rows.compensation.agreed"],
      money["report.rows.compensation.paidCases"],
      money["report.rows.compensation.paid"],
    ]).toEqual([1, 30_000, 25_000, 2, 125_000]);
    const advocacy = tables.find((t) => t.id === "advocacy")!.rows.filter((r) => r.labelKey === "report.rows.advocacy.referred").map((r) => r.values[0]);
    // For all complaints, then for young people (the first was made by a child).
    expect(advocacy).toEqual([1, 1]);
  });

  it("does not count imported e-form records as offered the equality questions (their answers are not imported)", async () => {
    const db = await createTestDb();
    importHistoric(db, { csv: importCsv([{ ...good, method_received: "E-form" }]), actorId: null });
    const capture = annualReport(db, 2024).find((t) => t.id === "equality-capture")!;
    expect(capture.rows.find((r) => r.labelKey === "report.rows.capture.offered")?.values[0]).toBe(0);
  });

  it("imports the README's example file (docs/import-example.csv) without a problem", async () => {
    const db = await createTestDb();
    const result = importHistoric(db, { csv: fs.readFileSync("docs/import-example.csv", "utf8"), actorId: null });
    expect(result).toMatchObject({ status: "imported", problems: [], imported: 5 });
  });
});
