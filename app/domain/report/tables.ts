import { workingDaysUntil, type IsoDate } from "../calendar";
import type { StageKind } from "../stages";
import { faultFindingCodes } from "../outcomes";
import type { ReportExtras, ReportFact, ReportLimits, ReportLists, ReportStage } from "./facts";
import { meanToOneDecimal, wholePercent } from "./numbers";
import { outcomeBuilders, outcomeTableIds } from "./outcome-tables";
import { financialYearOf, yearsShown } from "./years";

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

interface Context {
  facts: ReportFact[];
  years: number[];
  lists: ReportLists;
  limits: ReportLimits;
  extras?: ReportExtras;
}

type Counts = number[];

const zeros = (years: number[]): Counts => years.map(() => 0);

function add(counts: Counts, column: number, n: number) {
  counts[column] = (counts[column] ?? 0) + n;
}

function inYears(years: number[], date: IsoDate | null): number {
  return date ? years.indexOf(financialYearOf(date)) : -1;
}

/** Tallies values per year; `pick` gives the year's column (or -1) and the values a fact counts under. */
function tally(ctx: Context, pick: (f: ReportFact) => Array<{ column: number; value: string }>): Map<string, Counts> {
  const out = new Map<string, Counts>();
  for (const f of ctx.facts) {
    for (const { column, value } of pick(f)) {
      if (column < 0) continue;
      const row = out.get(value) ?? zeros(ctx.years);
      out.set(value, row);
      add(row, column, 1);
    }
  }
  return out;
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

const byReceived = (ctx: Context, f: ReportFact) => inYears(ctx.years, f.receivedOn);
const complaints = (f: ReportFact) => f.kind === "complaint";

function received(ctx: Context): ReportRow[] {
  const keyOf = (f: ReportFact) => (f.kind === "complaint" ? `complaint-${f.process ?? "other"}` : f.kind);
  const counts = tally(ctx, (f) => [{ column: byReceived(ctx, f), value: keyOf(f) }]);
  const keys = ["complaint-statutory", "complaint-corporate", "complaint-other", "compliment", "comment"];
  const total = zeros(ctx.years);
  const rows: ReportRow[] = keys.map((key) => {
    const values = counts.get(key) ?? zeros(ctx.years);
    values.forEach((n, i) => add(total, i, n));
    return { kind: "count", labelKey: `report.rows.received.${key}`, values, percents: null };
  });
  rows.forEach((r) => (r.percents = percentsOf(r.values as Counts, total)));
  rows.push({ kind: "total", labelKey: "report.rows.total", values: total, percents: percentsOf(total, total) });
  return rows;
}

function refusals(ctx: Context): ReportRow[] {
  const refused = (process: "statutory" | "corporate") =>
    tally(ctx, (f) =>
      f.status === "refused" && (f.process === "corporate" ? "corporate" : "statutory") === process
        ? [{ column: byReceived(ctx, f), value: f.refusalReason ?? NOT_RECORDED }]
        : [],
    );
  const statutory = listBlock(ctx.years, ctx.lists.refusalStatutory, refused("statutory"), { totalKey: "report.rows.refusals.statutoryTotal", totalKind: "subtotal", percentages: false });
  const corporate = listBlock(ctx.years, ctx.lists.refusalCorporate, refused("corporate"), { totalKey: "report.rows.refusals.corporateTotal", totalKind: "subtotal", percentages: false });
  const last = (rows: ReportRow[]) => (rows[rows.length - 1]?.values ?? []) as Counts;
  const total = last(statutory).map((n, i) => n + (last(corporate)[i] ?? 0));
  return [
    { kind: "heading", labelKey: "report.rows.refusals.statutory", values: [], percents: null },
    ...statutory,
    { kind: "heading", labelKey: "report.rows.refusals.corporate", values: [], percents: null },
    ...corporate,
    { kind: "total", labelKey: "report.rows.refusals.total", values: total, percents: null },
  ];
}

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

function completedStages(ctx: Context, kind: StageKind): Array<{ column: number; stage: ReportStage; fact: ReportFact }> {
  const out: Array<{ column: number; stage: ReportStage; fact: ReportFact }> = [];
  for (const fact of ctx.facts)
    for (const stage of fact.stages) {
      if (stage.kind !== kind) continue;
      const column = inYears(ctx.years, stage.respondedOn);
      if (column >= 0) out.push({ column, stage, fact });
    }
  return out;
}

function timescales(ctx: Context): ReportRow[] {
  const rows: ReportRow[] = [];
  const banded = ["statutory-stage1", "statutory-stage2", "corporate-stage1", "corporate-stage2"] as const;
  for (const kind of banded) {
    const limits = ctx.limits[kind];
    const done = zeros(ctx.years);
    const bands = { standard: zeros(ctx.years), extended: zeros(ctx.years), beyond: zeros(ctx.years) };
    const days = zeros(ctx.years);
    for (const { column, stage } of completedStages(ctx, kind)) {
      const d = workingDaysToComplete(stage) ?? 0;
      add(done, column, 1);
      add(days, column, d);
      add(bands[timeBand(d, limits)], column, 1);
    }
    rows.push({ kind: "heading", labelKey: `casework:stages.${kind}`, values: [], percents: null });
    rows.push({ kind: "subtotal", labelKey: "report.rows.timescales.completed", values: done, percents: null });
    rows.push({ kind: "count", labelKey: "report.rows.timescales.standard", labelParams: { days: limits.standard }, values: bands.standard, percents: percentsOf(bands.standard, done) });
    rows.push({ kind: "count", labelKey: "report.rows.timescales.extended", labelParams: { from: limits.standard, days: limits.maximum }, values: bands.extended, percents: percentsOf(bands.extended, done) });
    rows.push({ kind: "count", labelKey: "report.rows.timescales.beyond", labelParams: { days: limits.maximum }, values: bands.beyond, percents: percentsOf(bands.beyond, done) });
    rows.push({ kind: "average", labelKey: "report.rows.timescales.average", values: days.map((d, i) => meanToOneDecimal(d, done[i] ?? 0)), percents: null });
  }
  // Stage 3 is measured against its three limits, each from the step before it.
  const s3 = ctx.limits.stage3;
  const done = zeros(ctx.years);
  const met = { panel: zeros(ctx.years), report: zeros(ctx.years), response: zeros(ctx.years) };
  const within = (from: IsoDate | null, to: IsoDate | null, limit: number) => from !== null && to !== null && workingDaysBetween(from, to) <= limit;
  for (const { column, stage } of completedStages(ctx, "statutory-stage3")) {
    add(done, column, 1);
    if (within(stage.requestedOn ?? stage.startedOn, stage.panelOn, s3.panelWithin)) add(met.panel, column, 1);
    if (within(stage.panelOn, stage.panelReportOn, s3.panelReportWithin)) add(met.report, column, 1);
    if (within(stage.panelReportOn, stage.respondedOn, s3.councilResponseWithin)) add(met.response, column, 1);
  }
  rows.push({ kind: "heading", labelKey: "casework:stages.statutory-stage3", values: [], percents: null });
  rows.push({ kind: "subtotal", labelKey: "report.rows.timescales.completed", values: done, percents: null });
  for (const [key, days] of [["panel", s3.panelWithin], ["report", s3.panelReportWithin], ["response", s3.councilResponseWithin]] as const) {
    rows.push({ kind: "count", labelKey: `report.rows.timescales.stage3.${key}`, labelParams: { days }, values: met[key], percents: percentsOf(met[key], done) });
  }
  return rows;
}

function byList(ctx: Context, labels: string[], filter: (f: ReportFact) => boolean, valueOf: (f: ReportFact) => string | null): ReportRow[] {
  const counts = tally(ctx, (f) => (filter(f) ? [{ column: byReceived(ctx, f), value: valueOf(f) ?? NOT_RECORDED }] : []));
  return listBlock(ctx.years, labels, counts, { totalKey: "report.rows.total" });
}

function receivedFrom(ctx: Context): ReportRow[] {
  const entries = ctx.lists.receivedFrom;
  const labelOf = new Map<string, string>();
  for (const e of entries) {
    labelOf.set(e.label, e.label);
    if (e.code) labelOf.set(e.code, e.label);
  }
  const counts = tally(ctx, (f) => (complaints(f) ? [{ column: byReceived(ctx, f), value: f.receivedFrom ? labelOf.get(f.receivedFrom) ?? f.receivedFrom : NOT_RECORDED }] : []));
  const rows: ReportRow[] = [];
  const total = zeros(ctx.years);
  for (const c of counts.values()) c.forEach((n, i) => add(total, i, n));
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
}

function outcomeSought(ctx: Context): ReportRow[] {
  // A complaint may seek several outcomes: each is counted once under each, so rows add up to more than the total.
  const counts = tally(ctx, (f) => (complaints(f) ? f.outcomesSought.map((value) => ({ column: byReceived(ctx, f), value })) : []));
  const rows = listBlock(ctx.years, ctx.lists.outcomeSought, counts, { totalKey: "report.rows.total", notRecorded: false, percentages: false });
  const complaintsReceived = zeros(ctx.years);
  for (const f of ctx.facts) if (complaints(f)) {
    const c = byReceived(ctx, f);
    if (c >= 0) add(complaintsReceived, c, 1);
  }
  rows[rows.length - 1] = { kind: "total", labelKey: "report.rows.complaintsReceived", values: complaintsReceived, percents: null };
  return rows;
}

function stage1Findings(ctx: Context): ReportRow[] {
  const done = completedStages(ctx, "statutory-stage1");
  const counts = new Map<string, Counts>();
  const escalated = zeros(ctx.years);
  const fault = zeros(ctx.years);
  for (const { column, stage, fact } of done) {
    const key = stage.finding ?? NOT_RECORDED;
    if (!counts.has(key)) counts.set(key, zeros(ctx.years));
    add(counts.get(key)!, column, 1);
    if (stage.findingCode && FAULT_FINDINGS.includes(stage.findingCode)) add(fault, column, 1);
    if (fact.stages.some((s) => s.kind === "statutory-stage2")) add(escalated, column, 1);
  }
  const rows = listBlock(ctx.years, ctx.lists.findings, counts, { totalKey: "report.rows.timescales.completed" });
  const total = (rows[rows.length - 1]?.values ?? []) as Counts;
  rows.push({ kind: "percent", labelKey: "report.rows.findings.fault", values: percentsOf(fault, total), percents: null });
  rows.push({ kind: "count", labelKey: "report.rows.findings.escalated", values: escalated, percents: percentsOf(escalated, total) });
  return rows;
}

function ombudsman(ctx: Context): ReportRow[] {
  const enquiries = zeros(ctx.years);
  const remedies = zeros(ctx.years);
  const decisions = new Map<string, Counts>();
  for (const f of ctx.facts)
    for (const s of f.stages) {
      if (s.kind !== "ombudsman") continue;
      const started = inYears(ctx.years, s.startedOn);
      if (started >= 0) add(enquiries, started, 1);
      const decided = inYears(ctx.years, s.respondedOn);
      if (decided < 0) continue;
      const key = s.ombudsmanDecision ?? NOT_RECORDED;
      if (!decisions.has(key)) decisions.set(key, zeros(ctx.years));
      add(decisions.get(key)!, decided, 1);
      add(remedies, decided, s.remedyPence ?? 0);
    }
  return [
    { kind: "subtotal", labelKey: "report.rows.ombudsman.enquiries", values: enquiries, percents: null },
    { kind: "heading", labelKey: "report.rows.ombudsman.decisions", values: [], percents: null },
    ...listBlock(ctx.years, ctx.lists.ombudsmanDecisions, decisions, { totalKey: "report.rows.ombudsman.decisionsTotal" }),
    { kind: "money", labelKey: "report.rows.ombudsman.remedies", values: remedies, percents: null },
  ];
}

const equalityQuestions = ["disability", "gender", "ageBand", "ethnicGroup"] as const;
/** Where each answer's words are: `common:equality.options.<list>.<slug>`. */
const equalityWords = { disability: "disability", gender: "gender", ageBand: "ageBands", ethnicGroup: "ethnicGroups" } as const;

function equality(ctx: Context, young: boolean): ReportRow[] {
  const rows: ReportRow[] = [];
  for (const question of equalityQuestions) {
    const counts = tally(ctx, (f) => (complaints(f) && (!young || f.youngPerson) ? [{ column: byReceived(ctx, f), value: f.equality?.[question] ?? NOT_RECORDED }] : []));
    rows.push({ kind: "heading", labelKey: `report.rows.equality.${question}`, values: [], percents: null });
    const block = listBlock(ctx.years, ctx.lists.equality[question], counts, { totalKey: "report.rows.complaintsReceived", totalKind: "subtotal" });
    // Nothing recorded here means the question went unanswered: "Not stated", as the seeds say.
    const notRecorded = block.find((r) => r.labelKey === "report.rows.notRecorded");
    if (notRecorded) notRecorded.labelKey = "report.rows.equality.notStated";
    for (const r of block) if (r.label && ctx.lists.equality[question].includes(r.label)) r.labelKey = `common:equality.options.${equalityWords[question]}.${r.label}`;
    rows.push(...block);
  }
  return rows;
}

function capture(ctx: Context): ReportRow[] {
  const offered = zeros(ctx.years);
  const answered = zeros(ctx.years);
  for (const f of ctx.facts) {
    const c = byReceived(ctx, f);
    // An imported record's equality answers are not imported (decision 051), so it was not offered them here.
    if (c < 0 || !f.equalityOffered || f.imported) continue;
    add(offered, c, 1);
    if (f.equality) add(answered, c, 1);
  }
  return [
    { kind: "count", labelKey: "report.rows.capture.offered", values: offered, percents: null },
    { kind: "count", labelKey: "report.rows.capture.answered", values: answered, percents: null },
    { kind: "percent", labelKey: "report.rows.capture.rate", values: percentsOf(answered, offered), percents: null },
  ];
}

function costs(ctx: Context): ReportRow[] {
  const rows: ReportRow[] = [];
  for (const kind of ["statutory-stage2", "statutory-stage3"] as const) {
    const cases = zeros(ctx.years);
    const pence = zeros(ctx.years);
    for (const { column, stage } of completedStages(ctx, kind)) {
      add(cases, column, 1);
      add(pence, column, stage.costPence);
    }
    rows.push({ kind: "heading", labelKey: `casework:stages.${kind}`, values: [], percents: null });
    rows.push({ kind: "count", labelKey: "report.rows.timescales.completed", values: cases, percents: null });
    rows.push({ kind: "money", labelKey: "report.rows.costs.cost", values: pence, percents: null });
  }
  return rows;
}

const builders: Record<TableId, { percentages: boolean; chart: boolean; rows: (ctx: Context) => ReportRow[] }> = {
  received: { percentages: true, chart: true, rows: received },
  refusals: { percentages: false, chart: false, rows: refusals },
  timescales: { percentages: true, chart: false, rows: timescales },
  "method-all": { percentages: true, chart: true, rows: (ctx) => byList(ctx, ctx.lists.methods, complaints, (f) => f.method) },
  "method-young": { percentages: true, chart: false, rows: (ctx) => byList(ctx, ctx.lists.methods, (f) => complaints(f) && f.youngPerson, (f) => f.method) },
  "received-from": { percentages: true, chart: false, rows: receivedFrom },
  "nature-statutory": { percentages: true, chart: true, rows: (ctx) => byList(ctx, ctx.lists.natureStatutory, (f) => complaints(f) && f.process === "statutory", (f) => f.nature) },
  "nature-corporate": { percentages: true, chart: false, rows: (ctx) => byList(ctx, ctx.lists.natureCorporate, (f) => complaints(f) && f.process === "corporate", (f) => f.nature) },
  "nature-young": { percentages: true, chart: false, rows: (ctx) => byList(ctx, ctx.lists.natureStatutory, (f) => complaints(f) && f.process === "statutory" && f.youngPerson, (f) => f.nature) },
  "team-statutory": { percentages: true, chart: true, rows: (ctx) => byList(ctx, ctx.lists.teams, (f) => complaints(f) && f.process === "statutory", (f) => f.team) },
  "team-corporate": { percentages: true, chart: false, rows: (ctx) => byList(ctx, ctx.lists.teams, (f) => complaints(f) && f.process === "corporate", (f) => f.team) },
  "team-young": { percentages: true, chart: false, rows: (ctx) => byList(ctx, ctx.lists.teams, (f) => complaints(f) && f.youngPerson, (f) => f.team) },
  "outcome-sought": { percentages: false, chart: false, rows: outcomeSought },
  "stage1-findings": { percentages: true, chart: true, rows: stage1Findings },
  ombudsman: { percentages: false, chart: false, rows: ombudsman },
  "equality-all": { percentages: true, chart: false, rows: (ctx) => equality(ctx, false) },
  "equality-young": { percentages: true, chart: false, rows: (ctx) => equality(ctx, true) },
  "equality-capture": { percentages: false, chart: false, rows: capture },
  "compliments-by-team": { percentages: true, chart: true, rows: (ctx) => byList(ctx, ctx.lists.teams, (f) => f.kind === "compliment", (f) => f.team) },
  costs: { percentages: false, chart: false, rows: costs },
  ...outcomeBuilders,
};

/** Every table of the report for a financial year and the four before it. */
export function buildReport(input: { year: number; facts: ReportFact[]; lists: ReportLists; limits: ReportLimits; extras?: ReportExtras; only?: TableId }): ReportTable[] {
  const years = yearsShown(input.year);
  const ctx: Context = { facts: input.facts, years, lists: input.lists, limits: input.limits, extras: input.extras };
  const ids = input.only ? [input.only] : tableIds;
  return ids.map((id) => {
    const b = builders[id];
    return { id, years, percentages: b.percentages, chart: b.chart, rows: b.rows(ctx) };
  });
}
