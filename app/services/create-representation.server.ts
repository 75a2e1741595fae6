import { randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import { representations } from "../../db/schema";
import type { IsoDate } from "../domain/calendar";
import { generateReference } from "../domain/reference-number";
import type { Db } from "./db.server";
import { openStage } from "./stages.server";

export type NewRepresentation = Omit<typeof representations.$inferInsert, "id" | "reference" | "status">;

/** A reference no case has yet. A collision is about one in 10^11 per pair; retrying keeps the unique index from firing. */
export function uniqueReference(db: Db): string {
  for (;;) {
    const candidate = generateReference(randomInt);
    if (!db.select({ id: representations.id }).from(representations).where(eq(representations.reference, candidate)).get()) return candidate;
  }
}

/**
 * The one way a representation is created, whether the person sent the e-form or staff logged it.
 * A complaint enters statutory Stage 1 on receipt (the 2006 Regulations count from the day it is
 * received, and the acknowledgement tells the person that date); triage's decision then says what
 * that first stage is (app/services/case-triage.server.ts). Call it inside the caller's transaction.
 * `reference` is for the demo's cases only, whose references the README and the tests name.
 */
export function createRepresentation(
  db: Db,
  values: NewRepresentation,
  options: { reference?: string } = {},
): { id: number; reference: string; dueOn: IsoDate | null } {
  const reference = options.reference ?? uniqueReference(db);
  const inserted = db
    .insert(representations)
    .values({ ...values, reference, status: "new" })
    .returning({ id: representations.id })
    .get();
  if (values.kind !== "complaint") return { id: inserted.id, reference, dueOn: null };
  const stage = openStage(db, { representationId: inserted.id, kind: "statutory-stage1", startedOn: values.receivedOn });
  return { id: inserted.id, reference, dueOn: stage.dueOn };
}
