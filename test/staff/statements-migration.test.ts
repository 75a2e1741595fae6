import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "~/services/db.server";
import { migrationsBefore } from "../migrations";

describe("the statements migration (decision records 041 and 042)", () => {
  it("makes a request for the next stage asked online and not yet confirmed wait for staff; a confirmed one does not", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-test-"));
    const db = openDatabase(path.join(dir, "old.sqlite"));
    migrateDatabase(db, migrationsBefore("_statements_online"));
    db.run(
      sql`INSERT INTO representations (reference, kind, method_received, received_at, received_on, person_name, person_relationship, answers) VALUES ('SU-AAAA-AAAA', 'complaint', 'Email', 0, '2026-01-05', 'Pat', 'parent', '{}'), ('SU-BBBB-BBBB', 'complaint', 'Email', 0, '2026-01-05', 'Sam', 'parent', '{}')`,
    );
    // The first asked online and waits; the second asked online and staff confirmed it (Stage 2 opened).
    db.run(
      sql`INSERT INTO stages (representation_id, sequence, kind, state, started_on, next_stage_asked_on) VALUES (1, 1, 'statutory-stage1', 'responded', '2026-01-05', '2026-02-02'), (2, 1, 'statutory-stage1', 'escalated', '2026-01-05', '2026-02-02'), (2, 2, 'statutory-stage2', 'open', '2026-02-02', NULL)`,
    );
    db.run(
      sql`INSERT INTO case_entries (representation_id, kind, body, at) VALUES (1, 'next-stage-asked', 'Still not sorted', 1770000000000), (2, 'next-stage-asked', 'Still not sorted', 1770000000000), (1, 'correspondence-in', 'Older message', 1760000000000)`,
    );
    migrateDatabase(db);
    expect(db.all(sql`SELECT representation_id AS rep, kind, awaiting_staff_since AS since FROM case_entries ORDER BY case_entries.id`)).toEqual([
      { rep: 1, kind: "next-stage-asked", since: 1770000000000 },
      { rep: 2, kind: "next-stage-asked", since: null },
      { rep: 1, kind: "correspondence-in", since: null },
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
