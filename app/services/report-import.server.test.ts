import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { representations, stagePeople, stages } from "../../db/schema";
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
});
