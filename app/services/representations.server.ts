import { and, asc, desc, eq, inArray, lt, lte, or, sql, type SQL } from "drizzle-orm";
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

/** The case's current stage: its newest (found through the stages' (representation, sequence) index). */
export const current = alias(stages, "current_stage");
export const joinCurrent = and(
  eq(current.representationId, representations.id),
  sql`${current.sequence} = (SELECT max(${stages.sequence}) FROM ${stages} WHERE ${stages.representationId} = ${representations.id})`,
);

/**
 * What this member of staff may see (team managers: their teams; investigators: their Stage 2): the
 * inbox's rule, also used by the deadlines dashboard. Needs `current` joined with `joinCurrent`.
 */
export function scopeCondition(viewer: Viewer): SQL | undefined {
  switch (caseScopeFor(viewer.role)) {
    case "all":
      return undefined;
    case "team":
      return viewer.teamIds.length ? inArray(representations.teamId, [...viewer.teamIds]) : sql`0`;
    case "investigator":
      return and(
        eq(current.kind, "statutory-stage2"),
        sql`EXISTS (SELECT 1 FROM ${stagePeople} WHERE ${stagePeople.stageId} = ${current.id} AND ${stagePeople.role} = 'investigating-officer' AND ${stagePeople.staffUserId} = ${viewer.id})`,
      );
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
  const conditions: Array<SQL | undefined> = [scopeCondition(viewer)];
  if (filters.status) conditions.push(eq(r.status, filters.status as (typeof r.status.enumValues)[number]));
  if (filters.kind) conditions.push(eq(r.kind, filters.kind as (typeof r.kind.enumValues)[number]));
  if (filters.process) conditions.push(eq(r.process, filters.process as (typeof r.process.enumValues)[number]));
  if (filters.stage) conditions.push(eq(current.kind, filters.stage));
  if (filters.teamId) conditions.push(eq(r.teamId, filters.teamId));
  if (filters.assigneeId) conditions.push(eq(r.respondingManagerId, filters.assigneeId));
  // nextDueOn is null once a stage has ended, so these find running stages only.
  if (filters.dueWithin !== undefined) conditions.push(lte(current.nextDueOn, addWorkingDays(today, filters.dueWithin)));
  if (filters.overdue) conditions.push(lt(current.nextDueOn, today));
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
        // Running stages soonest deadline first (an ended stage has none); then the rest, newest first.
        return [sql`${current.nextDueOn} ASC NULLS LAST`, desc(r.receivedAt)];
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
      stageKind: current.kind,
      stageState: current.state,
      onHold: current.onHold,
      personName: r.personName,
      childName: r.childName,
      personRelationship: r.personRelationship,
      receivedAt: r.receivedAt,
      dueOn: current.nextDueOn,
      handlerId: current.handlerId,
      teamId: r.teamId,
      respondingManagerId: r.respondingManagerId,
      safeguarding: r.safeguarding,
    })
    .from(r)
    .leftJoin(current, joinCurrent)
    .where(where)
    .orderBy(pinned, ...order, asc(r.id))
    .limit(INBOX_PAGE_SIZE)
    .offset((page - 1) * INBOX_PAGE_SIZE)
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(r).leftJoin(current, joinCurrent).where(where).get()?.n ?? 0;
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE)) };
}

/** How many cases this member of staff can see, by status, whatever the filters. */
export function countsByStatus(db: Db, viewer: Viewer): Record<string, number> {
  const rows = db
    .select({ status: representations.status, n: sql<number>`count(*)` })
    .from(representations)
    .leftJoin(current, joinCurrent)
    .where(scopeCondition(viewer))
    .groupBy(representations.status)
    .all();
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}
