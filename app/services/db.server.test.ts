import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase, reuseStatements } from "./db.server";

function connection(keep?: number) {
  const sqlite = new Database(":memory:");
  reuseStatements(sqlite, keep);
  sqlite.exec("CREATE TABLE t (a INTEGER, b TEXT); INSERT INTO t VALUES (1, 'one'), (2, 'two')");
  return sqlite;
}

describe("statements reused by their SQL text", () => {
  it("prepares the same text once", () => {
    const sqlite = connection();
    const first = sqlite.prepare("SELECT a, b FROM t WHERE a = ?");
    expect(sqlite.prepare("SELECT a, b FROM t WHERE a = ?")).toBe(first);
    expect(sqlite.prepare("SELECT b FROM t WHERE a = ?")).not.toBe(first);
  });

  it("gives a reused statement back in its default shape, whatever the last caller made it", () => {
    const sqlite = connection();
    const sql = "SELECT a, b FROM t ORDER BY a";
    // drizzle reads rows of a select as arrays (raw), and a bare query as objects.
    expect(sqlite.prepare(sql).raw().all()).toEqual([[1, "one"], [2, "two"]]);
    expect(sqlite.prepare(sql).all()).toEqual([{ a: 1, b: "one" }, { a: 2, b: "two" }]);
    expect(sqlite.prepare(sql).pluck().get()).toBe(1);
    expect(sqlite.prepare(sql).get()).toEqual({ a: 1, b: "one" });
    const write = "UPDATE t SET b = ? WHERE a = ?";
    expect(sqlite.prepare(write).run("uno", 1).changes).toBe(1);
    expect(sqlite.prepare(write).run("dos", 2).changes).toBe(1);
    expect(sqlite.prepare(sql).all()).toEqual([{ a: 1, b: "uno" }, { a: 2, b: "dos" }]);
  });

  it("does not hand out a statement that is still being iterated", () => {
    const sqlite = connection();
    const sql = "SELECT a FROM t ORDER BY a";
    const seen: unknown[] = [];
    for (const row of sqlite.prepare(sql).iterate()) seen.push(row, sqlite.prepare(sql).get());
    expect(seen).toEqual([{ a: 1 }, { a: 1 }, { a: 2 }, { a: 1 }]);
  });

  it("keeps only the most recently used statements", () => {
    const sqlite = connection(2);
    const a = sqlite.prepare("SELECT 1");
    const b = sqlite.prepare("SELECT 2");
    expect(sqlite.prepare("SELECT 1")).toBe(a);
    sqlite.prepare("SELECT 3");
    // "SELECT 2" was the least recently used: prepared afresh; "SELECT 1" is still kept.
    expect(sqlite.prepare("SELECT 1")).toBe(a);
    expect(sqlite.prepare("SELECT 2")).not.toBe(b);
  });
});

describe("transactions", () => {
  // The server reads and then writes in most transactions. Begun DEFERRED, such a transaction holds
  // only a snapshot until its first write; if another connection (a script, the tests' own set-up,
  // a second process) commits in between, SQLite cannot upgrade the stale snapshot and answers
  // "database is locked" at once, whatever the busy timeout. Begun IMMEDIATE, it holds the write
  // lock from the start and the other writer waits instead.
  it("hold the write lock from the start, so a read-then-write is never refused for another connection's write", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-tx-"));
    const file = path.join(dir, "tx.sqlite");
    const db = openDatabase(file);
    db.run(sql`CREATE TABLE t (a INTEGER)`);
    const other = new Database(file);
    other.pragma("busy_timeout = 0");
    let otherRefused = false;
    db.transaction((tx) => {
      tx.all(sql`SELECT count(*) FROM t`);
      try {
        other.prepare("INSERT INTO t VALUES (2)").run();
      } catch {
        otherRefused = true;
      }
      tx.run(sql`INSERT INTO t VALUES (1)`);
    });
    expect(otherRefused).toBe(true);
    expect(db.all<{ a: number }>(sql`SELECT a FROM t`)).toEqual([{ a: 1 }]);
    other.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
