import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema";
import { createTestDb } from "../../test/db";
import { staffOf } from "../../test/cases";
import { dayIn, importCsv, type ImportRow } from "../../test/report-fixtures";
import { settingsSchema } from "../domain/staff-forms";
import { fixedT } from "../i18n/i18n";
import { importHistoric } from "./report-import.server";
import { reportCsv, reportHtml } from "./report-output.server";
import { annualReport, suppressionThreshold } from "./report.server";
import { defaultSettings, getSettings, updateSettings } from "./settings.server";

const complaints = (n: number, method: string, prefix: string): ImportRow[] =>
  Array.from({ length: n }, (_, i) => ({ source_reference: `${prefix}-${i}`, kind: "complaint", process: "statutory", received_on: dayIn(2024), method_received: method }));

/** The "How complaints were received" row of a method, as the whole report's CSV has it for 2024/25. */
function methodCells(csv: string, method: string): string[] {
  const line = csv.split("\n").find((l) => l.startsWith("How complaints were received") && l.includes(`,${method},`));
  return line ? line.split(",").slice(2, 4) : [];
}

describe("the report's suppression threshold, an administrator's setting", () => {
  it("accepts a whole number from 0 to 20 and nothing else", () => {
    const valid = (reportSuppressionThreshold: string) => settingsSchema.safeParse({ ...defaultSettings, reportSuppressionThreshold }).success;
    expect(["0", "1", "5", "20", " 7 "].map(valid)).toEqual([true, true, true, true, true]);
    expect(["", "21", "-1", "2.5", "five", "100"].map(valid)).toEqual([false, false, false, false, false, false]);
  });

  it("once saved, changes what the report, its CSV and its HTML show, and the audit says who changed it", async () => {
    const db = await createTestDb();
    const admin = staffOf(db, "administrator");
    expect(importHistoric(db, { csv: importCsv([...complaints(3, "Letter", "L"), ...complaints(12, "Telephone", "P")]), actorId: null }).status).toBe("imported");
    const t = fixedT("en", "staff");
    const csv = () => reportCsv(annualReport(db, 2024), t, suppressionThreshold(db));

    // The default, 5: the 3 letters are hidden, and so are the phone calls, or 15 - 12 would give them away.
    expect(suppressionThreshold(db)).toBe(5);
    expect(methodCells(csv(), "Letter")).toEqual(["<5", ""]);
    expect(methodCells(csv(), "Telephone")).toEqual(["[c]", ""]);

    updateSettings(db, { actorId: admin.id, values: { ...getSettings(db), reportSuppressionThreshold: "3" } });
    expect(methodCells(csv(), "Letter")).toEqual(["3", "20%"]);
    expect(methodCells(csv(), "Telephone")).toEqual(["12", "80%"]);

    updateSettings(db, { actorId: admin.id, values: { ...getSettings(db), reportSuppressionThreshold: "0" } });
    expect(suppressionThreshold(db)).toBe(0);
    const html = reportHtml({ year: 2024, tables: annualReport(db, 2024), t, threshold: 0, summary: "", councilName: "Northshire Council" });
    expect(html).toContain(t("report.suppressionOff"));
    updateSettings(db, { actorId: admin.id, values: { ...getSettings(db), reportSuppressionThreshold: "10" } });
    const tenHtml = reportHtml({ year: 2024, tables: annualReport(db, 2024), t, threshold: suppressionThreshold(db), summary: "", councilName: "Northshire Council" });
    expect(tenHtml).toContain("hides counts from 1 to 9 (shown as &lt;10)");

    const changes = db.select().from(auditLog).where(eq(auditLog.action, "settings.updated")).all();
    expect(changes.map((c) => [c.staffUserId, (c.details as { after: Record<string, string> }).after.reportSuppressionThreshold])).toEqual([
      [admin.id, "3"],
      [admin.id, "0"],
      [admin.id, "10"],
    ]);
  });
});
