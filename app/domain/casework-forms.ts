import * as z from "zod/mini";
import { parseIsoDate } from "./calendar";
import { cleanLine, cleanMultiline } from "./form/fields";
import { penceFromPounds } from "./money";

// Small field builders for the back office's forms. Error messages are i18next keys in the
// "casework" namespace, translated where they are shown.

export function requireText(key: string, max: number) {
  return z.string({ error: `casework:errors.${key}.required` }).check(
    z.overwrite(cleanMultiline),
    z.minLength(1, `casework:errors.${key}.required`),
    z.maxLength(max, `casework:errors.${key}.tooLong`),
  );
}

export function requireLine(key: string, max: number) {
  return z.string({ error: `casework:errors.${key}.required` }).check(
    z.overwrite(cleanLine),
    z.minLength(1, `casework:errors.${key}.required`),
    z.maxLength(max, `casework:errors.${key}.tooLong`),
  );
}

export function requireChoice<const T extends readonly [string, ...string[]]>(key: string, values: T) {
  return z.enum(values, { error: `casework:errors.${key}.required` });
}

/** A day written as three GOV.UK date boxes, read into "YYYY-MM-DD" (or null if not a real date). */
export function isoFromParts(day: string | undefined, month: string | undefined, year: string | undefined): string | null {
  if (!day || !month || !year || !/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return null;
  const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  try {
    parseIsoDate(iso);
    return iso;
  } catch {
    return null;
  }
}

/**
 * A check on three GOV.UK date boxes posted as `${prefix}Day/Month/Year`: required (unless
 * optional) and a real date. The error goes on the day box, where the error summary links.
 * Runs even when another field is wrong, so the summary lists every problem at once.
 */
export function dateCheck(prefix: string, key: string, options: { optional?: boolean } = {}) {
  return z.superRefine(
    (v: Record<string, unknown>, ctx) => {
      const [day, month, year] = ["Day", "Month", "Year"].map((p) => (typeof v[`${prefix}${p}`] === "string" ? (v[`${prefix}${p}`] as string) : ""));
      const empty = !day && !month && !year;
      if (empty && options.optional) return;
      const message = empty ? `casework:errors.${key}.required` : !isoFromParts(day, month, year) ? `casework:errors.${key}.invalid` : null;
      if (message) ctx.addIssue({ code: "custom", message, path: [`${prefix}Day`], input: v });
    },
    { when: () => true },
  );
}

/** The date from three boxes already checked by dateCheck, or null when they were left empty. */
export function dateFrom(v: Record<string, unknown>, prefix: string): string | null {
  const part = (p: string) => (typeof v[`${prefix}${p}`] === "string" ? (v[`${prefix}${p}`] as string) : undefined);
  return isoFromParts(part("Day"), part("Month"), part("Year"));
}

/** An optional line of text (empty boxes arrive as undefined). */
export function optionalLine(key: string, max: number) {
  return z.optional(z.string().check(z.overwrite(cleanLine), z.maxLength(max, `casework:errors.${key}.tooLong`)));
}

/** An optional amount in pounds, checked with penceFromPounds (app/domain/money.ts). */
export function optionalPounds(key: string) {
  return z.optional(z.string().check(z.overwrite(cleanLine), z.refine((v) => penceFromPounds(v) !== "invalid", `casework:errors.${key}.invalid`)));
}
