import * as z from "zod/mini";
import { londonDate, parseIsoDate } from "./calendar";
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

/** Which days a staff date box accepts: any day, none after today (it happened), or only after today (it is planned). */
export type DateRule = "any" | "not-future" | "future";

/**
 * The message key for a date written in three boxes named `${key}Day`, … or null when it is a
 * real date the rule allows. Keys: casework:errors.<key>.required | invalid | future | past.
 */
export function dateProblem(values: Record<string, unknown>, key: string, rule: DateRule, today: string): string | null {
  const box = (p: string) => (typeof values[`${key}${p}`] === "string" ? (values[`${key}${p}`] as string) : "");
  const [day, month, year] = [box("Day"), box("Month"), box("Year")];
  if (!day && !month && !year) return `casework:errors.${key}.required`;
  const iso = isoFromParts(day, month, year);
  if (!iso) return `casework:errors.${key}.invalid`;
  if (rule === "not-future" && iso > today) return `casework:errors.${key}.future`;
  if (rule === "future" && iso <= today) return `casework:errors.${key}.past`;
  return null;
}

/**
 * A schema check for a date in three boxes, reported on the day box. It runs even when another
 * field is wrong (`when`), so the error summary lists every problem at once; `applies` limits it
 * to the answers where the date is asked, and `optional` lets all three boxes be left empty.
 */
export function dateCheck<T extends object>(
  key: string,
  rule: DateRule,
  options: { applies?: (value: T) => boolean; optional?: boolean; today?: () => string } = {},
) {
  return z.superRefine<T>(
    (v, ctx) => {
      if (options.applies && !options.applies(v)) return;
      if (options.optional && !["Day", "Month", "Year"].some((p) => (v as Record<string, unknown>)[`${key}${p}`])) return;
      const message = dateProblem(v as Record<string, unknown>, key, rule, (options.today ?? (() => londonDate(new Date())))());
      if (message) ctx.addIssue({ code: "custom", message, path: [`${key}Day`], input: v });
    },
    { when: () => true },
  );
}

/** The three boxes' values for a day ("2026-03-07" → 7, 3, 2026), to fill a date field with a date already known. */
export function partsOfIso<K extends string>(key: K, iso: string): Record<`${K}Day` | `${K}Month` | `${K}Year`, string> {
  const [year = "", month = "", day = ""] = iso.split("-");
  return { [`${key}Day`]: String(Number(day)), [`${key}Month`]: String(Number(month)), [`${key}Year`]: year } as Record<`${K}Day` | `${K}Month` | `${K}Year`, string>;
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

/** Optional lines of text (empty boxes arrive as undefined). */
export function optionalText(key: string, max: number) {
  return z.optional(z.string().check(z.overwrite(cleanMultiline), z.maxLength(max, `casework:errors.${key}.tooLong`)));
}

/** An optional amount in pounds, checked with penceFromPounds (app/domain/money.ts). */
export function optionalPounds(key: string) {
  return z.optional(z.string().check(z.overwrite(cleanLine), z.refine((v) => penceFromPounds(v) !== "invalid", `casework:errors.${key}.invalid`)));
}
