import { parentPort, workerData } from "node:worker_threads";
import type { TableId } from "../domain/report/tables";
import { openReadOnlyDatabase } from "./db.server";
import { countReport } from "./report.server";

// The annual report's worker thread (decision 044; started by report-runner.server.ts): its own
// read-only connection, so a report over a million cases never holds the server's one thread.
export interface ReportRequest {
  id: number;
  year: number;
  only?: TableId;
}

const { file } = workerData as { file: string };
const db = openReadOnlyDatabase(file);

parentPort?.on("message", ({ id, year, only }: ReportRequest) => {
  try {
    // The connection is read-only: the closed years counted afresh go back with the tables, and
    // the server's thread keeps them (decision 050).
    const { tables, keep } = countReport(db, year, { only });
    parentPort?.postMessage({ id, tables, keep });
  } catch (error) {
    // Only the message crosses back: no case content is in a query error.
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
