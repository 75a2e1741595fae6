import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, caseEntries, referenceValues, representations } from "../../db/schema";
import outcomes from "../../db/seed-data/outcomes.json";
import { findingCodes } from "../domain/outcomes";
import { acceptedComplaint, staffOf } from "../../test/cases";
import { createTestDb } from "../../test/db";
import { setValueRetired, renameValue } from "./reference-lists.server";
import { actualOutcomeOptions, findingLabeller, findingOptions, outcomesOfStages, recordStageMoney, responseOutcomeForm } from "./outcomes.server";
import { draftResponse, respondToStage } from "./stage-actions.server";
import { saveCoding } from "./case-triage.server";
import { currentStage, namePerson } from "./stages.server";
import type { Db } from "./db.server";

// Monday 23 November 2026 in London; answered Wednesday 2 December.
const NOW = new Date("2026-11-23T10:15:00Z");
const SENT = new Date("2026-12-02T11:00:00Z");
const LETTER = { subject: "Our response", body: "What we found and what we will do." };

async function stage1() {
  const db = await createTestDb();
  const officer = staffOf(db, "complaints-officer");
  const c = acceptedComplaint(db, officer, { now: NOW });
  return { db, officer, c };
}

const outcomeId = (db: Db, label: string) => actualOutcomeOptions(db).find((o) => o.label === label)!.id;

describe("the finding list's codes", () => {
  it("are exactly the domain's, seeded on the list, so the rule and the report count codes", async () => {
    const db = await createTestDb();
    expect(outcomes.finding.map((f) => f.code)).toEqual([...findingCodes]);
    expect(findingOptions(db)).toEqual(outcomes.finding);
  });

  it("offer a renamed value under its new words with the same code, and keep a retired one readable on old cases", async () => {
    const { db, officer, c } = await stage1();
    const upheld = db.select().from(referenceValues).where(and(eq(referenceValues.list, "finding"), eq(referenceValues.code, "upheld"))).get()!;
    expect(respondToStage(db, officer, c.reference, { finding: "upheld", ...LETTER }, SENT).ok).toBe(true);
    expect(renameValue(db, { actorId: officer.id, list: "finding", id: upheld.id, label: "Complaint upheld" })).toBe("updated");
    expect(findingOptions(db).find((f) => f.code === "upheld")?.label).toBe("Complaint upheld");
    // The letter's words come from the code, so the renamed label still reads as the seeded one did.
    expect(setValueRetired(db, { actorId: officer.id, list: "finding", id: upheld.id, retired: true })).toBe(true);
    expect(findingOptions(db).map((f) => f.code)).not.toContain("upheld");
    expect(findingLabeller(db)(currentStage(db, c.id)!.finding)).toBe("Complaint upheld");
    // A stage answered before codes were kept holds a label: shown as written.
    expect(findingLabeller(db)("Sorted out informally")).toBe("Sorted out informally");
  });
});

describe("recording a stage's outcomes with its response", () => {
  it("keeps each point with its finding and reasons, and the actual outcomes beside the outcomes sought; the audit keeps codes only", async () => {
    const { db, officer, c } = await stage1();
    expect(saveCoding(db, officer, c.reference, { primaryNature: null, otherNatures: [], outcomesSought: ["Apology", "Explanation"], method: "Email" })).toEqual({ ok: true });
    const apology = outcomeId(db, "Apology");
    const training = outcomeId(db, "Staff training");
    const row = db.select().from(representations).where(eq(representations.id, c.id)).get()!;
    const letter = draftResponse(db, officer, row, "partially-upheld", SENT)!;
    const points = [
      { point: "Nobody told me when my social worker changed.", finding: "upheld", reasons: "No letter secret-reason-one." },
      { point: "My views were not written down.", finding: "not-upheld", reasons: "The notes record them." },
    ];
    expect(respondToStage(db, officer, c.reference, { finding: "partially-upheld", ...letter, points, actualOutcomeIds: [apology, training, apology] }, SENT)).toEqual({ ok: true, sentBy: "email" });

    const stage = currentStage(db, c.id)!;
    expect(stage.finding).toBe("partially-upheld");
    const recorded = outcomesOfStages(db, [stage.id]).get(stage.id);
    expect(recorded?.points).toEqual(points.map((p, i) => ({ position: i + 1, ...p })));
    expect(recorded?.actualOutcomes.map((o) => o.label)).toEqual(["Apology", "Staff training"]);
    expect(responseOutcomeForm(db, c.id).outcomesSought).toEqual(["Apology", "Explanation"]);

    const audit = db.select().from(auditLog).where(eq(auditLog.action, "case.stage-responded")).get();
    expect(audit?.details).toMatchObject({ after: { finding: "partially-upheld", pointFindings: ["upheld", "not-upheld"], actualOutcomeIds: [apology, training] } });
    expect(JSON.stringify(audit?.details)).not.toContain("secret-reason");
    expect(JSON.stringify(audit?.details)).not.toContain("social worker");
    // The timeline is for people: the finding in words.
    const entry = db.select().from(caseEntries).where(and(eq(caseEntries.representationId, c.id), eq(caseEntries.kind, "stage-responded"))).get();
    expect(entry?.details).toMatchObject({ finding: "Partially upheld" });
  });

  it("refuses a finding for the complaint that its points contradict, and records nothing", async () => {
    const { db, officer, c } = await stage1();
    const points = [
      { point: "A", finding: "upheld", reasons: "R" },
      { point: "B", finding: "not-upheld", reasons: "R" },
    ];
    expect(respondToStage(db, officer, c.reference, { finding: "not-upheld", ...LETTER, points }, SENT)).toEqual({ ok: false, error: "finding-contradicts-points", required: "partially-upheld" });
    expect(respondToStage(db, officer, c.reference, { finding: "upheld", ...LETTER, points }, SENT)).toEqual({ ok: false, error: "finding-contradicts-points", required: "partially-upheld" });
    expect(currentStage(db, c.id)).toMatchObject({ state: "open", finding: null });
    expect(outcomesOfStages(db, [currentStage(db, c.id)!.id]).get(currentStage(db, c.id)!.id)).toEqual({ points: [], actualOutcomes: [] });
  });

  it("refuses a point's finding or an actual outcome not on the lists (a retired one included)", async () => {
    const { db, officer, c } = await stage1();
    expect(respondToStage(db, officer, c.reference, { finding: "upheld", ...LETTER, points: [{ point: "A", finding: "very-upheld", reasons: "R" }] }, SENT)).toEqual({ ok: false, error: "invalid-choice" });
    const apology = outcomeId(db, "Apology");
    expect(setValueRetired(db, { actorId: officer.id, list: "actual-outcome", id: apology, retired: true })).toBe(true);
    expect(respondToStage(db, officer, c.reference, { finding: "upheld", ...LETTER, actualOutcomeIds: [apology] }, SENT)).toEqual({ ok: false, error: "invalid-choice" });
    expect(respondToStage(db, officer, c.reference, { finding: "upheld", ...LETTER, actualOutcomeIds: [999999] }, SENT)).toEqual({ ok: false, error: "invalid-choice" });
    expect(currentStage(db, c.id)).toMatchObject({ state: "open" });
  });

  it("keeps a retired actual outcome readable on the stage it was recorded on", async () => {
    const { db, officer, c } = await stage1();
    const apology = outcomeId(db, "Apology");
    expect(respondToStage(db, officer, c.reference, { finding: "upheld", ...LETTER, actualOutcomeIds: [apology] }, SENT).ok).toBe(true);
    expect(setValueRetired(db, { actorId: officer.id, list: "actual-outcome", id: apology, retired: true })).toBe(true);
    const stage = currentStage(db, c.id)!;
    expect(outcomesOfStages(db, [stage.id]).get(stage.id)?.actualOutcomes).toEqual([{ id: apology, label: "Apology", retired: true }]);
  });
});

describe("recording a stage's money", () => {
  it("keeps compensation offered, agreed and paid with their days, and each person's cost and who was paid; the audit keeps amounts, not names", async () => {
    const { db, officer, c } = await stage1();
    const stage = currentStage(db, c.id)!;
    const io = namePerson(db, { stageId: stage.id, role: "investigating-officer", name: "Quinn Contractor" });
    const money = { offeredPence: 25000, offeredOn: "2026-12-02", agreedPence: 30000, agreedOn: "2026-12-09", paidPence: 30000, paidOn: "2026-12-16" };
    expect(recordStageMoney(db, officer, c.reference, 1, { ...money, costs: [{ personId: io.id, costPence: 120000, paidTo: "Northshire Investigations Ltd" }] }, SENT)).toEqual({ ok: true });
    expect(currentStage(db, c.id)).toMatchObject({
      compensationOfferedPence: 25000,
      compensationOfferedOn: "2026-12-02",
      compensationAgreedPence: 30000,
      compensationAgreedOn: "2026-12-09",
      compensationPaidPence: 30000,
      compensationPaidOn: "2026-12-16",
    });
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "case.stage-money-recorded")).get();
    expect(audit?.details).toMatchObject({ before: { compensationOfferedPence: null, costsPence: [0] }, after: { compensationPaidPence: 30000, stagePersonIds: [io.id], costsPence: [120000] } });
    expect(JSON.stringify(audit?.details)).not.toContain("Northshire Investigations");
  });

  it("refuses money out of order, a person not on the stage, and a stage the case never had", async () => {
    const { db, officer, c } = await stage1();
    const none = { offeredPence: null, offeredOn: null, agreedPence: null, agreedOn: null, paidPence: null, paidOn: null, costs: [] };
    expect(recordStageMoney(db, officer, c.reference, 1, { ...none, paidPence: 100, paidOn: "2026-12-02" }, SENT)).toEqual({ ok: false, error: "compensation", step: "paid", problem: "paid-without-agreement" });
    expect(recordStageMoney(db, officer, c.reference, 1, { ...none, costs: [{ personId: 424242, costPence: 1, paidTo: null }] }, SENT)).toEqual({ ok: false, error: "unknown-person" });
    expect(recordStageMoney(db, officer, c.reference, 2, none, SENT)).toEqual({ ok: false, error: "no-stage" });
    expect(currentStage(db, c.id)).toMatchObject({ compensationPaidPence: null });
    expect(db.select().from(auditLog).where(eq(auditLog.action, "case.stage-money-recorded")).all()).toEqual([]);
  });
});
