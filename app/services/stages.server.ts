import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { stagePeople, stages, staffUsers } from "../../db/schema";
import type { IsoDate } from "../domain/calendar";
import type { CaseAccessFacts } from "../domain/casework";
import { nextDeadline, stageClocks, type ClockSettings, type Deadline, type StageClockFacts } from "../domain/stage-clocks";
import { isRunning, type StageKind, type StagePersonRole, type StageState } from "../domain/stages";
import type { Db } from "./db.server";
import { clockSettings } from "./settings.server";

export type StageRow = typeof stages.$inferSelect;

/** The facts a stage's clocks read, from its row (decision record 017: clocks are computed). */
export function clockFactsOf(row: StageRow): StageClockFacts {
  return {
    kind: row.kind as StageKind,
    startedOn: row.startedOn,
    acknowledgedOn: row.acknowledgedOn,
    statementAgreedOn: row.statementAgreedOn,
    extendedTo: row.extendedTo,
    respondedOn: row.respondedOn,
    panelOn: row.panelOn,
    panelReportOn: row.panelReportOn,
    ombudsmanEnquiryDueOn: row.ombudsmanEnquiryDueOn,
    ombudsmanEnquiryAnsweredOn: row.ombudsmanEnquiryAnsweredOn,
    remedyDueOn: row.remedyDueOn,
    remedyMetOn: row.remedyMetOn,
  };
}

/**
 * The clock results kept on the row for reading and for the inbox's index: the standard and
 * furthest limits, and the next deadline not yet met while the stage runs (null once it ended).
 */
export function storedClock(facts: StageClockFacts, state: StageState, settings: ClockSettings) {
  const clocks = stageClocks(facts, settings);
  return {
    dueOn: clocks.dueOn ?? clocks.respondBy,
    latestOn: clocks.latestOn ?? clocks.respondBy,
    nextDueOn: isRunning(state) ? nextDeadline(clocks)?.dueOn ?? null : null,
  };
}

/**
 * Opens a case's next stage: its row, with its clock from the council's settings. The caller
 * writes the case's status and the audit in the same transaction.
 */
export function openStage(
  db: Db,
  input: {
    representationId: number;
    kind: StageKind;
    startedOn: IsoDate;
    requestedOn?: IsoDate | null;
    handlerId?: number | null;
  }
): StageRow {
  const last = db
    .select({ sequence: stages.sequence })
    .from(stages)
    .where(eq(stages.representationId, input.representationId))
    .orderBy(desc(stages.sequence))
    .get();
  const facts: StageClockFacts = {
    kind: input.kind,
    startedOn: input.startedOn,
  };
  return db
    .insert(stages)
    .values({
      representationId: input.representationId,
      sequence: (last?.sequence ?? 0) + 1,
      kind: input.kind,
      state: "open",
      startedOn: input.startedOn,
      requestedOn: input.requestedOn ?? null,
      handlerId: input.handlerId ?? null,
      ...storedClock(facts, "open", clockSettings(db)),
    })
    .returning()
    .get();
}

/**
 * Sets what a stage is and when it began (the triage decision on the stage a complaint entered
 * on receipt, or a corrected start date) and recomputes every date that depends on it.
 */
export function correctStage(db: Db, stageId: number, input: { kind: StageKind; startedOn: IsoDate }, now = new Date()): StageRow {
  const row = db.select().from(stages).where(eq(stages.id, stageId)).get();
  if (!row) throw new Error(`No stage ${stageId}`);
  const next = { ...row, kind: input.kind, startedOn: input.startedOn };
  return db
    .update(stages)
    .set({
      kind: input.kind,
      startedOn: input.startedOn,
      ...storedClock(clockFactsOf(next), next.state as StageState, clockSettings(db)),
      updatedAt: now,
    })
    .where(eq(stages.id, stageId))
    .returning()
    .get();
}

/** Records the acknowledgement (corporate stages count the reply from it) and recomputes the clock. */
export function acknowledgeStage(db: Db, stageId: number, acknowledgedOn: IsoDate, now = new Date()): StageRow {
  const row = db.select().from(stages).where(eq(stages.id, stageId)).get();
  if (!row) throw new Error(`No stage ${stageId}`);
  const next = { ...row, acknowledgedOn };
  return db
    .update(stages)
    .set({
      acknowledgedOn,
      ...storedClock(clockFactsOf(next), next.state as StageState, clockSettings(db)),
      updatedAt: now,
    })
    .where(eq(stages.id, stageId))
    .returning()
    .get();
}

/** Every stage of a case, first to current. */
export function stagesOf(db: Db, representationId: number): StageRow[] {
  return db.select().from(stages).where(eq(stages.representationId, representationId)).orderBy(asc(stages.sequence)).all();
}

/** The stage the case is in now: the newest one. */
export function currentStage(db: Db, representationId: number): StageRow | null {
  return db.select().from(stages).where(eq(stages.representationId, representationId)).orderBy(desc(stages.sequence)).get() ?? null;
}

export interface StagePerson {
  id: number;
  stageId: number;
  role: StagePersonRole;
  staffUserId: number | null;
  name: string | null;
  costPence: number | null;
  /** Who the cost was paid to, when not the person named. */
  paidTo: string | null;
}

export function peopleOfStages(db: Db, stageIds: readonly number[]): StagePerson[] {
  if (stageIds.length === 0) return [];
  return db
    .select({
      id: stagePeople.id,
      stageId: stagePeople.stageId,
      role: stagePeople.role,
      staffUserId: stagePeople.staffUserId,
      name: stagePeople.name,
      costPence: stagePeople.costPence,
      paidTo: stagePeople.paidTo,
    })
    .from(stagePeople)
    .where(inArray(stagePeople.stageId, [...stageIds]))
    .orderBy(asc(stagePeople.id))
    .all() as StagePerson[];
}

/** Names a person on a stage (Stage 2's Investigating Officer, say): a staff account, a name, or both. */
export function namePerson(
  db: Db,
  input: {
    stageId: number;
    role: StagePersonRole;
    staffUserId?: number | null;
    name?: string | null;
    costPence?: number | null;
  }
) {
  return db
    .insert(stagePeople)
    .values({
      stageId: input.stageId,
      role: input.role,
      staffUserId: input.staffUserId ?? null,
      name: input.name ?? null,
      costPence: input.costPence ?? null,
    })
    .returning()
    .get();
}

/** What maySeeCase (app/domain/casework.ts) reads: the team, the current stage's kind and its Investigating Officers. */
export function caseAccessFacts(db: Db, row: { id: number; teamId: number | null }): CaseAccessFacts {
  const stage = currentStage(db, row.id);
  return {
    teamId: row.teamId,
    stageKind: stage?.kind ?? null,
    investigatorIds: stage ? staffNamedOn(db, stage.id, "investigating-officer") : [],
  };
}

/** Staff named on the stage in a role (investigators see the Stage 2 cases they are named on). */
export function staffNamedOn(db: Db, stageId: number, role: StagePersonRole): number[] {
  return db
    .select({ id: stagePeople.staffUserId })
    .from(stagePeople)
    .where(and(eq(stagePeople.stageId, stageId), eq(stagePeople.role, role)))
    .all()
    .map((r) => r.id)
    .filter((id): id is number => id !== null);
}

/**
 * Stage 3: the Independent Person of the case's Stage 2, by name (a staff account's name when no
 * other was given), who may not sit on the review panel (regulation 19(3)).
 */
export function stage2IndependentPerson(db: Db, stage: Pick<StageRow, "representationId" | "sequence">): string | null {
  const stage2 = db
    .select({ id: stages.id })
    .from(stages)
    .where(and(eq(stages.representationId, stage.representationId), eq(stages.kind, "statutory-stage2")))
    .orderBy(desc(stages.sequence))
    .get();
  if (!stage2) return null;
  const person = db
    .select({ name: stagePeople.name, staffName: staffUsers.name })
    .from(stagePeople)
    .leftJoin(staffUsers, eq(staffUsers.id, stagePeople.staffUserId))
    .where(and(eq(stagePeople.stageId, stage2.id), eq(stagePeople.role, "independent-person")))
    .orderBy(desc(stagePeople.id))
    .get();
  return person?.name ?? person?.staffName ?? null;
}

export interface StageView {
  kind: StageKind;
  state: StageState;
  startedOn: IsoDate;
  dueOn: IsoDate | null;
  latestOn: IsoDate | null;
  extendedTo: IsoDate | null;
  extensionReason: string | null;
  nextDueOn: IsoDate | null;
  onHold: boolean;
  onHoldReason: string | null;
  /** The day the person asked for this stage, and why a late request was accepted. */
  requestedOn: IsoDate | null;
  lateRequestReason: string | null;
  /** The person asked online for the next stage on this day ("Check your complaint"), awaiting staff. */
  nextStageAskedOn: IsoDate | null;
  withdrawnReason: string | null;
  reopenedReason: string | null;
  handlerId: number | null;
  respondedOn: IsoDate | null;
  finding: string | null;
  closedOn: IsoDate | null;
  investigatorIds: number[];
  statementAgreedOn: IsoDate | null;
  panelOn: IsoDate | null;
  panelReportOn: IsoDate | null;
  ombudsmanReference: string | null;
  ombudsmanEnquiryDueOn: IsoDate | null;
  ombudsmanEnquiryAnsweredOn: IsoDate | null;
  ombudsmanDecision: string | null;
  remedy: string | null;
  remedyPence: number | null;
  remedyDueOn: IsoDate | null;
  remedyMetOn: IsoDate | null;
  /** Everyone named on the stage (Stage 2's officers, Stage 3's panel), in the order named. */
  people: StagePerson[];
  /** The stage's deadlines from its clocks (stage-clocks), each with the day it was met. */
  deadlines: Deadline[];
}

/** A case's stages for its page, first to current; the last one is the current stage. */
export function stageHistory(db: Db, representationId: number): StageView[] {
  const rows = stagesOf(db, representationId);
  const settings = clockSettings(db);
  const people = peopleOfStages(
    db,
    rows.map((r) => r.id)
  );
  return rows.map((r) => ({
    kind: r.kind as StageKind,
    state: r.state as StageState,
    startedOn: r.startedOn,
    dueOn: r.dueOn,
    latestOn: r.latestOn,
    extendedTo: r.extendedTo,
    extensionReason: r.extensionReason,
    nextDueOn: r.nextDueOn,
    onHold: r.onHold,
    onHoldReason: r.onHoldReason,
    requestedOn: r.requestedOn,
    lateRequestReason: r.lateRequestReason,
    nextStageAskedOn: r.nextStageAskedOn,
    withdrawnReason: r.withdrawnReason,
    reopenedReason: r.reopenedReason,
    handlerId: r.handlerId,
    respondedOn: r.respondedOn,
    finding: r.finding,
    closedOn: r.closedOn,
    investigatorIds: people
      .filter((p) => p.stageId === r.id && p.role === "investigating-officer" && p.staffUserId !== null)
      .map((p) => p.staffUserId as number),
    statementAgreedOn: r.statementAgreedOn,
    panelOn: r.panelOn,
    panelReportOn: r.panelReportOn,
    ombudsmanReference: r.ombudsmanReference,
    ombudsmanEnquiryDueOn: r.ombudsmanEnquiryDueOn,
    ombudsmanEnquiryAnsweredOn: r.ombudsmanEnquiryAnsweredOn,
    ombudsmanDecision: r.ombudsmanDecision,
    remedy: r.remedy,
    remedyPence: r.remedyPence,
    remedyDueOn: r.remedyDueOn,
    remedyMetOn: r.remedyMetOn,
    people: people.filter((p) => p.stageId === r.id),
    deadlines: stageClocks(clockFactsOf(r), settings).deadlines,
  }));
}
