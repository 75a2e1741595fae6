import { createHash } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { reportKeptCounts, reportKeptState, reportNarratives, teams } from "../../db/schema";
import demographics from "../../db/seed-data/demographics.json";
import timescales from "../../db/seed-data/timescales.json";
import { slugify } from "../domain/equality";
import { standingOf } from "../domain/eligibility";
import { isFindingCode } from "../domain/outcomes";
import { METHOD_EFORM, METHOD_YOUNG_PERSONS_EFORM } from "../domain/representation";
import { londonDate, type IsoDate } from "../domain/calendar";
import type { ExperienceFact, ReportExtras, ReportFact, ReportLimits, ReportLists, ReportStage } from "../domain/report/facts";
import { readSuppressionThreshold } from "../domain/report/numbers";
import { buildReport, COUNTING_VERSION, countTables, tablesFromCounts, type ReportTable, type TableId } from "../domain/report/tables";
import { fromParts, yearPart, type YearPart } from "../domain/report/tally";
import { financialYearOf, yearRange, YEARS_SHOWN, yearsShown } from "../domain/report/years";
import type { StageKind, StageState } from "../domain/stages";
import { audit } from "./audit.server";
import type { Db } from "./db.server";
import { effectiveTimescales, getSettings } from "./settings.server";

/**
 * The annual report's reads (decisions 032 and 044): a few queries over indexed columns
 * (representations by received_on, stages by responded_on/started_on) for the years to count,
 * then the counting in app/domain/report. No query per record. The counts of closed years are kept
 * and read back (decision 050: `countReport`, `keepCounts`).
 */

/** Counts below this are not shown in the report (the administrator's setting; 0 turns suppression off). */
export function suppressionThreshold(db: Db): number {
  return readSuppressionThreshold(getSettings(db).reportSuppressionThreshold);
}

export function reportLists(db: Db): ReportLists {
  const values = db.all<{ list: string; label: string; code: string | null; group_label: string | null }>(
    sql`select list, label, code, group_label from reference_values order by list, sort_order, id`,
  );
  const of = (list: string) => values.filter((v) => v.list === list).map((v) => v.label);
  const teamNames = db.select({ name: teams.name }).from(teams).orderBy(teams.sortOrder, teams.id).all().map((t) => t.name);
  return {
    methods: of("method-received"),
    receivedFrom: values.filter((v) => v.list === "received-from").map((v) => ({ code: v.code, label: v.label, group: v.group_label })),
    natureStatutory: of("nature-social-care"),
    natureCorporate: of("nature-corporate"),
    refusalStatutory: of("refusal-reason-statutory"),
    refusalCorporate: of("refusal-reason-corporate"),
    outcomeSought: of("outcome-sought"),
    findings: of("finding"),
    findingCodes: values.filter((v) => v.list === "finding" && v.code !== null).map((v) => ({ code: v.code as string, label: v.label })),
    actualOutcome: of("actual-outcome"),
    ombudsmanDecisions: of("ombudsman-decision"),
    teams: teamNames,
    // Equality answers are stored as slugs of the census labels (app/domain/equality.ts).
    equality: {
      ageBand: demographics.ageBands.map(slugify),
      gender: demographics.gender.map(slugify),
      disability: demographics.disability.map(slugify),
      ethnicGroup: demographics.ethnicity.map((g) => slugify(g.group)),
    },
  };
}

export function reportLimits(db: Db): ReportLimits {
  const t = effectiveTimescales(db);
  const s3 = timescales.statutory.stage3;
  return {
    "statutory-stage1": t.statutory.stage1,
    "statutory-stage2": t.statutory.stage2,
    // The corporate clock runs from acknowledgement; counted here from the stage's start, as the seeds count it.
    "corporate-stage1": { standard: t.corporate.stage1.respondWithin, maximum: t.corporate.stage1.respondWithin + t.corporate.stage1.maximumExtension },
    "corporate-stage2": { standard: t.corporate.stage2.respondWithin, maximum: t.corporate.stage2.respondWithin + t.corporate.stage2.maximumExtension },
    stage3: { panelWithin: s3.panelWithin, panelReportWithin: s3.panelReportWithin, councilResponseWithin: s3.councilResponseWithin },
  };
}

// The rows are read as arrays, in the order of the columns selected: at a million cases the current
// year is 120,000 cases and 60,000 stages, and an object made for each row was a fifth of the read
// (decision 054).
type FactRow = [
  id: number,
  kind: ReportFact["kind"],
  process: ReportFact["process"],
  status: string,
  receivedOn: string,
  method: string,
  receivedFrom: string | null,
  nature: string | null,
  teamId: number | null,
  refusalReason: string | null,
  importedAt: number | null,
];

type StageRow = [
  id: number,
  representationId: number,
  sequence: number,
  kind: StageKind,
  state: StageState,
  startedOn: string,
  requestedOn: string | null,
  respondedOn: string | null,
  finding: string | null,
  panelOn: string | null,
  panelReportOn: string | null,
  ombudsmanDecision: string | null,
  remedyPence: number | null,
  offered: number | null,
  agreed: number | null,
  paid: number | null,
];

/**
 * Every representation the five years' tables can count: received in them, or with a stage
 * started or answered in them (decision 044). The cases received in the years are read from the
 * covering index on received_on, never the wide row with the answers. The few received before
 * them with a stage started or answered in them are found once (the cases of the stages in the
 * years, from the two stage date indexes alone, less those already read) and then read by id.
 */
export function reportFactQueries(year: number, firstYear = year - YEARS_SHOWN + 1) {
  const from = yearRange(firstYear).from;
  const to = yearRange(year).to;
  const columns = sql`r.id, r.kind, r.process, r.status, r.received_on, r.method_received, r.received_from, r.primary_nature, r.team_id, r.refusal_reason, r.imported_at`;
  const ids = (lateIds: number[]) => sql`
    select id from representations indexed by representations_report_idx where received_on between ${from} and ${to}
    union all select value from json_each(${JSON.stringify(lateIds)})`;
  return {
    range: { from, to },
    // The short lists (received-from codes, team names, finding labels) and the equality answers
    // and costs are read apart and joined in memory: a join here would be half a million index
    // lookups for each.
    received: sql`select ${columns} from representations r indexed by representations_report_idx where r.received_on between ${from} and ${to}`,
    /** The cases of the stages started or answered in the years, from the two stage date indexes alone. */
    stageCases: sql`select representation_id from stages where responded_on between ${from} and ${to}
      union all select representation_id from stages where started_on between ${from} and ${to}`,
    /** The few cases received outside the years that one of their stages brings in. */
    late: (lateIds: number[]) => sql`select ${columns} from representations r where r.id in (select value from json_each(${JSON.stringify(lateIds)}))`,
    // Stages and outcomes sought are read for a list of case ids, which SQLite walks in id order:
    // the stages lie in roughly that order on disk, where walking the cases by the day received
    // jumped about the table (three times slower at a million).
    stages: (lateIds: number[]) => sql`
      select s.id, s.representation_id, s.sequence, s.kind, s.state, s.started_on, s.requested_on, s.responded_on, s.finding,
        s.panel_on, s.panel_report_on, s.ombudsman_decision, s.remedy_pence,
        s.compensation_offered_pence, s.compensation_agreed_pence, s.compensation_paid_pence
      from stages s where s.representation_id in (${ids(lateIds)})`,
    sought: (lateIds: number[]) => sql`
      select c.representation_id, v.label from case_codes c join reference_values v on v.id = c.reference_value_id
      where c.list = 'outcome-sought' and c.representation_id in (${ids(lateIds)})`,
  };
}

/** The facts of the years from `firstYear` to `year` (the five years shown unless told). */
export function reportFacts(db: Db, year: number, firstYear?: number): ReportFact[] {
  const queries = reportFactQueries(year, firstYear);
  const rows = db.values<FactRow>(queries.received);
  const inYears = new Set(rows.map((r) => r[0]));
  const late = [...new Set(db.values<[number]>(queries.stageCases).map((r) => r[0]))].filter((id) => !inYears.has(id));
  if (late.length) rows.push(...db.values<FactRow>(queries.late(late)));
  const stageRows = db.values<StageRow>(queries.stages(late));
  const sought = db.all<{ representation_id: number; label: string }>(queries.sought(late));
  const receivedFromCodes = new Map(
    db.all<{ label: string; code: string | null }>(sql`select label, code from reference_values where list = 'received-from'`).map((v) => [v.label, v.code]),
  );
  // A stage's finding is the finding list's code (decision 028); the report's rows are its labels.
  const findingLabels = new Map(db.all<{ label: string; code: string | null }>(sql`select label, code from reference_values where list = 'finding'`).map((v) => [v.code, v.label]));
  const teamNames = new Map(db.all<{ id: number; name: string }>(sql`select id, name from teams`).map((t) => [t.id, t.name]));
  const equalityOf = new Map(
    db.all<{ representation_id: number; age_band: string | null; gender: string | null; disability: string | null; ethnic_group: string | null }>(
      sql`select representation_id, age_band, gender, disability, ethnic_group from equality_responses`,
    ).map((e) => [e.representation_id, { ageBand: e.age_band, gender: e.gender, disability: e.disability, ethnicGroup: e.ethnic_group }]),
  );
  const costOf = new Map(
    db.all<{ stage_id: number; cost: number }>(sql`select stage_id, sum(cost_pence) as cost from stage_people where cost_pence is not null group by stage_id`).map((c) => [c.stage_id, c.cost]),
  );
  // A young person's standing depends only on the received-from value: worked out once for each.
  const youngOf = new Map<string | null, boolean>();
  const isYoung = (receivedFrom: string | null) => {
    let young = youngOf.get(receivedFrom);
    if (young === undefined) {
      young = standingOf({ receivedFrom: receivedFrom ?? undefined, receivedFromCode: (receivedFrom && receivedFromCodes.get(receivedFrom)) ?? undefined }) === "child";
      youngOf.set(receivedFrom, young);
    }
    return young;
  };

  const stagesOf = new Map<number, Array<[number, ReportStage]>>();
  // What outcomeFacts would read again for the stages answered in the years: already on these rows.
  const answeredRows = new Map<number, AnsweredRow>();
  for (const s of stageRows) {
    const [id, representationId, sequence, kind, state, startedOn, requestedOn, respondedOn, finding, panelOn, panelReportOn, ombudsmanDecision, remedyPence, offered, agreed, paid] = s;
    let list = stagesOf.get(representationId);
    if (!list) stagesOf.set(representationId, (list = []));
    list.push([
      sequence,
      {
        id, kind, state, startedOn, requestedOn, respondedOn,
        finding: finding === null ? null : (findingLabels.get(finding) ?? finding),
        panelOn, panelReportOn, ombudsmanDecision, remedyPence, costPence: costOf.get(id) ?? 0,
      },
    ]);
    answeredRows.set(id, { id, finding, offered, agreed, paid });
  }
  const soughtOf = new Map<number, string[]>();
  for (const o of sought) {
    const list = soughtOf.get(o.representation_id);
    if (list) list.push(o.label);
    else soughtOf.set(o.representation_id, [o.label]);
  }
  // In the order of the stages (a union of two parts promises no order, and the index gives it within each case).
  const inOrder = (list: Array<[number, ReportStage]> | undefined): ReportStage[] => (list ? list.sort((a, b) => a[0] - b[0]).map((s) => s[1]) : []);

  const facts = rows.map(([id, kind, process, status, receivedOn, method, receivedFrom, nature, teamId, refusalReason, importedAt]) => ({
    id,
    kind,
    process,
    status,
    receivedOn,
    method,
    receivedFrom,
    nature,
    team: teamId === null ? null : (teamNames.get(teamId) ?? null),
    youngPerson: isYoung(receivedFrom),
    refusalReason,
    outcomesSought: soughtOf.get(id) ?? [],
    equality: equalityOf.get(id) ?? null,
    // The equality questions are offered after the public e-form is sent (app/components/equality-offer.tsx).
    equalityOffered: method === METHOD_EFORM || method === METHOD_YOUNG_PERSONS_EFORM,
    imported: importedAt !== null,
    stages: inOrder(stagesOf.get(id)),
  }));
  outcomeFacts(db, facts, queries.range, answeredRows);
  return facts;
}

/**
 * What issue 10's records add to the facts (decision 043), keyed by stage and representation id:
 * each answered stage's finding code, compensation, actual outcomes, points and costs by role, and
 * whether the public form made an advocacy referral. The stages are those already read (decision
 * 050): looked up by their ids, in id order, rather than found again by the day of their response
 * and read where they lie (three times slower at a million); the referrals from their own small
 * index.
 */
export function outcomeFacts(db: Db, facts: ReportFact[], range: { from: string; to: string }, stageRows?: Map<number, AnsweredRow>) {
  const stageById = new Map<number, ReportStage>();
  for (const f of facts)
    for (const s of f.stages) if (s.id !== undefined && s.respondedOn !== null && s.respondedOn >= range.from && s.respondedOn <= range.to) stageById.set(s.id, s);
  const answered = outcomeFactQueries(range, [...stageById.keys()].sort((a, b) => a - b));
  // reportFacts read these columns with the stages (decision 054): read again only when not given.
  const rows = stageRows ? [...stageById.keys()].map((id) => stageRows.get(id)).filter((r) => r !== undefined) : db.all<AnsweredRow>(answered.stages);
  for (const r of rows) {
    const stage = stageById.get(r.id);
    if (!stage) continue;
    stage.findingCode = r.finding && isFindingCode(r.finding) ? r.finding : null;
    stage.compensation = { offeredPence: r.offered, agreedPence: r.agreed, paidPence: r.paid };
    stage.actualOutcomes = [];
    stage.points = [];
  }
  for (const o of db.all<{ stage_id: number; label: string }>(answered.outcomes)) stageById.get(o.stage_id)?.actualOutcomes?.push(o.label);
  for (const p of db.all<{ stage_id: number; finding: string }>(answered.points)) stageById.get(p.stage_id)?.points?.push(p.finding);
  for (const c of db.all<{ stage_id: number; role: string; pence: number }>(answered.costs)) {
    const stage = stageById.get(c.stage_id);
    if (stage) stage.costsByRole = { ...stage.costsByRole, [c.role]: c.pence };
  }
  const referred = new Set(db.all<{ id: number }>(answered.referred).map((r) => r.id));
  for (const f of facts) f.advocacyReferred = f.id !== undefined && referred.has(f.id);
}

/** A stage's finding code and compensation, as outcomeFacts reads them. */
interface AnsweredRow {
  id: number;
  finding: string | null;
  offered: number | null;
  agreed: number | null;
  paid: number | null;
}

/** outcomeFacts' reads, for the ids of the stages answered in the range (apart, so their plans can be checked). */
export function outcomeFactQueries(range: { from: string; to: string }, stageIds: number[]) {
  const ids = sql`select value from json_each(${JSON.stringify(stageIds)})`;
  return {
    stages: sql`select id, finding, compensation_offered_pence as offered, compensation_agreed_pence as agreed, compensation_paid_pence as paid
      from stages where id in (${ids})`,
    outcomes: sql`select c.stage_id, v.label from stage_codes c join reference_values v on v.id = c.reference_value_id
      where c.list = 'actual-outcome' and c.stage_id in (${ids})`,
    points: sql`select stage_id, finding from stage_points where stage_id in (${ids}) order by stage_id, position`,
    costs: sql`select stage_id, role, sum(cost_pence) as pence from stage_people where stage_id in (${ids}) and cost_pence is not null group by stage_id, role`,
    referred: sql`select id from representations indexed by representations_advocacy_idx where received_on between ${range.from} and ${range.to} and advocacy_referred = 1`,
  };
}

/** The experience answers and learning actions of the years (five unless told): not one representation's, so read by their own dates. */
export function reportExtras(db: Db, year: number, firstYear = year - YEARS_SHOWN + 1): ReportExtras {
  const from = yearRange(firstYear).from;
  const to = yearRange(year).to;
  const experience = db
    .all<{ stage_kind: StageKind; month: string; easy: string | null; listened: string | null; again: string | null; young_person: number | null }>(sql`
      select stage_kind, month, easy, listened, again, young_person from experience_responses where month between ${from.slice(0, 7)} and ${to.slice(0, 7)}`)
    .map((e): ExperienceFact => ({ stageKind: e.stage_kind, month: e.month, easy: e.easy, listened: e.listened, again: e.again, youngPerson: e.young_person === null ? null : e.young_person === 1 }));
  // Raised is a London day; a day either side of the UTC range catches the hours the clocks differ.
  const dayMs = 86_400_000;
  const learning = db
    .all<{ created_at: number; state: string; team: string; due_on: string; done_on: string | null }>(sql`
      select l.created_at, l.state, t.name as team, l.due_on, l.done_on from learning_actions l join teams t on t.id = l.team_id
      where l.created_at between ${Date.parse(from) - dayMs} and ${Date.parse(to) + 2 * dayMs}`)
    .map((l) => ({ raisedOn: londonDate(new Date(l.created_at)), state: l.state, team: l.team, dueOn: l.due_on, doneOn: l.done_on }));
  return { experience, learning };
}

/** The report counted afresh from every fact of the five years, reading and keeping nothing: what kept counts must equal. */
export function annualReportAfresh(db: Db, year: number, only?: TableId): ReportTable[] {
  return buildReport({ year, facts: reportFacts(db, year), lists: reportLists(db), limits: reportLimits(db), extras: reportExtras(db, year), only });
}

/**
 * The report (decision 050): the years whose counts are kept under today's key are read, the
 * others counted afresh, and the closed ones among them are kept (in process, on this connection).
 */
export function annualReport(db: Db, year: number, only?: TableId, options: { today?: IsoDate } = {}): ReportTable[] {
  const counted = countReport(db, year, { only, today: options.today });
  if (counted.keep) keepCounts(db, counted.keep);
  return counted.tables;
}

/** What a report counted afresh for closed years, to keep: the generation and key it was counted under. */
export interface KeepRequest {
  generation: number;
  key: string;
  parts: Array<{ year: number; part: YearPart }>;
}

export interface CountedReport {
  tables: ReportTable[];
  /** Counts to keep (closed years counted afresh), or null. */
  keep: KeepRequest | null;
  /** The years read from kept counts, and those counted from the facts. */
  kept: number[];
  counted: number[];
}

/**
 * The fingerprint of what counting reads besides the records: the counting version, the lists
 * (labels, codes, groups, order; team names), the timescale limits. A change to any makes every
 * kept year's counts stale, as a trigger on those small tables would, without one.
 */
export function countingKey(db: Db, lists: ReportLists, limits: ReportLimits): string {
  const values = db.all(sql`select id, list, code, label, group_label from reference_values order by id`);
  const teamRows = db.all(sql`select id, name from teams order by id`);
  return createHash("sha256").update(JSON.stringify({ version: COUNTING_VERSION, lists, limits, values, teamRows })).digest("hex");
}

/**
 * Reads what is kept and counts the rest, in one read transaction (one snapshot: the facts, the
 * kept counts and the generation agree). Writes nothing, so the worker's read-only connection can
 * run it; `keepCounts` writes what it returns.
 */
export function countReport(db: Db, year: number, options: { only?: TableId; today?: IsoDate } = {}): CountedReport {
  const closedBefore = financialYearOf(options.today ?? londonDate(new Date()));
  return db.transaction(
    (tx) => {
      const lists = reportLists(tx);
      const limits = reportLimits(tx);
      const key = countingKey(tx, lists, limits);
      const generation = tx.select({ generation: reportKeptState.generation }).from(reportKeptState).get()?.generation ?? 0;
      const years = yearsShown(year);
      const kept = new Map(
        tx
          .select({ year: reportKeptCounts.year, counts: reportKeptCounts.counts })
          .from(reportKeptCounts)
          .where(and(inArray(reportKeptCounts.year, years), eq(reportKeptCounts.key, key)))
          .all()
          .map((r) => [r.year, JSON.parse(r.counts) as YearPart]),
      );
      const counted = years.filter((y) => !kept.has(y));
      let fresh: YearPart[] = [];
      if (counted.length) {
        const first = Math.min(...counted);
        const last = Math.max(...counted);
        const tallies = countTables({ facts: reportFacts(tx, last, first), years: counted, lists, limits, extras: reportExtras(tx, last, first) });
        fresh = counted.map((_, column) => yearPart(tallies, column));
      }
      const parts = years.map((y) => kept.get(y) ?? (fresh[counted.indexOf(y)] as YearPart));
      const toKeep = counted.filter((y) => y < closedBefore).map((y) => ({ year: y, part: fresh[counted.indexOf(y)] as YearPart }));
      return {
        tables: tablesFromCounts({ year, tallies: fromParts(parts), lists, limits, only: options.only }),
        keep: toKeep.length ? { generation, key, parts: toKeep } : null,
        kept: [...kept.keys()],
        counted,
      };
    },
    { behavior: "deferred" },
  );
}

/**
 * Keeps a closed year's counts, unless a write that could change a closed year came after the
 * snapshot they were counted from (the triggers bumped the generation): then the next report
 * counts them again. A short write transaction.
 */
export function keepCounts(db: Db, keep: KeepRequest, now = new Date()): boolean {
  return db.transaction((tx) => {
    const generation = tx.select({ generation: reportKeptState.generation }).from(reportKeptState).get()?.generation ?? 0;
    if (generation !== keep.generation) return false;
    for (const { year, part } of keep.parts) {
      const row = { year, key: keep.key, counts: JSON.stringify(part), countedAt: now };
      tx.insert(reportKeptCounts).values(row).onConflictDoUpdate({ target: reportKeptCounts.year, set: row }).run();
    }
    return true;
  });
}

export function savedNarrative(db: Db, year: number): { text: string; updatedAt: Date } | null {
  const row = db.select().from(reportNarratives).where(eq(reportNarratives.year, year)).get();
  return row ? { text: row.text, updatedAt: row.updatedAt } : null;
}

/** Saves the year's summary as staff edited it. The audit says who and when, never the words. */
export function saveNarrative(db: Db, input: { actorId: number; year: number; text: string; now?: Date }) {
  const now = input.now ?? new Date();
  db.transaction((tx) => {
    tx.insert(reportNarratives)
      .values({ year: input.year, text: input.text, updatedById: input.actorId, updatedAt: now })
      .onConflictDoUpdate({ target: reportNarratives.year, set: { text: input.text, updatedById: input.actorId, updatedAt: now } })
      .run();
    audit(tx, { staffUserId: input.actorId, action: "report.narrative-saved", entity: "report", entityId: String(input.year), at: now });
  });
}
