import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, referenceValues } from "../../db/schema";
import { seedDatabase } from "../../db/seed";
import { acceptedComplaint, ELIGIBLE, staffOf } from "../../test/cases";
import { createTestDb } from "../../test/db";
import { acceptRepresentation, saveTriage } from "./case-triage.server";
import { createRepresentation } from "./create-representation.server";
import { findCaseFor } from "./case.server";
import { caseOutcomes, findingOptions } from "./outcomes.server";
import { addValue, renameValue } from "./reference-lists.server";
import { annualReport } from "./report.server";
import { respondToStage } from "./stage-actions.server";
import type { Db } from "./db.server";

// Decision record 048. Received Monday 23 November 2026; answered Wednesday 2 December (2026/27).
const NOW = new Date("2026-11-23T10:15:00Z");
const SENT = new Date("2026-12-02T11:00:00Z");
const LETTER = { subject: "Our response", body: "What we found and what we will do." };

const valueOf = (db: Db, list: string, label: string) => db.select().from(referenceValues).where(and(eq(referenceValues.list, list), eq(referenceValues.label, label))).get()!;

describe("codes of the reference lists' values", () => {
  it("every value has one: a value a council adds gets `value-<id>`, kept through a rename and a later seed", async () => {
    const db = await createTestDb();
    const admin = staffOf(db, "administrator");
    expect(db.select().from(referenceValues).where(isNull(referenceValues.code)).all()).toEqual([]);
    // Seeded values that rules read keep their own codes; the others have generated ones.
    expect(valueOf(db, "finding", "Upheld").code).toBe("upheld");
    const apology = valueOf(db, "outcome-sought", "Apology");
    expect(apology.code).toBe(`value-${apology.id}`);

    expect(addValue(db, { actorId: admin.id, list: "nature-corporate", label: "Parking permits" })).toBe("added");
    const added = valueOf(db, "nature-corporate", "Parking permits");
    expect(added.code).toBe(`value-${added.id}`);
    expect(db.select().from(auditLog).where(eq(auditLog.action, "reference-value.added")).get()?.details).toMatchObject({ after: { label: "Parking permits", code: added.code } });
    expect(renameValue(db, { actorId: admin.id, list: "nature-corporate", id: added.id, label: "Parking and permits" })).toBe("updated");
    await seedDatabase(db, { demo: false });
    expect(db.select().from(referenceValues).where(eq(referenceValues.id, added.id)).get()).toMatchObject({ label: "Parking and permits", code: added.code });
    expect(db.select().from(referenceValues).where(isNull(referenceValues.code)).all()).toEqual([]);
  });

  it("a council's own finding is offered, recorded on a case and its points, and after a rename the case and the report show its new words", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const admin = staffOf(db, "administrator");
    expect(addValue(db, { actorId: admin.id, list: "finding", label: "Resolved by mediation" })).toBe("added");
    const own = valueOf(db, "finding", "Resolved by mediation");
    expect(findingOptions(db)).toContainEqual({ code: own.code, label: "Resolved by mediation" });

    const mediated = acceptedComplaint(db, officer, { now: NOW });
    const points = [{ point: "Contact with my brother stopped.", finding: own.code!, reasons: "Agreed at a meeting." }];
    expect(respondToStage(db, officer, mediated.reference, { finding: own.code!, ...LETTER, points }, SENT)).toEqual({ ok: true, sentBy: "email" });
    const upheld = acceptedComplaint(db, officer, { now: NOW });
    expect(respondToStage(db, officer, upheld.reference, { finding: "upheld", ...LETTER }, SENT)).toEqual({ ok: true, sentBy: "email" });

    expect(renameValue(db, { actorId: admin.id, list: "finding", id: own.id, label: "Resolved through mediation" })).toBe("updated");
    // The seeded "Upheld" renamed too: fault found is counted by code, so it still counts.
    expect(renameValue(db, { actorId: admin.id, list: "finding", id: valueOf(db, "finding", "Upheld").id, label: "Complaint upheld" })).toBe("updated");

    const outcomes = caseOutcomes(db, mediated.id);
    expect(outcomes.overall).toBe("Resolved through mediation");
    expect(outcomes.stages[0]).toMatchObject({ finding: "Resolved through mediation", rule: null, points: [{ finding: "Resolved through mediation" }] });

    const findings = annualReport(db, 2026).find((t) => t.id === "stage1-findings")!;
    const newest = (key: string) => findings.rows.find((r) => r.label === key || r.labelKey === key)?.values[0];
    expect(newest("Resolved through mediation")).toBe(1);
    expect(newest("Complaint upheld")).toBe(1);
    expect(newest("report.rows.timescales.completed")).toBe(2);
    // A council's own finding is not fault; "Complaint upheld" is: 1 of 2.
    expect(newest("report.rows.findings.fault")).toBe(50);
  });

  it("a council's own received-from value records its code at triage, and is asked about parental responsibility", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    expect(addValue(db, { actorId: officer.id, list: "received-from", label: "Step-grandparent" })).toBe("added");
    const stepGrandparent = valueOf(db, "received-from", "Step-grandparent");
    const c = createRepresentation(db, { kind: "complaint", methodReceived: "Email", receivedAt: NOW, receivedOn: "2026-11-23", personName: "Pat Person", personRelationship: "someone-else", answers: {} });
    expect(saveTriage(db, officer, c.reference, { representationType: "Complaint", process: "statutory", eligibility: { ...ELIGIBLE, receivedFrom: "Step-grandparent" } }, NOW)).toEqual({ ok: true });
    expect(findCaseFor(db, officer, c.reference)?.eligibility).toMatchObject({ receivedFrom: "Step-grandparent", receivedFromCode: stepGrandparent.code });
    // The eligibility rules know no generated code: a step-grandparent is asked about parental responsibility.
    expect(acceptRepresentation(db, officer, c.reference, { decision: "statutory-stage1", personAgreed: false }, NOW)).toEqual({ ok: false, error: "not-allowed" });
  });
});
