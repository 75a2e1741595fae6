import os from "node:os";
import path from "node:path";
import { Piscina } from "piscina";
import type { Db } from "./db.server";
import { readTasks, type ReadArgs, type ReadCall, type ReadQueue, type ReadResult, type ReadTask } from "./read-tasks.server";

/**
 * The back office's heavy reads off the request thread (decision 052). SQLite calls are
 * synchronous: an inbox search or a dashboard counted in the server's one thread holds every other
 * request (a child's start page, a complaint being sent) for as long as it takes. Here they run in
 * piscina pools of worker threads, each with its own read-only connection to the same file.
 *
 * - "reads" (inbox, deadlines, managers' dashboard): up to as many threads as the machine has
 *   cores, at most 4 (2 here). Two officers' reads run side by side; a third waits in the queue.
 * - "report": one thread, its own queue, so a report of several seconds never holds an inbox read.
 *
 * Both start no thread until asked (`minThreads: 0`) and stop a thread after five idle minutes, so
 * an idle server carries no second copy of the app's modules. Their threads run at a lower CPU
 * priority (`niceIncrement`, a per-thread nice on Linux): on a busy machine the request thread
 * (the start page, the send) is served first and the back office's reads take what is left.
 */
const BOOT = path.resolve("app/services/read-worker.server.mjs");
const IDLE_MS = 5 * 60 * 1000;

const settings: Record<ReadQueue, { maxThreads: number; niceIncrement: number }> = {
  reads: { maxThreads: Math.max(1, Math.min(4, os.availableParallelism())), niceIncrement: 5 },
  report: { maxThreads: 1, niceIncrement: 10 },
};

// Kept on globalThis: the server process holds two copies of this module (server/index.ts loads
// it through tsx, build/index.js bundles its own; decision 037), and the shutdown in
// server/index.ts must stop the pools the routes started.
const shared = globalThis as typeof globalThis & { speakUpReadPools?: Map<ReadQueue, Piscina<ReadCall, unknown>> };
const pools = (shared.speakUpReadPools ??= new Map());

function poolFor(queue: ReadQueue): Piscina<ReadCall, unknown> {
  let pool = pools.get(queue);
  if (!pool) {
    pool = new Piscina<ReadCall, unknown>({ filename: BOOT, name: "default", minThreads: 0, idleTimeout: IDLE_MS, ...settings[queue] });
    pools.set(queue, pool);
  }
  return pool;
}

function fileOf(db: Db): string {
  const client = (db as unknown as { $client?: { name?: string; memory?: boolean } }).$client;
  if (!client?.name || client.memory) throw new Error("A read off the request thread needs a database file");
  return client.name;
}

/**
 * `readTasks[task].run(db, ...args)`, run in a worker thread on its own connection to db's file:
 * the same result as plain data (dates as ISO strings). A failure in the worker is a rejected promise.
 */
export async function offThread<K extends ReadTask>(db: Db, task: K, ...args: ReadArgs<K>): Promise<ReadResult<K>> {
  if (!Object.hasOwn(readTasks, task)) throw new Error(`Not allowed off the request thread: ${task}`);
  const call: ReadCall = { file: fileOf(db), task, args };
  return (await poolFor(readTasks[task].queue).run(call)) as ReadResult<K>;
}

/** Stops every pool's threads (the server's shutdown, scripts, tests); the next read starts them again. */
export async function stopReadPools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((pool) => pool.destroy()));
}
