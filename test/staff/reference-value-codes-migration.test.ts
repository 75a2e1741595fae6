import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "~/services/db.server";
import { migrationsBefore } from "../migrations";

// A database from before every reference value had a code (decision record 048): a council's own
// values get `value-<id>`, and a stage or point answered with a council's own finding by its label
// (before findings were codes) takes that code, so a rename reaches it.

it("gives every code-less value `value-<id>` and turns findings stored as such a value's label into its code", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-test-"));
  try {
    const db = openDatabase(path.join(dir, "old.sqlite"));
    migrateDatabase(db, migrationsBefore("_reference_value_codes"));
    db.run(sql`INSERT INTO reference_values (id, list, label, code) VALUES (1, 'finding', 'Upheld', 'upheld'), (2, 'finding', 'Sorted informally', NULL), (3, 'nature-corporate', 'Sorted informally', NULL), (4, 'received-from', 'Grandparent', NULL)`);
    db.run(sql`INSERT INTO representations (reference, kind, method_received, received_at, received_on, person_name, person_relationship, answers) VALUES ('ABC-DEF', 'complaint', 'Email', 0, '2026-01-05', 'Pat', 'parent', '{}')`);
    db.run(
      sql`INSERT INTO stages (id, representation_id, sequence, kind, state, started_on, finding) VALUES (1, 1, 1, 'statutory-stage1', 'responded', '2026-01-05', 'upheld'), (2, 1, 2, 'statutory-stage2', 'responded', '2026-02-05', 'Sorted informally'), (3, 1, 3, 'statutory-stage3', 'responded', '2026-03-05', 'Words on no list')`,
    );
    db.run(sql`INSERT INTO stage_points (stage_id, position, point, finding, reasons) VALUES (2, 1, 'A point', 'upheld', 'Reasons')`);

    migrateDatabase(db);
    expect(db.all(sql`SELECT id, code FROM reference_values ORDER BY id`)).toEqual([
      { id: 1, code: "upheld" },
      { id: 2, code: "value-2" },
      { id: 3, code: "value-3" },
      { id: 4, code: "value-4" },
    ]);
    // A label on no list stays as written, and is shown as written.
    expect(db.all(sql`SELECT finding FROM stages ORDER BY sequence`)).toEqual([{ finding: "upheld" }, { finding: "value-2" }, { finding: "Words on no list" }]);
    // Points keep their rows through the table's rebuild (its CHECK on six codes is gone), and a council's own code is accepted now.
    expect(db.all(sql`SELECT finding FROM stage_points`)).toEqual([{ finding: "upheld" }]);
    db.run(sql`INSERT INTO stage_points (stage_id, position, point, finding, reasons) VALUES (2, 2, 'Another point', 'value-2', 'Reasons')`);
    db.$client.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
