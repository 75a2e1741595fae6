import { and, asc, eq, isNull } from "drizzle-orm";
import { representations, safeguardingConcerns, staffUsers } from "../../db/schema";
import type { ReferralBody } from "../domain/casework";
import { addEntry, changeCase, type Actor } from "./case.server";
import type { Db } from "./db.server";


/** Flags a safeguarding concern on a case; it stays pinned in the inbox until a referral is recorded. */
export function flagConcern(db: Db, actor: Actor, reference: string, concern: string, now = new Date()) {
  return changeCase(db, actor, reference, "case.safeguarding-flagged", (tx, row) => {
    const inserted = tx
      .insert(safeguardingConcerns)
      .values({ representationId: row.id, concern, flaggedById: actor.id, flaggedAt: now })
      .returning({ id: safeguardingConcerns.id })
      .get();
    tx.update(representations).set({ safeguarding: "flagged", updatedAt: now }).where(eq(representations.id, row.id)).run();
    addEntry(tx, { representationId: row.id, kind: "safeguarding-flagged", staffUserId: actor.id, at: now, body: concern });
    return { result: inserted.id, before: { safeguarding: row.safeguarding }, after: { safeguarding: "flagged", concernId: inserted.id } };
  });
}

/** Records the referral to the MASH or the LADO: to whom, on which day, and by whom (the actor). */
export function recordReferral(
  db: Db,
  actor: Actor,
  reference: string,
  input: { concernId: number; referredTo: ReferralBody; referredToName: string; referredOn: string },
  now = new Date(),
) {
  return changeCase(db, actor, reference, "case.safeguarding-referred", (tx, row) => {
    const concern = tx
      .select()
      .from(safeguardingConcerns)
      .where(and(eq(safeguardingConcerns.id, input.concernId), eq(safeguardingConcerns.representationId, row.id), isNull(safeguardingConcerns.referralRecordedAt)))
      .get();
    if (!concern) return null;
    tx.update(safeguardingConcerns)
      .set({ referredTo: input.referredTo, referredToName: input.referredToName, referredOn: input.referredOn, referralRecordedById: actor.id, referralRecordedAt: now })
      .where(eq(safeguardingConcerns.id, concern.id))
      .run();
    const stillOpen = tx
      .select({ id: safeguardingConcerns.id })
      .from(safeguardingConcerns)
      .where(and(eq(safeguardingConcerns.representationId, row.id), isNull(safeguardingConcerns.referralRecordedAt)))
      .get();
    const safeguarding = stillOpen ? "flagged" : "referred";
    tx.update(representations).set({ safeguarding, updatedAt: now }).where(eq(representations.id, row.id)).run();
    addEntry(tx, {
      representationId: row.id,
      kind: "safeguarding-referred",
      staffUserId: actor.id,
      at: now,
      details: { referredTo: input.referredTo, referredToName: input.referredToName, referredOn: input.referredOn },
    });
    return {
      result: null,
      before: { safeguarding: row.safeguarding, concernId: concern.id, referredTo: null },
      after: { safeguarding, concernId: concern.id, referredTo: input.referredTo, referredToName: input.referredToName, referredOn: input.referredOn },
    };
  });
}

export function concernsOf(db: Db, representationId: number) {
  return db
    .select({ concern: safeguardingConcerns, flaggedBy: staffUsers.name })
    .from(safeguardingConcerns)
    .leftJoin(staffUsers, eq(staffUsers.id, safeguardingConcerns.flaggedById))
    .where(eq(safeguardingConcerns.representationId, representationId))
    .orderBy(asc(safeguardingConcerns.flaggedAt))
    .all()
    .map(({ concern, flaggedBy }) => ({ ...concern, flaggedBy }));
}
