import fs from "node:fs";
import { getDb, migrateDatabase } from "../app/services/db.server";
import { fixedT } from "../app/i18n/i18n";
import { importHistoric, MAX_IMPORT_BYTES } from "../app/services/report-import.server";

// `npm run import -- FILE.csv`: historic records from a previous case system (decision 033).
// The same checks and words as the administrator's import page; a file with any bad row imports
// nothing, and each problem is printed with its line number. Exits 1 when nothing was imported.
const file = process.argv.slice(2).find((a) => !a.startsWith("--"));
if (!file) {
  console.error("Usage: npm run import -- FILE.csv");
  process.exit(2);
}
if (fs.statSync(file).size > MAX_IMPORT_BYTES) {
  console.error(`${file}: larger than ${MAX_IMPORT_BYTES} bytes; split it into smaller files`);
  process.exit(1);
}
const db = getDb();
migrateDatabase(db);
const t = fixedT("en", "staff");
const result = importHistoric(db, { csv: fs.readFileSync(file, "utf8"), actorId: null });
if (result.status === "rejected") {
  for (const p of result.problems) {
    console.error(`${file}:${p.line}${p.column ? ` ${p.column}` : ""}: ${t(`report.import.problems.${p.code}`, { column: p.column ?? "", value: p.value ?? "", list: p.list ?? "" })}`);
  }
  console.error(t("report.import.rejected", { count: result.problems.length }));
  process.exit(1);
}
console.log(t("report.import.imported", { imported: result.imported, rows: result.rows, already: result.alreadyImported }));
