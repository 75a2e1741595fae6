import { and, eq, inArray, isNotNull, lte, sql, type SQL } from "drizzle-orm";
import { representations, stagePeople } from "../../db/schema";
import type { IsoDate } from "../domain/calendar";
import type { Viewer } from "../domain/casework";
import type { DeadlineItem } from "../domain/deadlines";
import type { StageKind } from "../domain/stages";
import type { Db } from "./db.server";
import { current, joinCurrent, scopeCondition } from "./representations.server";

export interface DeadlineRow extends DeadlineItem {
  stageId: number;
}

/**
 * Running stages whose stored next deadline (`stages.next_due_on`, copied to the case) falls on or before
 * `dueBy`, with who holds each. `viewer` scopes them by the inbox's own rule (a team manager: their
 * teams; an investigator: the Stage 2 cases they are named on); "all" is for the complaints team's
 * digest, which the reminders job checks recipient by recipient with maySeeCase.
 */
export function runningDeadlines(db: Db, viewer: Viewer | "all", dueBy: IsoDate, filters: { stage?: StageKind; teamId?: number } = {}): DeadlineRow[] {
  return withInvestigators(db, runningDeadlinesQuery(db, viewer, dueBy, filters).all(), dueBy);
}

/** The dashboard's query (the EXPLAIN test reads its plan). */
export function runningDeadlinesQuery(db: Db, viewer: Viewer | "all", dueBy: IsoDate, filters: { stage?: StageKind; teamId?: number } = {}) {
  const r = representations;
  // The copy of the next deadline on the case (kept by triggers) is indexed, so only the running
  // stages due by then are read, not every case with its newest stage.
  const conditions: Array<SQL | undefined> = [isNotNull(r.nextDueOn), lte(r.nextDueOn, dueBy)];
  if (viewer !== "all") conditions.push(scopeCondition(viewer));
  if (filters.stage) conditions.push(eq(r.currentStageKind, filters.stage));
  if (filters.teamId) conditions.push(eq(r.teamId, filters.teamId));
  return db
    .select({
      stageId: current.id,
      reference: r.reference,
      stageKind: current.kind,
      nextDueOn: r.nextDueOn,
      startedOn: current.startedOn,
      statementAgreedOn: current.statementAgreedOn,
      teamId: r.teamId,
      holderId: sql<number | null>`coalesce(${current.handlerId}, ${r.respondingManagerId})`,
    })
    .from(r)
    .innerJoin(current, joinCurrent)
    .where(and(...conditions))
    .orderBy(r.nextDueOn, r.reference);
}

function withInvestigators(db: Db, rows: ReturnType<ReturnType<typeof runningDeadlinesQuery>["all"]>, dueBy: IsoDate): DeadlineRow[] {
  const investigators = new Map<number, number[]>();
  if (rows.length) {
    const named = db
      .select({ stageId: stagePeople.stageId, staffUserId: stagePeople.staffUserId })
      .from(stagePeople)
      .where(and(inArray(stagePeople.stageId, rows.map((row) => row.stageId)), eq(stagePeople.role, "investigating-officer"), isNotNull(stagePeople.staffUserId)))
      .all();
    for (const n of named) if (n.staffUserId !== null) investigators.set(n.stageId, [...(investigators.get(n.stageId) ?? []), n.staffUserId]);
  }
  return rows.map((row) => ({
    ...row,
    stageKind: row.stageKind as StageKind,
    // The query asks for a stored date; the type cannot know.
    nextDueOn: row.nextDueOn ?? dueBy,
    investigatorIds: investigators.get(row.stageId) ?? [],
  }));
}
