import { CsvError, parse } from "csv-parse/sync";
import { inArray, sql } from "drizzle-orm";
import { caseCodes, representations, stageCodes, stagePeople, stagePoints, stages, teams } from "../../db/schema";
import { londonDate, parseIsoDate, type IsoDate } from "../domain/calendar";
import { checkHeader, checkRows, type ImportLookup, type ImportProblem, type ImportRecord, type ListValue } from "../domain/report/import-rows";
import { audit } from "./audit.server";
import { uniqueReference } from "./create-representation.server";
import type { Db } from "./db.server";

/**
 * `npm run import -- FILE.csv` and the administrator's import page (decision 033). The whole file
 * is checked first; if any row has a problem nothing is imported and every problem is reported
 * with its line number. Rows whose source reference was imported before are skipped, so the same
 * file imported twice adds nothing.
 */

export interface ImportResult {
  status: "imported" | "rejected";
  problems: ImportProblem[];
  /** Data rows in the file. */
  rows: number;
  imported: number;
  alreadyImported: number;
}

/** Files larger than this are refused before they are read (about 100,000 rows). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** Historic records carry no personal details: these stand in for the name the record must have. */
export const IMPORTED_PERSON = "(imported record)";
const IMPORTED_COST_NAME = "(cost imported from the old case system)";
/** Old systems keep how many points were upheld, not the points' words: these stand in for them. */
export const IMPORTED_POINT = "(point of complaint imported from the old case system)";

/** Reference values by list and label: what the import stores for a matched label. */
type ValueIds = Map<string, number>;
const valueKey = (list: string, label: string) => `${list}\u0000${label}`;

function lookupOf(db: Db): { lookup: ImportLookup; valueIds: ValueIds } {
  const values = db.all<{ id: number; list: string; label: string; code: string | null }>(sql`select id, list, label, code from reference_values order by list, sort_order, id`);
  const of = (list: string): ListValue[] => values.filter((v) => v.list === list).map((v) => ({ label: v.label, code: v.code }));
  return {
    lookup: {
      "method-received": of("method-received"),
      "received-from": of("received-from"),
      "nature-social-care": of("nature-social-care"),
      "nature-corporate": of("nature-corporate"),
      "outcome-sought": of("outcome-sought"),
      "refusal-reason-statutory": of("refusal-reason-statutory"),
      "refusal-reason-corporate": of("refusal-reason-corporate"),
      finding: of("finding"),
      "actual-outcome": of("actual-outcome"),
      "ombudsman-decision": of("ombudsman-decision"),
      teams: db.select({ id: teams.id, name: teams.name }).from(teams).all(),
    },
    valueIds: new Map(values.map((v) => [valueKey(v.list, v.label), v.id])),
  };
}

function readCsv(text: string): { header: string[]; rows: Array<{ line: number; cells: Record<string, string> }> } | ImportProblem {
  try {
    const records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false, info: true, trim: false }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    const [first, ...rest] = records;
    if (!first) return { line: 1, column: null, code: "empty" };
    const header = first.record.map((h) => h.trim().toLowerCase());
    return {
      header,
      rows: rest.map(({ record, info }) => ({ line: info.lines, cells: Object.fromEntries(header.map((h, i) => [h, record[i] ?? ""])) })),
    };
  } catch (error) {
    if (error instanceof CsvError) return { line: (error as CsvError & { lines?: number }).lines ?? 1, column: null, code: "unreadable" };
    throw error;
  }
}

export function importHistoric(db: Db, input: { csv: string; actorId: number | null; now?: Date }): ImportResult {
  const now = input.now ?? new Date();
  const read = readCsv(input.csv);
  if ("code" in read) return { status: "rejected", problems: [read], rows: 0, imported: 0, alreadyImported: 0 };
  const headerProblems = checkHeader(read.header);
  if (headerProblems.length) return { status: "rejected", problems: headerProblems, rows: read.rows.length, imported: 0, alreadyImported: 0 };
  const { lookup, valueIds } = lookupOf(db);
  const { records, problems } = checkRows(read.rows, lookup, londonDate(now));
  if (problems.length) return { status: "rejected", problems, rows: read.rows.length, imported: 0, alreadyImported: 0 };

  return db.transaction((tx) => {
    const known = new Set<string>();
    const refs = records.map((r) => r.sourceReference);
    for (let i = 0; i < refs.length; i += 500) {
      for (const row of tx.select({ ref: representations.sourceReference }).from(representations).where(inArray(representations.sourceReference, refs.slice(i, i + 500))).all()) {
        if (row.ref) known.add(row.ref);
      }
    }
    let imported = 0;
    for (const record of records) {
      if (known.has(record.sourceReference)) continue;
      insertRecord(tx, record, valueIds, now);
      imported += 1;
    }
    const alreadyImported = records.length - imported;
    audit(tx, { staffUserId: input.actorId, action: "report.imported", entity: "report", entityId: "import", at: now, details: { rows: records.length, imported, alreadyImported } });
    return { status: "imported" as const, problems: [], rows: records.length, imported, alreadyImported };
  });
}

const at = (date: IsoDate) => parseIsoDate(date);

function insertRecord(tx: Db, record: ImportRecord, valueIds: ValueIds, now: Date) {
  const idsOf = (list: string, labels: string[]) => labels.map((label) => valueIds.get(valueKey(list, label))).filter((id): id is number => id !== undefined);
  const last = record.stages.reduce<IsoDate>((latest, s) => (s.respondedOn > latest ? s.respondedOn : latest), record.receivedOn);
  const inserted = tx
    .insert(representations)
    .values({
      reference: uniqueReference(tx),
      kind: record.kind,
      status: record.refusalReason ? "refused" : "closed",
      process: record.process,
      methodReceived: record.methodReceived,
      receivedAt: at(record.receivedOn),
      receivedOn: record.receivedOn,
      personName: IMPORTED_PERSON,
      personRelationship: "someone-else",
      answers: {},
      representationType: null,
      receivedFrom: record.receivedFrom?.label ?? null,
      primaryNature: record.nature,
      teamId: record.teamId,
      eligibility: record.receivedFrom?.code ? { receivedFromCode: record.receivedFrom.code } : null,
      refusalReason: record.refusalReason,
      decidedAt: at(record.receivedOn),
      // Retention counts from the end of the case, as for any other.
      closedAt: at(last),
      importedAt: now,
      sourceReference: record.sourceReference,
      advocacyReferred: record.advocacyReferred,
    })
    .returning({ id: representations.id })
    .get();
  const main = record.stages.filter((s) => s.kind !== "ombudsman");
  record.stages.forEach((s, index) => {
    const followed = s.kind !== "ombudsman" && main.indexOf(s) < main.length - 1;
    const stage = tx
      .insert(stages)
      .values({
        representationId: inserted.id,
        sequence: index + 1,
        kind: s.kind,
        state: followed ? "escalated" : "closed",
        startedOn: s.startedOn,
        requestedOn: s.requestedOn,
        respondedOn: s.respondedOn,
        closedOn: s.respondedOn,
        finding: s.finding,
        panelOn: s.panelOn,
        panelReportOn: s.panelReportOn,
        ombudsmanDecision: s.ombudsmanDecision,
        remedyPence: s.remedyPence,
        // The days of the payments are not in old exports; the report counts by the response.
        compensationOfferedPence: s.compensation.offeredPence,
        compensationAgreedPence: s.compensation.agreedPence,
        compensationPaidPence: s.compensation.paidPence,
      })
      .returning({ id: stages.id })
      .get();
    if (s.costPence !== null) {
      tx.insert(stagePeople)
        .values({ stageId: stage.id, role: s.kind === "statutory-stage3" ? "panel-chair" : "investigating-officer", name: IMPORTED_COST_NAME, costPence: s.costPence })
        .run();
    }
    // The same rows a response made here writes (stage_codes, stage_points), so the report reads them unchanged.
    const outcomes = idsOf("actual-outcome", s.actualOutcomes);
    if (outcomes.length) tx.insert(stageCodes).values(outcomes.map((referenceValueId) => ({ stageId: stage.id, list: "actual-outcome", referenceValueId }))).run();
    if (s.points.length) tx.insert(stagePoints).values(s.points.map((finding, i) => ({ stageId: stage.id, position: i + 1, point: IMPORTED_POINT, finding, reasons: "" }))).run();
  });
  const codes = idsOf("outcome-sought", record.outcomesSought);
  if (codes.length) {
    tx.insert(caseCodes)
      .values(codes.map((referenceValueId) => ({ representationId: inserted.id, list: "outcome-sought", referenceValueId })))
      .onConflictDoNothing()
      .run();
  }
}
