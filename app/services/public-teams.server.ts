import { asc, isNull, sql } from "drizzle-orm";
import { teams } from "../../db/schema";
import type { Db } from "./db.server";

/**
 * The council's teams as [value, label] pairs for the e-form and for naming the team on a case.
 * The public chooses from current teams; staff reading an old case also see retired ones. Easy
 * read names each team in plain words where the council has given some.
 */
export function teamOptions(db: Db, { includeRetired = false, easyRead = false } = {}): Array<readonly [string, string]> {
  const rows = db
    .select({ id: teams.id, name: easyRead ? sql<string>`coalesce(nullif(trim(${teams.easyReadName}), ''), ${teams.name})` : teams.name })
    .from(teams)
    .where(includeRetired ? undefined : isNull(teams.retiredAt))
    .orderBy(asc(teams.sortOrder), asc(teams.name))
    .all();
  return rows.map((r) => [String(r.id), r.name] as const);
}
