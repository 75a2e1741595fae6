import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "~/services/db.server";
import { migrationsBefore } from "../migrations";

describe("the outcomes migration (decision record 028)", () => {
  it("gives the seeded findings their codes and turns each stage's finding label into its code; a council's own label stays as written", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-test-"));
    const db = openDatabase(path.join(dir, "old.sqlite"));
    migrateDatabase(db, migrationsBefore("_outcomes_and_learning"));
    db.run(sql`INSERT INTO reference_values (list, label, sort_order) VALUES ('finding', 'Partially upheld', 1), ('finding', 'Sorted informally', 7), ('finding', 'Not upheld', 2)`);
    db.run(sql`INSERT INTO representations (reference, kind, method_received, received_at, received_on, person_name, person_relationship, answers) VALUES ('ABC-DEF', 'complaint', 'Email', 0, '2026-01-05', 'Pat', 'parent', '{}')`);
    db.run(
      sql`INSERT INTO stages (representation_id, sequence, kind, state, started_on, finding) VALUES (1, 1, 'statutory-stage1', 'responded', '2026-01-05', 'Partially upheld'), (1, 2, 'statutory-stage2', 'responded', '2026-02-05', 'Sorted informally'), (1, 3, 'statutory-stage3', 'open', '2026-03-05', NULL)`,
    );
    // Up to this migration only: the next gives the council's own value a code (decision record 048, tested there).
    migrateDatabase(db, migrationsBefore("_reference_value_codes"));
    expect(db.all(sql`SELECT finding FROM stages ORDER BY sequence`)).toEqual([{ finding: "partially-upheld" }, { finding: "Sorted informally" }, { finding: null }]);
    expect(db.all(sql`SELECT label, code FROM reference_values WHERE list = 'finding' ORDER BY sort_order`)).toEqual([
      { label: "Partially upheld", code: "partially-upheld" },
      { label: "Not upheld", code: "not-upheld" },
      { label: "Sorted informally", code: null },
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
