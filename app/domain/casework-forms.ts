import * as z from "zod/mini";
import { parseIsoDate } from "./calendar";
import { cleanLine, cleanMultiline } from "./form/fields";

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
