import timescales from "../../db/seed-data/timescales.json";
import { addWorkingDays, isWorkingDay, workingDayOnOrAfter, workingDaysUntil, type IsoDate } from "./calendar";
import { nextStageKind, type StageFacts, type StageKind } from "./stages";

/**
 * Every clock a stage has, as a pure function of what is recorded about it (decision record 017).
 * Nothing here is stored: correcting a date (the day a complaint was received, say) and asking
 * again recomputes everything that depends on it. "On hold" is not an input, so it cannot stop a
 * clock. Limits come from db/seed-data/timescales.json (the 2006 Regulations and Getting the Best
 * from Complaints for the statutory procedure; the council's settings for the corporate one).
 */

/** Which recorded date starts the Stage 2 clock: the person's request, or the agreed statement of complaint. */
export const stage2ClockStarts = ["request", "statement"] as const;
export type Stage2ClockFrom = (typeof stage2ClockStarts)[number];

/** Whether the corporate reply counts from the acknowledgement (the Complaint Handling Code) or from receipt. */
export const corporateRespondFroms = ["acknowledgement", "receipt"] as const;

export interface CorporateStageRules {
  acknowledgeWithin: number;
  respondWithin: number;
  maximumExtension: number;
  /** Whether the reply is counted from the acknowledgement (the Complaint Handling Code) or from receipt. */
  respondFrom: (typeof corporateRespondFroms)[number];
}

export interface ClockSettings {
  stage2ClockFrom: Stage2ClockFrom;
  corporate: { stage1: CorporateStageRules; stage2: CorporateStageRules };
  /** Early resolution: working days from being passed on. */
  earlyResolution: number;
}

function corporateDefaults(stage: "stage1" | "stage2"): CorporateStageRules {
  const s = timescales.corporate[stage];
  return {
    acknowledgeWithin: s.acknowledgeWithin,
    respondWithin: s.respondWithin,
    maximumExtension: s.maximumExtension,
    respondFrom: s.respondFrom === "receipt" ? "receipt" : "acknowledgement",
  };
}

/**
 * The defaults. Stage 2 counts from the request: a statement that takes weeks to agree must not
 * move the deadline (decision record 017); the statement has its own 10-working-day flag.
 */
export const defaultClockSettings: ClockSettings = {
  stage2ClockFrom: "request",
  corporate: { stage1: corporateDefaults("stage1"), stage2: corporateDefaults("stage2") },
  earlyResolution: timescales.informal.standard,
};

export const statutoryLimits = {
  stage1: { standard: timescales.statutory.stage1.standard, maximum: timescales.statutory.stage1.maximum },
  stage2: { standard: timescales.statutory.stage2.standard, maximum: timescales.statutory.stage2.maximum },
  /** Getting the Best from Complaints: the statement of complaint is agreed promptly; flagged after this. */
  statementAgreedWithin: 10,
  stage3: {
    panelWithin: timescales.statutory.stage3.panelWithin,
    panelReportWithin: timescales.statutory.stage3.panelReportWithin,
    councilResponseWithin: timescales.statutory.stage3.councilResponseWithin,
  },
  escalationWindow: timescales.statutory.escalationWindow.workingDays,
} as const;

/** What is recorded about a stage that any clock reads. Dates not yet known are null or absent. */
export interface StageClockFacts {
  kind: StageKind;
  /**
   * The day the stage began: the complaint received (statutory and corporate Stage 1), the person
   * asked for this stage (Stage 2, Stage 3, corporate Stage 2), the complaint passed on (early
   * resolution, a case concern), the Ombudsman's enquiry arrived.
   */
  startedOn: IsoDate;
  acknowledgedOn?: IsoDate | null;
  /** Stage 2: the day the statement of complaint was agreed with the person. */
  statementAgreedOn?: IsoDate | null;
  /** The extended date agreed, if any. */
  extendedTo?: IsoDate | null;
  /** The response sent (Stage 3: the council's response; the Ombudsman: its decision). */
  respondedOn?: IsoDate | null;
  /** Stage 3: the day the review panel meets. */
  panelOn?: IsoDate | null;
  /** Stage 3: the day the chair's report was received. */
  panelReportOn?: IsoDate | null;
  /** The Ombudsman: the date its enquiry letter asks for an answer by, and when it was answered. */
  ombudsmanEnquiryDueOn?: IsoDate | null;
  ombudsmanEnquiryAnsweredOn?: IsoDate | null;
  /** The Ombudsman: the date its remedy is due by, and when the council met it. */
  remedyDueOn?: IsoDate | null;
  remedyMetOn?: IsoDate | null;
}

export type DeadlineKey =
  | "acknowledge"
  | "statement"
  | "respond"
  | "panel"
  | "panel-report"
  | "council-response"
  | "ombudsman-enquiry"
  | "remedy";

export interface Deadline {
  key: DeadlineKey;
  dueOn: IsoDate;
  /** The day it was done, or null while it is still to do. */
  metOn: IsoDate | null;
}

export interface StageClocks {
  /** The day the response clock counts from; null while Stage 2 waits for its statement (when it counts from that). */
  startsOn: IsoDate | null;
  acknowledgeBy: IsoDate | null;
  /** The standard limit for the response. */
  dueOn: IsoDate | null;
  /** The furthest an extension may reach. */
  latestOn: IsoDate | null;
  /** The extension in force, kept between dueOn and latestOn. */
  extendedTo: IsoDate | null;
  /** A recorded extension fell outside dueOn..latestOn (after a correction, say) or on a closed day, and was brought back inside. */
  extensionOutOfRange: boolean;
  /** The response is due by this day: the extended date if there is one. */
  respondBy: IsoDate | null;
  /** Stage 2: the statement is flagged if not agreed by this day. */
  statementDueBy: IsoDate | null;
  panelBy: IsoDate | null;
  panelReportBy: IsoDate | null;
  councilResponseBy: IsoDate | null;
  /** After a response: the last day the person may ask for the next stage without giving a reason. */
  escalationWindowEndsOn: IsoDate | null;
  /** Everything the council must do by a date, in the order it comes. */
  deadlines: Deadline[];
}

const EMPTY: StageClocks = {
  startsOn: null,
  acknowledgeBy: null,
  dueOn: null,
  latestOn: null,
  extendedTo: null,
  extensionOutOfRange: false,
  respondBy: null,
  statementDueBy: null,
  panelBy: null,
  panelReportBy: null,
  councilResponseBy: null,
  escalationWindowEndsOn: null,
  deadlines: [],
};

function later(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}
function earlier(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

/** The response clock: standard and maximum limits from `startsOn`, and the extension kept inside them. */
function responseClock(startsOn: IsoDate | null, standard: number, maximum: number, extendedTo: IsoDate | null | undefined) {
  if (!startsOn) return { startsOn, dueOn: null, latestOn: null, extendedTo: null, extensionOutOfRange: false, respondBy: null };
  const dueOn = addWorkingDays(startsOn, standard);
  const latestOn = addWorkingDays(startsOn, maximum);
  let extension: IsoDate | null = null;
  let outOfRange = false;
  if (extendedTo) {
    // checkExtension refuses a closed day; one recorded anyway (imported, say) moves to the next working day.
    extension = earlier(later(workingDayOnOrAfter(extendedTo), dueOn), latestOn);
    outOfRange = extension !== extendedTo;
    if (extension === dueOn) extension = null;
  }
  return { startsOn, dueOn, latestOn, extendedTo: extension, extensionOutOfRange: outOfRange, respondBy: extension ?? dueOn };
}

function corporateClock(facts: StageClockFacts, rules: CorporateStageRules) {
  const acknowledgeBy = addWorkingDays(facts.startedOn, rules.acknowledgeWithin);
  // A late acknowledgement does not buy time: count from the day it was due at the latest.
  const acknowledged = facts.acknowledgedOn ? later(facts.acknowledgedOn, facts.startedOn) : acknowledgeBy;
  const from = rules.respondFrom === "receipt" ? facts.startedOn : earlier(acknowledged, acknowledgeBy);
  return {
    acknowledgeBy,
    ...responseClock(from, rules.respondWithin, rules.respondWithin + rules.maximumExtension, facts.extendedTo),
  };
}

function windowAfterResponse(kind: StageKind, respondedOn: IsoDate | null | undefined): IsoDate | null {
  const next = nextStageKind(kind);
  // Going to the Ombudsman has its own limit (12 months), not this window.
  if (!respondedOn || next === null || next === "ombudsman") return null;
  return addWorkingDays(respondedOn, statutoryLimits.escalationWindow);
}

function deadline(key: DeadlineKey, dueOn: IsoDate | null, metOn: IsoDate | null | undefined): Deadline[] {
  return dueOn ? [{ key, dueOn, metOn: metOn ?? null }] : [];
}

/** All the clocks of a stage from its recorded facts and the council's settings. */
export function stageClocks(facts: StageClockFacts, settings: ClockSettings = defaultClockSettings): StageClocks {
  const escalationWindowEndsOn = windowAfterResponse(facts.kind, facts.respondedOn);
  switch (facts.kind) {
    case "statutory-stage1": {
      const clock = responseClock(facts.startedOn, statutoryLimits.stage1.standard, statutoryLimits.stage1.maximum, facts.extendedTo);
      return { ...EMPTY, ...clock, escalationWindowEndsOn, deadlines: deadline("respond", clock.respondBy, facts.respondedOn) };
    }
    case "statutory-stage2": {
      const statementDueBy = addWorkingDays(facts.startedOn, statutoryLimits.statementAgreedWithin);
      const startsOn = settings.stage2ClockFrom === "request" ? facts.startedOn : (facts.statementAgreedOn ?? null);
      const clock = responseClock(startsOn, statutoryLimits.stage2.standard, statutoryLimits.stage2.maximum, facts.extendedTo);
      return {
        ...EMPTY,
        ...clock,
        statementDueBy,
        escalationWindowEndsOn,
        deadlines: [...deadline("statement", statementDueBy, facts.statementAgreedOn), ...deadline("respond", clock.respondBy, facts.respondedOn)],
      };
    }
    case "statutory-stage3": {
      const limits = statutoryLimits.stage3;
      const panelBy = addWorkingDays(facts.startedOn, limits.panelWithin);
      const panelReportBy = facts.panelOn ? addWorkingDays(facts.panelOn, limits.panelReportWithin) : null;
      const councilResponseBy = facts.panelReportOn ? addWorkingDays(facts.panelReportOn, limits.councilResponseWithin) : null;
      return {
        ...EMPTY,
        startsOn: facts.startedOn,
        panelBy,
        panelReportBy,
        councilResponseBy,
        respondBy: councilResponseBy,
        escalationWindowEndsOn,
        deadlines: [
          ...deadline("panel", panelBy, facts.panelOn),
          ...deadline("panel-report", panelReportBy, facts.panelReportOn),
          ...deadline("council-response", councilResponseBy, facts.respondedOn),
        ],
      };
    }
    case "corporate-stage1":
    case "corporate-stage2": {
      const rules = facts.kind === "corporate-stage1" ? settings.corporate.stage1 : settings.corporate.stage2;
      const clock = corporateClock(facts, rules);
      return {
        ...EMPTY,
        ...clock,
        escalationWindowEndsOn,
        deadlines: [...deadline("acknowledge", clock.acknowledgeBy, facts.acknowledgedOn), ...deadline("respond", clock.respondBy, facts.respondedOn)],
      };
    }
    case "early-resolution": {
      const clock = responseClock(facts.startedOn, settings.earlyResolution, settings.earlyResolution, null);
      return { ...EMPTY, ...clock, escalationWindowEndsOn, deadlines: deadline("respond", clock.respondBy, facts.respondedOn) };
    }
    case "case-concern": {
      // Action the same working day it is passed on (the next one, if passed on at a weekend).
      const clock = responseClock(workingDayOnOrAfter(facts.startedOn), 0, 0, null);
      return { ...EMPTY, ...clock, escalationWindowEndsOn, deadlines: deadline("respond", clock.respondBy, facts.respondedOn) };
    }
    case "ombudsman": {
      // The Ombudsman sets both dates in its letters; they are recorded, not counted.
      return {
        ...EMPTY,
        startsOn: facts.startedOn,
        respondBy: facts.ombudsmanEnquiryDueOn ?? null,
        deadlines: [
          ...deadline("ombudsman-enquiry", facts.ombudsmanEnquiryDueOn ?? null, facts.ombudsmanEnquiryAnsweredOn),
          ...deadline("remedy", facts.remedyDueOn ?? null, facts.remedyMetOn),
        ],
      };
    }
  }
}

/** The next thing the council must do and by when (the earliest deadline not yet met), or null. */
export function nextDeadline(clocks: StageClocks): Deadline | null {
  const open = clocks.deadlines.filter((d) => d.metOn === null);
  return open.reduce<Deadline | null>((first, d) => (first === null || d.dueOn < first.dueOn ? d : first), null);
}

export type ExtensionProblem = "not-extendable" | "not-a-working-day" | "not-later" | "beyond-maximum";

/**
 * Checks a new date asked for in an extension: a working day, later than the date in force (an
 * extension never shortens a deadline) and no later than the maximum the timescale allows.
 */
export function checkExtension(clocks: StageClocks, newDueOn: IsoDate): ExtensionProblem | null {
  if (!clocks.respondBy || !clocks.latestOn || clocks.latestOn === clocks.dueOn) return "not-extendable";
  if (!isWorkingDay(newDueOn)) return "not-a-working-day";
  if (newDueOn <= clocks.respondBy) return "not-later";
  if (newDueOn > clocks.latestOn) return "beyond-maximum";
  return null;
}

/**
 * Why a deadline may be extended, as codes (the person is told in their own words, emails.json
 * "extension.reasons"). A statutory stage only for the two reasons the 2006 Regulations allow:
 * the complaint is complex, or an advocate must be found; the council's own stages for any reason.
 */
export const extensionReasons = ["complex", "advocate", "other"] as const;
export type ExtensionReason = (typeof extensionReasons)[number];

export function extensionReasonsFor(kind: StageKind): readonly ExtensionReason[] {
  return kind.startsWith("statutory-") ? ["complex", "advocate"] : extensionReasons;
}

export interface EscalationRequest {
  windowEndsOn: IsoDate;
  /** Asked after the window: accepted, with a recorded reason (checkTransition asks for it). */
  late: boolean;
}

/** A request for the next stage made on `requestedOn` after a response on `respondedOn`. */
export function escalationRequest(respondedOn: IsoDate, requestedOn: IsoDate): EscalationRequest {
  const windowEndsOn = addWorkingDays(respondedOn, statutoryLimits.escalationWindow);
  return { windowEndsOn, late: requestedOn > windowEndsOn };
}

/**
 * Working days from `today` to `dueOn`: positive while time is left, 0 on the day itself, negative
 * once it has passed. A weekend or holiday after the due day already counts as 1 day overdue
 * (counting working days alone would give 0, which reads as "due today").
 */
export function workingDaysLeft(today: IsoDate, dueOn: IsoDate): number {
  const days = workingDaysUntil(today, dueOn);
  if (today > dueOn) return Math.min(-1, days);
  return days === 0 ? 0 : days;
}

export type Rag = "red" | "amber" | "green";
/** The words that go with the colour (never colour alone): staff pages translate these keys. */
export type RagLabel = "overdue" | "due-today" | "due-soon" | "on-track";

export interface RagStatus {
  rag: Rag;
  label: RagLabel;
  workingDaysLeft: number;
}

/** Amber from this many working days before the deadline. */
export const AMBER_WITHIN = 3;

/** Red when overdue, amber when due within 3 working days (or today), green otherwise. */
export function ragStatus(today: IsoDate, dueOn: IsoDate): RagStatus {
  const left = workingDaysLeft(today, dueOn);
  if (left < 0) return { rag: "red", label: "overdue", workingDaysLeft: left };
  if (left === 0) return { rag: "amber", label: "due-today", workingDaysLeft: 0 };
  if (left <= AMBER_WITHIN) return { rag: "amber", label: "due-soon", workingDaysLeft: left };
  return { rag: "green", label: "on-track", workingDaysLeft: left };
}

export type Compliance = "within-standard" | "within-extended" | "beyond";

/**
 * For the annual report: a response by the standard limit, by the furthest extended limit, or
 * beyond it. Only dates count: "on hold" never stops the clock, and an extension agreed or not
 * does not change which band a response falls in.
 */
export function classifyResponse(respondedOn: IsoDate, dueOn: IsoDate, latestOn: IsoDate = dueOn): Compliance {
  if (respondedOn <= dueOn) return "within-standard";
  if (respondedOn <= latestOn) return "within-extended";
  return "beyond";
}

/**
 * The compliance of a stage's response as known on `today`: its band once answered; "beyond" as
 * soon as the furthest limit has passed unanswered; "pending" before that.
 */
export function responseCompliance(clocks: StageClocks, respondedOn: IsoDate | null | undefined, today: IsoDate): Compliance | "pending" | null {
  if (!clocks.dueOn || !clocks.latestOn) return null;
  if (respondedOn) return classifyResponse(respondedOn, clocks.dueOn, clocks.latestOn);
  return today > clocks.latestOn ? "beyond" : "pending";
}

/** Whether a single deadline was met on time (Stage 3 steps, the Ombudsman's dates). */
export function deadlineCompliance(d: Deadline, today: IsoDate): Compliance | "pending" {
  if (d.metOn) return d.metOn <= d.dueOn ? "within-standard" : "beyond";
  return today > d.dueOn ? "beyond" : "pending";
}

/**
 * The same as `statementOverdue(stageClocks(stage 2), …)` without walking the calendar: the
 * statement is due on the 10th working day after the start, so it is late once more than 10
 * working days have passed, or exactly 10 and today is not a working day (so past the 10th).
 * The deadlines dashboard asks this of every Stage 2 it lists (decision record 051).
 */
export function statementOverdueOn(startedOn: IsoDate, statementAgreedOn: IsoDate | null | undefined, today: IsoDate): boolean {
  if (statementAgreedOn) return false;
  const passed = workingDaysUntil(startedOn, today);
  const within = statutoryLimits.statementAgreedWithin;
  return passed > within || (passed === within && !isWorkingDay(today));
}

/** Stage 2: the statement of complaint is still not agreed after its 10 working days. */
export function statementOverdue(clocks: StageClocks, statementAgreedOn: IsoDate | null | undefined, today: IsoDate): boolean {
  return clocks.statementDueBy !== null && !statementAgreedOn && today > clocks.statementDueBy;
}

/**
 * The conditions of the transition table that come from the clocks (app/domain/stages.ts), so no
 * service works them out on its own: the response is overdue, the extension is at its maximum,
 * and the last day to ask for the next stage.
 */
export function clockFacts(
  clocks: StageClocks,
  respondedOn: IsoDate | null | undefined,
  today: IsoDate,
): Required<Pick<StageFacts, "responseOverdue" | "atMaximum" | "escalationWindowEndsOn">> {
  return {
    responseOverdue: !respondedOn && clocks.respondBy !== null && today > clocks.respondBy,
    atMaximum: clocks.respondBy === null || clocks.respondBy === clocks.latestOn,
    escalationWindowEndsOn: clocks.escalationWindowEndsOn,
  };
}
