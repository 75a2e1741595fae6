import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, onTestFinished } from "vitest";

const FOLDER = path.resolve("db/migrations");

/**
 * A copy of the migrations that stops before the one whose tag ends with `tag` (found by name,
 * because migrations are renumbered when branches merge), for tests of a data migration: build an
 * old database with these, put rows in, then run the real folder. The copy is removed when the
 * test finishes.
 */
export function migrationsBefore(tag: string): string {
  const journal = JSON.parse(fs.readFileSync(path.join(FOLDER, "meta/_journal.json"), "utf8")) as { entries: Array<{ tag: string }> };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-migrations-"));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  const at = journal.entries.findIndex((e) => e.tag.endsWith(tag));
  expect(at).toBeGreaterThan(0);
  fs.cpSync(FOLDER, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "meta/_journal.json"), JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return dir;
}
