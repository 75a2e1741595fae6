import { openReadOnlyDatabase, type Db } from "./db.server";
import { runReadTask, type ReadCall } from "./read-tasks.server";

// A worker thread of the read pool (decision 052; started by piscina from read-pool.server.ts
// through read-worker.server.mjs). Each database file gets one read-only connection, opened on
// the thread's first task for it and kept while the thread lives: in WAL mode each read sees a
// consistent snapshot of everything committed before it began.
const connections = new Map<string, Db>();

export default function readWorker({ file, task, args }: ReadCall): unknown {
  let db = connections.get(file);
  if (!db) {
    db = openReadOnlyDatabase(file);
    connections.set(file, db);
  }
  // A thrown error crosses back as a rejected promise; a query's error names no case content.
  return runReadTask(db, { task, args });
}
