import { and, asc, desc, eq, inArray, lt, lte, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { representations, stagePeople, stages } from "../../db/schema";
import { addWorkingDays, type IsoDate } from "../domain/calendar";
import { caseScopeFor, type InboxSort, type Viewer } from "../domain/casework";
import { normaliseReference } from "../domain/reference-number";
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

/** Above this many name matches, the inbox walks its order's index instead of sorting the matches. */
const SEARCH_SORT_LIMIT = 2_000;

const searchPhrase = (q: string) => `"${q.replace(/"/g, '""')}"`;
const searchRows = (q: string) => sql`SELECT rowid FROM representations_search WHERE representations_search MATCH ${searchPhrase(q)}`;

/**
 * Search: a whole reference through its unique index; three characters or more through the trigram
 * index (any part of a reference or a name, any case); fewer can only be the start of a reference.
 * A common name ("Smith") matches thousands: then the matches are only tested while the sort's
 * index is walked (`+id` keeps SQLite from fetching and sorting them all), and a rare one is
 * fetched by its rowids and sorted.
 */
function searchCondition(db: Db, q: string): { list: SQL; count: SQL } {
  const r = representations;
  const reference = normaliseReference(q);
  if (reference) return both(eq(r.reference, reference));
  if ([...q].length >= 3) {
    const matches = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM (${searchRows(q)} LIMIT ${SEARCH_SORT_LIMIT + 1})`).n;
    const fetched = sql`${r.id} IN (${searchRows(q)})`;
    // The count always starts from the matches (it stops at COUNT_LIMIT + 1 of them).
    return { list: matches > SEARCH_SORT_LIMIT ? sql`+${r.id} IN (${searchRows(q)})` : fetched, count: fetched };
  }
  const start = q.toUpperCase();
  return both(and(sql`${r.reference} >= ${start}`, sql`${r.reference} < ${`${start}\u{10FFFF}`}`) as SQL);
}

const both = (condition: SQL) => ({ list: condition, count: condition });

/** The inbox's conditions for these filters (each one answered by a column of the case itself). */
export function inboxConditions(db: Db, viewer: Viewer, filters: InboxFilters, today: IsoDate): { list: SQL | undefined; count: SQL | undefined } {
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
  // The same as safeguarding = 'flagged', asked of the column every inbox index starts with.
  if (filters.safeguarding) conditions.push(eq(r.pinOrder, 0));
  const q = filters.q?.trim();
  const search = q ? searchCondition(db, q) : undefined;
  return { list: and(...conditions, search?.list), count: and(...conditions, search?.count) };
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
function boundedCountQuery(db: Db, where: SQL | undefined) {
  const matched = db.select({ one: sql`1` }).from(representations).where(where).limit(COUNT_LIMIT + 1).as("matched");
  return db.select({ n: sql<number>`count(*)` }).from(matched);
}

/** The inbox's two queries for these filters (a page of rows, and their bounded count); the EXPLAIN test reads their plans. */
export function inboxQueries(db: Db, viewer: Viewer, filters: InboxFilters, today: IsoDate) {
  const r = representations;
  const where = inboxConditions(db, viewer, filters, today);
  const page = Math.max(1, filters.page ?? 1);
  const list = db
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
    .where(where.list)
    .orderBy(...inboxOrder(filters.sort ?? "due"))
    .limit(INBOX_PAGE_SIZE)
    .offset((page - 1) * INBOX_PAGE_SIZE);
  // A search and nothing else (the complaints team's usual case): the matches are counted in the
  // search index alone, without fetching each case.
  const q = filters.q?.trim();
  const onlySearch = q && [...q].length >= 3 && !normaliseReference(q) && Object.entries(filters).every(([k, v]) => ["q", "sort", "page"].includes(k) || v === undefined || v === false) && !scopeCondition(viewer);
  const count = onlySearch ? db.select({ n: sql<number>`count(*)` }).from(sql`(${searchRows(q)} LIMIT ${COUNT_LIMIT + 1})`) : boundedCountQuery(db, where.count);
  return { page, list, count };
}

/**
 * The inbox: filtered, searched, sorted and paged. A case with a safeguarding concern whose referral
 * is not yet recorded is always first. `total` stops at COUNT_LIMIT (`totalIsMore` then says so).
 */
export function listRepresentations(db: Db, viewer: Viewer, filters: InboxFilters, today: IsoDate) {
  const { page, list, count } = inboxQueries(db, viewer, filters, today);
  const rows = list.all();
  const counted = count.get()?.n ?? 0;
  const totalIsMore = counted > COUNT_LIMIT;
  const total = Math.min(counted, COUNT_LIMIT);
  return { rows, total, totalIsMore, page, pageCount: Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE)) };
}

/** One bounded count a status, through the status index: a value above COUNT_LIMIT means "more than". */
export function countsByStatusQueries(db: Db, viewer: Viewer) {
  const scope = scopeCondition(viewer);
  return representations.status.enumValues.map((status) => ({ status, query: boundedCountQuery(db, and(scope, eq(representations.status, status))) }));
}

/**
 * How many cases this member of staff can see, by status, whatever the filters: one bounded count
 * per status through the status index, so a value above COUNT_LIMIT means "more than".
 */
export function countsByStatus(db: Db, viewer: Viewer): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { status, query } of countsByStatusQueries(db, viewer)) {
    const n = query.get()?.n ?? 0;
    if (n) counts[status] = n;
  }
  return counts;
}
