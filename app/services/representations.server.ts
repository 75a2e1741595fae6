import { and, asc, desc, eq, inArray, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { representations } from "../../db/schema";
import { addWorkingDays, type IsoDate } from "../domain/calendar";
import { caseScopeFor, type InboxSort, type Viewer } from "../domain/casework";
import type { Db } from "./db.server";

export function findRepresentationById(db: Db, id: number) {
  return db.select().from(representations).where(eq(representations.id, id)).get() ?? null;
}

export function findRepresentationByReference(db: Db, reference: string) {
  return db.select().from(representations).where(eq(representations.reference, reference)).get() ?? null;
}


export interface InboxFilters {
  status?: string;
  kind?: string;
  process?: string;
  stage?: string;
  teamId?: number;
  assigneeId?: number;
  /** Due within this many working days (includes overdue). */
  dueWithin?: number;
  overdue?: boolean;
  youngPerson?: boolean;
  safeguarding?: boolean;
  /** A reference, or part of the person's or the child's name. */
  q?: string;
  sort?: InboxSort;
  page?: number;
}

export const INBOX_PAGE_SIZE = 25;

/** Cases that are still running have a deadline worth showing. */
const RUNNING = ["new", "triaged", "open"] as const;

/** What this member of staff may see (team managers: their teams; investigators: their Stage 2). */
function scopeCondition(viewer: Viewer): SQL | undefined {
  switch (caseScopeFor(viewer.role)) {
    case "all":
      return undefined;
    case "team":
      return viewer.teamIds.length ? inArray(representations.teamId, [...viewer.teamIds]) : sql`0`;
    case "investigator":
      return and(eq(representations.stage, "stage2"), eq(representations.investigatorId, viewer.id));
    case "none":
      return sql`0`;
  }
}

function escapeLike(value: string) {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The inbox: filtered, searched, sorted and paged. A case with a safeguarding concern whose referral
 * is not yet recorded is always first.
 */
export function listRepresentations(db: Db, viewer: Viewer, filters: InboxFilters, today: IsoDate) {
  const r = representations;
  const running = inArray(r.status, [...RUNNING]);
  const conditions: Array<SQL | undefined> = [scopeCondition(viewer)];
  if (filters.status) conditions.push(eq(r.status, filters.status as (typeof r.status.enumValues)[number]));
  if (filters.kind) conditions.push(eq(r.kind, filters.kind as (typeof r.kind.enumValues)[number]));
  if (filters.process) conditions.push(eq(r.process, filters.process as (typeof r.process.enumValues)[number]));
  if (filters.stage) conditions.push(eq(r.stage, filters.stage));
  if (filters.teamId) conditions.push(eq(r.teamId, filters.teamId));
  if (filters.assigneeId) conditions.push(eq(r.respondingManagerId, filters.assigneeId));
  if (filters.dueWithin !== undefined) conditions.push(running, lte(r.stage1DueOn, addWorkingDays(today, filters.dueWithin)));
  if (filters.overdue) conditions.push(running, lt(r.stage1DueOn, today));
  if (filters.youngPerson) conditions.push(eq(r.personRelationship, "young-person"));
  if (filters.safeguarding) conditions.push(eq(r.safeguarding, "flagged"));
  const q = filters.q?.trim();
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    conditions.push(
      or(
        sql`${r.reference} LIKE ${pattern.toUpperCase()} ESCAPE '\\'`,
        sql`${r.personName} LIKE ${pattern} ESCAPE '\\'`,
        sql`${r.childName} LIKE ${pattern} ESCAPE '\\'`,
      ),
    );
  }
  const where = and(...conditions);

  const pinned = sql`CASE WHEN ${r.safeguarding} = 'flagged' THEN 0 ELSE 1 END`;
  const order = (() => {
    switch (filters.sort ?? "due") {
      case "due":
        // Running cases with a deadline first, soonest first; then the rest, newest first.
        return [sql`CASE WHEN ${r.stage1DueOn} IS NOT NULL AND ${r.status} IN ('new','triaged','open') THEN 0 ELSE 1 END`, asc(r.stage1DueOn), desc(r.receivedAt)];
      case "received-newest":
        return [desc(r.receivedAt)];
      case "received-oldest":
        return [asc(r.receivedAt)];
      case "reference":
        return [asc(r.reference)];
    }
  })();
  const page = Math.max(1, filters.page ?? 1);
  const rows = db
    .select({
      id: r.id,
      reference: r.reference,
      kind: r.kind,
      status: r.status,
      process: r.process,
      stage: r.stage,
      personName: r.personName,
      childName: r.childName,
      personRelationship: r.personRelationship,
      receivedAt: r.receivedAt,
      dueOn: r.stage1DueOn,
      teamId: r.teamId,
      respondingManagerId: r.respondingManagerId,
      safeguarding: r.safeguarding,
    })
    .from(r)
    .where(where)
    .orderBy(pinned, ...order, asc(r.id))
    .limit(INBOX_PAGE_SIZE)
    .offset((page - 1) * INBOX_PAGE_SIZE)
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(r).where(where).get()?.n ?? 0;
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE)) };
}

/** How many cases this member of staff can see, by status, whatever the filters. */
export function countsByStatus(db: Db, viewer: Viewer): Record<string, number> {
  const rows = db
    .select({ status: representations.status, n: sql<number>`count(*)` })
    .from(representations)
    .where(scopeCondition(viewer))
    .groupBy(representations.status)
    .all();
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}
