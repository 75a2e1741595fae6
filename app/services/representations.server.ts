import { and, asc, desc, eq, inArray, lt, lte, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { representations, stagePeople, stages } from "../../db/schema";
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
/**
 * Counts stop here: beyond it the page says "more than 10,000" (decision record 038), because an
 * exact count of a broad filter at a million cases reads every matching row on every page view.
 */
export const COUNT_LIMIT = 10_000;

/** The case's current stage, found through the copy of its id on the case (kept by triggers). */
export const current = alias(stages, "current_stage");
export const joinCurrent = eq(current.id, representations.currentStageId);

/**
 * What this member of staff may see (team managers: their teams; investigators: their Stage 2): the
 * inbox's rule, also used by the deadlines dashboard. Reads only the case's own columns, so each
 * scope is answered by an index.
 */
export function scopeCondition(viewer: Viewer): SQL | undefined {
  const r = representations;
  switch (caseScopeFor(viewer.role)) {
    case "all":
      return undefined;
    case "team":
      return viewer.teamIds.length ? inArray(r.teamId, [...viewer.teamIds]) : sql`0`;
    case "investigator":
      return and(
        eq(r.currentStageKind, "statutory-stage2"),
        sql`${r.currentStageId} IN (SELECT ${stagePeople.stageId} FROM ${stagePeople} WHERE ${stagePeople.role} = 'investigating-officer' AND ${stagePeople.staffUserId} = ${viewer.id})`,
      );
    case "none":
      return sql`0`;
  }
}

/**
 * Search: three characters or more go to the trigram index (any part of a reference or a name, any
 * case); fewer can only be the start of a reference, found through its unique index.
 */
function searchCondition(q: string): SQL {
  if ([...q].length >= 3) {
    // One FTS5 phrase: doubled quotes keep the text literal, so "%", "_" or "AND" mean themselves.
    const phrase = `"${q.replace(/"/g, '""')}"`;
    return sql`${representations.id} IN (SELECT rowid FROM representations_search WHERE representations_search MATCH ${phrase})`;
  }
  const start = q.toUpperCase();
  return and(sql`${representations.reference} >= ${start}`, sql`${representations.reference} < ${`${start}\u{10FFFF}`}`) as SQL;
}

/** The inbox's conditions for these filters (each one answered by a column of the case itself). */
export function inboxConditions(viewer: Viewer, filters: InboxFilters, today: IsoDate): SQL | undefined {
  const r = representations;
  const conditions: Array<SQL | undefined> = [scopeCondition(viewer)];
  if (filters.status) conditions.push(eq(r.status, filters.status as (typeof r.status.enumValues)[number]));
  if (filters.kind) conditions.push(eq(r.kind, filters.kind as (typeof r.kind.enumValues)[number]));
  if (filters.process) conditions.push(eq(r.process, filters.process as (typeof r.process.enumValues)[number]));
  if (filters.stage) conditions.push(eq(r.currentStageKind, filters.stage));
  if (filters.teamId) conditions.push(eq(r.teamId, filters.teamId));
  if (filters.assigneeId) conditions.push(eq(r.respondingManagerId, filters.assigneeId));
  // nextDueOn is null once a stage has ended, so these find running stages only.
  if (filters.dueWithin !== undefined) conditions.push(lte(r.nextDueOn, addWorkingDays(today, filters.dueWithin)));
  if (filters.overdue) conditions.push(lt(r.nextDueOn, today));
  if (filters.youngPerson) conditions.push(eq(r.personRelationship, "young-person"));
  if (filters.safeguarding) conditions.push(eq(r.safeguarding, "flagged"));
  const q = filters.q?.trim();
  if (q) conditions.push(searchCondition(q));
  return and(...conditions);
}

/** The order of each sort: stored columns only, each order given by one index (see db/schema.ts). */
function inboxOrder(sort: InboxSort) {
  const r = representations;
  // A case with a safeguarding concern whose referral is not yet recorded is always first.
  switch (sort) {
    case "due":
      // Running stages soonest deadline first (an ended stage has none); then the rest, newest first.
      return [asc(r.pinOrder), asc(r.dueKey), desc(r.receivedAt), asc(r.id)];
    case "received-newest":
      return [asc(r.pinOrder), desc(r.receivedAt), desc(r.id)];
    case "received-oldest":
      return [asc(r.pinOrder), asc(r.receivedAt), asc(r.id)];
    case "reference":
      return [asc(r.pinOrder), asc(r.reference)];
  }
}

/** How many rows match, stopping at COUNT_LIMIT + 1 so a broad filter never counts a million. */
export function boundedCount(db: Db, where: SQL | undefined): number {
  const matched = db.select({ one: sql`1` }).from(representations).where(where).limit(COUNT_LIMIT + 1).as("matched");
  return db.select({ n: sql<number>`count(*)` }).from(matched).get()?.n ?? 0;
}

/**
 * The inbox: filtered, searched, sorted and paged. A case with a safeguarding concern whose referral
 * is not yet recorded is always first. `total` stops at COUNT_LIMIT + 1 (`totalIsMore` then says so).
 */
export function listRepresentations(db: Db, viewer: Viewer, filters: InboxFilters, today: IsoDate) {
  const r = representations;
  const where = inboxConditions(viewer, filters, today);
  const page = Math.max(1, filters.page ?? 1);
  const rows = db
    .select({
      id: r.id,
      reference: r.reference,
      kind: r.kind,
      status: r.status,
      process: r.process,
      stageKind: r.currentStageKind,
      stageState: current.state,
      onHold: current.onHold,
      personName: r.personName,
      childName: r.childName,
      personRelationship: r.personRelationship,
      receivedAt: r.receivedAt,
      dueOn: r.nextDueOn,
      handlerId: current.handlerId,
      teamId: r.teamId,
      respondingManagerId: r.respondingManagerId,
      safeguarding: r.safeguarding,
    })
    .from(r)
    .leftJoin(current, joinCurrent)
    .where(where)
    .orderBy(...inboxOrder(filters.sort ?? "due"))
    .limit(INBOX_PAGE_SIZE)
    .offset((page - 1) * INBOX_PAGE_SIZE)
    .all();
  const counted = boundedCount(db, where);
  const totalIsMore = counted > COUNT_LIMIT;
  const total = Math.min(counted, COUNT_LIMIT);
  return { rows, total, totalIsMore, page, pageCount: Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE)) };
}

/**
 * How many cases this member of staff can see, by status, whatever the filters: one bounded count
 * per status through the status index, so a value above COUNT_LIMIT means "more than".
 */
export function countsByStatus(db: Db, viewer: Viewer): Record<string, number> {
  const scope = scopeCondition(viewer);
  const counts: Record<string, number> = {};
  for (const status of representations.status.enumValues) {
    const n = boundedCount(db, and(scope, eq(representations.status, status)));
    if (n) counts[status] = n;
  }
  return counts;
}
