import { formatIsoDate, londonDate, parseIsoDate, type IsoDate } from "./calendar";
import type { RetentionSetting, RetentionSettings } from "./retention-settings";
import { hasEnded } from "./stages";

/** The kinds of case record retention tells apart. */
export const retentionKinds = ["statutory-complaint", "looked-after-complaint", "corporate-complaint", "refused", "compliment-or-comment"] as const;
export type RetentionKind = (typeof retentionKinds)[number];

const YEARS_BY_KIND: Record<RetentionKind, RetentionSetting> = {
  "statutory-complaint": "statutoryComplaintYears",
  "looked-after-complaint": "lookedAfterComplaintYears",
  "corporate-complaint": "corporateComplaintYears",
  refused: "refusedYears",
  "compliment-or-comment": "complimentCommentYears",
};

/**
 * What happens when the time is up. Complaints are anonymised: the coded row (type, process, dates,
 * nature codes, team, outcome, refusal reason) stays so years can still be counted and compared;
 * compliments and comments are deleted, having been counted in their year's report.
 */
export type RetentionAction = "anonymise" | "delete";

export interface RetentionFacts {
  kind: string;
  status: string;
  process: string | null;
  /** From the eligibility checklist: "looked-after", "care-leaver", … */
  childStatus: readonly string[];
  closedAt: Date | null;
  anonymisedAt: Date | null;
  /** Set on history imported from a council's old case system (decision record 033). */
  importedAt?: Date | null;
}

export function retentionKindOf(c: Pick<RetentionFacts, "kind" | "status" | "process" | "childStatus">): RetentionKind {
  if (c.kind !== "complaint") return "compliment-or-comment";
  if (c.childStatus.includes("looked-after") || c.childStatus.includes("care-leaver")) return "looked-after-complaint";
  if (c.status === "refused") return "refused";
  if (c.process === "corporate") return "corporate-complaint";
  return "statutory-complaint";
}

export function retentionActionFor(kind: RetentionKind): RetentionAction {
  return kind === "compliment-or-comment" ? "delete" : "anonymise";
}

/** The same calendar day `years` later (29 February becomes 1 March). */
export function addYears(date: IsoDate, years: number): IsoDate {
  const d = parseIsoDate(date);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return formatIsoDate(d);
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  const d = parseIsoDate(date);
  d.setUTCMonth(d.getUTCMonth() + months);
  return formatIsoDate(d);
}

export interface RetentionDecision {
  kind: RetentionKind;
  action: RetentionAction;
  closedOn: IsoDate;
  /** The first day on which the record may go. */
  expiresOn: IsoDate;
  expired: boolean;
}

/**
 * Whether a case's personal data is due to go today. Only a closed case has a clock (an open, new
 * or triaged one is kept); a case already anonymised has nothing left to take, and nor has
 * imported history, which never held any: it is kept for the five-year tables (decision record 047).
 */
export function retentionDecision(c: RetentionFacts, settings: RetentionSettings, now: Date): RetentionDecision | null {
  if (c.closedAt === null || c.anonymisedAt !== null || (c.importedAt ?? null) !== null) return null;
  if (!hasEnded(c.status)) return null;
  const kind = retentionKindOf(c);
  const closedOn = londonDate(c.closedAt);
  const expiresOn = addYears(closedOn, settings[YEARS_BY_KIND[kind]]);
  return { kind, action: retentionActionFor(kind), closedOn, expiresOn, expired: londonDate(now) >= expiresOn };
}

/**
 * Equality answers serve only the annual report of the reporting year (1 April to 31 March) they
 * were given in: they go `months` after that year ends, or with their case if that is sooner.
 */
export function equalityExpiresOn(givenAt: Date, months: number): IsoDate {
  const given = londonDate(givenAt);
  const year = Number(given.slice(0, 4));
  const nextApril = given.slice(5) >= "04-01" ? `${year + 1}-04-01` : `${year}-04-01`;
  return addMonths(nextApril, months);
}

/** The instant before which a sent (or finally failed) email's words and address are cleared. */
export function emailBodyCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
}
