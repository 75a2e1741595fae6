import fs from "node:fs";
import { parseArgs } from "node:util";
import { londonDate } from "../app/domain/calendar";
import { draftNarrative } from "../app/domain/report/narrative";
import { financialYearOf, isReportYear, yearLabel, yearsShown } from "../app/domain/report/years";
import { fixedT } from "../app/i18n/i18n";
import { getDb, migrateDatabase } from "../app/services/db.server";
import { stopReadPools } from "../app/services/read-pool.server";
import { annualReportOffThread } from "../app/services/report-runner.server";
import { savedNarrative, suppressionThreshold } from "../app/services/report.server";
import { reportCsv, reportHtml } from "../app/services/report-output.server";
import { getSettings } from "../app/services/settings.server";

// `npm run report -- --year 2025 --format csv|html [--out FILE]`: the whole annual report for a
// financial year (1 April 2025 to 31 March 2026), as the back office shows it (suppression
// included), for automated publishing. Written to standard output unless --out is given.
const { values } = parseArgs({ options: { year: { type: "string" }, format: { type: "string", default: "csv" }, out: { type: "string" } } });
const year = values.year ? Number(values.year) : financialYearOf(londonDate(new Date())) - 1;
if (!isReportYear(year) || (values.format !== "csv" && values.format !== "html")) {
  console.error("Usage: npm run report -- --year 2025 --format csv|html [--out FILE]");
  process.exit(2);
}
const db = getDb();
migrateDatabase(db);
const t = fixedT("en", "staff");
const started = performance.now();
// The same worker thread the back office uses (decisions 044 and 052).
const tables = await annualReportOffThread(db, year);
await stopReadPools();
const threshold = suppressionThreshold(db);
const output =
  values.format === "csv"
    ? reportCsv(tables, t, threshold)
    : reportHtml({
        year,
        tables,
        t,
        threshold,
        summary: savedNarrative(db, year)?.text ?? draftNarrative(tables, yearsShown(year).map(yearLabel), threshold),
        councilName: getSettings(db).councilName,
      });
if (values.out) fs.writeFileSync(values.out, output);
else process.stdout.write(output);
console.error(`${yearLabel(year)}: ${tables.length} tables in ${Math.round(performance.now() - started)} ms`);
