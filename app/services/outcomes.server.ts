import { and, asc, eq, inArray } from "drizzle-orm";
import { referenceValues, stageCodes, stagePeople, stagePoints, stages } from "../../db/schema";
import { caseFinding, checkCompensation, findingFromPoints, findingReasonOf, moneyTotals, type Compensation, type CompensationProblem, type FindingReason } from "../domain/outcomes";
import type { StagePersonRole } from "../domain/stages";
import { changeCase, type Actor } from "./case.server";
import type { Db } from "./db.server";
import { caseCoding, referenceOptions, type ReferenceOption } from "./case-triage.server";
import { peopleOfStages, stagesOf } from "./stages.server";

export interface FindingOption {
  /** One of the domain's codes, or a council's own value's generated one (decision record 048). */
  code: string;
  label: string;
}

/**
 * The findings staff may record now: the "finding" list's current values, by code (decision
 * records 028 and 048). A council's own value has a generated code: the report counts it under its
 * label, and the overall-finding rule treats it as not judged on the merits.
 */
export function findingOptions(db: Db): FindingOption[] {
  return db
    .select({ code: referenceValues.code, label: referenceValues.label, retiredAt: referenceValues.retiredAt })
    .from(referenceValues)
    .where(eq(referenceValues.list, "finding"))
    .orderBy(asc(referenceValues.sortOrder), asc(referenceValues.label))
    .all()
    .filter((v): v is { code: string; label: string; retiredAt: null } => v.retiredAt === null && v.code !== null)
    .map((v) => ({ code: v.code, label: v.label }));
}

/**
 * A finding in words for a page: the value's label now (retired values too, so an old case reads
 * as it was answered), or what is stored when it is not a code (a stage answered before codes).
 */
export function findingLabeller(db: Db): (stored: string | null) => string | null {
  const labels = new Map(
    db
      .select({ code: referenceValues.code, label: referenceValues.label })
      .from(referenceValues)
      .where(eq(referenceValues.list, "finding"))
      .all()
      .filter((v) => v.code !== null)
      .map((v) => [v.code as string, v.label]),
  );
  return (stored) => (stored === null ? null : labels.get(stored) ?? stored);
}

/** The "actual outcome" values staff may record, plus any retired ones already on this stage. */
export function actualOutcomeOptions(db: Db, keepIds: readonly number[] = []): ReferenceOption[] {
  const keep = db
    .select({ label: referenceValues.label })
    .from(referenceValues)
    .where(and(eq(referenceValues.list, "actual-outcome"), inArray(referenceValues.id, [...keepIds])))
    .all()
    .map((v) => v.label);
  return referenceOptions(db, "actual-outcome", keep);
}

export interface PointInput {
  point: string;
  finding: string;
  reasons: string;
}

/** Writes a stage's points and actual outcomes as answered (inside the response's transaction). */
export function saveStageOutcomes(tx: Db, stageId: number, input: { points: readonly PointInput[]; actualOutcomeIds: readonly number[] }) {
  tx.delete(stagePoints).where(eq(stagePoints.stageId, stageId)).run();
  tx.delete(stageCodes).where(and(eq(stageCodes.stageId, stageId), eq(stageCodes.list, "actual-outcome"))).run();
  if (input.points.length) tx.insert(stagePoints).values(input.points.map((p, i) => ({ stageId, position: i + 1, ...p }))).run();
  if (input.actualOutcomeIds.length) tx.insert(stageCodes).values(input.actualOutcomeIds.map((referenceValueId) => ({ stageId, list: "actual-outcome", referenceValueId }))).run();
}

export interface StageOutcome {
  points: Array<{ position: number; point: string; finding: string; reasons: string }>;
  actualOutcomes: Array<{ id: number; label: string; retired: boolean }>;
}

/** Each stage's points of complaint and actual outcomes, by stage id. */
export function outcomesOfStages(db: Db, stageIds: readonly number[]): Map<number, StageOutcome> {
  const byStage = new Map<number, StageOutcome>(stageIds.map((id) => [id, { points: [], actualOutcomes: [] }]));
  if (stageIds.length === 0) return byStage;
  const points = db.select().from(stagePoints).where(inArray(stagePoints.stageId, [...stageIds])).orderBy(asc(stagePoints.position)).all();
  for (const p of points) byStage.get(p.stageId)?.points.push({ position: p.position, point: p.point, finding: p.finding, reasons: p.reasons });
  const codes = db
    .select({ stageId: stageCodes.stageId, id: referenceValues.id, label: referenceValues.label, retiredAt: referenceValues.retiredAt })
    .from(stageCodes)
    .innerJoin(referenceValues, eq(referenceValues.id, stageCodes.referenceValueId))
    .where(and(inArray(stageCodes.stageId, [...stageIds]), eq(stageCodes.list, "actual-outcome")))
    .orderBy(asc(referenceValues.sortOrder))
    .all();
  for (const c of codes) byStage.get(c.stageId)?.actualOutcomes.push({ id: c.id, label: c.label, retired: c.retiredAt !== null });
  return byStage;
}

export interface MoneyInput extends Compensation {
  /** The cost of each person named on the stage (by their stage_people id) and who was paid. */
  costs: Array<{ personId: number; costPence: number | null; paidTo: string | null }>;
}

export type MoneyResult =
  | { ok: true }
  | { ok: false; error: "not-found" | "no-stage" | "unknown-person" } | { ok: false; error: "compensation"; step: "offered" | "agreed" | "paid"; problem: CompensationProblem };

/** A stage of the case by its number (1 for the first), or null. */
export function stageBySequence(db: Db, representationId: number, sequence: number) {
  return stagesOf(db, representationId).find((s) => s.sequence === sequence) ?? null;
}

/**
 * Records a stage's money: the compensation offered, agreed and paid (in order, checked by the
 * domain) and what each person named on it cost. Any stage, current or earlier, since money is
 * often paid after the stage has answered. The audit keeps the amounts and days (no words).
 */
export function recordStageMoney(db: Db, actor: Actor, reference: string, sequence: number, input: MoneyInput, now = new Date()): MoneyResult {
  let error: Exclude<MoneyResult, { ok: true }> | null = null;
  const done = changeCase(db, actor, reference, "case.stage-money-recorded", (tx, row) => {
    const stage = stageBySequence(tx, row.id, sequence);
    if (!stage) {
      error = { ok: false, error: "no-stage" };
      return null;
    }
    const problem = checkCompensation(input);
    if (problem) {
      error = { ok: false, error: "compensation", ...problem };
      return null;
    }
    const people = tx.select().from(stagePeople).where(eq(stagePeople.stageId, stage.id)).all();
    if (!input.costs.every((c) => people.some((p) => p.id === c.personId))) {
      error = { ok: false, error: "unknown-person" };
      return null;
    }
    const compensation = {
      compensationOfferedPence: input.offeredPence,
      compensationOfferedOn: input.offeredOn,
      compensationAgreedPence: input.agreedPence,
      compensationAgreedOn: input.agreedOn,
      compensationPaidPence: input.paidPence,
      compensationPaidOn: input.paidOn,
    };
    tx.update(stages).set({ ...compensation, updatedAt: now }).where(eq(stages.id, stage.id)).run();
    for (const c of input.costs) tx.update(stagePeople).set({ costPence: c.costPence, paidTo: c.paidTo }).where(eq(stagePeople.id, c.personId)).run();
    return {
      result: null,
      before: {
        stageId: stage.id,
        compensationOfferedPence: stage.compensationOfferedPence,
        compensationOfferedOn: stage.compensationOfferedOn,
        compensationAgreedPence: stage.compensationAgreedPence,
        compensationAgreedOn: stage.compensationAgreedOn,
        compensationPaidPence: stage.compensationPaidPence,
        compensationPaidOn: stage.compensationPaidOn,
        // Who was paid stays on the stage (it may be a person's name); the audit keeps ids and amounts.
        stagePersonIds: people.map((p) => p.id),
        costsPence: people.map((p) => p.costPence ?? 0),
      },
      after: { stageId: stage.id, ...compensation, stagePersonIds: input.costs.map((c) => c.personId), costsPence: input.costs.map((c) => c.costPence ?? 0) },
    };
  });
  if (done.ok) return { ok: true };
  return error ?? { ok: false, error: "not-found" };
}

/** What a response page offers beside the letter: the findings, the actual outcomes, and what the person asked for at triage. */
export function responseOutcomeForm(db: Db, representationId: number) {
  return {
    findings: findingOptions(db),
    actualOutcomes: actualOutcomeOptions(db).map((o) => ({ id: o.id, label: o.label })),
    outcomesSought: (caseCoding(db, representationId)["outcome-sought"] ?? []).map((c) => c.label),
  };
}

export interface StageOutcomeView {
  sequence: number;
  kind: string;
  respondedOn: string | null;
  /** In words (findingLabeller); null until the stage answered. */
  finding: string | null;
  /** Which case of the overall-finding rule the points met, when they make a finding. */
  rule: FindingReason | null;
  points: Array<{ position: number; point: string; finding: string; reasons: string }>;
  actualOutcomes: StageOutcome["actualOutcomes"];
  compensation: Array<{ step: "offered" | "agreed" | "paid"; pence: number; on: string | null }>;
  costs: Array<{ role: StagePersonRole; staffUserId: number | null; name: string | null; pence: number; paidTo: string | null }>;
}

/**
 * Everything the case page shows about outcomes and money: each stage's finding (in words, with
 * the rule its points met), points, actual outcomes, compensation and costs; the case's overall
 * finding by the rule in app/domain/outcomes.ts, and the money sum rule's totals.
 */
export function caseOutcomes(db: Db, representationId: number) {
  const rows = stagesOf(db, representationId);
  const label = findingLabeller(db);
  const recorded = outcomesOfStages(db, rows.map((r) => r.id));
  const people = peopleOfStages(db, rows.map((r) => r.id));
  const stagesView: StageOutcomeView[] = rows.map((st) => {
    const outcome = recorded.get(st.id) ?? { points: [], actualOutcomes: [] };
    const made = findingFromPoints(outcome.points);
    const steps = [
      ["offered", st.compensationOfferedPence, st.compensationOfferedOn],
      ["agreed", st.compensationAgreedPence, st.compensationAgreedOn],
      ["paid", st.compensationPaidPence, st.compensationPaidOn],
    ] as const;
    return {
      sequence: st.sequence,
      kind: st.kind,
      respondedOn: st.respondedOn,
      finding: label(st.finding),
      rule: made ? findingReasonOf(made) : null,
      points: outcome.points.map((p) => ({ ...p, finding: label(p.finding) ?? p.finding })),
      actualOutcomes: outcome.actualOutcomes,
      compensation: steps.flatMap(([step, pence, on]) => (pence === null ? [] : [{ step, pence, on }])),
      costs: people.filter((p) => p.stageId === st.id && p.costPence !== null).map((p) => ({ role: p.role, staffUserId: p.staffUserId, name: p.name, pence: p.costPence ?? 0, paidTo: p.paidTo })),
    };
  });
  const totals = moneyTotals(
    rows.map((st) => ({
      offeredPence: st.compensationOfferedPence,
      agreedPence: st.compensationAgreedPence,
      paidPence: st.compensationPaidPence,
      costsPence: people.filter((p) => p.stageId === st.id).map((p) => p.costPence),
    })),
  );
  return { overall: label(caseFinding(rows)), stages: stagesView, totals };
}
