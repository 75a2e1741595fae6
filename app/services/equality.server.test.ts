import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestDb } from "../../test/db";
import { equalityResponses, representations } from "../../db/schema";
import type { Db } from "./db.server";
import { equalityCounts, findEqualityAnswers, saveEqualityAnswer } from "./equality.server";

let n = 0;
function addRepresentation(db: Db, receivedAt: Date) {
  n += 1;
  return db
    .insert(representations)
    .values({
      reference: `SU-TEST-${String(n).padStart(4, "2")}`,
      kind: "complaint",
      methodReceived: "E-form",
      receivedAt,
      receivedOn: receivedAt.toISOString().slice(0, 10),
      personName: "Test Person",
      personRelationship: "young-person",
      answers: {},
      createdAt: receivedAt,
      updatedAt: receivedAt,
    })
    .returning({ id: representations.id })
    .get().id;
}

const MARCH = new Date("2026-03-10T12:00:00Z");

describe("equality monitoring", () => {
  it("saves answers one question at a time on one row per representation", async () => {
    const db = await createTestDb();
    const id = addRepresentation(db, MARCH);
    saveEqualityAnswer(db, id, "age", "16-to-19");
    saveEqualityAnswer(db, id, "sex", "prefer-not-to-say");
    saveEqualityAnswer(db, id, "ethnic-group", "white");
    saveEqualityAnswer(db, id, "ethnic-background", "irish");
    expect(findEqualityAnswers(db, id)).toEqual({ ageBand: "16-to-19", gender: "prefer-not-to-say", disability: null, ethnicGroup: "white", ethnicity: "irish" });
    // A new group forgets a background chosen under another.
    saveEqualityAnswer(db, id, "ethnic-group", "other-ethnic-group");
    expect(findEqualityAnswers(db, id)).toMatchObject({ ethnicGroup: "other-ethnic-group", ethnicity: null });
    expect(db.select().from(equalityResponses).all()).toHaveLength(1);
  });

  it("counts answers for a date range, with everyone who did not answer as not stated", async () => {
    const db = await createTestDb();
    const a = addRepresentation(db, MARCH);
    const b = addRepresentation(db, new Date("2026-03-20T12:00:00Z"));
    addRepresentation(db, new Date("2026-03-25T12:00:00Z")); // never answered
    const outside = addRepresentation(db, new Date("2026-04-02T12:00:00Z"));
    saveEqualityAnswer(db, a, "age", "under-16");
    saveEqualityAnswer(db, b, "age", "under-16");
    saveEqualityAnswer(db, b, "disability", "yes");
    saveEqualityAnswer(db, outside, "age", "65-and-over");

    const counts = equalityCounts(db, { from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-04-01T00:00:00Z") });
    expect(counts.total).toBe(3);
    expect(counts.ageBand).toEqual({ "under-16": 2, "not-stated": 1 });
    expect(counts.disability).toEqual({ yes: 1, "not-stated": 2 });
    expect(counts.ethnicity).toEqual({ "not-stated": 3 });
  });

  it("deletes the answers when the representation is deleted", async () => {
    const db = await createTestDb();
    const id = addRepresentation(db, MARCH);
    saveEqualityAnswer(db, id, "age", "20-to-24");
    db.delete(representations).where(eq(representations.id, id)).run();
    expect(db.select().from(equalityResponses).all()).toEqual([]);
  });
});
