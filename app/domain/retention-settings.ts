import * as z from "zod/mini";

// Kept apart from ./retention.ts so the settings form does not pull the calendar into the browser.

/**
 * How long records are kept after a case closed, by kind of record. The defaults and their reasons
 * are in docs/decisions/013-retention.md; an administrator changes them at /staff/admin/retention.
 */
export const defaultRetention = {
  /** Complaints under the 2006 Regulations: 6 years after closure (Limitation Act 1980, s.2 and s.5). */
  statutoryComplaintYears: 6,
  /** A looked-after child or care leaver: never shorter than the care record (to their 75th birthday). */
  lookedAfterComplaintYears: 75,
  /** The council's corporate procedure: the same 6 years. */
  corporateComplaintYears: 6,
  /** Representations refused or not accepted: a decision a claim could rest on, so 6 years too. */
  refusedYears: 6,
  /** Compliments and comments: counted in the annual report and the next year's comparison. */
  complimentCommentYears: 2,
  /** Equality answers: only counts for the annual report; months after the reporting year ends. */
  equalityMonthsAfterYear: 6,
  /** Email bodies in the outbox, after sending (or failing for good). */
  sentEmailDays: 30,
};
export type RetentionSettings = typeof defaultRetention;
export type RetentionSetting = keyof RetentionSettings;

/** The limits each setting may take, and the unit the form and the privacy notice name. */
export const retentionLimits: Record<RetentionSetting, { min: number; max: number; unit: "years" | "months" | "days" }> = {
  statutoryComplaintYears: { min: 1, max: 100, unit: "years" },
  lookedAfterComplaintYears: { min: 1, max: 100, unit: "years" },
  corporateComplaintYears: { min: 1, max: 100, unit: "years" },
  refusedYears: { min: 1, max: 100, unit: "years" },
  complimentCommentYears: { min: 1, max: 100, unit: "years" },
  equalityMonthsAfterYear: { min: 0, max: 24, unit: "months" },
  sentEmailDays: { min: 1, max: 365, unit: "days" },
};
export const retentionFields = Object.keys(defaultRetention) as RetentionSetting[];

function period(key: RetentionSetting) {
  const { min, max } = retentionLimits[key];
  return z
    .pipe(
      z.string({ error: "staff:errors.retention.required" }).check(z.overwrite((v: string) => v.trim()), z.regex(/^\d{1,3}$/, "staff:errors.retention.invalid")),
      z.transform(Number),
    )
    .check(z.refine((n: number) => n >= min && n <= max, `staff:errors.retention.range.${key}`));
}

export const retentionSchema = z.object({
  statutoryComplaintYears: period("statutoryComplaintYears"),
  lookedAfterComplaintYears: period("lookedAfterComplaintYears"),
  corporateComplaintYears: period("corporateComplaintYears"),
  refusedYears: period("refusedYears"),
  complimentCommentYears: period("complimentCommentYears"),
  equalityMonthsAfterYear: period("equalityMonthsAfterYear"),
  sentEmailDays: period("sentEmailDays"),
});

/** Reads stored settings defensively: a missing or out-of-range value falls back to the default. */
export function readRetention(stored: Record<string, unknown>): RetentionSettings {
  const result = { ...defaultRetention };
  for (const key of retentionFields) {
    const value = stored[key];
    const { min, max } = retentionLimits[key];
    if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max) result[key] = value;
  }
  return result;
}

