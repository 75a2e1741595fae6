import { and, eq, isNotNull, lte, sql, type SQL } from "drizzle-orm";
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
  return runningDeadlinesQuery(db, viewer, dueBy, filters)
    .all()
    .map(({ investigators, ...row }) => ({
      ...row,
      stageKind: row.stageKind as StageKind,
      // The query asks for a stored date; the type cannot know.
      nextDueOn: row.nextDueOn ?? dueBy,
      investigatorIds: investigators ? investigators.split(",").map(Number) : [],
    }));
}

/**
 * The dashboard's query (the EXPLAIN tests read its plan). One statement whatever the number of
 * rows: the named Investigating Officers come with each row (a list of 1,000 stage ids as
 * parameters was a statement of its own text, prepared afresh and slower than the rows).
 */
export function runningDeadlinesQuery(db: Db, viewer: Viewer | "all", dueBy: IsoDate, filters: { stage?: StageKind; teamId?: number } = {}) {
  const r = representations;
  // The copy of the next deadline on the case (kept by triggers) is indexed, with what the
  // dashboard shows and filters on (representations_deadlines_idx, only cases with a deadline):
  // the running stages due by then are read in order, and no wide case row is read.
  const conditions: Array<SQL | undefined> = [isNotNull(r.nextDueOn), lte(r.nextDueOn, dueBy)];
  if (viewer !== "all") conditions.push(scopeCondition(viewer));
  if (filters.stage) conditions.push(eq(r.currentStageKind, filters.stage));
  if (filters.teamId) conditions.push(eq(r.teamId, filters.teamId));
  const sp = stagePeople;
  return db
    .select({
      stageId: current.id,
      reference: r.reference,
      stageKind: r.currentStageKind,
      nextDueOn: r.nextDueOn,
      startedOn: current.startedOn,
      statementAgreedOn: current.statementAgreedOn,
      teamId: r.teamId,
      holderId: sql<number | null>`coalesce(${current.handlerId}, ${r.respondingManagerId})`,
      investigators: sql<string | null>`(select group_concat(${sp.staffUserId}) from ${sp} where ${sp.stageId} = ${current.id} and ${sp.role} = 'investigating-officer' and ${sp.staffUserId} is not null)`,
    })
    .from(r)
    // Found by its case and its deadline in stages_running_idx (only running stages, with what
    // the dashboard shows), not by its id, which would read each stage's row.
    .innerJoin(current, and(eq(current.representationId, r.id), isNotNull(current.nextDueOn), joinCurrent))
    .where(and(...conditions))
    .orderBy(r.nextDueOn, r.reference);
}
