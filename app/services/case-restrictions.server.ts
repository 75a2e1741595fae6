import { and, desc, eq, isNull } from "drizzle-orm";
import { contactRestrictions, persons, representations, staffUsers } from "../../db/schema";
import { addEntry, changeCase, type Actor, type Representation } from "./case.server";
import type { Db } from "./db.server";

/**
 * The person behind a case: the one already linked, or one with the same email address, or a new
 * record. Linking is how a contact restriction follows a person to every case of theirs.
 */
export function ensurePerson(db: Db, row: Representation): number {
  if (row.personId !== null) return row.personId;
  const email = row.personEmail?.trim().toLowerCase() || null;
  const existing = email ? db.select({ id: persons.id }).from(persons).where(eq(persons.email, email)).get() : undefined;
  const personId = existing?.id ?? db.insert(persons).values({ name: row.personName, email }).returning({ id: persons.id }).get().id;
  db.update(representations).set({ personId }).where(eq(representations.id, row.id)).run();
  // Earlier cases from the same address belong to the same person.
  if (email) {
    db.update(representations).set({ personId }).where(and(isNull(representations.personId), eq(representations.personEmail, email))).run();
  }
  return personId;
}

export function addRestriction(
  db: Db,
  actor: Actor,
  reference: string,
  input: { restricted: string; reason: string; reviewOn: string },
  now = new Date(),
) {
  return changeCase(db, actor, reference, "case.restriction-added", (tx, row) => {
    const personId = ensurePerson(tx, row);
    const inserted = tx
      .insert(contactRestrictions)
      .values({ personId, restricted: input.restricted, reason: input.reason, reviewOn: input.reviewOn, createdById: actor.id, createdAt: now })
      .returning({ id: contactRestrictions.id })
      .get();
    addEntry(tx, { representationId: row.id, kind: "restriction-added", staffUserId: actor.id, at: now, body: input.restricted, details: { reviewOn: input.reviewOn } });
    return { result: inserted.id, after: { restrictionId: inserted.id, personId, ...input } };
  });
}

export function endRestriction(db: Db, actor: Actor, reference: string, restrictionId: number, now = new Date()) {
  return changeCase(db, actor, reference, "case.restriction-ended", (tx, row) => {
    const personId = ensurePerson(tx, row);
    const restriction = tx
      .select()
      .from(contactRestrictions)
      .where(and(eq(contactRestrictions.id, restrictionId), eq(contactRestrictions.personId, personId), isNull(contactRestrictions.endedAt)))
      .get();
    if (!restriction) return null;
    tx.update(contactRestrictions).set({ endedAt: now, endedById: actor.id }).where(eq(contactRestrictions.id, restriction.id)).run();
    addEntry(tx, { representationId: row.id, kind: "restriction-ended", staffUserId: actor.id, at: now, body: restriction.restricted });
    return { result: null, before: { restrictionId, endedAt: null }, after: { restrictionId, endedAt: now.toISOString() } };
  });
}

/**
 * Restrictions in force for the person behind this case: through the linked person, or, for a case
 * not yet linked, any person with the same email address.
 */
export function activeRestrictions(db: Db, row: Representation) {
  const email = row.personEmail?.trim().toLowerCase() || null;
  const personId = row.personId ?? (email ? db.select({ id: persons.id }).from(persons).where(eq(persons.email, email)).get()?.id : undefined);
  if (personId === undefined) return [];
  return db
    .select({ restriction: contactRestrictions, createdBy: staffUsers.name })
    .from(contactRestrictions)
    .leftJoin(staffUsers, eq(staffUsers.id, contactRestrictions.createdById))
    .where(and(eq(contactRestrictions.personId, personId), isNull(contactRestrictions.endedAt)))
    .orderBy(desc(contactRestrictions.createdAt))
    .all()
    .map(({ restriction, createdBy }) => ({ ...restriction, createdBy }));
}
