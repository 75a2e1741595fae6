import { workingDaysUntil, type IsoDate } from "../calendar";
import type { StageKind } from "../stages";
import { faultFindingCodes } from "../outcomes";
import type { ReportExtras, ReportFact, ReportLimits, ReportLists, ReportStage } from "./facts";
import { meanToOneDecimal, wholePercent } from "./numbers";
import { outcomeBuilders, outcomeTableIds } from "./outcome-tables";
import { Counter, type Tallies } from "./tally";
import { passesOf, type AnsweredStage } from "./passes";
import { yearsShown } from "./years";

/**
 * The statutory annual report's tables (regulation 13(3) of the 2006 Regulations), counted from
 * plain fact rows. Each table says how it counts (its rule, `staff:report.tables.<id>.rule`):
 * what it counts, by which date, and of what a subset is a subset. A case spanning two years is
 * counted in each table by that table's date: received in the year it arrived, a stage completed
 * in the year of its response.
 */

export type RowKind = "heading" | "count" | "subtotal" | "total" | "average" | "money" | "percent";

export interface ReportRow {
  kind: RowKind;
  /** A value from the data (a reference list label, a team name) shown as it is… */
  label?: string;
  /** …or the words of a fixed row, a `staff:` key. */
  labelKey?: string;
  labelParams?: Record<string, string | number>;
  /** One per year shown, newest first. Money in pence; averages to one decimal. */
  values: Array<number | null>;
  /** Whole-number percentages beside the counts, where the table has them. */
  percents: Array<number | null> | null;
}

export interface ReportTable {
  id: TableId;
  years: number[];
  /** The table has a % column beside each year's count. */
  percentages: boolean;
  /** Rows whose counts may be drawn as a bar chart beside the table (counts of the newest year). */
  chart: boolean;
  rows: ReportRow[];
}

export const tableIds = [
  "received",
  "refusals",
  "timescales",
  "method-all",
  "method-young",
  "received-from",
  "nature-statutory",
  "nature-corporate",
  "nature-young",
  "team-statutory",
  "team-corporate",
  "team-young",
  "outcome-sought",
  "stage1-findings",
  "ombudsman",
  "equality-all",
  "equality-young",
  "equality-capture",
  "compliments-by-team",
  "costs",
  ...outcomeTableIds,
] as const;
export type TableId = (typeof tableIds)[number];

export function isTableId(value: unknown): value is TableId {
  return typeof value === "string" && (tableIds as readonly string[]).includes(value);
}

/** Findings that mean the council was at fault: the "finding" list's codes (decision 028), never its labels. */
export const FAULT_FINDINGS: readonly string[] = faultFindingCodes;

/** What the counting reads: the facts of the years counted (any years, one column each). */
export interface CountContext {
  facts: ReportFact[];
  years: number[];
  lists: ReportLists;
  limits: ReportLimits;
  extras?: ReportExtras;
}

/** What the rows are made from: the years shown and their counts (counted afresh or kept, decision 050). */
export interface RowContext {
  years: number[];
  lists: ReportLists;
  limits: ReportLimits;
}

/**
 * Bump when what any table counts changes (a rule, a key, a new table): counts kept for a closed
 * year under another version are counted again (decision 050). `tally.test.ts` fails until it is.
 */
// 2: imported records are not counted as offered the equality questions (decision 051).
export const COUNTING_VERSION = 2;

type Counts = number[];

const zeros = (years: number[]): Counts => years.map(() => 0);

function add(counts: Counts, column: number, n: number) {
  counts[column] = (counts[column] ?? 0) + n;
}


function percentsOf(values: Counts, totals: Counts): Array<number | null> {
  return values.map((v, i) => wholePercent(v, totals[i] ?? 0));
}

/**
 * The rows of one list: every value in the council's order (0 where none), then any value found
 * on the records that is no longer in the list, then "Not recorded"; and a total row. Percentages
 * are of the total.
 */
function listBlock(
  years: number[],
  labels: string[],
  counts: Map<string, Counts>,
  options: { totalKey: string; totalKind?: RowKind; notRecorded?: boolean; percentages?: boolean },
): ReportRow[] {
  const known = new Set(labels);
  const extra = [...counts.keys()].filter((k) => k !== NOT_RECORDED && !known.has(k)).sort();
  const total = zeros(years);
  for (const c of counts.values()) c.forEach((n, i) => add(total, i, n));
  const pct = (v: Counts) => (options.percentages === false ? null : percentsOf(v, total));
  // A value with none in any of the years shown is left out: the lists run to fifty values and
  // most are empty in any one council's five years (the rule under every table says so).
  const rows: ReportRow[] = [...labels, ...extra].flatMap((label) => {
    const values = counts.get(label);
    return values && values.some((n) => n > 0) ? [{ kind: "count" as const, label, values, percents: pct(values) }] : [];
  });
  const notRecorded = counts.get(NOT_RECORDED);
  if (options.notRecorded !== false && notRecorded?.some((n) => n > 0)) {
    rows.push({ kind: "count", labelKey: "report.rows.notRecorded", values: notRecorded, percents: pct(notRecorded) });
  }
  rows.push({ kind: options.totalKind ?? "total", labelKey: options.totalKey, values: total, percents: pct(total) });
  return rows;
}

const NOT_RECORDED = "\u0000not-recorded";

const complaints = (f: ReportFact) => f.kind === "complaint";

/** A table in two steps: what it counts from the facts, then its rows from the counts alone. */
interface Builder<C extends CountContext = CountContext, R extends RowContext = RowContext> {
  percentages: boolean;
  chart: boolean;
  count: (ctx: C, counter: Counter) => void;
  rows: (ctx: R, counter: Counter) => ReportRow[];
}

const receivedKeys = ["complaint-statutory", "complaint-corporate", "complaint-other", "compliment", "comment"];

const received: Builder = {
  percentages: true,
  chart: true,
  count: (ctx, c) => {
    const at = passesOf(ctx).columnOf;
    for (const f of ctx.facts) if (f.kind === "complaint") c.addUnder("complaint-", f.process ?? "other", at(f.receivedOn));
    else c.add(f.kind, at(f.receivedOn));
  },
  rows: (ctx, c) => {
    const total = zeros(ctx.years);
    const rows: ReportRow[] = receivedKeys.map((key) => {
      const values = c.get(key);
      values.forEach((n, i) => add(total, i, n));
      return { kind: "count", labelKey: `report.rows.received.${key}`, values, percents: null };
    });
    rows.forEach((r) => (r.percents = percentsOf(r.values as Counts, total)));
    rows.push({ kind: "total", labelKey: "report.rows.total", values: total, percents: percentsOf(total, total) });
    return rows;
  },
};

const refusals: Builder = {
  percentages: false,
  chart: false,
  count: (ctx, c) => {
    const at = passesOf(ctx).columnOf;
    for (const f of ctx.facts)
      if (f.status === "refused") c.add(`${f.process === "corporate" ? "corporate" : "statutory"}:${f.refusalReason ?? NOT_RECORDED}`, at(f.receivedOn));
  },
  rows: (ctx, c) => {
    const statutory = listBlock(ctx.years, ctx.lists.refusalStatutory, c.map("statutory:"), { totalKey: "report.rows.refusals.statutoryTotal", totalKind: "subtotal", percentages: false });
    const corporate = listBlock(ctx.years, ctx.lists.refusalCorporate, c.map("corporate:"), { totalKey: "report.rows.refusals.corporateTotal", totalKind: "subtotal", percentages: false });
    const last = (rows: ReportRow[]) => (rows[rows.length - 1]?.values ?? []) as Counts;
    const total = last(statutory).map((n, i) => n + (last(corporate)[i] ?? 0));
    return [
      { kind: "heading", labelKey: "report.rows.refusals.statutory", values: [], percents: null },
      ...statutory,
      { kind: "heading", labelKey: "report.rows.refusals.corporate", values: [], percents: null },
      ...corporate,
      { kind: "total", labelKey: "report.rows.refusals.total", values: total, percents: null },
    ];
  },
};

/** Working days from a stage's start to its response: the days after the start up to and including the response. */
export function workingDaysToComplete(stage: Pick<ReportStage, "startedOn" | "respondedOn">): number | null {
  return stage.respondedOn ? Math.max(0, workingDaysBetween(stage.startedOn, stage.respondedOn)) : null;
}

// A subtraction of two remembered counts (calendar.ts), cheaper than remembering each pair of dates.
const workingDaysBetween = workingDaysUntil;

export type TimeBand = "standard" | "extended" | "beyond";

/** Within the standard limit, within the extended (maximum) limit, or beyond it. */
export function timeBand(days: number, limits: { standard: number; maximum: number }): TimeBand {
  if (days <= limits.standard) return "standard";
  if (days <= limits.maximum) return "extended";
  return "beyond";
}

/** The stages of a kind answered in the years, with the column of the year (worked out once per count: passes.ts). */
function completedStages(ctx: CountContext, kind: StageKind): AnsweredStage[] {
  return passesOf(ctx).answeredOf(kind);
}

const bandedKinds = ["statutory-stage1", "statutory-stage2", "corporate-stage1", "corporate-stage2"] as const;
const stage3Limits = [["panel", "panelWithin"], ["report", "panelReportWithin"], ["response", "councilResponseWithin"]] as const;

const timescales: Builder = {
  percentages: true,
  chart: false,
  count: (ctx, c) => {
    for (const kind of bandedKinds) {
      const limits = ctx.limits[kind];
      const [done, days, prefix] = [`${kind}:done`, `${kind}:days`, `${kind}:`];
      for (const { column, stage } of completedStages(ctx, kind)) {
        const d = workingDaysToComplete(stage) ?? 0;
        c.add(done, column);
        c.add(days, column, d);
        c.addUnder(prefix, timeBand(d, limits), column);
      }
    }
    // Stage 3 is measured against its three limits, each from the step before it.
    const s3 = ctx.limits.stage3;
    const within = (from: IsoDate | null, to: IsoDate | null, limit: number) => from !== null && to !== null && workingDaysBetween(from, to) <= limit;
    for (const { column, stage } of completedStages(ctx, "statutory-stage3")) {
      c.add("stage3:done", column);
      if (within(stage.requestedOn ?? stage.startedOn, stage.panelOn, s3.panelWithin)) c.add("stage3:panel", column);
      if (within(stage.panelOn, stage.panelReportOn, s3.panelReportWithin)) c.add("stage3:report", column);
      if (within(stage.panelReportOn, stage.respondedOn, s3.councilResponseWithin)) c.add("stage3:response", column);
    }
  },
  rows: (ctx, c) => {
    const rows: ReportRow[] = [];
    for (const kind of bandedKinds) {
      const limits = ctx.limits[kind];
      const done = c.get(`${kind}:done`);
      const days = c.get(`${kind}:days`);
      const band = (b: TimeBand) => c.get(`${kind}:${b}`);
      rows.push({ kind: "heading", labelKey: `casework:stages.${kind}`, values: [], percents: null });
      rows.push({ kind: "subtotal", labelKey: "report.rows.timescales.completed", values: done, percents: null });
      rows.push({ kind: "count", labelKey: "report.rows.timescales.standard", labelParams: { days: limits.standard }, values: band("standard"), percents: percentsOf(band("standard"), done) });
      rows.push({ kind: "count", labelKey: "report.rows.timescales.extended", labelParams: { from: limits.standard, days: limits.maximum }, values: band("extended"), percents: percentsOf(band("extended"), done) });
      rows.push({ kind: "count", labelKey: "report.rows.timescales.beyond", labelParams: { days: limits.maximum }, values: band("beyond"), percents: percentsOf(band("beyond"), done) });
      rows.push({ kind: "average", labelKey: "report.rows.timescales.average", values: days.map((d, i) => meanToOneDecimal(d, done[i] ?? 0)), percents: null });
    }
    const done = c.get("stage3:done");
    rows.push({ kind: "heading", labelKey: "casework:stages.statutory-stage3", values: [], percents: null });
    rows.push({ kind: "subtotal", labelKey: "report.rows.timescales.completed", values: done, percents: null });
    for (const [key, limit] of stage3Limits) {
      const met = c.get(`stage3:${key}`);
      rows.push({ kind: "count", labelKey: `report.rows.timescales.stage3.${key}`, labelParams: { days: ctx.limits.stage3[limit] }, values: met, percents: percentsOf(met, done) });
    }
    return rows;
  },
};

/** A table of one reference list, of the facts `filter` keeps, by the day received. */
function byList(labels: (lists: ReportLists) => string[], filter: (f: ReportFact) => boolean, valueOf: (f: ReportFact) => string | null, chart = false): Builder {
  return {
    percentages: true,
    chart,
    count: (ctx, c) => {
    const at = passesOf(ctx).columnOf;
      for (const f of ctx.facts) if (filter(f)) c.add(valueOf(f) ?? NOT_RECORDED, at(f.receivedOn));
    },
    rows: (ctx, c) => listBlock(ctx.years, labels(ctx.lists), c.map(), { totalKey: "report.rows.total" }),
  };
}

const receivedFrom: Builder = {
  percentages: true,
  chart: false,
  count: (ctx, c) => {
    const at = passesOf(ctx).columnOf;
    const labelOf = new Map<string, string>();
    for (const e of ctx.lists.receivedFrom) {
      labelOf.set(e.label, e.label);
      if (e.code) labelOf.set(e.code, e.label);
    }
    for (const f of ctx.facts) if (complaints(f)) c.add(f.receivedFrom ? (labelOf.get(f.receivedFrom) ?? f.receivedFrom) : NOT_RECORDED, at(f.receivedOn));
  },
  rows: (ctx, c) => {
    const entries = ctx.lists.receivedFrom;
    const counts = c.map();
    const rows: ReportRow[] = [];
    const total = zeros(ctx.years);
    for (const v of counts.values()) v.forEach((n, i) => add(total, i, n));
    const groups = [...new Set(entries.map((e) => e.group ?? ""))];
    for (const group of groups) {
      const items = entries.filter((e) => (e.group ?? "") === group);
      const subtotal = zeros(ctx.years);
      const heading = rows.length;
      if (group) rows.push({ kind: "heading", label: group, values: [], percents: null });
      const groupRows: ReportRow[] = [];
      for (const item of items) {
        const values = counts.get(item.label) ?? zeros(ctx.years);
        values.forEach((n, i) => add(subtotal, i, n));
        if (values.some((n) => n > 0)) groupRows.push({ kind: "count", label: item.label, values, percents: percentsOf(values, total) });
        counts.delete(item.label);
      }
      if (groupRows.length === 0) {
        rows.length = heading;
        continue;
      }
      rows.push(...groupRows);
      if (group && items.length > 1) rows.push({ kind: "subtotal", labelKey: "report.rows.groupTotal", labelParams: { group }, values: subtotal, percents: percentsOf(subtotal, total) });
    }
    // Values on the records that the list no longer has, then those with nothing recorded.
    for (const [value, values] of [...counts.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const fixed = value === NOT_RECORDED;
      rows.push({ kind: "count", ...(fixed ? { labelKey: "report.rows.notRecorded" } : { label: value }), values, percents: percentsOf(values, total) });
    }
    rows.push({ kind: "total", labelKey: "report.rows.total", values: total, percents: percentsOf(total, total) });
    return rows;
  },
};

const outcomeSought: Builder = {
  percentages: false,
  chart: false,
  count: (ctx, c) => {
    const at = passesOf(ctx).columnOf;
    // A complaint may seek several outcomes: each is counted once under each, so rows add up to more than the total.
    for (const f of ctx.facts) {
      if (!complaints(f)) continue;
      const column = at(f.receivedOn);
      c.add("received", column);
      for (const value of f.outcomesSought) c.add(`sought:${value}`, column);
    }
  },
  rows: (ctx, c) => {
    const rows = listBlock(ctx.years, ctx.lists.outcomeSought, c.map("sought:"), { totalKey: "report.rows.total", notRecorded: false, percentages: false });
    rows[rows.length - 1] = { kind: "total", labelKey: "report.rows.complaintsReceived", values: c.get("received"), percents: null };
    return rows;
  },
};

const stage1Findings: Builder = {
  percentages: true,
  chart: true,
  count: (ctx, c) => {
    for (const { column, stage, fact } of completedStages(ctx, "statutory-stage1")) {
      c.addUnder("finding:", stage.finding ?? NOT_RECORDED, column);
      if (stage.findingCode && FAULT_FINDINGS.includes(stage.findingCode)) c.add("fault", column);
      if (fact.stages.some((s) => s.kind === "statutory-stage2")) c.add("escalated", column);
    }
  },
  rows: (ctx, c) => {
    const rows = listBlock(ctx.years, ctx.lists.findings, c.map("finding:"), { totalKey: "report.rows.timescales.completed" });
    const total = (rows[rows.length - 1]?.values ?? []) as Counts;
    const escalated = c.get("escalated");
    rows.push({ kind: "percent", labelKey: "report.rows.findings.fault", values: percentsOf(c.get("fault"), total), percents: null });
    rows.push({ kind: "count", labelKey: "report.rows.findings.escalated", values: escalated, percents: percentsOf(escalated, total) });
    return rows;
  },
};

const ombudsman: Builder = {
  percentages: false,
  chart: false,
  count: (ctx, c) => {
    const at = passesOf(ctx).columnOf;
    for (const f of ctx.facts)
      for (const s of f.stages) {
        if (s.kind !== "ombudsman") continue;
        c.add("enquiries", at(s.startedOn));
        const decided = at(s.respondedOn);
        c.add(`decision:${s.ombudsmanDecision ?? NOT_RECORDED}`, decided);
        c.add("remedies", decided, s.remedyPence ?? 0);
      }
  },
  rows: (ctx, c) => [
    { kind: "subtotal", labelKey: "report.rows.ombudsman.enquiries", values: c.get("enquiries"), percents: null },
    { kind: "heading", labelKey: "report.rows.ombudsman.decisions", values: [], percents: null },
    ...listBlock(ctx.years, ctx.lists.ombudsmanDecisions, c.map("decision:"), { totalKey: "report.rows.ombudsman.decisionsTotal" }),
    { kind: "money", labelKey: "report.rows.ombudsman.remedies", values: c.get("remedies"), percents: null },
  ],
};

const equalityQuestions = ["disability", "gender", "ageBand", "ethnicGroup"] as const;
const prefixes = { disability: "disability:", gender: "gender:", ageBand: "ageBand:", ethnicGroup: "ethnicGroup:" } as const;
/** Where each answer's words are: `common:equality.options.<list>.<slug>`. */
const equalityWords = { disability: "disability", gender: "gender", ageBand: "ageBands", ethnicGroup: "ethnicGroups" } as const;

function equality(young: boolean): Builder {
  return {
    percentages: true,
    chart: false,
    count: (ctx, c) => {
    const at = passesOf(ctx).columnOf;
      for (const f of ctx.facts) {
        if (!complaints(f) || (young && !f.youngPerson)) continue;
        const column = at(f.receivedOn);
        for (const question of equalityQuestions) c.addUnder(prefixes[question], f.equality?.[question] ?? NOT_RECORDED, column);
      }
    },
    rows: (ctx, c) => {
      const rows: ReportRow[] = [];
      for (const question of equalityQuestions) {
        rows.push({ kind: "heading", labelKey: `report.rows.equality.${question}`, values: [], percents: null });
        const block = listBlock(ctx.years, ctx.lists.equality[question], c.map(`${question}:`), { totalKey: "report.rows.complaintsReceived", totalKind: "subtotal" });
        // Nothing recorded here means the question went unanswered: "Not stated", as the seeds say.
        const notRecorded = block.find((r) => r.labelKey === "report.rows.notRecorded");
        if (notRecorded) notRecorded.labelKey = "report.rows.equality.notStated";
        for (const r of block) if (r.label && ctx.lists.equality[question].includes(r.label)) r.labelKey = `common:equality.options.${equalityWords[question]}.${r.label}`;
        rows.push(...block);
      }
      return rows;
    },
  };
}

const capture: Builder = {
  percentages: false,
  chart: false,
  count: (ctx, c) => {
    const at = passesOf(ctx).columnOf;
    for (const f of ctx.facts) {
      // An imported record's equality answers are not imported (decision 051), so it was not offered them here.
      if (!f.equalityOffered || f.imported) continue;
      const column = at(f.receivedOn);
      c.add("offered", column);
      if (f.equality) c.add("answered", column);
    }
  },
  rows: (_ctx, c) => [
    { kind: "count", labelKey: "report.rows.capture.offered", values: c.get("offered"), percents: null },
    { kind: "count", labelKey: "report.rows.capture.answered", values: c.get("answered"), percents: null },
    { kind: "percent", labelKey: "report.rows.capture.rate", values: percentsOf(c.get("answered"), c.get("offered")), percents: null },
  ],
};

const costKinds = ["statutory-stage2", "statutory-stage3"] as const;

const costs: Builder = {
  percentages: false,
  chart: false,
  count: (ctx, c) => {
    for (const kind of costKinds) {
      const [cases, pence] = [`${kind}:cases`, `${kind}:pence`];
      for (const { column, stage } of completedStages(ctx, kind)) {
        c.add(cases, column);
        c.add(pence, column, stage.costPence);
      }
    }
  },
  rows: (_ctx, c) =>
    costKinds.flatMap((kind): ReportRow[] => [
      { kind: "heading", labelKey: `casework:stages.${kind}`, values: [], percents: null },
      { kind: "count", labelKey: "report.rows.timescales.completed", values: c.get(`${kind}:cases`), percents: null },
      { kind: "money", labelKey: "report.rows.costs.cost", values: c.get(`${kind}:pence`), percents: null },
    ]),
};

const builders: Record<TableId, Builder> = {
  received,
  refusals,
  timescales,
  "method-all": byList((l) => l.methods, complaints, (f) => f.method, true),
  "method-young": byList((l) => l.methods, (f) => complaints(f) && f.youngPerson, (f) => f.method),
  "received-from": receivedFrom,
  "nature-statutory": byList((l) => l.natureStatutory, (f) => complaints(f) && f.process === "statutory", (f) => f.nature, true),
  "nature-corporate": byList((l) => l.natureCorporate, (f) => complaints(f) && f.process === "corporate", (f) => f.nature),
  "nature-young": byList((l) => l.natureStatutory, (f) => complaints(f) && f.process === "statutory" && f.youngPerson, (f) => f.nature),
  "team-statutory": byList((l) => l.teams, (f) => complaints(f) && f.process === "statutory", (f) => f.team, true),
  "team-corporate": byList((l) => l.teams, (f) => complaints(f) && f.process === "corporate", (f) => f.team),
  "team-young": byList((l) => l.teams, (f) => complaints(f) && f.youngPerson, (f) => f.team),
  "outcome-sought": outcomeSought,
  "stage1-findings": stage1Findings,
  ombudsman,
  "equality-all": equality(false),
  "equality-young": equality(true),
  "equality-capture": capture,
  "compliments-by-team": byList((l) => l.teams, (f) => f.kind === "compliment", (f) => f.team, true),
  costs,
  ...outcomeBuilders,
};

/** Every table's counts over the given years (one column each): what a year keeps (decision 050). */
export function countTables(input: CountContext & { only?: TableId }): Tallies {
  const ids = input.only ? [input.only] : tableIds;
  const out: Tallies = new Map();
  for (const id of ids) {
    const counter = new Counter(input.years.length);
    builders[id].count(input, counter);
    out.set(id, counter);
  }
  return out;
}

/** The tables from their counts over the years shown (counted afresh, kept, or both: `fromParts`). */
export function tablesFromCounts(input: { year: number; tallies: Tallies; lists: ReportLists; limits: ReportLimits; only?: TableId }): ReportTable[] {
  const years = yearsShown(input.year);
  const ctx: RowContext = { years, lists: input.lists, limits: input.limits };
  const ids = input.only ? [input.only] : tableIds;
  return ids.map((id) => {
    const b = builders[id];
    return { id, years, percentages: b.percentages, chart: b.chart, rows: b.rows(ctx, input.tallies.get(id) ?? new Counter(years.length)) };
  });
}

/** Every table of the report for a financial year and the four before it. */
export function buildReport(input: { year: number; facts: ReportFact[]; lists: ReportLists; limits: ReportLimits; extras?: ReportExtras; only?: TableId }): ReportTable[] {
  const years = yearsShown(input.year);
  const tallies = countTables({ facts: input.facts, years, lists: input.lists, limits: input.limits, extras: input.extras, only: input.only });
  return tablesFromCounts({ year: input.year, tallies, lists: input.lists, limits: input.limits, only: input.only });
}
