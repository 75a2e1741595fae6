import { experienceAnswers, experienceQuestions } from "../check/experience";
import { learningStates } from "../learning";
import { faultFindingCodes, findingCodes, isJudged } from "../outcomes";
import { stagePersonRoles, type StageKind } from "../stages";
import type { ReportLists } from "./facts";
import { wholePercent } from "./numbers";
import type { CountContext, ReportRow, RowContext, RowKind } from "./tables";
import type { Counter } from "./tally";
import { passesOf, type AnsweredStage } from "./passes";

/**
 * The report's tables over what stages, learning actions and the experience questions record
 * (issue 10's records; decision 043): actual outcomes per stage, findings per point at Stages 2
 * and 3, compensation, learning actions, advocacy referrals and the experience answers. Pure, like
 * tables.ts; registered in its list of tables.
 */

export const outcomeTableIds = ["actual-outcomes", "points-stage2", "points-stage3", "compensation", "learning-actions", "advocacy", "experience-all", "experience-young"] as const;
export type OutcomeTableId = (typeof outcomeTableIds)[number];

type Counts = number[];
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

/** The stages of a kind (or all the council's) answered in the years, with their column: worked out once per count (passes.ts). */
function completed(ctx: CountContext, kind: StageKind | null): AnsweredStage[] {
  const passes = passesOf(ctx);
  return kind ? passes.answeredOf(kind) : passes.answered.filter((a) => councilStages.includes(a.stage.kind));
}

/** Label rows in the list's order, then values no longer in the list; a value with none in any year is left out (as tables.ts does). */
function labelRows(order: string[], counts: Map<string, Counts>, of: Counts | null): ReportRow[] {
  const known = new Set(order);
  const extra = [...counts.keys()].filter((k) => !known.has(k)).sort();
  return [...order, ...extra].flatMap((label) => {
    const values = counts.get(label);
    return values?.some((n) => n > 0) ? [{ kind: "count" as const, label, values, percents: of ? percents(values, of) : null }] : [];
  });
}

/** Count rows with none in any year shown are left out, as tables.ts leaves out empty list values: the page stays short. */
const someIn = (r: ReportRow) => r.kind !== "count" || r.values.some((n) => (n ?? 0) > 0);

/** A table in two steps (as in tables.ts): what it counts from the facts, then its rows from the counts alone. */
interface OutcomeBuilder {
  percentages: boolean;
  chart: boolean;
  count: (ctx: CountContext, counter: Counter) => void;
  rows: (ctx: RowContext, counter: Counter) => ReportRow[];
}

/** Actual outcomes recorded at each stage's response, beside the outcomes sought (a stage may record several). */
const actualOutcomes: OutcomeBuilder = {
  percentages: true,
  chart: false,
  count: (ctx, c) => {
    for (const kind of councilStages) {
      const [done, none, outcome] = [`${kind}:done`, `${kind}:none`, `${kind}:outcome:`];
      for (const { column: col, stage } of completed(ctx, kind)) {
        c.add(done, col);
        const outcomes = stage.actualOutcomes ?? [];
        if (outcomes.length === 0) c.add(none, col);
        for (const label of outcomes) c.addUnder(outcome, label, col);
      }
    }
  },
  rows: (ctx, c) => {
    const rows: ReportRow[] = [];
    for (const kind of councilStages) {
      const done = c.get(`${kind}:done`);
      const none = c.get(`${kind}:none`);
      if (!done.some((n) => n > 0)) continue;
      rows.push(heading(`casework:stages.${kind}`));
      rows.push(...labelRows(ctx.lists.actualOutcome ?? [], c.map(`${kind}:outcome:`), done));
      if (none.some((n) => n > 0)) rows.push(row("count", "report.rows.outcomes.none", none, done));
      rows.push(row("subtotal", "report.rows.timescales.completed", done));
    }
    return rows;
  },
};

const findingLabels = (lists: ReportLists) => new Map((lists.findingCodes ?? []).map((f) => [f.code, f.label]));

/** Findings per point of complaint and per complaint at Stage 2 or Stage 3 (decision 028), with where fault was found. */
function points(kind: "statutory-stage2" | "statutory-stage3", next: StageKind | null): OutcomeBuilder {
  return {
    percentages: true,
    chart: false,
    count: (ctx, c) => {
      const labelOf = findingLabels(ctx.lists);
      const label = (code: string) => labelOf.get(code) ?? code;
      for (const { column: col, stage, fact } of completed(ctx, kind)) {
        c.add("done", col);
        const code = stage.findingCode ?? null;
        if (code && faultFindingCodes.includes(code as never)) c.add("stageFault", col);
        c.addUnder("stage:", code ? label(code) : "\u0000", col);
        if (next && fact.stages.some((s) => s.kind === next)) c.add("escalated", col);
        for (const p of stage.points ?? []) {
          c.add("answered", col);
          c.addUnder("point:", label(p), col);
          if (isJudged(p)) c.add("judged", col);
          if (faultFindingCodes.includes(p as never)) c.add("pointFault", col);
        }
      }
    },
    rows: (ctx, c) => {
      const labelOf = findingLabels(ctx.lists);
      const order = findingCodes.map((code) => labelOf.get(code) ?? code);
      const stageCounts = c.map("stage:");
      const notRecorded = stageCounts.get("\u0000");
      stageCounts.delete("\u0000");
      const answered = c.get("answered");
      const done = c.get("done");
      return [
        heading("report.rows.points.points"),
        ...labelRows(order, c.map("point:"), answered),
        row("subtotal", "report.rows.points.answered", answered),
        row("percent", "report.rows.points.fault", percents(c.get("pointFault"), c.get("judged"))),
        heading("report.rows.points.complaints"),
        ...labelRows(order, stageCounts, done),
        ...(notRecorded?.some((n) => n > 0) ? [row("count", "report.rows.notRecorded", notRecorded, done)] : []),
        row("subtotal", "report.rows.timescales.completed", done),
        row("percent", "report.rows.findings.fault", percents(c.get("stageFault"), done)),
        ...(next ? [row("count", "report.rows.points.escalated", c.get("escalated"), done)] : []),
      ];
    },
  };
}

const compensationSteps = ["offered", "agreed", "paid"] as const;
const costedKinds = ["statutory-stage2", "statutory-stage3"] as const;

/**
 * Compensation at the council's stages, by the year of the stage's response: cases and amounts for
 * each step; then the cost of Stage 2 and Stage 3 by role, with the number of cases that had one.
 */
const compensation: OutcomeBuilder = {
  percentages: false,
  chart: false,
  count: (ctx, c) => {
    const cases = new Set<string>();
    for (const { column: col, stage, fact, index } of passesOf(ctx).answered) {
      if (!councilStages.includes(stage.kind) || !stage.compensation) continue;
      for (const step of compensationSteps) {
        const amount = stage.compensation[`${step}Pence`];
        if (amount === null) continue;
        c.add(`${step}:pence`, col, amount);
        // A case is counted once a year for each step, however many of its stages paid.
        const key = `${step}:${col}:${fact.id ?? `#${index}`}`;
        if (!cases.has(key)) {
          cases.add(key);
          c.add(`${step}:cases`, col);
        }
      }
    }
    for (const kind of costedKinds)
      for (const { column: col, stage } of completed(ctx, kind)) {
        const entries = Object.entries(stage.costsByRole ?? {});
        if (entries.length) c.add(`${kind}:costed`, col);
        for (const [role, amount] of entries) {
          // How many stages recorded a cost for the role: its row shows when there was one, even of £0.
          c.add(`${kind}:with:${role}`, col);
          c.add(`${kind}:role:${role}`, col, amount);
        }
      }
  },
  rows: (_ctx, c) => {
    const rows = [heading("report.rows.compensation.title"), ...compensationSteps.flatMap((step) => [row("count", `report.rows.compensation.${step}Cases`, c.get(`${step}:cases`)), row("money", `report.rows.compensation.${step}`, c.get(`${step}:pence`))])];
    // What Stage 2 and Stage 3 cost, by the role of who was paid (the cost table before gives the totals).
    for (const kind of costedKinds) {
      rows.push(heading(`casework:stages.${kind}`), row("count", "report.rows.compensation.costed", c.get(`${kind}:costed`)));
      for (const role of stagePersonRoles) if (c.has(`${kind}:with:${role}`)) rows.push(row("money", `casework:case.roles.${role}`, c.get(`${kind}:role:${role}`)));
    }
    return rows;
  },
};

/** Learning actions raised in the year by their state now, whether done by their due day, and by team. */
const learning: OutcomeBuilder = {
  percentages: true,
  chart: false,
  count: (ctx, c) => {
    for (const action of ctx.extras?.learning ?? []) {
      const col = passesOf(ctx).columnOf(action.raisedOn);
      if (col < 0) continue;
      c.add("total", col);
      c.add(`state:${action.state}`, col);
      c.add(`team:${action.team}`, col);
      if (action.state === "done") {
        c.add("done", col);
        if (action.doneOn !== null && action.doneOn <= action.dueOn) c.add("onTime", col);
      }
    }
  },
  rows: (ctx, c) => {
    const total = c.get("total");
    return [
      heading("report.rows.learning.byState"),
      ...learningStates.map((state) => row("count", `learning.states.${state}`, c.get(`state:${state}`), total)).filter(someIn),
      row("subtotal", "report.rows.learning.raised", total),
      ...[row("count", "report.rows.learning.onTime", c.get("onTime"), c.get("done"))].filter(someIn),
      heading("report.rows.learning.byTeam"),
      ...labelRows(ctx.lists.teams, c.map("team:"), total),
      row("subtotal", "report.rows.learning.raised", total),
    ];
  },
};

/** Referrals the public form sent to the advocacy provider, of the complaints received, for all and for young people. */
const advocacy: OutcomeBuilder = {
  percentages: true,
  chart: false,
  count: (ctx, c) => {
    const at = passesOf(ctx).columnOf;
    for (const f of ctx.facts) {
      if (f.kind !== "complaint") continue;
      const col = at(f.receivedOn);
      if (col < 0) continue;
      c.add("all", col);
      if (f.advocacyReferred) c.add("allReferred", col);
      if (!f.youngPerson) continue;
      c.add("young", col);
      if (f.advocacyReferred) c.add("youngReferred", col);
    }
  },
  rows: (_ctx, c) => [
    heading("report.rows.advocacy.all"),
    row("subtotal", "report.rows.complaintsReceived", c.get("all")),
    row("count", "report.rows.advocacy.referred", c.get("allReferred"), c.get("all")),
    heading("report.rows.advocacy.young"),
    row("subtotal", "report.rows.complaintsReceived", c.get("young")),
    row("count", "report.rows.advocacy.referred", c.get("youngReferred"), c.get("young")),
  ],
};

/**
 * The experience answers (decision 031) by the month they were given, each question's answers as
 * a share of the sets of answers; the response rate is the sets of answers as a share of the
 * stages the council answered that year (the questions are offered once on each).
 */
function experience(young: boolean): OutcomeBuilder {
  return {
    percentages: true,
    chart: false,
    count: (ctx, c) => {
      for (const e of ctx.extras?.experience ?? []) {
        if (young && e.youngPerson !== true) continue;
        const col = passesOf(ctx).columnOf(`${e.month}-01`);
        if (col < 0) continue;
        c.add("responses", col);
        for (const q of experienceQuestions) c.add(`answer:${q}:${e[q] ?? "unanswered"}`, col);
      }
      for (const { column: col, fact } of completed(ctx, null)) if (!young || fact.youngPerson) c.add("offered", col);
    },
    rows: (_ctx, c) => {
      const responses = c.get("responses");
      const offered = c.get("offered");
      return [
        ...experienceQuestions.flatMap((q) => {
          const shown = [...experienceAnswers, "unanswered" as const].map((a) => row("count", `report.rows.experience.answers.${a}`, c.get(`answer:${q}:${a}`), responses)).filter(someIn);
          return shown.length ? [heading(`report.rows.experience.questions.${q}`), ...shown] : [];
        }),
        heading("report.rows.experience.rate"),
        row("subtotal", "report.rows.experience.responses", responses),
        row("subtotal", "report.rows.experience.offered", offered),
        row("percent", "report.rows.experience.responseRate", percents(responses, offered)),
      ];
    },
  };
}

export const outcomeBuilders: Record<OutcomeTableId, OutcomeBuilder> = {
  "actual-outcomes": actualOutcomes,
  "points-stage2": points("statutory-stage2", "statutory-stage3"),
  "points-stage3": points("statutory-stage3", null),
  compensation,
  "learning-actions": learning,
  advocacy,
  "experience-all": experience(false),
  "experience-young": experience(true),
};
