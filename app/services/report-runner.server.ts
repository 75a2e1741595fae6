import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ReportTable, TableId } from "../domain/report/tables";
import type { Db } from "./db.server";
import type { ReportRequest } from "./report-worker.server";
import { keepCounts, type KeepRequest } from "./report.server";

/**
 * The annual report off the request thread (decision 044). SQLite calls are synchronous: a report
 * counted in the server's thread would hold every other request (the start page, a child's
 * complaint being sent) for as long as it takes. Here one worker thread per database file, with
 * its own read-only connection, counts reports one after another; the server keeps serving.
 * The worker starts on the first report and stops after a few idle minutes, so an idle server
 * does not carry its memory.
 */

const WORKER_BOOT = path.resolve("app/services/report-worker.server.mjs");
const WORKER_FILE = path.resolve("app/services/report-worker.server.ts");
const IDLE_MS = 5 * 60 * 1000;

type Reply = { id: number; tables: ReportTable[]; keep: KeepRequest | null } | { id: number; error: string };

interface Running {
  worker: Worker;
  pending: Map<number, { db: Db; resolve: (tables: ReportTable[]) => void; reject: (error: Error) => void }>;
  idle: NodeJS.Timeout | null;
}

const workers = new Map<string, Running>();
let nextId = 1;

function fileOf(db: Db): string {
  const name = (db as unknown as { $client?: { name?: string; memory?: boolean } }).$client;
  if (!name?.name || name.memory) throw new Error("The report's worker needs a database file");
  return name.name;
}

function workerFor(file: string): Running {
  const known = workers.get(file);
  if (known) return known;
  const worker = new Worker(WORKER_BOOT, { workerData: { file, entry: pathToFileURL(WORKER_FILE).href } });
  const running: Running = { worker, pending: new Map(), idle: null };
  const fail = (error: Error) => {
    if (workers.get(file) === running) workers.delete(file);
    for (const p of running.pending.values()) p.reject(error);
    running.pending.clear();
  };
  worker.on("message", (reply: Reply) => {
    const p = running.pending.get(reply.id);
    if (!p) return;
    running.pending.delete(reply.id);
    if ("error" in reply) p.reject(new Error(reply.error));
    else {
      // The closed years the worker counted are kept here: its connection is read-only.
      try {
        if (reply.keep) keepCounts(p.db, reply.keep);
      } catch {
        // Not kept this time (the database busy or closed): the next report counts those years again.
      }
      p.resolve(reply.tables);
    }
    settle(file, running);
  });
  worker.on("error", fail);
  worker.on("exit", () => fail(new Error("The report's worker stopped")));
  workers.set(file, running);
  return running;
}

/** While reports wait the worker keeps the process alive; idle, it lets it exit and stops itself later. */
function settle(file: string, running: Running) {
  if (running.pending.size > 0) return;
  running.worker.unref();
  running.idle = setTimeout(() => {
    if (workers.get(file) === running) workers.delete(file);
    void running.worker.terminate();
  }, IDLE_MS);
  running.idle.unref();
}

/** The same tables as `annualReport(db, year, only)`, counted in the worker thread; the closed years it counted are kept. */
export async function annualReportOffThread(db: Db, year: number, only?: TableId): Promise<ReportTable[]> {
  const running = workerFor(fileOf(db));
  if (running.idle) clearTimeout(running.idle);
  running.idle = null;
  running.worker.ref();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    running.pending.set(id, { db, resolve, reject });
    running.worker.postMessage({ id, year, only } satisfies ReportRequest);
  });
}

/** Stops every report worker (tests, and the server's shutdown). */
export async function stopReportWorkers(): Promise<void> {
  const all = [...workers.values()];
  workers.clear();
  await Promise.all(all.map((r) => (r.idle && clearTimeout(r.idle), r.worker.terminate())));
}
