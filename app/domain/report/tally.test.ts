import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ExperienceFact, LearningFact, ReportExtras, ReportFact, ReportLists, ReportStage } from "./facts";
import { buildReport, countTables, COUNTING_VERSION, tablesFromCounts } from "./tables";
import { fromParts, yearPart, type YearPart } from "./tally";
import { yearsShown } from "./years";
import { REPORT_LIMITS } from "../../../test/report-fixtures";

// Decision 050: a report built from each year's kept counts must be the report counted afresh.

const lists: ReportLists = {
  methods: ["E-form", "Email"],
  receivedFrom: [
    { code: "parent", label: "Parent", group: "Family" },
    { code: "child", label: "Child", group: "Service user" },
  ],
  natureStatutory: ["Conduct"],
  natureCorporate: ["Delay"],
  refusalStatutory: ["Out of time"],
  refusalCorporate: ["Out of time"],
  outcomeSought: ["Apology"],
  findings: ["Upheld", "Not upheld"],
  findingCodes: [
    { code: "upheld", label: "Upheld" },
    { code: "not-upheld", label: "Not upheld" },
  ],
  actualOutcome: ["Apology", "Explanation"],
  ombudsmanDecisions: ["Fault"],
  teams: ["Fostering", "Children in care"],
  equality: { ageBand: ["18-24"], gender: ["woman"], disability: ["no"], ethnicGroup: [] },
};
const limits = REPORT_LIMITS;

const YEAR = 2025;
/** A day from 1 April six years before YEAR to 31 March after it, so some facts fall outside the five years shown. */
const day = fc.integer({ min: 0, max: 7 * 365 }).map((n) => new Date(Date.UTC(YEAR - 5, 3, 1) + n * 86_400_000).toISOString().slice(0, 10));
const pick = <T,>(...values: T[]) => fc.constantFrom(...values);
const kinds = ["statutory-stage1", "statutory-stage2", "statutory-stage3", "corporate-stage1", "corporate-stage2", "ombudsman"] as const;

const stageArb: fc.Arbitrary<ReportStage> = fc
  .record({
    kind: pick(...kinds),
    startedOn: day,
    after: fc.option(fc.integer({ min: 0, max: 120 })),
    finding: pick(null, "Upheld", "Not upheld", "Old label"),
    findingCode: pick(null, "upheld", "not-upheld"),
    remedy: fc.option(fc.integer({ min: 0, max: 50_000 })),
    cost: fc.integer({ min: 0, max: 90_000 }),
    outcomes: fc.subarray(["Apology", "Explanation", "Retired outcome"]),
    points: fc.array(pick("upheld", "not-upheld", "withdrawn"), { maxLength: 3 }),
    compensation: fc.option(fc.record({ offeredPence: fc.option(fc.integer({ min: 0, max: 500 })), agreedPence: fc.option(fc.integer({ min: 0, max: 500 })), paidPence: fc.option(fc.integer({ min: 0, max: 500 })) })),
    roles: fc.dictionary(pick("investigating-officer", "independent-person"), fc.integer({ min: 0, max: 900 }), { maxKeys: 2 }),
  })
  .map((s) => {
    const respondedOn = s.after === null ? null : new Date(Date.parse(s.startedOn) + s.after * 86_400_000).toISOString().slice(0, 10);
    return {
      kind: s.kind, state: respondedOn ? "closed" : "open", startedOn: s.startedOn, requestedOn: null, respondedOn, finding: s.finding,
      panelOn: s.kind === "statutory-stage3" ? s.startedOn : null, panelReportOn: s.kind === "statutory-stage3" ? respondedOn : null,
      ombudsmanDecision: s.kind === "ombudsman" ? "Fault" : null, remedyPence: s.remedy, costPence: s.cost,
      findingCode: s.findingCode, actualOutcomes: s.outcomes, points: s.points, compensation: s.compensation ?? undefined, costsByRole: s.roles,
    } as ReportStage;
  });

const factArb = (id: number): fc.Arbitrary<ReportFact> =>
  fc.record({
    kind: pick("complaint", "complaint", "compliment", "comment"),
    process: pick("statutory", "corporate", null),
    status: pick("closed", "refused"),
    receivedOn: day,
    method: pick("E-form", "Email", "Fax"),
    receivedFrom: pick("parent", "child", "Grandparent", null),
    nature: pick("Conduct", "Delay", null),
    team: pick("Fostering", "Children in care", "Old team", null),
    youngPerson: fc.boolean(),
    refusalReason: pick("Out of time", null),
    outcomesSought: fc.subarray(["Apology", "Money"]),
    equality: fc.option(fc.record({ ageBand: pick("18-24", null), gender: pick("woman", null), disability: pick("no", null), ethnicGroup: pick(null) })),
    equalityOffered: fc.boolean(),
    imported: fc.boolean(),
    stages: fc.array(stageArb, { maxLength: 3 }),
    advocacyReferred: fc.boolean(),
  }).map((f) => ({ ...f, id }) as ReportFact);

const extrasArb: fc.Arbitrary<ReportExtras> = fc.record({
  experience: fc.array(
    fc.record({ stageKind: pick("statutory-stage1"), month: day.map((d) => d.slice(0, 7)), easy: pick("yes", null), listened: pick("no", null), again: pick("yes", null), youngPerson: pick(true, false, null) }) as fc.Arbitrary<ExperienceFact>,
    { maxLength: 8 },
  ),
  learning: fc.array(
    fc.record({ raisedOn: day, state: pick("agreed", "done", "dropped"), team: pick("Fostering", "Old team"), dueOn: day, doneOn: fc.option(day) }) as fc.Arbitrary<LearningFact>,
    { maxLength: 8 },
  ),
});

const input = fc.tuple(fc.integer({ min: 0, max: 25 }), extrasArb).chain(([n, extras]) => fc.tuple(fc.tuple(...Array.from({ length: n }, (_, i) => factArb(i + 1))), fc.constant(extras)));

/** What the service does (decision 050): count some years afresh (in one pass over a range), take the others' kept parts, build. */
function fromKeptAndFresh(facts: ReportFact[], extras: ReportExtras, kept: number[]) {
  const years = yearsShown(YEAR);
  const keptParts = new Map(kept.map((y) => [y, yearPart(countTables({ facts, years: [y], lists, limits, extras }), 0)]));
  const fresh = years.filter((y) => !keptParts.has(y));
  const counted = countTables({ facts, years: fresh, lists, limits, extras });
  // Kept parts go through JSON, as they do through the database.
  const parts: YearPart[] = years.map((y) => (keptParts.has(y) ? JSON.parse(JSON.stringify(keptParts.get(y))) : yearPart(counted, fresh.indexOf(y))));
  return tablesFromCounts({ year: YEAR, tallies: fromParts(parts), lists, limits });
}

describe("a report from kept counts", () => {
  it("equals the report counted afresh, whichever years are kept", () => {
    fc.assert(
      fc.property(input, fc.subarray(yearsShown(YEAR)), ([facts, extras], kept) => {
        expect(fromKeptAndFresh(facts, extras, kept)).toEqual(buildReport({ year: YEAR, facts, lists, limits, extras }));
      }),
      { numRuns: 80 },
    );
  }, 30_000);

  it("counts a case spanning two years in each year by that table's date", () => {
    const spanning: ReportFact = {
      id: 1, kind: "complaint", process: "statutory", status: "closed", receivedOn: "2024-03-31", method: "E-form", receivedFrom: "parent", nature: null, team: "Fostering",
      youngPerson: false, refusalReason: null, outcomesSought: [], equality: null, equalityOffered: false, imported: false,
      stages: [{ kind: "statutory-stage1", state: "closed", startedOn: "2024-03-31", requestedOn: null, respondedOn: "2024-04-01", finding: "Upheld", panelOn: null, panelReportOn: null, ombudsmanDecision: null, remedyPence: null, costPence: 0 }],
    };
    const tables = fromKeptAndFresh([spanning], { experience: [], learning: [] }, [2023]);
    // Received in 2023/24 (31 March), its Stage 1 answered in 2024/25 (1 April): columns 2025, 2024, 2023, …
    expect(tables.find((t) => t.id === "received")?.rows.at(-1)?.values).toEqual([0, 0, 1, 0, 0]);
    expect(tables.find((t) => t.id === "stage1-findings")?.rows.find((r) => r.labelKey === "report.rows.timescales.completed")?.values).toEqual([0, 1, 0, 0, 0]);
    expect(tables).toEqual(buildReport({ year: YEAR, facts: [spanning], lists, limits }));
  });

  it("has a counting version that changes whenever what is counted changes", () => {
    // A fixed sample's counts, fingerprinted: if this fails, counting changed, so counts kept by the
    // release before are wrong. Bump COUNTING_VERSION in tables.ts, then put the new fingerprint here.
    // (fast-check's sample for a seed is stable within its major version: an upgrade may need a new fingerprint too.)
    const [facts, extras] = fc.sample(input, { numRuns: 1, seed: 50 })[0]!;
    expect(facts.length).toBeGreaterThan(5);
    const counted = countTables({ facts, years: yearsShown(YEAR), lists, limits, extras });
    const fingerprint = createHash("sha256").update(JSON.stringify(yearsShown(YEAR).map((_, i) => yearPart(counted, i)))).digest("hex").slice(0, 16);
    expect({ COUNTING_VERSION, fingerprint }).toEqual({ COUNTING_VERSION: 2, fingerprint: "437646b957e4f4ca" });
  });
});
