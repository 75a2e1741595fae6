import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, type SQL } from "drizzle-orm";
import { learningActions, representations, staffRoles, staffUsers, teams } from "../../db/schema";
import { londonDate, type IsoDate } from "../domain/calendar";
import type { Viewer } from "../domain/casework";
import { checkLearningMove, isLearningState, isOverdueLearning, learningMovesFrom, type LearningMove, type LearningRefusal, type LearningState } from "../domain/learning";
import { can } from "../domain/permissions";
import { audit } from "./audit.server";
import { changeCase, viewerOf, type Actor } from "./case.server";
import type { Db } from "./db.server";
import { currentStage } from "./stages.server";

/**
 * Which actions a person sees in the register: the complaints team every one; a team manager
 * their teams' only; anyone else none (decision record 029).
 */
function scopeOf(viewer: Viewer): SQL | "all" | "none" {
  if (viewer.role === "complaints-officer" || viewer.role === "complaints-manager") return "all";
  if (viewer.role === "team-manager") return viewer.teamIds.length ? inArray(learningActions.teamId, [...viewer.teamIds]) : "none";
  return "none";
}

/** Who may own an action: active staff who may work on learning actions. */
export function ownerOptions(db: Db): Array<{ id: number; name: string }> {
  const rows = db
    .select({ id: staffUsers.id, name: staffUsers.name, role: staffRoles.role })
    .from(staffUsers)
    .innerJoin(staffRoles, eq(staffRoles.staffUserId, staffUsers.id))
    .where(isNull(staffUsers.disabledAt))
    .orderBy(asc(staffUsers.name))
    .all();
  const owners = new Map<number, string>();
  for (const r of rows) if (can(r.role, "learning.manage")) owners.set(r.id, r.name);
  return [...owners].map(([id, name]) => ({ id, name }));
}

export interface RaiseInput {
  change: string;
  teamId: number;
  ownerId: number;
  dueOn: IsoDate;
}

export type RaiseResult = { ok: true; id: number } | { ok: false; error: "not-found" | "invalid-team" | "invalid-owner" | "due-in-past" };

/**
 * Raises a learning action on a case (any kind: a complaint's stage, a compliment, a comment or
 * a concern), at the case's current stage when it has one. Agreed until work starts.
 */
export function raiseLearningAction(db: Db, actor: Actor, reference: string, input: RaiseInput, now = new Date()): RaiseResult {
  let error: Exclude<RaiseResult, { ok: true }>["error"] | null = null;
  const done = changeCase(db, actor, reference, "case.learning-raised", (tx, row) => {
    const team = tx.select().from(teams).where(eq(teams.id, input.teamId)).get();
    if (!team || team.retiredAt !== null) {
      error = "invalid-team";
      return null;
    }
    if (!ownerOptions(tx).some((o) => o.id === input.ownerId)) {
      error = "invalid-owner";
      return null;
    }
    if (input.dueOn < londonDate(now)) {
      error = "due-in-past";
      return null;
    }
    const stage = currentStage(tx, row.id);
    const action = tx
      .insert(learningActions)
      .values({ representationId: row.id, stageId: stage?.id ?? null, change: input.change, teamId: input.teamId, ownerId: input.ownerId, dueOn: input.dueOn, createdById: actor.id, createdAt: now, updatedAt: now })
      .returning()
      .get();
    return { result: action.id, after: { learningActionId: action.id, stageId: action.stageId, teamId: action.teamId, ownerId: action.ownerId, dueOn: action.dueOn, state: action.state } };
  });
  if (done.ok) return { ok: true, id: done.result };
  return { ok: false, error: error ?? "not-found" };
}

export interface LearningRow {
  id: number;
  reference: string;
  kind: string;
  change: string;
  teamId: number;
  team: string;
  ownerId: number;
  owner: string;
  dueOn: IsoDate;
  state: LearningState;
  overdue: boolean;
  evidence: string | null;
  reason: string | null;
  doneOn: IsoDate | null;
  publicHeard: string | null;
  publicChanged: string | null;
}

export interface LearningFilters {
  teamId?: number;
  state?: LearningState;
  /** "overdue": still open after the due day; "soon": open and due within 30 days. */
  due?: "overdue" | "soon";
  representationId?: number;
  id?: number;
}

/** The register: the actions this person may see, filtered, soonest due first. */
export function listLearningActions(db: Db, actor: Actor, filters: LearningFilters = {}, now = new Date()): LearningRow[] {
  const scope = scopeOf(viewerOf(db, actor));
  if (scope === "none") return [];
  const today = londonDate(now);
  const open = inArray(learningActions.state, ["agreed", "in-progress"]);
  const soon = new Date(`${today}T12:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + 30);
  const conditions = [
    scope === "all" ? undefined : scope,
    filters.teamId !== undefined ? eq(learningActions.teamId, filters.teamId) : undefined,
    filters.state ? eq(learningActions.state, filters.state) : undefined,
    filters.due === "overdue" ? and(open, lt(learningActions.dueOn, today)) : undefined,
    filters.due === "soon" ? and(open, gte(learningActions.dueOn, today), lte(learningActions.dueOn, soon.toISOString().slice(0, 10))) : undefined,
    filters.representationId !== undefined ? eq(learningActions.representationId, filters.representationId) : undefined,
    filters.id !== undefined ? eq(learningActions.id, filters.id) : undefined,
  ];
  return db
    .select({
      id: learningActions.id,
      reference: representations.reference,
      kind: representations.kind,
      change: learningActions.change,
      teamId: learningActions.teamId,
      team: teams.name,
      ownerId: learningActions.ownerId,
      owner: staffUsers.name,
      dueOn: learningActions.dueOn,
      state: learningActions.state,
      evidence: learningActions.evidence,
      reason: learningActions.reason,
      doneOn: learningActions.doneOn,
      publicHeard: learningActions.publicHeard,
      publicChanged: learningActions.publicChanged,
    })
    .from(learningActions)
    .innerJoin(representations, eq(representations.id, learningActions.representationId))
    .innerJoin(teams, eq(teams.id, learningActions.teamId))
    .innerJoin(staffUsers, eq(staffUsers.id, learningActions.ownerId))
    .where(and(...conditions))
    .orderBy(asc(learningActions.dueOn), asc(learningActions.id))
    .all()
    .map((r) => {
      const state = isLearningState(r.state) ? r.state : "agreed";
      return { ...r, dueOn: r.dueOn as IsoDate, doneOn: r.doneOn as IsoDate | null, state, overdue: isOverdueLearning({ state, dueOn: r.dueOn }, today) };
    });
}

/** One action, if this person may see it, with the moves open to it now. */
export function learningActionFor(db: Db, actor: Actor, id: number, now = new Date()): (LearningRow & { moves: LearningMove[] }) | null {
  const row = listLearningActions(db, actor, { id }, now)[0];
  return row ? { ...row, moves: learningMovesFrom(row.state) } : null;
}

export interface MoveInput {
  evidence?: string | null;
  reason?: string | null;
  /** For publication on the public page (when the council switches it on): staff's own words. */
  publicHeard?: string | null;
  publicChanged?: string | null;
}

export type MoveResult = { ok: true } | { ok: false; error: "not-found" | LearningRefusal };

/**
 * Moves an action through the domain's table (app/domain/learning.ts): done needs evidence and
 * records the day; dropping and reopening need a reason. The audit keeps the move and the state.
 */
export function moveLearningAction(db: Db, actor: Actor, id: number, move: LearningMove, input: MoveInput, now = new Date()): MoveResult {
  return db.transaction((tx) => {
    const action = learningActionFor(tx, actor, id, now);
    if (!action) return { ok: false, error: "not-found" } as const;
    const check = checkLearningMove(action.state, move, input);
    if (!check.ok) return { ok: false, error: check.refusal } as const;
    const clean = (text: string | null | undefined) => (text?.trim() ? text.trim() : null);
    const doneOn = check.to === "done" ? londonDate(now) : null;
    const changes = {
      state: check.to,
      doneOn,
      ...(move === "complete" ? { evidence: clean(input.evidence), publicHeard: clean(input.publicHeard), publicChanged: clean(input.publicChanged) } : {}),
      ...(move === "drop" || move === "reopen" ? { reason: clean(input.reason) } : {}),
      updatedAt: now,
    };
    tx.update(learningActions).set(changes).where(eq(learningActions.id, id)).run();
    audit(tx, {
      staffUserId: actor.id,
      action: `learning.${move}`,
      entity: "learning_action",
      entityId: id,
      at: now,
      details: {
        before: { state: action.state, doneOn: action.doneOn },
        after: { move, state: check.to, doneOn, published: Boolean(changes.publicHeard && changes.publicChanged) },
      },
    });
    return { ok: true } as const;
  });
}

/** Open actions past their due day, for the deadlines dashboard and the complaints team's digest. */
export function overdueLearningActions(db: Db, actor: Actor | "all", now = new Date()): Array<Pick<LearningRow, "id" | "reference" | "team" | "owner" | "dueOn">> {
  const today = londonDate(now);
  if (actor !== "all") return listLearningActions(db, actor, { due: "overdue" }, now);
  return db
    .select({ id: learningActions.id, reference: representations.reference, team: teams.name, owner: staffUsers.name, dueOn: learningActions.dueOn })
    .from(learningActions)
    .innerJoin(representations, eq(representations.id, learningActions.representationId))
    .innerJoin(teams, eq(teams.id, learningActions.teamId))
    .innerJoin(staffUsers, eq(staffUsers.id, learningActions.ownerId))
    .where(and(inArray(learningActions.state, ["agreed", "in-progress"]), lt(learningActions.dueOn, today)))
    .orderBy(asc(learningActions.dueOn))
    .all()
    .map((r) => ({ ...r, dueOn: r.dueOn as IsoDate }));
}

/**
 * The public "you said, we did" page's entries (decision record 029): only staff's words written for
 * publication, of actions done with both parts of the summary, newest first. Nothing from the case.
 */
export function publishedImprovements(db: Db, limit = 50): Array<{ id: number; heard: string; changed: string }> {
  return db
    .select({ id: learningActions.id, heard: learningActions.publicHeard, changed: learningActions.publicChanged })
    .from(learningActions)
    .where(and(eq(learningActions.state, "done"), isNotNull(learningActions.publicHeard), isNotNull(learningActions.publicChanged)))
    .orderBy(desc(learningActions.doneOn), desc(learningActions.id))
    .limit(limit)
    .all()
    .map((r) => ({ id: r.id, heard: r.heard ?? "", changed: r.changed ?? "" }));
}
