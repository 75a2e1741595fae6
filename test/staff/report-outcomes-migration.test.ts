import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "~/services/db.server";
import { migrationsBefore } from "../migrations";

describe("the report outcomes migration (decision record 043)", () => {
  it("marks the cases whose public form made an advocacy referral: wanted an advocate and agreed to the referral", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-test-"));
    const db = openDatabase(path.join(dir, "old.sqlite"));
    migrateDatabase(db, migrationsBefore("_report_outcomes"));
    const answers = [{ "advocate-offer": { wantsAdvocate: "yes", advocacyConsent: "yes" } }, { "advocate-offer": { wantsAdvocate: "no" } }, { "advocate-offer": { wantsAdvocate: "yes" } }, {}];
    answers.forEach((a, i) =>
      db.run(sql`INSERT INTO representations (reference, kind, method_received, received_at, received_on, person_name, person_relationship, answers) VALUES (${`REF-${i}`}, 'complaint', 'E-form', 0, '2026-01-05', 'Kit', 'young-person', ${JSON.stringify(a)})`),
    );
    migrateDatabase(db);
    expect(db.all(sql`SELECT reference, advocacy_referred AS referred FROM representations ORDER BY id`)).toEqual([
      { reference: "REF-0", referred: 1 },
      { reference: "REF-1", referred: 0 },
      { reference: "REF-2", referred: 0 },
      { reference: "REF-3", referred: 0 },
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
