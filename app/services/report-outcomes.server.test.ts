import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox, teams } from "../../db/schema";
import { acceptedComplaint, staffOf } from "../../test/cases";
import { createTestDb } from "../../test/db";
import type { ReportTable } from "../domain/report/tables";
import { acceptRepresentation, saveTriage } from "./case-triage.server";
import type { Actor } from "./case.server";
import { answerExperience, enterCheckCode, findCheckSession, requestCheckCode } from "./check.server";
import { createRepresentation } from "./create-representation.server";
import type { Db } from "./db.server";
import { moveLearningAction, raiseLearningAction } from "./learning.server";
import { actualOutcomeOptions, recordStageMoney } from "./outcomes.server";
import { annualReport } from "./report.server";
import { respondToStage } from "./stage-actions.server";
import { escalateStage } from "./stage-moves.server";
import { agreeStatement, nameStage2People } from "./later-stages.server";
import { currentStage, peopleOfStages } from "./stages.server";

// Financial year 2026/27: accepted Monday 23 November 2026, answered in December, Stage 2 in January.
const NOW = new Date("2026-11-23T10:15:00Z");
const STAGE1_SENT = new Date("2026-12-02T11:00:00Z");
const ASKED = new Date("2026-12-09T10:00:00Z");
const STAGE2_SENT = new Date("2027-01-20T11:00:00Z");
const KEY = Buffer.alloc(32, 7);
const CLIENT = "203.0.113.9";
const LETTER = { subject: "Our response", body: "What we found and what we will do." };

/** The person signs in to "Check your complaint" with the code they were emailed, as on the page. */
function signedIn(db: Db, reference: string, representationId: number, at: Date) {
  expect(requestCheckCode(db, { reference, clientAddress: CLIENT, now: at, key: KEY })).toEqual({ outcome: "sent" });
  const mail = db.select().from(outbox).where(and(eq(outbox.representationId, representationId), eq(outbox.template, "check-code"))).all().at(-1);
  const code = /\b(\d{6})\b/.exec(mail?.textBody ?? "")?.[1] ?? "";
  const result = enterCheckCode(db, { reference, code, clientAddress: CLIENT, now: at, key: KEY });
  if (!result.ok) throw new Error(result.error);
  return findCheckSession(db, result.token, at)!;
}

/** A young person's own complaint from the public form, which sent an advocacy referral. */
function youngPersonsReferral(db: Db, officer: Actor) {
  const c = createRepresentation(db, {
    kind: "complaint", methodReceived: "Young person's e-form", receivedAt: NOW, receivedOn: "2026-11-23", personName: "Kit", personRelationship: "young-person",
    personEmail: "kit@example.com", answers: {}, advocacyReferred: true,
  });
  saveTriage(db, officer, c.reference, {
    representationType: "Complaint", process: "statutory",
    eligibility: { receivedFrom: "Child or young person (under 18)", childStatus: ["looked-after"], withinTwelveMonths: "yes", exclusions: ["none"] },
  });
  expect(acceptRepresentation(db, officer, c.reference, { decision: "statutory-stage1", personAgreed: true }, NOW)).toEqual({ ok: true });
  return c;
}

const table = (tables: ReportTable[], id: string) => tables.find((t) => t.id === id)!;
/** [label or key, 2026/27 value, 2026/27 %] for each row. */
const cells = (t: ReportTable) => t.rows.map((r) => [r.label ?? r.labelKey, r.values[0] ?? null, r.percents?.[0] ?? null]);

describe("the report's tables over stages, learning, referrals and experience", () => {
  it("counts what the services recorded, cell by cell", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const outcome = (label: string) => actualOutcomeOptions(db).find((o) => o.label === label)!.id;

    // A parent's complaint: Stage 1 answered on two points with compensation, then Stage 2 on three.
    const c = acceptedComplaint(db, officer, { now: NOW });
    const stage1Points = [
      { point: "Nobody told me.", finding: "upheld", reasons: "No letter." },
      { point: "Views not written down.", finding: "not-upheld", reasons: "They were." },
    ];
    expect(respondToStage(db, officer, c.reference, { finding: "partially-upheld", ...LETTER, points: stage1Points, actualOutcomeIds: [outcome("Apology"), outcome("Explanation")] }, STAGE1_SENT).ok).toBe(true);
    const money = { offeredPence: 25000, offeredOn: "2026-12-02", agreedPence: 30000, agreedOn: "2026-12-09", paidPence: 30000, paidOn: "2026-12-16", costs: [] };
    expect(recordStageMoney(db, officer, c.reference, 1, money, STAGE1_SENT)).toEqual({ ok: true });
    expect(escalateStage(db, officer, c.reference, { requestedOn: "2026-12-09" }, ASKED).ok).toBe(true);
    const stage2Points = [
      { point: "Nobody told me.", finding: "upheld", reasons: "Confirmed." },
      { point: "The move was rushed.", finding: "partially-upheld", reasons: "In part." },
      { point: "Records lost.", finding: "not-investigated", reasons: "Before the child's time here." },
    ];
    const at = (day: string) => new Date(`${day}T10:00:00Z`);
    nameStage2People(db, officer, c.reference, { investigator: { name: "Ivy External" }, independentPerson: { name: "Rowan Independent" } }, at("2026-12-10"));
    expect(agreeStatement(db, officer, c.reference, { agreedOn: "2026-12-10" }, at("2026-12-10")).ok).toBe(true);
    const stage2 = { finding: "partially-upheld", ...LETTER, adjudicatingOfficer: "Alex Adjudicator", points: stage2Points, actualOutcomeIds: [outcome("Apology")] };
    expect(respondToStage(db, officer, c.reference, stage2, STAGE2_SENT)).toMatchObject({ ok: true });
    const io = peopleOfStages(db, [currentStage(db, c.id)!.id]).find((p) => p.role === "investigating-officer")!;
    const noCompensation = { offeredPence: null, offeredOn: null, agreedPence: null, agreedOn: null, paidPence: null, paidOn: null };
    expect(recordStageMoney(db, officer, c.reference, 2, { ...noCompensation, costs: [{ personId: io.id, costPence: 180000, paidTo: "Northshire Investigations Ltd" }] }, STAGE2_SENT)).toEqual({ ok: true });

    // The young person answers the experience questions once their Stage 1 is answered; the parent too.
    const young = youngPersonsReferral(db, officer);
    expect(respondToStage(db, officer, young.reference, { finding: "upheld", ...LETTER }, STAGE1_SENT).ok).toBe(true);
    expect(answerExperience(db, signedIn(db, young.reference, young.id, ASKED), { easy: "yes", listened: "partly" }, ASKED)).toEqual({ ok: true });
    expect(answerExperience(db, signedIn(db, c.reference, c.id, STAGE2_SENT), { easy: "no" }, STAGE2_SENT)).toEqual({ ok: true });

    // Two learning actions: one done by its due day.
    const [team] = db.select().from(teams).limit(1).all();
    const raise = (dueOn: string) => raiseLearningAction(db, officer, c.reference, { change: "Write to the family", teamId: team!.id, ownerId: officer.id, dueOn }, NOW);
    const done = raise("2026-12-31");
    raise("2027-02-01");
    if (!done.ok) throw new Error(done.error);
    expect(moveLearningAction(db, officer, done.id, "complete", { evidence: "The letter template" }, STAGE1_SENT)).toEqual({ ok: true });

    const tables = annualReport(db, 2026);
    const outcomes = cells(table(tables, "actual-outcomes"));
    expect(outcomes).toEqual([
      ["casework:stages.statutory-stage1", null, null],
      ["Apology", 1, 50],
      ["Explanation", 1, 50],
      ["report.rows.outcomes.none", 1, 50],
      ["report.rows.timescales.completed", 2, null],
      ["casework:stages.statutory-stage2", null, null],
      ["Apology", 1, 100],
      ["report.rows.timescales.completed", 1, null],
    ]);
    const points = cells(table(tables, "points-stage2"));
    expect(points.filter((p) => ["report.rows.points.answered", "report.rows.points.fault", "report.rows.findings.fault"].includes(String(p[0])))).toEqual([
      ["report.rows.points.answered", 3, null],
      // Both judged points found fault; the one not investigated is not judged.
      ["report.rows.points.fault", 100, null],
      ["report.rows.findings.fault", 100, null],
    ]);
    // Stage 1's fault is read from the codes: the parent's partly upheld, the young person's upheld.
    expect(table(tables, "stage1-findings").rows.find((r) => r.labelKey === "report.rows.findings.fault")?.values[0]).toBe(100);
    expect(cells(table(tables, "compensation"))).toEqual([
      ["report.rows.compensation.title", null, null],
      ["report.rows.compensation.offeredCases", 1, null],
      ["report.rows.compensation.offered", 25000, null],
      ["report.rows.compensation.agreedCases", 1, null],
      ["report.rows.compensation.agreed", 30000, null],
      ["report.rows.compensation.paidCases", 1, null],
      ["report.rows.compensation.paid", 30000, null],
      ["casework:stages.statutory-stage2", null, null],
      ["report.rows.compensation.costed", 1, null],
      ["casework:case.roles.investigating-officer", 180000, null],
      ["casework:stages.statutory-stage3", null, null],
      ["report.rows.compensation.costed", 0, null],
    ]);
    const learning = cells(table(tables, "learning-actions"));
    // States with no action in any of the five years are left out.
    expect(learning.slice(0, 5)).toEqual([
      ["report.rows.learning.byState", null, null],
      ["learning.states.agreed", 1, 50],
      ["learning.states.done", 1, 50],
      ["report.rows.learning.raised", 2, null],
      ["report.rows.learning.onTime", 1, 100],
    ]);
    expect(learning).toContainEqual([team!.name, 2, 100]);
    expect(cells(table(tables, "advocacy"))).toEqual([
      ["report.rows.advocacy.all", null, null],
      ["report.rows.complaintsReceived", 2, null],
      ["report.rows.advocacy.referred", 1, 50],
      ["report.rows.advocacy.young", null, null],
      ["report.rows.complaintsReceived", 1, null],
      ["report.rows.advocacy.referred", 1, 100],
    ]);
    const experience = cells(table(tables, "experience-all"));
    expect(experience.slice(0, 7)).toEqual([
      ["report.rows.experience.questions.easy", null, null],
      ["report.rows.experience.answers.yes", 1, 50],
      ["report.rows.experience.answers.no", 1, 50],
      ["report.rows.experience.questions.listened", null, null],
      ["report.rows.experience.answers.partly", 1, 50],
      ["report.rows.experience.answers.unanswered", 1, 50],
      ["report.rows.experience.questions.again", null, null],
    ]);
    // Two sets of answers for three stages answered (two Stage 1, one Stage 2): 67 %.
    expect(experience.slice(-3)).toEqual([
      ["report.rows.experience.responses", 2, null],
      ["report.rows.experience.offered", 3, null],
      ["report.rows.experience.responseRate", 67, null],
    ]);
    expect(cells(table(tables, "experience-young")).slice(-3)).toEqual([
      ["report.rows.experience.responses", 1, null],
      ["report.rows.experience.offered", 1, null],
      ["report.rows.experience.responseRate", 100, null],
    ]);
  });
});
