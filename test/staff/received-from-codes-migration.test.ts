import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "~/services/db.server";
import { migrationsBefore } from "../migrations";

// A database from before received-from values had codes: the migration gives the seeded values
// their codes by the labels they were seeded with, and each saved triage checklist the code of
// the value chosen, so eligibility reads the code from then on (app/domain/eligibility.ts).

it("codes the seeded received-from values and records the code on each triaged case", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-received-from-migration-"));
  try {
    const db = openDatabase(path.join(dir, "old.sqlite"));
    migrateDatabase(db, migrationsBefore("_received_from_codes"));
    const sqlite = db.$client;
    sqlite
      .prepare(
        `INSERT INTO reference_values (list, label) VALUES ('received-from', 'Parent'), ('received-from', 'Care leaver, now an adult'),
           ('received-from', 'Parent''s partner'), ('nature-social-care', 'Parent')`,
      )
      .run();
    const insert = sqlite.prepare(
      `INSERT INTO representations (id, reference, kind, status, method_received, received_at, received_on, person_name, person_relationship, answers, received_from, eligibility)
       VALUES (@id, @reference, 'complaint', 'triaged', 'E-form', 0, '2026-11-23', 'Someone', 'parent', '{}', @from, @eligibility)`,
    );
    insert.run({ id: 1, reference: "SU-AAAA-AAAA", from: "Parent", eligibility: JSON.stringify({ receivedFrom: "Parent", withinTwelveMonths: "yes" }) });
    insert.run({ id: 2, reference: "SU-AAAA-AAAB", from: "Parent's partner", eligibility: JSON.stringify({ receivedFrom: "Parent's partner" }) });
    insert.run({ id: 3, reference: "SU-AAAA-AAAC", from: null, eligibility: null });

    // Up to the migration that gives every value a code (decision record 048, tested there).
    migrateDatabase(db, migrationsBefore("_reference_value_codes"));
    expect(sqlite.prepare("SELECT list, label, code FROM reference_values ORDER BY id").all()).toEqual([
      { list: "received-from", label: "Parent", code: "parent" },
      { list: "received-from", label: "Care leaver, now an adult", code: "care-leaver" },
      // Added by the council: no code, so its standing is asked about, as before.
      { list: "received-from", label: "Parent's partner", code: null },
      { list: "nature-social-care", label: "Parent", code: null },
    ]);
    const eligibility = (sqlite.prepare("SELECT eligibility FROM representations ORDER BY id").all() as Array<{ eligibility: string | null }>).map((r) => (r.eligibility ? JSON.parse(r.eligibility) : null));
    expect(eligibility).toEqual([{ receivedFrom: "Parent", withinTwelveMonths: "yes", receivedFromCode: "parent" }, { receivedFrom: "Parent's partner" }, null]);
    db.$client.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
