import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import * as schema from "../../db/schema";
import { config } from "./config.server";

/** A connection or a transaction: services take either, so callers can compose them. */
export type Db = BaseSQLiteDatabase<"sync", Database.RunResult, typeof schema>;

export const MIGRATIONS_FOLDER = path.resolve("db/migrations");

export function openDatabase(file: string) {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  reuseStatements(sqlite);
  const db = drizzle(sqlite, { schema });
  // Transactions begin IMMEDIATE unless a caller says otherwise. Most read and then write; begun
  // deferred, such a transaction holds only a snapshot until its first write, and a commit by
  // another connection in between (a script, a second process, the tests' set-up) makes SQLite
  // refuse the write at once with SQLITE_BUSY_SNAPSHOT, whatever the busy timeout. Holding the
  // write lock from the start makes the other writer wait instead.
  const transaction = db.transaction.bind(db);
  db.transaction = ((run, config) => transaction(run, { behavior: "immediate", ...config })) as typeof db.transaction;
  return db;
}

/**
 * drizzle asks better-sqlite3 to prepare every query afresh, which was a fifth of a send's time
 * (decision 049). The connection keeps its most recent statements by their SQL text instead: the
 * same text prepares the same statement, and drizzle passes values as parameters, so the text
 * repeats. A statement reused comes back in its default shape (rows as objects), as a new one
 * would; one still being iterated is not reused.
 */
export function reuseStatements(sqlite: Database.Database, keep = 500): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const kept = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const statement = kept.get(source);
    if (statement && !statement.busy) {
      // Most recently used last, so the oldest is the first to go.
      kept.delete(source);
      kept.set(source, statement);
      if (statement.reader) statement.raw(false).pluck(false).expand(false);
      return statement;
    }
    const fresh = prepare(source);
    kept.set(source, fresh);
    if (kept.size > keep) kept.delete(kept.keys().next().value as string);
    return fresh;
  }) as Database.Database["prepare"];
}

/**
 * A second, read-only connection to a database another connection keeps in WAL mode (the read
 * pool's worker threads, decision 052): it reads a consistent snapshot while the server writes.
 * It keeps its statements too, as an inbox page repeats the same few queries.
 */
export function openReadOnlyDatabase(file: string) {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  reuseStatements(sqlite);
  return drizzle(sqlite, { schema });
}

/**
 * Runs the migrations with foreign keys off. drizzle runs them inside one transaction, where
 * SQLite ignores `PRAGMA foreign_keys`: a table rebuild (DROP TABLE of the old copy) would then
 * cascade and delete every row that refers to it (a case's timeline, stages, mail). Afterwards the
 * keys are checked and switched back on; a broken reference stops the start-up.
 */
export function migrateDatabase(db: Db, migrationsFolder = MIGRATIONS_FOLDER): void {
  const client = (db as unknown as { $client: Database.Database }).$client;
  client.pragma("foreign_keys = OFF");
  try {
    const before = appliedMigrations(client);
    migrate(db, { migrationsFolder });
    // The check reads every row of every table (a minute at a million cases): only after a
    // migration has run, as an unchanged database cannot have been broken by one.
    if (appliedMigrations(client) === before) return;
    const broken = client.pragma("foreign_key_check") as unknown[];
    if (broken.length) throw new Error(`Migration left ${broken.length} broken foreign key reference(s)`);
  } finally {
    client.pragma("foreign_keys = ON");
  }
}

function appliedMigrations(client: Database.Database): number {
  const table = client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  return table ? (client.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get() as { n: number }).n : 0;
}

let shared: ReturnType<typeof openDatabase> | undefined;

/** The app's one connection, opened on first use. */
export function getDb() {
  shared ??= openDatabase(config().databaseFile);
  return shared;
}
