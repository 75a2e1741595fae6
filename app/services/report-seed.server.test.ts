import { describe, expect, it } from "vitest";
import { wholePercent } from "../domain/report/numbers";
import type { ReportTable } from "../domain/report/tables";
import { createTestDb } from "../../test/db";
import { importCsv, refusalRows, stage1Rows, type ImportRow } from "../../test/report-fixtures";
import { annualReport } from "./report.server";
import { importHistoric } from "./report-import.server";

// Seed 000 (Hampshire 2022/23, ../shared/seeds/000_*.txt) rebuilt through the historic import:
// the records behind its Table 1 (refusals, five years) and the Stage 1 rows of its Table 2
// (timescale compliance), and the report must give back the same cells.

const years = [2022, 2021, 2020, 2019, 2018];

// Table 1, with the seed's words mapped to this product's list labels (db/seed-data/refusal-reasons.json).
const statutory: Record<string, number[]> = {
  "Court proceedings": [6, 17, 8, 12, 5], // Court Proceedings
  "Criminal proceedings": [0, 1, 0, 1, 0],
  "No parental responsibility": [1, 9, 6, 14, 14], // No PR
  "Not in the best interest of the child / age of child or young person": [1, 1, 0, 2, 0],
  "Out of time": [3, 3, 1, 2, 3],
  "Outside of remit": [2, 2, 1, 3, 5],
  "Repeat complaint": [4, 1, 0, 4, 0],
};
const corporate: Record<string, number[]> = {
  "No parental responsibility": [0, 0, 0, 1, 3],
  "Not in the best interest of the child / age of child or young person": [0, 0, 0, 0, 0],
  "Out of remit (appeal route exists)": [1, 0, 0, 9, 9], // Out of Remit (Appeal)
  "Out of time": [1, 0, 0, 0, 1],
  "Repeat complaint": [1, 2, 0, 0, 0],
  "Tribunal or court proceedings": [1, 2, 0, 3, 1], // Tribunal
};
const publishedTotals = { statutory: [17, 34, 16, 38, 27], corporate: [4, 4, 0, 13, 14], all: [21, 38, 16, 51, 41] };

const row = (t: ReportTable, key: string, after = 0) => {
  const i = t.rows.findIndex((r, n) => n >= after && (r.label === key || r.labelKey === key));
  if (i < 0) throw new Error(`no row ${key}`);
  return { row: t.rows[i]!, index: i };
};

function importOk(db: Awaited<ReturnType<typeof createTestDb>>, rows: ImportRow[]) {
  const result = importHistoric(db, { csv: importCsv(rows), actorId: null });
  expect(result.problems).toEqual([]);
  expect(result.imported).toBe(rows.length);
}

describe("seed 000, Table 1: complaint refusals over five years", () => {
  it("gives back every cell, the subtotals and the total", async () => {
    const db = await createTestDb();
    const rows = years.flatMap((year, i) => [
      ...refusalRows(year, "statutory", Object.fromEntries(Object.entries(statutory).map(([reason, n]) => [reason, n[i]!]))),
      ...refusalRows(year, "corporate", Object.fromEntries(Object.entries(corporate).map(([reason, n]) => [reason, n[i]!]))),
    ]);
    importOk(db, rows);
    const [table] = annualReport(db, 2022, "refusals");
    const t = table!;
    expect(t.years).toEqual(years);
    const corporateStart = row(t, "report.rows.refusals.corporate").index;
    // A reason with none in any of the five years is left out (the table's rule says so): the seed's all-zero rows.
    const expectRow = (reason: string, values: number[], after: number) => {
      const block = after === 0 ? t.rows.slice(0, corporateStart) : t.rows.slice(after);
      if (values.every((n) => n === 0)) expect(block.find((r) => r.label === reason), reason).toBeUndefined();
      else expect(row(t, reason, after).row.values, reason).toEqual(values);
    };
    for (const [reason, values] of Object.entries(statutory)) expectRow(reason, values, 0);
    for (const [reason, values] of Object.entries(corporate)) expectRow(reason, values, corporateStart);
    expect(row(t, "report.rows.refusals.statutoryTotal").row.values).toEqual(publishedTotals.statutory);
    expect(row(t, "report.rows.refusals.corporateTotal").row.values).toEqual(publishedTotals.corporate);
    expect(row(t, "report.rows.refusals.total").row.values).toEqual(publishedTotals.all);
  }, 30_000);
});

describe("seed 000, Table 2: Stage 1 timescale compliance", () => {
  // Published: completed, within 10 / 10-20 / over 20 working days (count and %), average days.
  const published = [
    { year: 2022, completed: 240, bands: [112, 108, 20], percents: [47, 45, 8], average: 12.1 },
    { year: 2021, completed: 298, bands: [145, 137, 16], percents: [49, 46, 5], average: 9.6 },
    { year: 2020, completed: 188, bands: [89, 87, 12], percents: [47, 46, 6], average: 12 },
  ];

  it("gives back the completed count, each band with its whole-number percentage, and the average", async () => {
    const db = await createTestDb();
    // 2019/20: the extracted seed kept only one of its three counts ("188 · 82 · 40% 44% 16% · 17").
    // 82 of 188 is 44%, not the 40% printed beside it, so the seed's own figures do not add up
    // there: we rebuild 82 within 10 days, 83 within 20 (44%), 23 beyond, and check what is
    // printed and follows the counting rule: the 188, the 82 and the average of 17.
    const rows = [
      ...published.flatMap((p) => stage1Rows(p.year, { standard: p.bands[0]!, extended: p.bands[1]!, beyond: p.bands[2]!, average: p.average })),
      ...stage1Rows(2019, { standard: 82, extended: 83, beyond: 23, average: 17 }),
    ];
    importOk(db, rows);
    const [t] = annualReport(db, 2022, "timescales");
    const start = row(t!, "casework:stages.statutory-stage1").index;
    const block = t!.rows.slice(start + 1, start + 6);
    for (const p of published) {
      const col = years.indexOf(p.year);
      expect(block[0]!.values[col], `${p.year} completed`).toBe(p.completed);
      expect(block.slice(1, 4).map((r) => r.values[col]), `${p.year} bands`).toEqual(p.bands);
      expect(block.slice(1, 4).map((r) => r.percents?.[col]), `${p.year} percentages`).toEqual(p.percents);
      expect(block[4]!.values[col], `${p.year} average`).toBe(p.average);
    }
    const col2019 = years.indexOf(2019);
    expect(block[0]!.values[col2019]).toBe(188);
    expect(block[1]!.values[col2019]).toBe(82);
    expect(block[4]!.values[col2019]).toBe(17);
    expect(wholePercent(82, 188)).toBe(44); // not the seed's 40%
  }, 30_000); // about 900 records through the import: seconds on a busy two-core machine
});
