import type Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { staffOf } from "../../test/cases";
import { createTestDb } from "../../test/db";
import { addCalendarDays, londonDate, type IsoDate } from "../domain/calendar";
import { financialYearOf } from "../domain/report/years";
import type { Db } from "./db.server";
import { annualReport, annualReportAfresh, countReport, keepCounts } from "./report.server";
import { getTimescaleSettings, updateTimescales } from "./settings.server";

// Decision 050: counts kept per closed financial year. After ANY write to a table the report reads,
// the report built from what is kept must equal the report counted afresh. Each write below is made
// straight in SQL, as an import, the retention job or a script would: the triggers catch every
// writer. Each also changes the report, so without its trigger the kept counts would be stale and
// the comparison would fail.

const TODAY = londonDate(new Date());
const CURRENT = financialYearOf(TODAY);
/** The report for the last closed year: all five years shown are closed, so all are kept. */
const YEAR = CURRENT - 1;
const day = (fy: number, monthDay: string) => `${Number(monthDay.slice(0, 2)) >= 4 ? fy : fy + 1}-${monthDay}` as IsoDate;

let db: Db;
let client: Database.Database;
let ownerId: number;
const ids: Record<string, number> = {};

function representation(reference: string, receivedOn: IsoDate, more: { kind?: string; process?: string | null; team?: number } = {}): number {
  const row = client
    .prepare(
      `insert into representations (reference, kind, status, process, method_received, received_at, received_on, person_name, person_relationship, answers, received_from, primary_nature, team_id)
       values (?, ?, 'closed', ?, 'Email', ?, ?, 'x', 'parent', '{}', 'Parent', 'Conduct of worker', ?) returning id`,
    )
    .get(reference, more.kind ?? "complaint", more.process === undefined ? "statutory" : more.process, Date.parse(`${receivedOn}T12:00:00Z`), receivedOn, more.team ?? 1) as { id: number };
  return row.id;
}

function stage(representationId: number, sequence: number, kind: string, startedOn: IsoDate, respondedOn: IsoDate | null, finding: string | null = "upheld"): number {
  const row = client
    .prepare(`insert into stages (representation_id, sequence, kind, state, started_on, responded_on, finding) values (?, ?, ?, ?, ?, ?, ?) returning id`)
    .get(representationId, sequence, kind, respondedOn ? "closed" : "open", startedOn, respondedOn, finding) as { id: number };
  return row.id;
}

const refId = (list: string, n = 0) => (client.prepare(`select id from reference_values where list = ? order by id limit 1 offset ?`).get(list, n) as { id: number }).id;
const keptYears = () => (client.prepare("select year from report_kept_counts order by year").all() as Array<{ year: number }>).map((r) => r.year);

beforeAll(async () => {
  db = await createTestDb();
  client = (db as unknown as { $client: Database.Database }).$client;
  ownerId = staffOf(db, "complaints-manager").id;
  // A case in each of the five closed years, each answered at Stage 1 in its year.
  for (let fy = YEAR - 4; fy <= YEAR; fy += 1) {
    const id = representation(`K${fy}`, day(fy, "06-10"));
    ids[`case${fy}`] = id;
    ids[`stage${fy}`] = stage(id, 1, "statutory-stage1", day(fy, "06-11"), day(fy, "07-01"));
  }
  ids.corporate = representation("KCORP", day(YEAR - 1, "05-05"), { process: "corporate" });
  stage(ids.corporate, 1, "corporate-stage1", day(YEAR - 1, "05-05"), day(YEAR - 1, "05-20"));
  ids.compliment = representation("KC", day(YEAR - 2, "09-01"), { kind: "compliment", process: null });
  // Received on 31 March (year before), answered on 1 April (the year after): counted in both, each by its date.
  ids.boundary = representation("KB", day(YEAR - 1, "03-31"));
  ids.boundaryStage = stage(ids.boundary, 1, "statutory-stage1", day(YEAR - 1, "03-31"), day(YEAR, "04-01"));
  ids.stage2 = stage(ids[`case${YEAR - 3}`]!, 2, "statutory-stage2", day(YEAR - 3, "08-01"), day(YEAR - 3, "10-01"));
  client.prepare("insert into stage_people (stage_id, role, name, cost_pence) values (?, 'independent-person', 'IP', 40000)").run(ids.stage2);
  ids.stage2b = stage(ids[`case${YEAR - 2}`]!, 2, "statutory-stage2", day(YEAR - 2, "08-01"), day(YEAR - 2, "10-01"));
  client.prepare("insert into learning_actions (representation_id, change, team_id, owner_id, due_on, state, created_at) values (?, 'A change', 1, ?, ?, 'agreed', ?)").run(
    ids[`case${YEAR - 2}`],
    ownerId,
    day(YEAR - 2, "12-01"),
    Date.parse(`${day(YEAR - 2, "07-15")}T10:00:00Z`),
  );
  ids.learning = (client.prepare("select max(id) as id from learning_actions").get() as { id: number }).id;
});

/**
 * Keeps every year's counts, makes the write, and checks that the report from what is kept equals
 * the report counted afresh, and that the write changed the report (so stale kept counts would fail).
 */
function afterWrite(write: () => void) {
  const before = annualReport(db, YEAR, undefined, { today: TODAY });
  expect(keptYears()).toEqual(expect.arrayContaining([YEAR - 4, YEAR - 3, YEAR - 2, YEAR - 1, YEAR]));
  write();
  const afresh = annualReportAfresh(db, YEAR);
  expect(afresh).not.toEqual(before);
  expect(annualReport(db, YEAR, undefined, { today: TODAY })).toEqual(afresh);
}

describe("counts kept per closed year", () => {
  it("reads kept years instead of counting them, and keeps no year that is not closed", () => {
    client.exec("delete from report_kept_counts");
    const first = countReport(db, YEAR, { today: TODAY });
    expect(first.counted).toEqual([YEAR, YEAR - 1, YEAR - 2, YEAR - 3, YEAR - 4]);
    expect(keepCounts(db, first.keep!)).toBe(true);
    const second = countReport(db, YEAR, { today: TODAY });
    expect(second).toMatchObject({ counted: [], keep: null });
    expect(second.tables).toEqual(annualReportAfresh(db, YEAR));
    // The current year is counted every time and never kept.
    const current = countReport(db, CURRENT, { today: TODAY });
    expect(current.counted).toEqual([CURRENT]);
    expect(current.keep?.parts.map((p) => p.year) ?? []).not.toContain(CURRENT);
  });

  it("keeps a year from the 1 April after its 31 March, not on the 31 March", () => {
    client.exec("delete from report_kept_counts");
    const onLastDay = countReport(db, YEAR, { today: `${YEAR + 1}-03-31` });
    expect(onLastDay.keep?.parts.map((p) => p.year)).toEqual([YEAR - 1, YEAR - 2, YEAR - 3, YEAR - 4]);
    const nextDay = countReport(db, YEAR, { today: `${YEAR + 1}-04-01` });
    expect(nextDay.keep?.parts.map((p) => p.year)).toEqual([YEAR, YEAR - 1, YEAR - 2, YEAR - 3, YEAR - 4]);
  });

  it("does not keep counts made from a snapshot older than a write to a closed year", () => {
    client.exec("delete from report_kept_counts");
    const counted = countReport(db, YEAR, { today: TODAY });
    // A write to a case received this year changes no closed year: the counts are kept.
    const fresh = representation("KNOW", TODAY);
    expect(keepCounts(db, counted.keep!)).toBe(true);
    client.exec("delete from report_kept_counts");
    const again = countReport(db, YEAR, { today: TODAY });
    client.prepare("update representations set team_id = 2 where id = ?").run(ids[`case${YEAR - 4}`]);
    expect(keepCounts(db, again.keep!)).toBe(false);
    expect(keptYears()).toEqual([]);
    client.prepare("update representations set team_id = 1 where id = ?").run(ids[`case${YEAR - 4}`]);
    client.prepare("delete from representations where id = ?").run(fresh);
  });

  describe("after a write to each table the report reads, equals the report counted afresh", () => {
    it("representations: a case imported into a closed year", () => afterWrite(() => representation("KIMP", day(YEAR - 3, "11-11"))));
    it("representations: a closed year's case moved to another team", () => afterWrite(() => client.prepare("update representations set team_id = 2 where id = ?").run(ids[`case${YEAR - 1}`])));
    it("representations: an advocacy referral recorded on an old case", () =>
      afterWrite(() => client.prepare("update representations set advocacy_referred = 1 where id = ?").run(ids[`case${YEAR - 2}`])));
    it("representations: retention deletes an old compliment", () => afterWrite(() => client.prepare("delete from representations where id = ?").run(ids.compliment)));
    it("stages: a Stage 2 asked for a year later on a case answered at Stage 1 in a closed year", () =>
      afterWrite(() => stage(ids[`case${YEAR - 4}`]!, 2, "statutory-stage2", day(CURRENT, "04-02") > TODAY ? TODAY : day(CURRENT, "04-02"), null)));
    it("stages: an Ombudsman decision on an old case", () =>
      afterWrite(() => {
        const s = stage(ids[`case${YEAR - 1}`]!, 2, "ombudsman", day(YEAR - 1, "09-01"), null, null);
        client.prepare("update stages set responded_on = ?, ombudsman_decision = 'Fault', remedy_pence = 25000 where id = ?").run(day(YEAR - 1, "12-01"), s);
      }));
    it("stages: a finding changed", () => afterWrite(() => client.prepare("update stages set finding = 'not-upheld' where id = ?").run(ids[`stage${YEAR - 2}`])));
    it("stages: compensation recorded", () => afterWrite(() => client.prepare("update stages set compensation_paid_pence = 5000 where id = ?").run(ids[`stage${YEAR - 3}`])));
    it("stages: a stage deleted", () => afterWrite(() => client.prepare("delete from stages where id = ?").run(ids.stage2)));
    it("case_codes: an outcome sought", () =>
      afterWrite(() => client.prepare("insert into case_codes (representation_id, list, reference_value_id) values (?, 'outcome-sought', ?)").run(ids[`case${YEAR - 3}`], refId("outcome-sought"))));
    it("equality_responses: answers given, then changed", () => {
      afterWrite(() => client.prepare("insert into equality_responses (representation_id, age_band, gender) values (?, '18-24', 'woman')").run(ids[`case${YEAR - 2}`]));
      afterWrite(() => client.prepare("update equality_responses set gender = 'man' where representation_id = ?").run(ids[`case${YEAR - 2}`]));
    });
    it("stage_codes: an actual outcome", () =>
      afterWrite(() => client.prepare("insert into stage_codes (stage_id, list, reference_value_id) values (?, 'actual-outcome', ?)").run(ids[`stage${YEAR - 1}`], refId("actual-outcome"))));
    it("stage_points: a point's finding, then changed", () => {
      afterWrite(() => client.prepare("insert into stage_points (stage_id, position, point, finding, reasons) values (?, 1, 'p', 'upheld', 'r')").run(ids.stage2b));
      afterWrite(() => client.prepare("update stage_points set finding = 'not-upheld' where stage_id = ?").run(ids.stage2b));
    });
    it("stage_people: a cost", () =>
      afterWrite(() => client.prepare("insert into stage_people (stage_id, role, name, cost_pence) values (?, 'investigating-officer', 'IO', 120000)").run(ids.stage2b)));
    it("experience_responses: answers in a closed year's month", () =>
      afterWrite(() => client.prepare("insert into experience_responses (id, stage_kind, month, easy) values ('x1', 'statutory-stage1', ?, 'yes')").run(day(YEAR - 2, "10-01").slice(0, 7))));
    it("learning_actions: an old action done now", () =>
      afterWrite(() => client.prepare("update learning_actions set state = 'done', done_on = ? where id = ?").run(TODAY, ids.learning)));
    it("reference_values and teams: a label and a team renamed (the key changes)", () => {
      afterWrite(() => client.prepare("update reference_values set label = 'Upheld in full' where list = 'finding' and code = 'upheld'").run());
      afterWrite(() => client.prepare("update teams set name = 'Renamed team' where id = 1").run());
    });
    it("settings: the corporate Stage 1 limit changed (the key changes)", () =>
      afterWrite(() => updateTimescales(db, { actorId: ownerId, values: { ...getTimescaleSettings(db), corporateStage1RespondWithin: 3 } })));
    it("the boundary case's stage, answered on 1 April, moved to 31 March", () =>
      afterWrite(() => client.prepare("update stages set responded_on = ? where id = ?").run(addCalendarDays(day(YEAR, "04-01"), -1), ids.boundaryStage)));
  });
});
