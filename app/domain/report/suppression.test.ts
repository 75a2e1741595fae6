import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { additiveGroups, displayTable, holds, SECONDARY_TEXT, suppressionMask } from "./display";
import type { ReportFact, ReportLists } from "./facts";
import { buildReport, type ReportRow, type ReportTable } from "./tables";
import { REPORT_LIMITS } from "../../../test/report-fixtures";

const row = (kind: ReportRow["kind"], values: Array<number | null>, label = ""): ReportRow => ({ kind, label, values, percents: null });
const tableOf = (rows: ReportRow[], percentages = false): ReportTable => {
  const years = Math.max(...rows.map((r) => r.values.length));
  return { id: "received", years: Array.from({ length: years }, (_, i) => 2025 - i), percentages, chart: false, rows };
};
const texts = (t: ReportTable, threshold: number) => displayTable(t, threshold).rows.map((r) => r.cells.map((c) => c.value.text));

describe("secondary suppression", () => {
  it("hides the next smallest count when a total would give a hidden one away", () => {
    // 1 email and 6 e-forms, total 7: showing 6 and 7 tells anyone the email was 1.
    const t = tableOf([row("count", [6], "E-form"), row("count", [1], "Email"), row("count", [9], "Phone"), row("total", [16])], true);
    expect(texts(t, 5)).toEqual([["[c]"], ["<5"], ["9"], ["16"]]);
    const shown = displayTable(t, 5);
    expect(shown.secondaryApplied).toBe(true);
    expect(shown.rows[0]!.cells[0]!.percent).toEqual({ text: "", suppressed: true });
  });

  it("leaves a total alone when two or more of its counts are hidden already", () => {
    const t = tableOf([row("count", [3]), row("count", [2]), row("count", [9]), row("total", [14])]);
    expect(texts(t, 5)).toEqual([["<5"], ["<5"], ["9"], ["14"]]);
    expect(displayTable(t, 5).secondaryApplied).toBe(false);
  });

  it("carries on through subtotals to the total until no sum has exactly one hidden cell", () => {
    // Refusals: statutory reasons 10 and 8 (subtotal 18), corporate 2 (subtotal 2), total 20.
    const t = tableOf([
      row("heading", []),
      row("count", [10]),
      row("count", [8]),
      row("subtotal", [18]),
      row("heading", []),
      row("count", [2]),
      row("subtotal", [2]),
      row("total", [20]),
    ]);
    expect(texts(t, 5)).toEqual([[""], ["10"], ["[c]"], ["[c]"], [""], ["<5"], ["<5"], ["20"]]);
  });

  it("reads a subtotal followed by its parts (timescales: completed, then its bands)", () => {
    const t = tableOf([row("subtotal", [12]), row("count", [10]), row("count", [2]), row("count", [0]), row("average", [8.5])]);
    expect(texts(t, 5)).toEqual([["12"], ["[c]"], ["<5"], ["0"], ["8.5"]]);
  });

  it("hides a percentage row worked out from the table's counts in a year where any is hidden", () => {
    const t = tableOf([row("count", [3, 20]), row("count", [30, 20]), row("total", [33, 40]), row("percent", [9, 50])]);
    expect(texts(t, 5)).toEqual([["<5", "20"], [SECONDARY_TEXT, "20"], ["33", "40"], [SECONDARY_TEXT, "50%"]]);
  });

  it("does not treat counts that overlap (several outcomes sought by one complaint) as a sum", () => {
    const t = tableOf([row("count", [3]), row("count", [9]), row("total", [10])]);
    expect(texts(t, 5)).toEqual([["<5"], ["9"], ["10"]]);
  });

  it("hides nothing with a threshold of 0", () => {
    const t = tableOf([row("count", [1]), row("count", [6]), row("total", [7])]);
    expect(texts(t, 0)).toEqual([["1"], ["6"], ["7"]]);
    expect(suppressionMask(t, 1).flat().every((h) => h === null)).toBe(true);
  });
});

/**
 * A table shaped like the report's grouped tables (Received from, Refusals, Equality): groups of
 * counts, each with its subtotal when it has more than one row, counts no group covers, and the
 * total. The test knows its sums itself, so the check does not rest on the code under test.
 */
const count = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 }));
const groupedTable = fc
  .record({
    years: fc.integer({ min: 1, max: 3 }),
    groups: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
    loose: fc.integer({ min: 0, max: 3 }),
    timescales: fc.boolean(),
  })
  .chain(({ years, groups, loose, timescales }) =>
    fc.record({
      groups: fc.tuple(...groups.map((n) => fc.array(fc.array(count, { minLength: years, maxLength: years }), { minLength: n, maxLength: n }))),
      loose: fc.array(fc.array(count, { minLength: years, maxLength: years }), { minLength: loose, maxLength: loose }),
      bands: fc.array(fc.array(count, { minLength: years, maxLength: years }), { minLength: timescales ? 3 : 0, maxLength: timescales ? 3 : 0 }),
      threshold: fc.integer({ min: 0, max: 20 }),
    }),
  );

function build(input: { groups: number[][][]; loose: number[][]; bands: number[][] }) {
  const rows: ReportRow[] = [];
  const sums: Array<{ total: number; parts: number[] }> = [];
  const add = (kind: ReportRow["kind"], values: number[]) => rows.push(row(kind, values)) - 1;
  const sum = (vs: number[][]) => vs[0]!.map((_, c) => vs.reduce((s, v) => s + v[c]!, 0));
  const everyCount: number[] = [];
  const topLevel: number[] = [];
  for (const group of input.groups) {
    add("heading", []);
    const parts = group.map((values) => add("count", values));
    everyCount.push(...parts);
    if (parts.length > 1) {
      const subtotal = add("subtotal", sum(group));
      sums.push({ total: subtotal, parts });
      topLevel.push(subtotal);
    } else topLevel.push(...parts);
  }
  const loose = input.loose.map((values) => add("count", values));
  everyCount.push(...loose);
  topLevel.push(...loose);
  const all = [...input.groups.flat(), ...input.loose];
  const total = add("total", sum(all));
  sums.push({ total, parts: everyCount }, { total, parts: topLevel });
  if (input.bands.length) {
    add("heading", []);
    const completed = add("subtotal", sum(input.bands));
    const bands = input.bands.map((values) => add("count", values));
    sums.push({ total: completed, parts: bands });
  }
  return { table: tableOf(rows, true), sums };
}

const minimalFacts = (n: number): ReportFact[] =>
  Array.from({ length: n }, (_, i) => ({
    kind: i % 7 === 0 ? "compliment" : "complaint",
    process: i % 3 === 0 ? "corporate" : "statutory",
    status: i % 5 === 0 ? "refused" : "closed",
    receivedOn: `202${5 - (i % 3)}-0${1 + (i % 9)}-1${i % 10}`,
    method: ["E-form", "Email", "Phone"][i % 3]!,
    receivedFrom: ["parent", "child", "adopter"][i % 4] ?? null,
    nature: null,
    team: ["Fostering", "Children in care"][i % 2]!,
    youngPerson: i % 4 === 1,
    refusalReason: i % 5 === 0 ? ["Out of time", "Court proceedings"][i % 2]! : null,
    outcomesSought: [],
    equality: null,
    equalityOffered: i % 2 === 0,
    imported: false,
    stages: [],
  }));

describe("secondary suppression, for any table", () => {
  it("leaves no sum the table shows with exactly one hidden cell, and hides every small count", () => {
    fc.assert(
      fc.property(groupedTable, ({ threshold, ...input }) => {
        const { table, sums } = build(input);
        const mask = suppressionMask(table, threshold);
        table.years.forEach((_, c) => {
          for (const s of sums) {
            const hidden = [s.total, ...s.parts].filter((i) => mask[i]![c] !== null).length;
            // One hidden cell in a shown sum is the sum minus the others: it must be none or two and more.
            expect(hidden === 1, JSON.stringify({ c, s, mask, rows: table.rows.map((r) => r.values) })).toBe(false);
          }
          table.rows.forEach((r, i) => {
            const v = r.values[c];
            if (r.kind !== "heading" && v !== null && v !== undefined && v > 0 && v < threshold) expect(mask[i]![c]).toBe("primary");
          });
        });
        const texts = displayTable(table, threshold).rows.flatMap((r) => r.cells.map((cell) => cell.value));
        // No hidden cell shows its number, and no shown cell is marked hidden.
        for (const cell of texts) expect(cell.suppressed).toBe(cell.text.startsWith("<") || cell.text === SECONDARY_TEXT);
      }),
      { numRuns: 400 },
    );
  });

  it("holds for every table of the report built from records", () => {
    const lists: ReportLists = {
      methods: ["E-form", "Email", "Phone"],
      receivedFrom: [
        { code: "parent", label: "Parent", group: "Parent / adopter" },
        { code: "adopter", label: "Adopter", group: "Parent / adopter" },
        { code: "child", label: "Child", group: "Service user" },
      ],
      natureStatutory: [],
      natureCorporate: [],
      refusalStatutory: ["Court proceedings", "Out of time"],
      refusalCorporate: ["Out of time"],
      outcomeSought: [],
      findings: [],
      ombudsmanDecisions: [],
      teams: ["Fostering", "Children in care"],
      equality: { ageBand: [], gender: [], disability: [], ethnicGroup: [] },
    };
    const limits = REPORT_LIMITS;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 2, max: 10 }), (n, threshold) => {
        for (const table of buildReport({ year: 2025, facts: minimalFacts(n), lists, limits })) {
          const mask = suppressionMask(table, threshold);
          for (const g of additiveGroups(table.rows))
            table.years.forEach((_, c) => {
              if (holds(table, g, c)) expect([g.total, ...g.parts].filter((i) => mask[i]![c] !== null).length, `${table.id} ${c}`).not.toBe(1);
            });
        }
      }),
      { numRuns: 60 },
    );
  });
});
