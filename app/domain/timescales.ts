import timescales from "../../db/seed-data/timescales.json";
import { addWorkingDays, type IsoDate } from "./calendar";

/** The statutory limits, in working days, from the 2006 Regulations (see db/seed-data). */
export const statutoryTimescales = {
  stage1: { standard: timescales.statutory.stage1.standard, maximum: timescales.statutory.stage1.maximum },
  stage2: { standard: timescales.statutory.stage2.standard, maximum: timescales.statutory.stage2.maximum },
} as const;

export type StageLimits = { standard: number; maximum: number };

export interface DueDates {
  /** The reply is due by this day. */
  dueOn: IsoDate;
  /** The latest day allowed if the time is extended (complex cases, or an advocate is needed). */
  latestOn: IsoDate;
}

export function dueDates(receivedOn: IsoDate, limits: StageLimits): DueDates {
  return {
    dueOn: addWorkingDays(receivedOn, limits.standard),
    latestOn: addWorkingDays(receivedOn, limits.maximum),
  };
}

/** Stage 1 (local resolution) of the statutory procedure: 10 working days, 20 at most. */
export function stage1DueDates(receivedOn: IsoDate): DueDates {
  return dueDates(receivedOn, statutoryTimescales.stage1);
}

/**
 * The corporate procedure is the council's own: these defaults follow the Ombudsman's Complaint
 * Handling Code (db/seed-data/timescales.json). The reply is counted from the acknowledgement.
 */
export const corporateTimescales = {
  stage1: {
    acknowledgeWithin: timescales.corporate.stage1.acknowledgeWithin,
    respondWithin: timescales.corporate.stage1.respondWithin,
    maximumExtension: timescales.corporate.stage1.maximumExtension,
  },
  stage2: {
    acknowledgeWithin: timescales.corporate.stage2.acknowledgeWithin,
    respondWithin: timescales.corporate.stage2.respondWithin,
    maximumExtension: timescales.corporate.stage2.maximumExtension,
  },
} as const;

export interface CorporateDueDates extends DueDates {
  /** The acknowledgement is due by this day. */
  acknowledgeBy: IsoDate;
}

/**
 * Corporate Stage 1: acknowledged within 5 working days of receipt, answered within 10 working
 * days of the acknowledgement (20 at most, with an extension). `acknowledgedOn` is the day it was
 * accepted and acknowledged; it is never later than the acknowledgement was due.
 */
export function corporateStage1DueDates(
  receivedOn: IsoDate,
  acknowledgedOn: IsoDate,
  // The council's own choice (effectiveTimescales(db).corporate.stage1); the defaults otherwise.
  rules: { acknowledgeWithin: number; respondWithin: number; maximumExtension: number } = corporateTimescales.stage1,
): CorporateDueDates {
  const acknowledgeBy = addWorkingDays(receivedOn, rules.acknowledgeWithin);
  const from = acknowledgedOn < receivedOn ? receivedOn : acknowledgedOn;
  return {
    acknowledgeBy,
    dueOn: addWorkingDays(from, rules.respondWithin),
    latestOn: addWorkingDays(from, rules.respondWithin + rules.maximumExtension),
  };
}

/** Early resolution ("stage 0"): answered within about 3 working days of being passed on. */
export function earlyResolutionDueOn(startOn: IsoDate, workingDays: number = timescales.informal.standard): IsoDate {
  return addWorkingDays(startOn, workingDays);
}
