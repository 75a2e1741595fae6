import { parseIsoDate, type IsoDate } from "../calendar";
import { penceFromPounds } from "../money";
import { checkCompensation, checkFinding, findingFromPoints, type FindingCode } from "../outcomes";
import type { StageKind } from "../stages";

/**
 * Historic records from a council's old case system (decision 033): one CSV row per
 * representation with its stages, dates, codes and findings. Every row is checked here, without
 * I/O; the service imports the file only if no row has a problem. Values are matched to the
 * reference lists by code or by label (ignoring case and spacing); a value that matches nothing
 * is a problem, never a guess.
 */

export const importColumns = [
  "source_reference",
  "kind",
  "process",
  "received_on",
  "method_received",
  "received_from",
  "nature",
  "team",
  "outcome_sought",
  "refusal_reason",
  "advocacy_referred",
  "stage1_started_on",
  "stage1_responded_on",
  "stage1_finding",
  "stage1_actual_outcomes",
  "stage1_compensation_offered_pounds",
  "stage1_compensation_agreed_pounds",
  "stage1_compensation_paid_pounds",
  "stage2_requested_on",
  "stage2_started_on",
  "stage2_responded_on",
  "stage2_finding",
  "stage2_points_upheld",
  "stage2_points_partially_upheld",
  "stage2_points_not_upheld",
  "stage2_actual_outcomes",
  "stage2_compensation_offered_pounds",
  "stage2_compensation_agreed_pounds",
  "stage2_compensation_paid_pounds",
  "stage2_cost_pounds",
  "stage3_requested_on",
  "stage3_started_on",
  "stage3_panel_on",
  "stage3_report_on",
  "stage3_responded_on",
  "stage3_finding",
  "stage3_points_upheld",
  "stage3_points_partially_upheld",
  "stage3_points_not_upheld",
  "stage3_actual_outcomes",
  "stage3_compensation_offered_pounds",
  "stage3_compensation_agreed_pounds",
  "stage3_compensation_paid_pounds",
  "stage3_cost_pounds",
  "ombudsman_started_on",
  "ombudsman_decided_on",
  "ombudsman_decision",
  "ombudsman_remedy_pounds",
] as const;
export type ImportColumn = (typeof importColumns)[number];
export const requiredColumns = ["source_reference", "kind", "received_on", "method_received"] as const satisfies readonly ImportColumn[];

/** Several outcomes (sought, or achieved at a stage) in one cell are separated by semicolons. */
export const LIST_SEPARATOR = ";";

/** A value of a reference list: its label (what is stored) and its code, where it has one. */
export interface ListValue {
  label: string;
  code: string | null;
}

export interface ImportLookup {
  "method-received": ListValue[];
  "received-from": ListValue[];
  "nature-social-care": ListValue[];
  "nature-corporate": ListValue[];
  "outcome-sought": ListValue[];
  "refusal-reason-statutory": ListValue[];
  "refusal-reason-corporate": ListValue[];
  finding: ListValue[];
  "actual-outcome": ListValue[];
  "ombudsman-decision": ListValue[];
  teams: Array<{ id: number; name: string }>;
}

export interface ImportStage {
  kind: StageKind;
  startedOn: IsoDate;
  requestedOn: IsoDate | null;
  respondedOn: IsoDate;
  finding: string | null;
  panelOn: IsoDate | null;
  panelReportOn: IsoDate | null;
  ombudsmanDecision: string | null;
  remedyPence: number | null;
  costPence: number | null;
  /** Labels of the "actual-outcome" list, as a response records them. */
  actualOutcomes: string[];
  /** One finding code per point of complaint, from the counts of points upheld, partially upheld and not upheld. */
  points: FindingCode[];
  compensation: { offeredPence: number | null; agreedPence: number | null; paidPence: number | null };
}

export interface ImportRecord {
  line: number;
  sourceReference: string;
  kind: "complaint" | "compliment" | "comment";
  process: "statutory" | "corporate" | "other" | null;
  receivedOn: IsoDate;
  methodReceived: string;
  receivedFrom: ListValue | null;
  nature: string | null;
  teamId: number | null;
  outcomesSought: string[];
  refusalReason: string | null;
  /** The old system recorded a referral to the advocacy provider. */
  advocacyReferred: boolean;
  stages: ImportStage[];
}

/** A problem with one row (line numbers count the header as line 1), in words from `staff:report.import.problems.<code>`. */
export interface ImportProblem {
  line: number;
  column: string | null;
  code: "unknownColumn" | "missingColumn" | "required" | "notAllowed" | "invalidChoice" | "notInList" | "invalidDate" | "future" | "order" | "notFinished" | "invalidMoney" | "invalidCount" | "findingDisagrees" | "paidMoreThanAgreed" | "duplicate" | "tooLong" | "empty" | "unreadable";
  value?: string;
  list?: string;
}

const kinds = ["complaint", "compliment", "comment"] as const;
const processes = ["statutory", "corporate", "other"] as const;
const yes = ["yes", "y", "true", "1"];
const no = ["no", "n", "false", "0"];
/** The points' findings an export holds as counts, in the order the points are stored. */
const pointColumns = [
  ["points_upheld", "upheld"],
  ["points_partially_upheld", "partially-upheld"],
  ["points_not_upheld", "not-upheld"],
] as const satisfies ReadonlyArray<readonly [string, FindingCode]>;
/** More points than this on one stage is a typing mistake, not a complaint. */
export const MAX_POINTS = 99;

function normal(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

export function matchValue(values: ListValue[], typed: string): ListValue | null {
  const wanted = normal(typed);
  return values.find((v) => v.code !== null && v.code.toLowerCase() === wanted) ?? values.find((v) => normal(v.label) === wanted) ?? null;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function validDate(text: string): boolean {
  if (!ISO.test(text)) return false;
  try {
    parseIsoDate(text);
    return true;
  } catch {
    // 2025-02-30 and the like.
    return false;
  }
}

export function checkHeader(header: string[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const h of header) if (!(importColumns as readonly string[]).includes(h)) problems.push({ line: 1, column: h, code: "unknownColumn" });
  for (const r of requiredColumns) if (!header.includes(r)) problems.push({ line: 1, column: r, code: "missingColumn" });
  return problems;
}

/**
 * Checks every row and turns the good ones into records. `existing` is the source references
 * already imported (a second import of them adds nothing, and is no problem).
 */
export function checkRows(rows: Array<{ line: number; cells: Partial<Record<string, string>> }>, lookup: ImportLookup, today: IsoDate): { records: ImportRecord[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const records: ImportRecord[] = [];
  const seen = new Map<string, number>();
  if (rows.length === 0) problems.push({ line: 2, column: null, code: "empty" });
  for (const { line, cells } of rows) {
    const before = problems.length;
    const problem = (column: string | null, code: ImportProblem["code"], more: Partial<ImportProblem> = {}) => problems.push({ line, column, code, ...more });
    const cell = (c: ImportColumn) => (cells[c] ?? "").trim();

    const sourceReference = cell("source_reference");
    if (!sourceReference) problem("source_reference", "required");
    else if (sourceReference.length > 100) problem("source_reference", "tooLong");
    else if (seen.has(sourceReference)) problem("source_reference", "duplicate", { value: String(seen.get(sourceReference)) });
    else seen.set(sourceReference, line);

    const kind = normal(cell("kind"));
    if (!kind) problem("kind", "required");
    else if (!(kinds as readonly string[]).includes(kind)) problem("kind", "invalidChoice", { value: cell("kind") });
    const isComplaint = kind === "complaint";
    // With no known kind, what is allowed cannot be judged: the kind's own problem is enough.
    const kindKnown = (kinds as readonly string[]).includes(kind);

    const process = normal(cell("process"));
    if (isComplaint && !process) problem("process", "required");
    else if (process && !isComplaint) {
      if (kindKnown) problem("process", "notAllowed");
    }
    else if (process && !(processes as readonly string[]).includes(process)) problem("process", "invalidChoice", { value: cell("process") });

    const date = (c: ImportColumn): IsoDate | null => {
      const text = cell(c);
      if (!text) return null;
      if (!validDate(text)) {
        problem(c, "invalidDate", { value: text });
        return null;
      }
      if (text > today) {
        problem(c, "future", { value: text });
        return null;
      }
      return text;
    };
    const receivedOn = date("received_on");
    if (!cell("received_on")) problem("received_on", "required");

    const fromList = (c: ImportColumn, list: Exclude<keyof ImportLookup, "teams">): ListValue | null => {
      const text = cell(c);
      if (!text) return null;
      const found = matchValue(lookup[list], text);
      if (!found) problem(c, "notInList", { value: text, list });
      return found;
    };
    const method = fromList("method_received", "method-received");
    if (!cell("method_received")) problem("method_received", "required");
    const receivedFrom = fromList("received_from", "received-from");
    const nature = cell("nature") ? (process === "corporate" ? fromList("nature", "nature-corporate") : process === "statutory" ? fromList("nature", "nature-social-care") : (problem("nature", "notAllowed"), null)) : null;
    let teamId: number | null = null;
    if (cell("team")) {
      const team = lookup.teams.find((t) => normal(t.name) === normal(cell("team")));
      if (team) teamId = team.id;
      else problem("team", "notInList", { value: cell("team"), list: "teams" });
    }
    const labelsFrom = (c: ImportColumn, list: "outcome-sought" | "actual-outcome"): string[] => {
      const labels: string[] = [];
      for (const part of cell(c).split(LIST_SEPARATOR).map((s) => s.trim()).filter(Boolean)) {
        const found = matchValue(lookup[list], part);
        if (found) labels.push(found.label);
        else problem(c, "notInList", { value: part, list });
      }
      return [...new Set(labels)];
    };
    const outcomesSought = labelsFrom("outcome_sought", "outcome-sought");
    if (kindKnown && !isComplaint && cell("outcome_sought")) problem("outcome_sought", "notAllowed");

    const refusal = cell("refusal_reason") ? (isComplaint ? fromList("refusal_reason", process === "corporate" ? "refusal-reason-corporate" : "refusal-reason-statutory") : (problem("refusal_reason", "notAllowed"), null)) : null;

    // The report counts referrals of complaints received (decision 043); other kinds have none.
    const advocacy = normal(cell("advocacy_referred"));
    if (advocacy && kindKnown && !isComplaint) problem("advocacy_referred", "notAllowed");
    else if (advocacy && !yes.includes(advocacy) && !no.includes(advocacy)) problem("advocacy_referred", "invalidChoice", { value: cell("advocacy_referred") });

    // The stages, in order; each must be finished (historic records only) and follow the one before.
    const stages: ImportStage[] = [];
    const stageColumns = (prefix: string) => importColumns.filter((c) => c.startsWith(prefix) && cell(c));
    const count = (c: ImportColumn): number => {
      const text = cell(c);
      if (!text) return 0;
      if (!/^\d+$/.test(text) || Number(text) > MAX_POINTS) {
        problem(c, "invalidCount", { value: text });
        return 0;
      }
      return Number(text);
    };
    const money = (c: ImportColumn): number | null => {
      const p = penceFromPounds(cell(c));
      if (p === "invalid") {
        problem(c, "invalidMoney", { value: cell(c) });
        return null;
      }
      return p;
    };
    let previousEnd: IsoDate | null = receivedOn;
    const stageKinds: Array<[string, StageKind | null]> =
      process === "corporate"
        ? [["stage1_", "corporate-stage1"], ["stage2_", "corporate-stage2"], ["stage3_", null]]
        : [["stage1_", "statutory-stage1"], ["stage2_", "statutory-stage2"], ["stage3_", "statutory-stage3"]];
    let gap = false;
    for (const [prefix, stageKind] of [...stageKinds, ["ombudsman_", "ombudsman"] as [string, StageKind]]) {
      const used = stageColumns(prefix);
      if (used.length === 0) {
        if (prefix !== "ombudsman_") gap = true;
        continue;
      }
      if (!isComplaint || process === "other" || refusal || stageKind === null || (gap && prefix !== "ombudsman_")) {
        if (kindKnown) for (const c of used) problem(c, "notAllowed");
        continue;
      }
      const isOmbudsman = prefix === "ombudsman_";
      const start = `${prefix}started_on` as ImportColumn;
      const end = (isOmbudsman ? "ombudsman_decided_on" : `${prefix}responded_on`) as ImportColumn;
      const startedOn = date(start);
      const respondedOn = date(end);
      if (!cell(start)) problem(start, "required");
      if (!cell(end)) problem(end, "notFinished");
      const requestedOn = prefix === "stage1_" || isOmbudsman ? null : date(`${prefix}requested_on` as ImportColumn);
      const panelOn = prefix === "stage3_" ? date("stage3_panel_on") : null;
      const panelReportOn = prefix === "stage3_" ? date("stage3_report_on") : null;
      if (startedOn && previousEnd && startedOn < previousEnd && !isOmbudsman) problem(start, "order", { value: startedOn });
      if (startedOn && respondedOn && respondedOn < startedOn) problem(end, "order", { value: respondedOn });
      const finding = isOmbudsman ? null : fromList(`${prefix}finding` as ImportColumn, "finding");
      const decision = isOmbudsman ? fromList("ombudsman_decision", "ombudsman-decision") : null;
      const remedyPence = isOmbudsman ? money("ombudsman_remedy_pounds") : null;
      const costPence = prefix === "stage2_" || prefix === "stage3_" ? money(`${prefix}cost_pounds` as ImportColumn) : null;
      const actualOutcomes = isOmbudsman ? [] : labelsFrom(`${prefix}actual_outcomes` as ImportColumn, "actual-outcome");
      const compensationOf = (step: "offered" | "agreed" | "paid") => (isOmbudsman ? null : money(`${prefix}compensation_${step}_pounds` as ImportColumn));
      const compensation = { offeredPence: compensationOf("offered"), agreedPence: compensationOf("agreed"), paidPence: compensationOf("paid") };
      // Old exports often hold only what was paid, and never the days, so only the money rule that
      // needs neither is checked here: no more paid than agreed (checkCompensation, decision 028).
      const onResponse = (pence: number | null) => (pence === null ? null : (respondedOn ?? today));
      // (An agreement with no offer in the export is taken as offered, so the check reaches the amounts.)
      const moneyOrder = checkCompensation({ ...compensation, offeredPence: compensation.offeredPence ?? compensation.agreedPence, offeredOn: onResponse(compensation.offeredPence ?? compensation.agreedPence), agreedOn: onResponse(compensation.agreedPence), paidOn: onResponse(compensation.paidPence) });
      if (moneyOrder?.problem === "paid-more-than-agreed") problem(`${prefix}compensation_paid_pounds` as ImportColumn, "paidMoreThanAgreed");
      // Only counts of points survive most exports: one point per count, in a fixed order.
      const points: FindingCode[] =
        prefix === "stage2_" || prefix === "stage3_" ? pointColumns.flatMap(([suffix, code]) => Array.from({ length: count(`${prefix}${suffix}` as ImportColumn) }, () => code)) : [];
      // The complaint's finding follows from its points by THE rule (decision 028): given, it must
      // agree; not given, the points make it, as a response made here would.
      const fromPoints = findingFromPoints(points.map((p) => ({ finding: p })));
      let findingCode = finding ? (finding.code ?? finding.label) : fromPoints;
      const disagrees = finding ? checkFinding(finding.code ?? finding.label, points.map((p) => ({ finding: p }))) : null;
      if (disagrees) {
        problem(`${prefix}finding` as ImportColumn, "findingDisagrees", { value: lookup.finding.find((f) => f.code === disagrees)?.label ?? disagrees });
        findingCode = null;
      }
      if (startedOn && respondedOn && stageKind) {
        stages.push({ kind: stageKind, startedOn, requestedOn, respondedOn, finding: findingCode, panelOn, panelReportOn, ombudsmanDecision: decision?.label ?? null, remedyPence, costPence, actualOutcomes, points, compensation });
        if (!isOmbudsman) previousEnd = respondedOn;
      }
    }

    if (problems.length === before && receivedOn && method && (kinds as readonly string[]).includes(kind)) {
      records.push({
        line,
        sourceReference,
        kind: kind as ImportRecord["kind"],
        process: isComplaint ? (process as ImportRecord["process"]) : null,
        receivedOn,
        methodReceived: method.label,
        receivedFrom,
        nature: nature?.label ?? null,
        teamId,
        outcomesSought,
        refusalReason: refusal?.label ?? null,
        advocacyReferred: yes.includes(advocacy),
        stages,
      });
    }
  }
  return { records, problems };
}
