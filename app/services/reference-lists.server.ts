import { and, asc, eq, ne, sql } from "drizzle-orm";
import { referenceValues } from "../../db/schema";
import { audit } from "./audit.server";
import type { Db } from "./db.server";

export type ReferenceValue = typeof referenceValues.$inferSelect;

/** The lists there are, with how many values each has in use. */
export function listNames(db: Db): Array<{ list: string; current: number; retired: number }> {
  return db
    .select({
      list: referenceValues.list,
      current: sql<number>`sum(${referenceValues.retiredAt} is null)`,
      retired: sql<number>`sum(${referenceValues.retiredAt} is not null)`,
    })
    .from(referenceValues)
    .groupBy(referenceValues.list)
    .orderBy(asc(referenceValues.list))
    .all();
}

export function listValues(db: Db, list: string): ReferenceValue[] {
  return db
    .select()
    .from(referenceValues)
    .where(eq(referenceValues.list, list))
    .orderBy(sql`${referenceValues.retiredAt} is not null`, asc(referenceValues.sortOrder), asc(referenceValues.id))
    .all();
}

export function findValue(db: Db, list: string, id: number): ReferenceValue | null {
  return db.select().from(referenceValues).where(and(eq(referenceValues.list, list), eq(referenceValues.id, id))).get() ?? null;
}

function labelTaken(db: Db, list: string, label: string, exceptId?: number) {
  const same = and(eq(referenceValues.list, list), eq(sql`lower(${referenceValues.label})`, label.toLowerCase()));
  return Boolean(db.select({ id: referenceValues.id }).from(referenceValues).where(exceptId === undefined ? same : and(same, ne(referenceValues.id, exceptId))).get());
}

/**
 * Gives every value without a code its generated one, `value-<id>` (decision record 048): unique,
 * and never changed by a rename, so cases and rules can hold it as they hold the seeded codes.
 * The same statement as migration 0016's hand-written part: keep them in step.
 */
export function assignMissingCodes(db: Db) {
  db.run(sql`update reference_values set code = 'value-' || id where code is null`);
}

export function addValue(db: Db, input: { actorId: number; list: string; label: string; note?: string; now?: Date }): "added" | "taken" {
  const now = input.now ?? new Date();
  return db.transaction((tx) => {
    if (labelTaken(tx, input.list, input.label)) return "taken";
    const sortOrder = (tx.select({ max: sql<number>`coalesce(max(${referenceValues.sortOrder}), 0)` }).from(referenceValues).where(eq(referenceValues.list, input.list)).get()?.max ?? 0) + 1;
    const inserted = tx.insert(referenceValues).values({ list: input.list, label: input.label, note: input.note ?? null, sortOrder }).returning({ id: referenceValues.id }).get();
    assignMissingCodes(tx);
    const row = findValue(tx, input.list, inserted.id)!;
    audit(tx, { staffUserId: input.actorId, action: "reference-value.added", entity: "reference_value", entityId: row.id, at: now, details: { list: input.list, after: { label: row.label, note: row.note, code: row.code } } });
    return "added";
  });
}

/**
 * Renames a value. Its code stays, so cases that hold the code (findings) or its id (case_codes)
 * follow the new words; older columns hold the label. A rename is for corrections: a different
 * meaning should be a new value with the old one retired.
 */
export function renameValue(db: Db, input: { actorId: number; list: string; id: number; label: string; note?: string; now?: Date }): "updated" | "taken" | "not-found" {
  const now = input.now ?? new Date();
  return db.transaction((tx) => {
    const before = findValue(tx, input.list, input.id);
    if (!before) return "not-found";
    if (labelTaken(tx, input.list, input.label, input.id)) return "taken";
    tx.update(referenceValues).set({ label: input.label, note: input.note ?? null }).where(eq(referenceValues.id, input.id)).run();
    audit(tx, {
      staffUserId: input.actorId,
      action: "reference-value.updated",
      entity: "reference_value",
      entityId: input.id,
      at: now,
      details: { list: input.list, before: { label: before.label, note: before.note }, after: { label: input.label, note: input.note ?? null } },
    });
    return "updated";
  });
}

/** Retired values are not offered for new records and stay on old ones. Never deleted. */
export function setValueRetired(db: Db, input: { actorId: number; list: string; id: number; retired: boolean; now?: Date }): boolean {
  const now = input.now ?? new Date();
  return db.transaction((tx) => {
    const before = findValue(tx, input.list, input.id);
    if (!before) return false;
    tx.update(referenceValues).set({ retiredAt: input.retired ? now : null }).where(eq(referenceValues.id, input.id)).run();
    audit(tx, { staffUserId: input.actorId, action: input.retired ? "reference-value.retired" : "reference-value.restored", entity: "reference_value", entityId: input.id, at: now, details: { list: input.list, label: before.label } });
    return true;
  });
}
