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
  return drizzle(sqlite, { schema });
}

export function migrateDatabase(db: Db, migrationsFolder = MIGRATIONS_FOLDER): void {
  migrate(db, { migrationsFolder });
}

let shared: ReturnType<typeof openDatabase> | undefined;

/** The app's one connection, opened on first use. */
export function getDb() {
  shared ??= openDatabase(config().databaseFile);
  return shared;
}
