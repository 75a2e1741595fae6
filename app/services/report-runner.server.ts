import type { ReportTable, TableId } from "../domain/report/tables";
import type { Db } from "./db.server";
import { offThread } from "./read-pool.server";
import { keepCounts, type KeepRequest } from "./report.server";

/**
 * The annual report off the request thread (decisions 044, 050, 052): counted in the read pool's
 * own "report" queue on a read-only connection, so a report over a million cases holds no other
 * request; the closed years it counted afresh come back with the tables and are kept here, on the
 * server's connection, as the worker cannot write.
 */
export async function annualReportOffThread(db: Db, year: number, only?: TableId): Promise<ReportTable[]> {
  const counted = await offThread(db, "countReport", year, { only });
  try {
    if (counted.keep) keepCounts(db, counted.keep as KeepRequest);
  } catch {
    // Not kept this time (the database busy or closed): the next report counts those years again.
  }
  return counted.tables as ReportTable[];
}
