import type { IsoDate } from "../calendar";
import { experienceAnswers, experienceQuestions } from "../check/experience";
import { learningStates } from "../learning";
import { faultFindingCodes, findingCodes, isJudged } from "../outcomes";
import { stagePersonRoles, type StageKind } from "../stages";
import type { ReportExtras, ReportFact, ReportLists, ReportStage } from "./facts";
import { wholePercent } from "./numbers";
import type { ReportRow, RowKind } from "./tables";
import { financialYearOf } from "./years";

/**
 * The report's tables over what stages, learning actions and the experience questions record
 * (issue 10's records; decision 043): actual outcomes per stage, findings per point at Stages 2
 * and 3, compensation, learning actions, advocacy referrals and the experience answers. Pure, like
 * tables.ts; registered in its list of tables.
 */

export const outcomeTableIds = ["actual-outcomes", "points-stage2", "points-stage3", "compensation", "learning-actions", "advocacy", "experience-all", "experience-young"] as const;
export type OutcomeTableId = (typeof outcomeTableIds)[number];

export interface OutcomeContext {
  facts: ReportFact[];
  years: number[];
  lists: ReportLists;
  extras?: ReportExtras;
}

type Counts = number[];
const zeros = (years: number[]): Counts => years.map(() => 0);
const add = (counts: Counts, column: number, n = 1) => void (counts[column] = (counts[column] ?? 0) + n);
const column = (years: number[], date: IsoDate | null | undefined) => (date ? years.indexOf(financialYearOf(date)) : -1);
const percents = (values: Counts, of: Counts) => values.map((v, i) => wholePercent(v, of[i] ?? 0));
const heading = (labelKey: string): ReportRow => ({ kind: "heading", labelKey, values: [], percents: null });
const row = (kind: RowKind, labelKey: string, values: Array<number | null>, of: Counts | null = null, labelParams?: ReportRow["labelParams"]): ReportRow => ({
  kind,
  labelKey,
  ...(labelParams ? { labelParams } : {}),
  values,
  percents: of ? percents(values as Counts, of) : null,
});

/** The stages the council answered, by the financial year of their response: the counting date of every stage table. */
const councilStages: StageKind[] = ["statutory-stage1", "statutory-stage2", "statutory-stage3", "corporate-stage1", "corporate-stage2"];

function completed(ctx: OutcomeContext, kind: StageKind | null): Array<{ col: number; stage: ReportStage; fact: ReportFact }> {
  const out: Array<{ col: number; stage: ReportStage; fact: ReportFact }> = [];
  for (const fact of ctx.facts)
    for (const stage of fact.stages) {
      if (kind ? stage.kind !== kind : !councilStages.includes(stage.kind)) continue;
      const col = column(ctx.years, stage.respondedOn);
      if (col >= 0) out.push({ col, stage, fact });
    }
  return out;
}

/** Label rows in the list's order, then values no longer in the list; a value with none in any year is left out (as tables.ts does). */
function labelRows(ctx: OutcomeContext, order: string[], counts: Map<string, Counts>, of: Counts | null): ReportRow[] {
  const known = new Set(order);
  const extra = [...counts.keys()].filter((k) => !known.has(k)).sort();
  return [...order, ...extra].flatMap((label) => {
    const values = counts.get(label);
    return values?.some((n) => n > 0) ? [{ kind: "count" as const, label, values, percents: of ? percents(values, of) : null }] : [];
  });
}

/** Count rows with none in any year shown are left out, as tables.ts leaves out empty list values: the page stays short. */
const someIn = (r: ReportRow) => r.kind !== "count" || r.values.some((n) => (n ?? 0) > 0);

function tallyInto(map: Map<string, Counts>, years: number[], key: string, col: number) {
  const counts = map.get(key) ?? zeros(years);
  map.set(key, counts);
  add(counts, col);
}

/** Actual outcomes recorded at each stage's response, beside the outcomes sought (a stage may record several). */
function actualOutcomes(ctx: OutcomeContext): ReportRow[] {
  const rows: ReportRow[] = [];
  for (const kind of councilStages) {
    const done = zeros(ctx.years);
    const none = zeros(ctx.years);
    const counts = new Map<string, Counts>();
    for (const { col, stage } of completed(ctx, kind)) {
      add(done, col);
      const outcomes = stage.actualOutcomes ?? [];
      if (outcomes.length === 0) add(none, col);
      for (const label of outcomes) tallyInto(counts, ctx.years, label, col);
    }
    if (!done.some((n) => n > 0)) continue;
    rows.push(heading(`casework:stages.${kind}`));
    rows.push(...labelRows(ctx, ctx.lists.actualOutcome ?? [], counts, done));
    if (none.some((n) => n > 0)) rows.push(row("count", "report.rows.outcomes.none", none, done));
    rows.push(row("subtotal", "report.rows.timescales.completed", done));
  }
  return rows;
}

/** Findings per point of complaint and per complaint at Stage 2 or Stage 3 (decision 028), with where fault was found. */
function points(kind: "statutory-stage2" | "statutory-stage3", next: StageKind | null) {
  return (ctx: OutcomeContext): ReportRow[] => {
    const labelOf = new Map((ctx.lists.findingCodes ?? []).map((f) => [f.code, f.label]));
    const order = findingCodes.map((code) => labelOf.get(code) ?? code);
    const pointCounts = new Map<string, Counts>();
    const stageCounts = new Map<string, Counts>();
    const answered = zeros(ctx.years);
    const judged = zeros(ctx.years);
    const pointFault = zeros(ctx.years);
    const done = zeros(ctx.years);
    const stageFault = zeros(ctx.years);
    const escalated = zeros(ctx.years);
    const label = (code: string) => labelOf.get(code) ?? code;
    for (const { col, stage, fact } of completed(ctx, kind)) {
      add(done, col);
      const code = stage.findingCode ?? null;
      if (code && faultFindingCodes.includes(code as never)) add(stageFault, col);
      tallyInto(stageCounts, ctx.years, code ? label(code) : "\u0000", col);
      if (next && fact.stages.some((s) => s.kind === next)) add(escalated, col);
      for (const p of stage.points ?? []) {
        add(answered, col);
        tallyInto(pointCounts, ctx.years, label(p), col);
        if (isJudged(p)) add(judged, col);
        if (faultFindingCodes.includes(p as never)) add(pointFault, col);
      }
    }
    const notRecorded = stageCounts.get("\u0000");
    stageCounts.delete("\u0000");
    return [
      heading("report.rows.points.points"),
      ...labelRows(ctx, order, pointCounts, answered),
      row("subtotal", "report.rows.points.answered", answered),
      row("percent", "report.rows.points.fault", percents(pointFault, judged)),
      heading("report.rows.points.complaints"),
      ...labelRows(ctx, order, stageCounts, done),
      ...(notRecorded?.some((n) => n > 0) ? [row("count", "report.rows.notRecorded", notRecorded, done)] : []),
      row("subtotal", "report.rows.timescales.completed", done),
      row("percent", "report.rows.findings.fault", percents(stageFault, done)),
      ...(next ? [row("count", "report.rows.points.escalated", escalated, done)] : []),
    ];
  };
}

/**
 * Compensation at the council's stages, by the year of the stage's response: cases and amounts for
 * each step; then the cost of Stage 2 and Stage 3 by role, with the number of cases that had one.
 */
function compensation(ctx: OutcomeContext): ReportRow[] {
  const steps = ["offered", "agreed", "paid"] as const;
  const cases = Object.fromEntries(steps.map((s) => [s, new Set<string>()])) as Record<(typeof steps)[number], Set<string>>;
  const count = Object.fromEntries(steps.map((s) => [s, zeros(ctx.years)])) as Record<(typeof steps)[number], Counts>;
  const pence = Object.fromEntries(steps.map((s) => [s, zeros(ctx.years)])) as Record<(typeof steps)[number], Counts>;
  ctx.facts.forEach((fact, index) => {
    for (const stage of fact.stages) {
      const col = column(ctx.years, stage.respondedOn);
      if (col < 0 || !councilStages.includes(stage.kind) || !stage.compensation) continue;
      for (const step of steps) {
        const amount = stage.compensation[`${step}Pence`];
        if (amount === null) continue;
        add(pence[step], col, amount);
        // A case is counted once a year for each step, however many of its stages paid.
        const key = `${col}:${fact.id ?? `#${index}`}`;
        if (!cases[step].has(key)) {
          cases[step].add(key);
          add(count[step], col);
        }
      }
    }
  });
  const rows = [heading("report.rows.compensation.title"), ...steps.flatMap((step) => [row("count", `report.rows.compensation.${step}Cases`, count[step]), row("money", `report.rows.compensation.${step}`, pence[step])])];
  // What Stage 2 and Stage 3 cost, by the role of who was paid (the cost table before gives the totals).
  for (const kind of ["statutory-stage2", "statutory-stage3"] as const) {
    const byRole = new Map<string, Counts>();
    const costed = zeros(ctx.years);
    for (const { col, stage } of completed(ctx, kind)) {
      const entries = Object.entries(stage.costsByRole ?? {});
      if (entries.length) add(costed, col);
      for (const [role, amount] of entries) {
        const values = byRole.get(role) ?? zeros(ctx.years);
        byRole.set(role, values);
        add(values, col, amount);
      }
    }
    rows.push(heading(`casework:stages.${kind}`), row("count", "report.rows.compensation.costed", costed));
    for (const role of stagePersonRoles) {
      const values = byRole.get(role);
      if (values) rows.push(row("money", `casework:case.roles.${role}`, values));
    }
  }
  return rows;
}

/** Learning actions raised in the year by their state now, whether done by their due day, and by team. */
function learning(ctx: OutcomeContext): ReportRow[] {
  const byState = new Map<string, Counts>();
  const byTeam = new Map<string, Counts>();
  const total = zeros(ctx.years);
  const done = zeros(ctx.years);
  const onTime = zeros(ctx.years);
  for (const action of ctx.extras?.learning ?? []) {
    const col = column(ctx.years, action.raisedOn);
    if (col < 0) continue;
    add(total, col);
    tallyInto(byState, ctx.years, action.state, col);
    tallyInto(byTeam, ctx.years, action.team, col);
    if (action.state === "done") {
      add(done, col);
      if (action.doneOn !== null && action.doneOn <= action.dueOn) add(onTime, col);
    }
  }
  return [
    heading("report.rows.learning.byState"),
    ...learningStates.map((state) => row("count", `learning.states.${state}`, byState.get(state) ?? zeros(ctx.years), total)).filter(someIn),
    row("subtotal", "report.rows.learning.raised", total),
    ...[row("count", "report.rows.learning.onTime", onTime, done)].filter(someIn),
    heading("report.rows.learning.byTeam"),
    ...labelRows(ctx, ctx.lists.teams, byTeam, total),
    row("subtotal", "report.rows.learning.raised", total),
  ];
}

/** Referrals the public form sent to the advocacy provider, of the complaints received, for all and for young people. */
function advocacy(ctx: OutcomeContext): ReportRow[] {
  const counts = { all: zeros(ctx.years), young: zeros(ctx.years), allReferred: zeros(ctx.years), youngReferred: zeros(ctx.years) };
  for (const f of ctx.facts) {
    if (f.kind !== "complaint") continue;
    const col = column(ctx.years, f.receivedOn);
    if (col < 0) continue;
    add(counts.all, col);
    if (f.advocacyReferred) add(counts.allReferred, col);
    if (!f.youngPerson) continue;
    add(counts.young, col);
    if (f.advocacyReferred) add(counts.youngReferred, col);
  }
  return [
    heading("report.rows.advocacy.all"),
    row("subtotal", "report.rows.complaintsReceived", counts.all),
    row("count", "report.rows.advocacy.referred", counts.allReferred, counts.all),
    heading("report.rows.advocacy.young"),
    row("subtotal", "report.rows.complaintsReceived", counts.young),
    row("count", "report.rows.advocacy.referred", counts.youngReferred, counts.young),
  ];
}

/**
 * The experience answers (decision 031) by the month they were given, each question's answers as
 * a share of the sets of answers; the response rate is the sets of answers as a share of the
 * stages the council answered that year (the questions are offered once on each).
 */
function experience(young: boolean) {
  return (ctx: OutcomeContext): ReportRow[] => {
    const responses = zeros(ctx.years);
    const answers = new Map<string, Counts>();
    for (const e of ctx.extras?.experience ?? []) {
      if (young && e.youngPerson !== true) continue;
      const col = column(ctx.years, `${e.month}-01`);
      if (col < 0) continue;
      add(responses, col);
      for (const q of experienceQuestions) tallyInto(answers, ctx.years, `${q}:${e[q] ?? "unanswered"}`, col);
    }
    const offered = zeros(ctx.years);
    for (const { col, fact } of completed(ctx, null)) if (!young || fact.youngPerson) add(offered, col);
    return [
      ...experienceQuestions.flatMap((q) => {
        const shown = [...experienceAnswers, "unanswered" as const].map((a) => row("count", `report.rows.experience.answers.${a}`, answers.get(`${q}:${a}`) ?? zeros(ctx.years), responses)).filter(someIn);
        return shown.length ? [heading(`report.rows.experience.questions.${q}`), ...shown] : [];
      }),
      heading("report.rows.experience.rate"),
      row("subtotal", "report.rows.experience.responses", responses),
      row("subtotal", "report.rows.experience.offered", offered),
      row("percent", "report.rows.experience.responseRate", percents(responses, offered)),
    ];
  };
}

export const outcomeBuilders: Record<OutcomeTableId, { percentages: boolean; chart: boolean; rows: (ctx: OutcomeContext) => ReportRow[] }> = {
  "actual-outcomes": { percentages: true, chart: false, rows: actualOutcomes },
  "points-stage2": { percentages: true, chart: false, rows: points("statutory-stage2", "statutory-stage3") },
  "points-stage3": { percentages: true, chart: false, rows: points("statutory-stage3", null) },
  compensation: { percentages: false, chart: false, rows: compensation },
  "learning-actions": { percentages: true, chart: false, rows: learning },
  advocacy: { percentages: true, chart: false, rows: advocacy },
  "experience-all": { percentages: true, chart: false, rows: experience(false) },
  "experience-young": { percentages: true, chart: false, rows: experience(true) },
};
