import type { IsoDate } from "./calendar";
import type { Decision } from "./eligibility";
import type { CaseRole } from "./permissions";

/**
 * A complaint's life as data (decision record 017). Each stage a case enters is its own record
 * with a kind and a state; what may happen to it is one transition table, read by the services
 * (to refuse a move) and the pages (to offer only what is allowed). Nothing else keeps a list of
 * states or moves.
 */

/** The kinds of stage a complaint can enter, in the council's own words. */
export const stageKinds = [
  "early-resolution",
  "case-concern",
  "statutory-stage1",
  "statutory-stage2",
  "statutory-stage3",
  "corporate-stage1",
  "corporate-stage2",
  "ombudsman",
] as const;
export type StageKind = (typeof stageKinds)[number];

/** The procedure a stage belongs to: decides where early resolution leads when the person is not satisfied. */
export type StageProcess = "statutory" | "corporate";

/**
 * A stage's states. "On hold" is not one of them: it is a flag with a reason beside the state,
 * because it never stops the clock and changes nothing about what may happen next (a stage on
 * hold can still be answered, extended or withdrawn); a state would need every row twice.
 */
export const stageStates = ["open", "responded", "escalated", "closed", "withdrawn"] as const;
export type StageState = (typeof stageStates)[number];

/**
 * The states of a stage still in hand: open (the council owes a response) or responded (the
 * person may still ask for the next stage). The only list of "running" states; use it everywhere.
 */
export const runningStates = ["open", "responded"] as const satisfies readonly StageState[];
/** Open: the council owes a response and the stage's deadlines count. */
export const awaitingResponseStates = ["open"] as const satisfies readonly StageState[];

/**
 * The people named on a stage besides its handler (the stage_people table). Stage 2: the
 * Investigating Officer (investigators see the cases they are named on), the Independent Person
 * and the Adjudicating Officer; Stage 3: the panel, one of whom chairs.
 */
export const stagePersonRoles = ["investigating-officer", "independent-person", "adjudicating-officer", "panel-member", "panel-chair"] as const;
export type StagePersonRole = (typeof stagePersonRoles)[number];

/**
 * The whole case's status (representations.status) once it has entered a stage: one function, so
 * the summary can never disagree with the stages. A stage that escalated is followed by the next
 * one, so a case whose newest stage is escalated is still open.
 */
export function caseStatusOf(currentStageState: StageState): "open" | "closed" {
  return currentStageState === "closed" || currentStageState === "withdrawn" ? "closed" : "open";
}

/** The case statuses (representations.status) before triage's decision: the only list of them. */
export const undecidedCaseStatuses = ["new", "triaged"] as const;
/** The case statuses of a case that has ended (refused, or closed): retention counts from then. */
export const endedCaseStatuses = ["closed", "refused"] as const;

export function isUndecidedStatus(status: string): boolean {
  return (undecidedCaseStatuses as readonly string[]).includes(status);
}

export function hasEnded(status: string): boolean {
  return (endedCaseStatuses as readonly string[]).includes(status);
}

export function isRunning(state: string): boolean {
  return (runningStates as readonly string[]).includes(state);
}

export const stageActions = [
  "respond",
  "close",
  "escalate",
  "extend",
  "withdraw",
  "reopen",
  "put-on-hold",
  "take-off-hold",
  "share-statement",
  "agree-statement",
  "ask-statement-changes",
  "name-investigator",
  "book-panel",
  "record-panel-report",
  "record-council-response",
  "refer-to-ombudsman",
  "answer-ombudsman-enquiry",
  "record-ombudsman-decision",
  "record-remedy-met",
  "correct-dates",
] as const;
export type StageAction = (typeof stageActions)[number];

/**
 * What is known about a stage beyond its kind and state. Each condition is a plain yes/no the
 * services read from the stage's record (and its clocks, app/domain/stage-clocks.ts).
 */
export interface StageFacts {
  onHold?: boolean;
  /** Stage 2: the statement of complaint is agreed with the person. */
  statementAgreed?: boolean;
  /** Stage 2: a version of the statement was shared with the person and waits for their answer (decision record 041). */
  statementWaiting?: boolean;
  /** Stage 2: an Investigating Officer is named. */
  investigatorNamed?: boolean;
  /** Stage 3: the review panel has a date and members. */
  panelBooked?: boolean;
  /** Stage 3: the chair's report is in. */
  panelReportRecorded?: boolean;
  /** The Ombudsman asked for a remedy that is not yet met. */
  remedyOutstanding?: boolean;
  /** The Ombudsman's enquiry has been answered. */
  enquiryAnswered?: boolean;
  /** The deadline in force (extended or not) has passed without a response. */
  responseOverdue?: boolean;
  /** The stage is already extended as far as its timescale allows. */
  atMaximum?: boolean;
  /** After a response: the last day to ask for the next stage (stage-clocks escalationWindowEndsOn). */
  escalationWindowEndsOn?: IsoDate | null;
  /** Stage 3: the Independent Person from Stage 2, who may not sit on the panel (regulation 19(3)). */
  stage2IndependentPerson?: string | null;
}

export interface StageRef {
  kind: StageKind;
  state: StageState;
}

/** A condition a row needs, with the reason given when it does not hold. */
const guards = {
  "not-on-hold": { holds: (f: StageFacts) => !f.onHold, refusal: "on-hold" },
  "on-hold": { holds: (f: StageFacts) => Boolean(f.onHold), refusal: "not-on-hold" },
  "statement-agreed": { holds: (f: StageFacts) => Boolean(f.statementAgreed), refusal: "statement-not-agreed" },
  "statement-not-agreed": { holds: (f: StageFacts) => !f.statementAgreed, refusal: "statement-already-agreed" },
  "statement-waiting": { holds: (f: StageFacts) => Boolean(f.statementWaiting), refusal: "statement-not-waiting" },
  "statement-not-waiting": { holds: (f: StageFacts) => !f.statementWaiting, refusal: "statement-waiting" },
  "investigator-named": { holds: (f: StageFacts) => Boolean(f.investigatorNamed), refusal: "no-investigator" },
  "panel-booked": { holds: (f: StageFacts) => Boolean(f.panelBooked), refusal: "panel-not-booked" },
  "panel-report-not-recorded": { holds: (f: StageFacts) => !f.panelReportRecorded, refusal: "panel-report-already-recorded" },
  "panel-report-recorded": { holds: (f: StageFacts) => Boolean(f.panelReportRecorded), refusal: "no-panel-report" },
  "remedy-outstanding": { holds: (f: StageFacts) => Boolean(f.remedyOutstanding), refusal: "no-remedy-outstanding" },
  "no-remedy-outstanding": { holds: (f: StageFacts) => !f.remedyOutstanding, refusal: "remedy-outstanding" },
  "enquiry-not-answered": { holds: (f: StageFacts) => !f.enquiryAnswered, refusal: "enquiry-already-answered" },
  "response-overdue": { holds: (f: StageFacts) => Boolean(f.responseOverdue), refusal: "response-not-overdue" },
  "below-maximum": { holds: (f: StageFacts) => !f.atMaximum, refusal: "at-maximum" },
} as const;
export type Guard = keyof typeof guards;

/**
 * What the person doing it must give. "reason-if-late": a request for the next stage after its
 * window (see escalationWindowEndsOn) is accepted, with a recorded reason.
 */
export type Requirement = "reason" | "date" | "new-date" | "finding" | "person" | "panel" | "decision" | "reason-if-late" | "statement";

export interface TransitionRow {
  action: StageAction;
  from: readonly StageState[];
  to: StageState;
  kinds: readonly StageKind[];
  /** Staff case roles; "person": the person on the case, asking online (app/services/check.server.ts). */
  roles: readonly (CaseRole | "person")[];
  when: readonly Guard[];
  requires: readonly Requirement[];
}

const TEAM = ["complaints-officer", "complaints-manager"] as const satisfies readonly CaseRole[];
/** The complaints team and the responding manager (a team manager holds the case for their service). */
const RESPONDERS = [...TEAM, "team-manager"] as const satisfies readonly CaseRole[];
const COUNCIL_STAGES = stageKinds.filter((k) => k !== "ombudsman");
/** Stages answered with a response and a finding (Stage 3 and the Ombudsman have their own steps). */
const ANSWERED = ["early-resolution", "case-concern", "statutory-stage1", "corporate-stage1", "corporate-stage2"] as const;
/** The last council stages: after them the person goes to the Ombudsman, not to another council stage. */
const FINAL_COUNCIL_STAGES = ["statutory-stage3", "corporate-stage2"] as const;
const ESCALATABLE = COUNCIL_STAGES.filter((k) => !(FINAL_COUNCIL_STAGES as readonly StageKind[]).includes(k));
const EXTENDABLE = ["statutory-stage1", "statutory-stage2", "corporate-stage1", "corporate-stage2"] as const;

/** The one transition table. A move is allowed when some row matches; rows are tried in order. */
export const transitions: readonly TransitionRow[] = [
  { action: "respond", from: ["open"], to: "responded", kinds: ANSWERED, roles: RESPONDERS, when: [], requires: ["date", "finding"] },
  // Stage 2: the Adjudicating Officer responds to the Investigating Officer's report on the agreed statement.
  {
    action: "respond",
    from: ["open"],
    to: "responded",
    kinds: ["statutory-stage2"],
    roles: RESPONDERS,
    when: ["statement-agreed", "investigator-named"],
    requires: ["date", "finding"],
  },
  { action: "record-council-response", from: ["open"], to: "responded", kinds: ["statutory-stage3"], roles: TEAM, when: ["panel-report-recorded"], requires: ["date", "finding"] },
  { action: "record-ombudsman-decision", from: ["open"], to: "responded", kinds: ["ombudsman"], roles: TEAM, when: [], requires: ["date", "decision"] },
  // The person is satisfied, or the window to ask for the next stage has passed.
  { action: "close", from: ["responded"], to: "closed", kinds: COUNCIL_STAGES, roles: TEAM, when: [], requires: [] },
  { action: "close", from: ["responded"], to: "closed", kinds: ["ombudsman"], roles: TEAM, when: ["no-remedy-outstanding"], requires: [] },
  { action: "record-remedy-met", from: ["responded"], to: "closed", kinds: ["ombudsman"], roles: TEAM, when: ["remedy-outstanding"], requires: ["date"] },
  // The person may ask online ("Check your complaint"): their request is recorded on the stage and
  // the complaints team confirms it with this same move, dated the day the person asked.
  { action: "escalate", from: ["responded"], to: "escalated", kinds: ESCALATABLE, roles: [...TEAM, "person"], when: [], requires: ["date", "reason-if-late"] },
  // After the council's last stage the person may go to the Local Government and Social Care
  // Ombudsman (within 12 months, its own rule): staff record its enquiry, which opens the Ombudsman stage.
  { action: "refer-to-ombudsman", from: ["responded"], to: "escalated", kinds: FINAL_COUNCIL_STAGES, roles: TEAM, when: [], requires: ["date"] },
  { action: "answer-ombudsman-enquiry", from: ["open"], to: "open", kinds: ["ombudsman"], roles: TEAM, when: ["enquiry-not-answered"], requires: ["date"] },
  // Getting the Best from Complaints: a Stage 1 not answered in time may go to Stage 2 at the person's request.
  { action: "escalate", from: ["open"], to: "escalated", kinds: ["statutory-stage1"], roles: [...TEAM, "person"], when: ["response-overdue"], requires: ["date"] },
  // The new date itself is checked against the clocks by checkExtension (app/domain/stage-clocks.ts).
  { action: "extend", from: ["open"], to: "open", kinds: EXTENDABLE, roles: TEAM, when: ["below-maximum"], requires: ["new-date", "reason"] },
  // The person may withdraw online too ("Check your complaint").
  { action: "withdraw", from: ["open"], to: "withdrawn", kinds: COUNCIL_STAGES, roles: [...TEAM, "person"], when: [], requires: ["reason"] },
  { action: "reopen", from: ["closed", "withdrawn"], to: "open", kinds: stageKinds, roles: TEAM, when: [], requires: ["reason"] },
  { action: "put-on-hold", from: ["open"], to: "open", kinds: COUNCIL_STAGES, roles: RESPONDERS, when: ["not-on-hold"], requires: ["reason"] },
  { action: "take-off-hold", from: ["open"], to: "open", kinds: COUNCIL_STAGES, roles: RESPONDERS, when: ["on-hold"], requires: [] },
  // The Investigating Officer often agrees the statement with the person, so they may record it.
  {
    action: "agree-statement",
    from: ["open"],
    to: "open",
    kinds: ["statutory-stage2"],
    roles: [...TEAM, "investigator"],
    when: ["statement-not-agreed"],
    requires: ["date"],
  },
  // Agreed online (decision record 041): staff share the statement they wrote up (a new version
  // when the person asked for changes, never while one waits for an answer); the person agrees it,
  // which records the day as staff's agree-statement does, or says what is wrong.
  { action: "share-statement", from: ["open"], to: "open", kinds: ["statutory-stage2"], roles: [...TEAM, "investigator"], when: ["statement-not-agreed", "statement-not-waiting"], requires: ["statement"] },
  { action: "agree-statement", from: ["open"], to: "open", kinds: ["statutory-stage2"], roles: ["person"], when: ["statement-not-agreed", "statement-waiting"], requires: ["date"] },
  { action: "ask-statement-changes", from: ["open"], to: "open", kinds: ["statutory-stage2"], roles: ["person"], when: ["statement-not-agreed", "statement-waiting"], requires: ["reason"] },
  { action: "name-investigator", from: ["open"], to: "open", kinds: ["statutory-stage2"], roles: TEAM, when: [], requires: ["person"] },
  { action: "book-panel", from: ["open"], to: "open", kinds: ["statutory-stage3"], roles: TEAM, when: ["panel-report-not-recorded"], requires: ["date", "panel"] },
  {
    action: "record-panel-report",
    from: ["open"],
    to: "open",
    kinds: ["statutory-stage3"],
    roles: TEAM,
    when: ["panel-booked", "panel-report-not-recorded"],
    requires: ["date"],
  },
  // A clock-start date recorded wrongly (a letter found dated earlier, say) is corrected, and
  // everything counted from it follows (app/domain/stage-dates.ts says which dates may be).
  { action: "correct-dates", from: ["open"], to: "open", kinds: stageKinds, roles: TEAM, when: [], requires: ["date", "reason"] },
  { action: "correct-dates", from: ["responded"], to: "responded", kinds: stageKinds, roles: TEAM, when: [], requires: ["date", "reason"] },
];

/** A review panel member (a name or an id: they are independent people, not staff accounts). */
export interface PanelMember {
  person: string;
  chair: boolean;
}

/** What the person gives with a move. */
export interface TransitionInput {
  reason?: string | null;
  date?: IsoDate | null;
  newDate?: IsoDate | null;
  finding?: string | null;
  person?: string | null;
  panel?: readonly PanelMember[] | null;
  decision?: string | null;
  /** Stage 2: the words of the statement of complaint being shared. */
  statement?: string | null;
}

export type Refusal =
  | "not-offered"
  | "wrong-kind"
  | "wrong-state"
  | "role"
  | (typeof guards)[Guard]["refusal"]
  | "reason-required"
  | "date-required"
  | "new-date-required"
  | "finding-required"
  | "person-required"
  | "decision-required"
  | "late-reason-required"
  | "statement-required"
  | PanelProblem;

export type TransitionCheck = { ok: true; to: StageState; late: boolean } | { ok: false; refusal: Refusal };

export type PanelProblem = "panel-not-three" | "panel-not-one-chair" | "panel-repeats-a-member" | "panel-includes-stage2-independent-person";

/** Regulation 19: three independent people, one of whom chairs; not the Stage 2 Independent Person. */
export function checkPanel(panel: readonly PanelMember[], stage2IndependentPerson?: string | null): PanelProblem | null {
  if (panel.length !== 3) return "panel-not-three";
  if (panel.filter((m) => m.chair).length !== 1) return "panel-not-one-chair";
  const people = panel.map((m) => m.person.trim().toLowerCase());
  if (new Set(people).size !== 3) return "panel-repeats-a-member";
  const excluded = stage2IndependentPerson?.trim().toLowerCase();
  if (excluded && people.includes(excluded)) return "panel-includes-stage2-independent-person";
  return null;
}

function present(value: string | null | undefined): boolean {
  return typeof value === "string" && value.trim() !== "";
}

/** True when a request for the next stage made on `requestedOn` is after its window. */
export function isLateRequest(requestedOn: IsoDate | null | undefined, windowEndsOn: IsoDate | null | undefined): boolean {
  return Boolean(requestedOn && windowEndsOn && requestedOn > windowEndsOn);
}

function unmet(requirement: Requirement, input: TransitionInput, facts: StageFacts): Refusal | null {
  switch (requirement) {
    case "reason":
      return present(input.reason) ? null : "reason-required";
    case "date":
      return present(input.date) ? null : "date-required";
    case "new-date":
      return present(input.newDate) ? null : "new-date-required";
    case "finding":
      return present(input.finding) ? null : "finding-required";
    case "person":
      return present(input.person) ? null : "person-required";
    case "decision":
      return present(input.decision) ? null : "decision-required";
    case "panel":
      return input.panel ? checkPanel(input.panel, facts.stage2IndependentPerson) : "panel-not-three";
    case "statement":
      return present(input.statement) ? null : "statement-required";
    case "reason-if-late":
      return isLateRequest(input.date, facts.escalationWindowEndsOn) && !present(input.reason) ? "late-reason-required" : null;
  }
}

function firstFailedGuard(row: TransitionRow, facts: StageFacts): Refusal | null {
  const failed = row.when.find((g) => !guards[g].holds(facts));
  return failed ? guards[failed].refusal : null;
}

/**
 * Whether `role` may make `action` on the stage now, ignoring what they have yet to type in.
 * The refusal is the first that applies, most general first: kind, state, role, then conditions.
 */
function match(stage: StageRef, action: StageAction, role: string, facts: StageFacts): { row: TransitionRow } | { refusal: Refusal } {
  const rows = transitions.filter((r) => r.action === action);
  if (rows.length === 0) return { refusal: "not-offered" };
  const ofKind = rows.filter((r) => r.kinds.includes(stage.kind));
  if (ofKind.length === 0) return { refusal: "wrong-kind" };
  const inState = ofKind.filter((r) => r.from.includes(stage.state));
  if (inState.length === 0) return { refusal: "wrong-state" };
  const forRole = inState.filter((r) => (r.roles as readonly string[]).includes(role));
  if (forRole.length === 0) return { refusal: "role" };
  let refusal: Refusal | null = null;
  for (const row of forRole) {
    const failed = firstFailedGuard(row, facts);
    if (!failed) return { row };
    refusal ??= failed;
  }
  return { refusal: refusal ?? "not-offered" };
}

/** The actions to offer this person on this stage now, in table order. */
export function allowedActions(stage: StageRef, role: string, facts: StageFacts = {}): StageAction[] {
  return stageActions.filter((action) => "row" in match(stage, action, role, facts));
}

/**
 * Whether the role may ever make this move, on some stage in some state: a page for the move
 * answers "not found" to anyone else (as for a missing permission), and sends the rest back to the
 * case when the stage does not allow it now.
 */
export function roleMayEver(action: StageAction, role: string): boolean {
  return transitions.some((r) => r.action === action && (r.roles as readonly string[]).includes(role));
}

/**
 * Checks a move with what the person gave. On success: the state the stage moves to, and whether
 * a request for the next stage was late (the reason given is then the recorded reason).
 */
export function checkTransition(
  stage: StageRef,
  action: StageAction,
  role: string,
  facts: StageFacts = {},
  input: TransitionInput = {},
): TransitionCheck {
  const found = match(stage, action, role, facts);
  if ("refusal" in found) return { ok: false, refusal: found.refusal };
  for (const requirement of found.row.requires) {
    const refusal = unmet(requirement, input, facts);
    if (refusal) return { ok: false, refusal };
  }
  const late = action === "escalate" && isLateRequest(input.date, facts.escalationWindowEndsOn);
  return { ok: true, to: found.row.to, late };
}

/**
 * The stage a case moves to when the person asks for the next one. Early resolution and a case
 * concern lead to Stage 1 of the procedure the complaint belongs to (statutory unless corporate).
 * Stage 3 and corporate Stage 2 lead to the Ombudsman; the Ombudsman is the end.
 */
export function nextStageKind(kind: StageKind, process: StageProcess = "statutory"): StageKind | null {
  switch (kind) {
    case "early-resolution":
    case "case-concern":
      return process === "corporate" ? "corporate-stage1" : "statutory-stage1";
    case "statutory-stage1":
      return "statutory-stage2";
    case "statutory-stage2":
      return "statutory-stage3";
    case "statutory-stage3":
      return "ombudsman";
    case "corporate-stage1":
      return "corporate-stage2";
    case "corporate-stage2":
      return "ombudsman";
    case "ombudsman":
      return null;
  }
}

/** The first stage a triage decision opens (app/domain/eligibility.ts), or null for a refusal. */
export function firstStageKind(decision: Decision): StageKind | null {
  switch (decision) {
    case "statutory-stage1":
      return "statutory-stage1";
    case "early-resolution":
      return "early-resolution";
    case "case-concern":
      return "case-concern";
    case "corporate":
      return "corporate-stage1";
    case "refuse":
      return null;
  }
}

/**
 * The stage kind of a case recorded before stages were records: the old `process` and `stage`
 * columns (casework.ts `stages`), for migrating existing rows. Null when no stage was entered.
 */
export function legacyStageKind(process: string | null, stage: string | null): StageKind | null {
  switch (stage) {
    case "early-resolution":
    case "case-concern":
      return stage;
    case "stage1":
      return process === "corporate" ? "corporate-stage1" : "statutory-stage1";
    case "stage2":
      return process === "corporate" ? "corporate-stage2" : "statutory-stage2";
    case "stage3":
      return "statutory-stage3";
    default:
      return null;
  }
}

/** The procedure a stage kind belongs to; early resolution and case concerns have none of their own. */
export function processOfKind(kind: StageKind): StageProcess | null {
  if (kind.startsWith("statutory-")) return "statutory";
  if (kind.startsWith("corporate-")) return "corporate";
  return null;
}

/**
 * The Complaint Handling Code: corporate Stage 2 is handled by someone other than whoever handled
 * Stage 1. Returns the refusal when the same person would hold both.
 */
export function checkStageHandler(
  kind: StageKind,
  handler: string | number | null,
  previousStageHandler: string | number | null,
): "same-handler-as-stage1" | null {
  if (kind !== "corporate-stage2") return null;
  if (handler === null || previousStageHandler === null) return null;
  return String(handler) === String(previousStageHandler) ? "same-handler-as-stage1" : null;
}

// ---------------------------------------------------------------------------------------------
// Compliments and comments: no clock and no stages, but they end.

export const feedbackStates = ["new", "acknowledged", "passed-on", "closed"] as const;
export type FeedbackState = (typeof feedbackStates)[number];
/** Compliments and comments still in hand. */
export const runningFeedbackStates = ["new", "acknowledged", "passed-on"] as const satisfies readonly FeedbackState[];

export const feedbackActions = ["acknowledge", "pass-on", "close", "reopen"] as const;
export type FeedbackAction = (typeof feedbackActions)[number];

export interface FeedbackRow {
  action: FeedbackAction;
  from: readonly FeedbackState[];
  to: FeedbackState;
  roles: readonly CaseRole[];
  requires: readonly ("reason" | "person")[];
}

export const feedbackTransitions: readonly FeedbackRow[] = [
  { action: "acknowledge", from: ["new"], to: "acknowledged", roles: TEAM, requires: [] },
  // Passed on to the team or person it is about (a compliment for a social worker, say).
  { action: "pass-on", from: ["new", "acknowledged"], to: "passed-on", roles: TEAM, requires: ["person"] },
  { action: "close", from: ["new", "acknowledged"], to: "closed", roles: TEAM, requires: [] },
  // The manager it was passed to closes it once read and shared with the team.
  { action: "close", from: ["passed-on"], to: "closed", roles: RESPONDERS, requires: [] },
  { action: "reopen", from: ["closed"], to: "acknowledged", roles: TEAM, requires: ["reason"] },
];

export type FeedbackCheck =
  | { ok: true; to: FeedbackState }
  | { ok: false; refusal: "wrong-state" | "role" | "reason-required" | "person-required" };

export function checkFeedbackTransition(
  state: FeedbackState,
  action: FeedbackAction,
  role: string,
  input: Pick<TransitionInput, "reason" | "person"> = {},
): FeedbackCheck {
  const inState = feedbackTransitions.filter((r) => r.action === action && r.from.includes(state));
  if (inState.length === 0) return { ok: false, refusal: "wrong-state" };
  const row = inState.find((r) => (r.roles as readonly string[]).includes(role));
  if (!row) return { ok: false, refusal: "role" };
  if (row.requires.includes("reason") && !present(input.reason)) return { ok: false, refusal: "reason-required" };
  if (row.requires.includes("person") && !present(input.person)) return { ok: false, refusal: "person-required" };
  return { ok: true, to: row.to };
}

/**
 * A compliment's or comment's place in its lifecycle, from the case's status: closed once passed
 * on or closed, new until then (acknowledging and passing on to a manager come with later work).
 */
export function feedbackStateOf(status: string): FeedbackState {
  return status === "closed" ? "closed" : "new";
}

export function allowedFeedbackActions(state: FeedbackState, role: string): FeedbackAction[] {
  return feedbackActions.filter((a) =>
    feedbackTransitions.some((r) => r.action === a && r.from.includes(state) && (r.roles as readonly string[]).includes(role)),
  );
}
