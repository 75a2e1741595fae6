import { and, asc, eq, ne, sql } from "drizzle-orm";
import { teams } from "../../db/schema";
import { audit } from "./audit.server";
import type { Db } from "./db.server";

export type Team = typeof teams.$inferSelect;

/** Every team, current first; retired ones stay, because old cases name them. */
export function listTeams(db: Db): Team[] {
  return db.select().from(teams).orderBy(sql`${teams.retiredAt} is not null`, asc(teams.sortOrder), asc(teams.name)).all();
}

export function findTeam(db: Db, id: number): Team | null {
  return db.select().from(teams).where(eq(teams.id, id)).get() ?? null;
}

function nameTaken(db: Db, name: string, exceptId?: number) {
  const where = exceptId === undefined ? eq(sql`lower(${teams.name})`, name.toLowerCase()) : and(eq(sql`lower(${teams.name})`, name.toLowerCase()), ne(teams.id, exceptId));
  return Boolean(db.select({ id: teams.id }).from(teams).where(where).get());
}

export function addTeam(db: Db, input: { actorId: number; name: string; email?: string; now?: Date }): { outcome: "added"; id: number } | { outcome: "taken" } {
  const now = input.now ?? new Date();
  return db.transaction((tx) => {
    if (nameTaken(tx, input.name)) return { outcome: "taken" } as const;
    const sortOrder = (tx.select({ max: sql<number>`coalesce(max(${teams.sortOrder}), 0)` }).from(teams).get()?.max ?? 0) + 1;
    const row = tx.insert(teams).values({ name: input.name, email: input.email ?? null, sortOrder, createdAt: now }).returning().get();
    audit(tx, { staffUserId: input.actorId, action: "team.added", entity: "team", entityId: row.id, at: now, details: { after: { name: row.name, email: row.email } } });
    return { outcome: "added", id: row.id } as const;
  });
}

/** `easyReadName`: the team in plain words for easy read; null clears it, left out keeps it. */
export function updateTeam(
  db: Db,
  input: { actorId: number; id: number; name: string; email?: string; easyReadName?: string | null; now?: Date },
): "updated" | "taken" | "not-found" {
  const now = input.now ?? new Date();
  return db.transaction((tx) => {
    const before = findTeam(tx, input.id);
    if (!before) return "not-found";
    if (nameTaken(tx, input.name, input.id)) return "taken";
    const easyReadName = input.easyReadName === undefined ? before.easyReadName : input.easyReadName;
    tx.update(teams).set({ name: input.name, email: input.email ?? null, easyReadName }).where(eq(teams.id, input.id)).run();
    audit(tx, {
      staffUserId: input.actorId,
      action: "team.updated",
      entity: "team",
      entityId: input.id,
      at: now,
      details: {
        before: { name: before.name, email: before.email, easyReadName: before.easyReadName },
        after: { name: input.name, email: input.email ?? null, easyReadName },
      },
    });
    return "updated";
  });
}

/** Retired teams are no longer offered, but stay on the cases and memberships that name them. */
export function setTeamRetired(db: Db, input: { actorId: number; id: number; retired: boolean; now?: Date }): boolean {
  const now = input.now ?? new Date();
  return db.transaction((tx) => {
    const before = findTeam(tx, input.id);
    if (!before) return false;
    tx.update(teams).set({ retiredAt: input.retired ? now : null }).where(eq(teams.id, input.id)).run();
    audit(tx, { staffUserId: input.actorId, action: input.retired ? "team.retired" : "team.restored", entity: "team", entityId: input.id, at: now });
    return true;
  });
}
