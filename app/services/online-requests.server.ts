import { and, asc, eq, inArray, isNotNull, type SQL } from "drizzle-orm";
import { caseEntries, representations } from "../../db/schema";
import type { Viewer } from "../domain/casework";
import { isOnlineRequestKind, requestsAnsweredBy, type OnlineRequestKind } from "../domain/check/online-requests";
import type { StageAction } from "../domain/stages";
import { addEntry, changeCase, type Actor } from "./case.server";
import type { Db } from "./db.server";
import { scopeCondition } from "./representations.server";

/*
 * What people did online that waits for the complaints team (decision record 042): timeline
 * entries the person wrote with `awaiting_staff_since` set. A staff move that answers one clears
 * it (requestsAnsweredBy), and "Dealt with" on the case clears any.
 */

export interface WaitingRequest {
  entryId: number;
  reference: string;
  kind: OnlineRequestKind;
  since: Date;
}

/** Every request still waiting, oldest first, on the cases `viewer` may see ("all": the complaints team's digest). */
export function waitingRequests(db: Db, viewer: Viewer | "all", filters: { teamId?: number; representationId?: number } = {}): WaitingRequest[] {
  const conditions: Array<SQL | undefined> = [isNotNull(caseEntries.awaitingStaffSince)];
  if (viewer !== "all") conditions.push(scopeCondition(viewer));
  if (filters.teamId) conditions.push(eq(representations.teamId, filters.teamId));
  if (filters.representationId) conditions.push(eq(caseEntries.representationId, filters.representationId));
  return db
    .select({ entryId: caseEntries.id, reference: representations.reference, kind: caseEntries.kind, since: caseEntries.awaitingStaffSince })
    .from(caseEntries)
    .innerJoin(representations, eq(representations.id, caseEntries.representationId))
    .where(and(...conditions))
    .orderBy(asc(caseEntries.awaitingStaffSince), asc(caseEntries.id))
    .all()
    .flatMap((r) => (isOnlineRequestKind(r.kind) && r.since ? [{ entryId: r.entryId, reference: r.reference, kind: r.kind, since: r.since }] : []));
}

/** A staff move was made on the case: the requests it answers stop waiting. Call it in the move's transaction. */
export function settleRequests(tx: Db, representationId: number, action: StageAction) {
  const kinds = requestsAnsweredBy(action);
  if (kinds.length === 0) return;
  tx.update(caseEntries)
    .set({ awaitingStaffSince: null })
    .where(and(eq(caseEntries.representationId, representationId), inArray(caseEntries.kind, kinds), isNotNull(caseEntries.awaitingStaffSince)))
    .run();
}

/**
 * A member of staff says they have dealt with one request (read the information, noted the
 * agreement, called the person): it stops waiting, with a timeline entry and an audit row saying
 * who (the entry's id and kind, never its words).
 */
export function markDealtWith(db: Db, actor: Actor, reference: string, entryId: number, now = new Date()): { ok: boolean } {
  const done = changeCase(db, actor, reference, "case.online-request-dealt-with", (tx, row) => {
    const entry = tx
      .select({ id: caseEntries.id, kind: caseEntries.kind })
      .from(caseEntries)
      .where(and(eq(caseEntries.id, entryId), eq(caseEntries.representationId, row.id), isNotNull(caseEntries.awaitingStaffSince)))
      .get();
    if (!entry) return null;
    tx.update(caseEntries).set({ awaitingStaffSince: null }).where(eq(caseEntries.id, entry.id)).run();
    addEntry(tx, { representationId: row.id, kind: "online-request-dealt-with", staffUserId: actor.id, at: now, details: { entryId: entry.id, request: entry.kind } });
    return { result: null, before: { entryId: entry.id, kind: entry.kind, waiting: true }, after: { entryId: entry.id, kind: entry.kind, waiting: false } };
  });
  return { ok: done.ok };
}
