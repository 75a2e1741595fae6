import { eq, sql } from "drizzle-orm";
import { reportNarratives, teams } from "../../db/schema";
import demographics from "../../db/seed-data/demographics.json";
import timescales from "../../db/seed-data/timescales.json";
import { slugify } from "../domain/equality";
import { standingOf } from "../domain/eligibility";
import { METHOD_EFORM, METHOD_YOUNG_PERSONS_EFORM } from "../domain/representation";
import type { ReportFact, ReportLimits, ReportLists, ReportStage } from "../domain/report/facts";
import { DEFAULT_SUPPRESSION_THRESHOLD } from "../domain/report/numbers";
import { buildReport, type ReportTable, type TableId } from "../domain/report/tables";
import { yearRange, yearsShown } from "../domain/report/years";
import type { StageKind, StageState } from "../domain/stages";
import { audit } from "./audit.server";
import type { Db } from "./db.server";
import { effectiveTimescales } from "./settings.server";

/**
 * The annual report's reads (decisions 032 and 044): three queries over indexed columns
 * (representations by received_on, stages by responded_on/started_on) for the five years shown,
 * then the counting in app/domain/report. No query per record.
 */

const SUPPRESSION_KEY = "reportSuppressionThreshold";

/** Counts below this are not shown in the report (a setting; 0 turns suppression off). */
export function suppressionThreshold(db: Db): number {
  const row = db.all<{ value: string }>(sql`select value from settings where key = ${SUPPRESSION_KEY}`)[0];
  const n = row ? Number(row.value) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : DEFAULT_SUPPRESSION_THRESHOLD;
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

interface FactRow {
  id: number;
  kind: ReportFact["kind"];
  process: ReportFact["process"];
  status: string;
  received_on: string;
  method_received: string;
  received_from: string | null;
  primary_nature: string | null;
  team_id: number | null;
  refusal_reason: string | null;
  imported_at: number | null;
}

interface StageRow {
  id: number;
  representation_id: number;
  sequence: number;
  kind: StageKind;
  state: StageState;
  started_on: string;
  requested_on: string | null;
  responded_on: string | null;
  finding: string | null;
  panel_on: string | null;
  panel_report_on: string | null;
  ombudsman_decision: string | null;
  remedy_pence: number | null;
}

/**
 * Every representation the five years' tables can count: received in them, or with a stage
 * started or answered in them (decision 044). The cases received in the years are read from the
 * covering index on received_on, never the wide row with the answers. The few received before
 * them with a stage started or answered in them are found once (the cases of the stages in the
 * years, from the two stage date indexes alone, less those already read) and then read by id.
 */
export function reportFactQueries(year: number) {
  const years = yearsShown(year);
  const from = yearRange(years[years.length - 1] ?? year).from;
  const to = yearRange(year).to;
  const columns = sql`r.id, r.kind, r.process, r.status, r.received_on, r.method_received, r.received_from, r.primary_nature, r.team_id, r.refusal_reason, r.imported_at`;
  const ids = (lateIds: number[]) => sql`
    select id from representations indexed by representations_report_idx where received_on between ${from} and ${to}
    union all select value from json_each(${JSON.stringify(lateIds)})`;
  return {
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
        s.panel_on, s.panel_report_on, s.ombudsman_decision, s.remedy_pence
      from stages s where s.representation_id in (${ids(lateIds)})`,
    sought: (lateIds: number[]) => sql`
      select c.representation_id, v.label from case_codes c join reference_values v on v.id = c.reference_value_id
      where c.list = 'outcome-sought' and c.representation_id in (${ids(lateIds)})`,
  };
}

export function reportFacts(db: Db, year: number): ReportFact[] {
  const queries = reportFactQueries(year);
  const rows = db.all<FactRow>(queries.received);
  const inYears = new Set(rows.map((r) => r.id));
  const late = [...new Set(db.values<[number]>(queries.stageCases).map((r) => r[0]))].filter((id) => !inYears.has(id));
  if (late.length) rows.push(...db.all<FactRow>(queries.late(late)));
  const stageRows = db.all<StageRow>(queries.stages(late));
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

  const stagesOf = new Map<number, Array<[number, ReportStage]>>();
  for (const s of stageRows) {
    let list = stagesOf.get(s.representation_id);
    if (!list) stagesOf.set(s.representation_id, (list = []));
    list.push([
      s.sequence,
      {
        kind: s.kind, state: s.state, startedOn: s.started_on, requestedOn: s.requested_on, respondedOn: s.responded_on,
        finding: s.finding === null ? null : (findingLabels.get(s.finding) ?? s.finding),
        panelOn: s.panel_on, panelReportOn: s.panel_report_on, ombudsmanDecision: s.ombudsman_decision, remedyPence: s.remedy_pence, costPence: costOf.get(s.id) ?? 0,
      },
    ]);
  }
  const soughtOf = new Map<number, string[]>();
  for (const o of sought) {
    const list = soughtOf.get(o.representation_id);
    if (list) list.push(o.label);
    else soughtOf.set(o.representation_id, [o.label]);
  }
  // In the order of the stages (a union of two parts promises no order, and the index gives it within each case).
  const inOrder = (list: Array<[number, ReportStage]> | undefined): ReportStage[] => (list ? list.sort((a, b) => a[0] - b[0]).map((s) => s[1]) : []);

  return rows.map((r) => ({
    kind: r.kind,
    process: r.process,
    status: r.status,
    receivedOn: r.received_on,
    method: r.method_received,
    receivedFrom: r.received_from,
    nature: r.primary_nature,
    team: r.team_id === null ? null : (teamNames.get(r.team_id) ?? null),
    youngPerson: standingOf({ receivedFrom: r.received_from ?? undefined, receivedFromCode: (r.received_from && receivedFromCodes.get(r.received_from)) ?? undefined }) === "child",
    refusalReason: r.refusal_reason,
    outcomesSought: soughtOf.get(r.id) ?? [],
    equality: equalityOf.get(r.id) ?? null,
    // The equality questions are offered after the public e-form is sent (app/components/equality-offer.tsx).
    equalityOffered: r.method_received === METHOD_EFORM || r.method_received === METHOD_YOUNG_PERSONS_EFORM,
    imported: r.imported_at !== null,
    stages: inOrder(stagesOf.get(r.id)),
  }));
}

export function annualReport(db: Db, year: number, only?: TableId): ReportTable[] {
  return buildReport({ year, facts: reportFacts(db, year), lists: reportLists(db), limits: reportLimits(db), only });
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
