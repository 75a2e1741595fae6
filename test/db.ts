import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { migrateDatabase, openDatabase } from "../app/services/db.server";
import { seedDatabase } from "../db/seed";

const created: string[] = [];
afterAll(() => {
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A real SQLite file, built from the committed migrations and seeded with the reference lists.
 * Every call gets a fresh file, so tests never share state.
 */
export async function createTestDb(options: { demo?: boolean } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-test-"));
  created.push(dir);
  const db = openDatabase(path.join(dir, "test.sqlite"));
  migrateDatabase(db);
  await seedDatabase(db, { demo: options.demo ?? false });
  return db;
}
