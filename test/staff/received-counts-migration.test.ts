import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase, type Db } from "~/services/db.server";
import { migrationsBefore } from "../migrations";

/** What received_counts must hold: the same grouping read from the cases and answers themselves. */
const fromTheCases = (db: Db) =>
  db.all(sql`
    SELECT substr(r.received_on, 1, 7) AS month, r.kind, r.method_received AS method, coalesce(r.received_from, '') AS "from", r.imported_at IS NOT NULL AS imported, count(*) AS n, count(e.id) AS answered
    FROM representations r LEFT JOIN equality_responses e ON e.representation_id = r.id GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`);
const kept = (db: Db) =>
  db.all(sql`
    SELECT month, kind, method_received AS method, received_from AS "from", imported, count AS n, answered
    FROM received_counts WHERE count <> 0 OR answered <> 0 ORDER BY 1, 2, 3, 4, 5`);

function addCase(db: Db, i: number, values: { kind?: string; method?: string; on?: string; from?: string | null; imported?: boolean }) {
  const { kind = "complaint", method = "E-form", on = "2026-01-05", from = "Parent", imported = false } = values;
  db.run(sql`INSERT INTO representations (reference, kind, method_received, received_at, received_on, person_name, person_relationship, answers, received_from, imported_at)
    VALUES (${`REF-${i}`}, ${kind}, ${method}, 0, ${on}, 'Kit', 'parent', '{}', ${from}, ${imported ? 1 : null})`);
  return (db.get<{ id: number }>(sql`SELECT id FROM representations WHERE reference = ${`REF-${i}`}`) as { id: number }).id;
}
const answer = (db: Db, id: number) => db.run(sql`INSERT INTO equality_responses (representation_id, age_band) VALUES (${id}, '12-15')`);

describe("the managers' dashboard's received counts (decision record 051)", () => {
  it("are filled from the cases already there, and kept by every insert, change and delete of a case or its equality answers", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-test-"));
    const db = openDatabase(path.join(dir, "old.sqlite"));
    migrateDatabase(db, migrationsBefore("_dashboards_at_scale"));
    const before = [addCase(db, 1, {}), addCase(db, 2, { from: null }), addCase(db, 3, { kind: "compliment", method: "Email", on: "2025-12-31" })];
    answer(db, before[0]!);
    migrateDatabase(db);
    expect(kept(db)).toEqual(fromTheCases(db));
    expect(kept(db)).toHaveLength(3);

    // New cases, an imported one, answers given and withdrawn, changes to every counted column, deletes.
    const a = addCase(db, 4, { from: "Child or young person" });
    const b = addCase(db, 5, { imported: true, method: "Letter" });
    answer(db, a);
    answer(db, before[1]!);
    expect(kept(db)).toEqual(fromTheCases(db));
    db.run(sql`UPDATE representations SET received_from = 'Foster carer' WHERE id = ${a}`);
    // A case with answers moves onto counts that are already there.
    addCase(db, 6, { kind: "comment", method: "Telephone" });
    db.run(sql`UPDATE representations SET kind = 'comment', method_received = 'Telephone' WHERE id = ${before[0]}`);
    db.run(sql`UPDATE representations SET received_on = '2026-02-01' WHERE id = ${before[1]}`);
    // A change within the month, and to a column not counted, move nothing.
    db.run(sql`UPDATE representations SET received_on = '2026-01-20', person_name = 'Sam' WHERE id = ${a}`);
    db.run(sql`UPDATE representations SET imported_at = NULL WHERE id = ${b}`);
    expect(kept(db)).toEqual(fromTheCases(db));
    db.run(sql`DELETE FROM equality_responses WHERE representation_id = ${before[1]}`);
    // A case with answers is deleted (retention deletes compliments and comments): both leave the counts.
    db.run(sql`DELETE FROM representations WHERE id = ${a}`);
    db.run(sql`DELETE FROM representations WHERE id = ${before[2]}`);
    expect(kept(db)).toEqual(fromTheCases(db));
    expect(db.all(sql`SELECT representation_id AS id FROM equality_responses`)).toEqual([{ id: before[0] }]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
