import { managersDashboard } from "./dashboard.server";
import type { Db } from "./db.server";
import { runningDeadlines } from "./deadlines.server";
import { countReport } from "./report.server";
import { countsByStatus, listRepresentations } from "./representations.server";

/**
 * What may run off the request thread (decision 052): the one allow-list. Each is a read that
 * grows with the number of cases, called unchanged with a read-only connection in a worker
 * thread (read-pool.server.ts). Its queue says which pool runs it: "reads" for the back office's
 * pages, "report" for the annual report, which takes seconds at a million cases and must not hold
 * an officer's inbox behind it. Arguments and results cross as plain data.
 */
export const readTasks = {
  listRepresentations: { run: listRepresentations, queue: "reads" },
  countsByStatus: { run: countsByStatus, queue: "reads" },
  runningDeadlines: { run: runningDeadlines, queue: "reads" },
  managersDashboard: { run: managersDashboard, queue: "reads" },
  // Counts only: the worker cannot write, so report-runner.server.ts keeps what it counted.
  countReport: { run: countReport, queue: "report" },
} as const satisfies Record<string, { run: (db: Db, ...args: never[]) => unknown; queue: "reads" | "report" }>;

export type ReadTask = keyof typeof readTasks;
export type ReadQueue = (typeof readTasks)[ReadTask]["queue"];
/** A task's arguments after the database. */
export type ReadArgs<K extends ReadTask> = (typeof readTasks)[K]["run"] extends (db: Db, ...args: infer A) => unknown ? A : never;
export type ReadResult<K extends ReadTask> = Plain<ReturnType<(typeof readTasks)[K]["run"]>>;

/** A task as it crosses to a worker: which database file, which read, its arguments. */
export interface ReadCall {
  file: string;
  task: string;
  args: unknown[];
}

/** What a value becomes as plain data: dates as ISO strings, everything else as it is. */
export type Plain<T> = T extends Date
  ? string
  : T extends ReadonlyArray<infer U>
    ? Plain<U>[]
    : T extends object
      ? { [K in keyof T]: Plain<T[K]> }
      : T;

/**
 * Dates become ISO strings; arrays and plain objects are copied through. Anything else that is
 * not plain data (a Map, a class) is refused, so a task that starts returning one fails in its
 * tests rather than arriving changed by the structured clone.
 */
export function toPlain<T>(value: T): Plain<T> {
  if (value instanceof Date) return value.toISOString() as Plain<T>;
  if (Array.isArray(value)) return value.map(toPlain) as Plain<T>;
  if (value !== null && typeof value === "object") {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) throw new Error(`Not plain data: ${(value as object).constructor?.name ?? "object"}`);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)])) as Plain<T>;
  }
  if (typeof value === "function" || typeof value === "symbol" || typeof value === "bigint") throw new Error(`Not plain data: ${typeof value}`);
  return value as Plain<T>;
}

/** Runs one allowed task on this connection (in a worker thread; the tests call it in process too). */
export function runReadTask(db: Db, call: Pick<ReadCall, "task" | "args">): unknown {
  if (!Object.hasOwn(readTasks, call.task)) throw new Error(`Not allowed off the request thread: ${call.task}`);
  const { run } = readTasks[call.task as ReadTask] as { run: (db: Db, ...args: unknown[]) => unknown };
  return toPlain(run(db, ...call.args));
}
