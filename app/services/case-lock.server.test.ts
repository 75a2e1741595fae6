import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { acceptedComplaint, staffOf } from "../../test/cases";
import { createTestDb } from "../../test/db";
import { changeCase } from "./case.server";

// A command run beside the server (an import, `npm run outbox:send`, a test's set-up script) is a
// second connection to the same file. A change to a case must hold the write lock from its first
// read, or the other process's write in between makes it fail with SQLITE_BUSY_SNAPSHOT.
describe("a change to a case beside another process", () => {
  it("holds the write lock from its first read, so the other process waits instead of slipping in between", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer");
    const c = acceptedComplaint(db, officer, { now: new Date() });
    const other = new Database(db.$client.name);
    other.pragma("busy_timeout = 0");
    let otherWrite: unknown = null;
    const result = changeCase(db, officer, c.reference, "case.note-added", () => {
      try {
        other.prepare("UPDATE representations SET updated_at = updated_at WHERE id = ?").run(c.id);
      } catch (error) {
        otherWrite = (error as { code?: string }).code;
      }
      return { result: null };
    });
    expect(result.ok).toBe(true);
    expect(otherWrite).toBe("SQLITE_BUSY");
    // Once the change is done, the other process writes as usual.
    expect(other.prepare("UPDATE representations SET updated_at = updated_at WHERE id = ?").run(c.id).changes).toBe(1);
    other.close();
  });
});
