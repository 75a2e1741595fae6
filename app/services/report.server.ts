import { eq, sql } from "drizzle-orm";
import { reportNarratives, teams } from "../../db/schema";
import demographics from "../../db/seed-data/demographics.json";
import timescales from "../../db/seed-data/timescales.json";
import { slugify } from "../domain/equality";
import { standingOf } from "../domain/eligibility";
import { METHOD_EFORM, METHOD_YOUNG_PERSONS_EFORM } from "../domain/representation";
import type { ReportFact, ReportLimits, ReportLists, ReportStage } from "../domain/report/facts";
import { readSuppressionThreshold } from "../domain/report/numbers";
import { buildReport, FAULT_FINDING_CODES, type ReportTable, type TableId } from "../domain/report/tables";
import { yearRange, yearsShown } from "../domain/report/years";
import type { StageKind, StageState } from "../domain/stages";
import { audit } from "./audit.server";
import type { Db } from "./db.server";
import { effectiveTimescales, getSettings } from "./settings.server";

/**
 * The annual report's reads (decision 032): four aggregate queries over indexed columns
 * (representations by received_on, stages by responded_on/started_on) for the five years shown,
 * then the counting in app/domain/report. No query per record.
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
    faultFindings: values.filter((v) => v.list === "finding" && v.code !== null && FAULT_FINDING_CODES.includes(v.code)).map((v) => v.label),
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
  received_from_code: string | null;
  primary_nature: string | null;
  team: string | null;
  refusal_reason: string | null;
  imported_at: number | null;
  age_band: string | null;
  gender: string | null;
  disability: string | null;
  ethnic_group: string | null;
  has_equality: number | null;
}

interface StageRow {
  representation_id: number;
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
  cost_pence: number | null;
}

/** Every representation the five years' tables can count: received in them, or with a stage started or answered in them. */
export function reportFacts(db: Db, year: number): ReportFact[] {
  const years = yearsShown(year);
  const from = yearRange(years[years.length - 1] ?? year).from;
  const to = yearRange(year).to;
  const inScope = sql`(
    select id from representations where received_on between ${from} and ${to}
    union select representation_id from stages where responded_on between ${from} and ${to}
    union select representation_id from stages where started_on between ${from} and ${to}
  )`;
  const rows = db.all<FactRow>(sql`
    select r.id, r.kind, r.process, r.status, r.received_on, r.method_received, r.received_from, rf.code as received_from_code,
      r.primary_nature, t.name as team, r.refusal_reason, r.imported_at,
      e.age_band, e.gender, e.disability, e.ethnic_group, e.id as has_equality
    from representations r
    left join reference_values rf on rf.list = 'received-from' and rf.label = r.received_from
    left join teams t on t.id = r.team_id
    left join equality_responses e on e.representation_id = r.id
    where r.id in ${inScope}`);
  const stageRows = db.all<StageRow>(sql`
    select s.representation_id, s.kind, s.state, s.started_on, s.requested_on, s.responded_on,
      -- a stage's finding is the finding list's code (decision 028); the report's rows are its labels
      coalesce(fv.label, s.finding) as finding, s.panel_on, s.panel_report_on,
      s.ombudsman_decision, s.remedy_pence, (select sum(p.cost_pence) from stage_people p where p.stage_id = s.id) as cost_pence
    from stages s left join reference_values fv on fv.list = 'finding' and fv.code = s.finding where s.representation_id in ${inScope} order by s.representation_id, s.sequence`);
  const sought = db.all<{ representation_id: number; label: string }>(sql`
    select c.representation_id, v.label from case_codes c join reference_values v on v.id = c.reference_value_id
    where c.list = 'outcome-sought' and c.representation_id in ${inScope}`);

  const stagesOf = new Map<number, ReportStage[]>();
  for (const s of stageRows) {
    const list = stagesOf.get(s.representation_id) ?? [];
    stagesOf.set(s.representation_id, list);
    list.push({
      kind: s.kind, state: s.state, startedOn: s.started_on, requestedOn: s.requested_on, respondedOn: s.responded_on, finding: s.finding,
      panelOn: s.panel_on, panelReportOn: s.panel_report_on, ombudsmanDecision: s.ombudsman_decision, remedyPence: s.remedy_pence, costPence: s.cost_pence ?? 0,
    });
  }
  const soughtOf = new Map<number, string[]>();
  for (const o of sought) soughtOf.set(o.representation_id, [...(soughtOf.get(o.representation_id) ?? []), o.label]);

  return rows.map((r) => ({
    kind: r.kind,
    process: r.process,
    status: r.status,
    receivedOn: r.received_on,
    method: r.method_received,
    receivedFrom: r.received_from,
    nature: r.primary_nature,
    team: r.team,
    youngPerson: standingOf({ receivedFrom: r.received_from ?? undefined, receivedFromCode: r.received_from_code ?? undefined }) === "child",
    refusalReason: r.refusal_reason,
    outcomesSought: soughtOf.get(r.id) ?? [],
    equality: r.has_equality ? { ageBand: r.age_band, gender: r.gender, disability: r.disability, ethnicGroup: r.ethnic_group } : null,
    // The equality questions are offered after the public e-form is sent (app/components/equality-offer.tsx).
    equalityOffered: r.method_received === METHOD_EFORM || r.method_received === METHOD_YOUNG_PERSONS_EFORM,
    imported: r.imported_at !== null,
    stages: stagesOf.get(r.id) ?? [],
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
