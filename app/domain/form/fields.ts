import * as z from "zod/mini";
import { LIMITS } from "./limits";

// Error messages are i18next keys (namespace "form"), translated where they are shown, so the
// same schema serves the server, the browser and every language.

// C0 controls (but tab and newline), DEL, C1 controls and the bidirectional overrides that can
// disguise text. Single-line answers also lose tabs and newlines.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const LINE_BREAKS = /[\t\r\n]+/g;

export function cleanLine(value: string): string {
  return value.replace(CONTROL_CHARACTERS, "").replace(LINE_BREAKS, " ").trim();
}

export function cleanMultiline(value: string): string {
  return value.replace(/\r\n?/g, "\n").replace(CONTROL_CHARACTERS, "").trim();
}

/** For answers no form could send (a field posted twice, say): ask the person to look again. */
export const UNEXPECTED = "errors.unexpected";

export function cleanEmail(value: string): string {
  return cleanLine(value).toLowerCase();
}

/** A one-line answer whose rules depend on another answer: checked by the page's schema. */
export function looseLine() {
  return z.optional(z.string({ error: UNEXPECTED }).check(z.overwrite(cleanLine)));
}

export function looseText() {
  return z.optional(z.string({ error: UNEXPECTED }).check(z.overwrite(cleanMultiline)));
}

// In limits.ts, with no zod: the browser's question pages use them (docs/decisions/036).
export { LIMITS } from "./limits";

/** A required one-line answer. */
export function requiredLine(key: string, max: number) {
  return z.string({ error: `errors.${key}.required` }).check(
    z.overwrite(cleanLine),
    z.minLength(1, `errors.${key}.required`),
    z.maxLength(max, `errors.${key}.tooLong`),
  );
}

/** An optional one-line answer: conform turns an empty field into undefined. */
export function optionalLine(key: string, max: number) {
  return z.optional(
    z.string({ error: UNEXPECTED }).check(z.overwrite(cleanLine), z.maxLength(max, `errors.${key}.tooLong`)),
  );
}

export function optionalText(key: string, max: number) {
  return z.optional(z.string({ error: UNEXPECTED }).check(z.overwrite(cleanMultiline), z.maxLength(max, `errors.${key}.tooLong`)));
}

export function requiredText(key: string, max: number) {
  return z.string({ error: `errors.${key}.required` }).check(
    z.overwrite(cleanMultiline),
    z.minLength(1, `errors.${key}.required`),
    z.maxLength(max, `errors.${key}.tooLong`),
  );
}

// Deliberately loose, as GOV.UK Notify's is: something@something.something, no spaces.
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/;

export function optionalEmail(key: string) {
  return z.optional(
    z.string({ error: UNEXPECTED }).check(
      z.overwrite(cleanEmail),
      z.maxLength(LIMITS.email, `errors.${key}.tooLong`),
      z.regex(EMAIL, `errors.${key}.invalid`),
    ),
  );
}

export const PHONE = /^[+()\d\s-]{7,}$/;

export function optionalPhone(key: string) {
  return z.optional(
    z.string({ error: UNEXPECTED }).check(
      z.overwrite(cleanLine),
      z.maxLength(LIMITS.phone, `errors.${key}.tooLong`),
      z.regex(PHONE, `errors.${key}.invalid`),
    ),
  );
}

export function choice<const T extends readonly [string, ...string[]]>(key: string, values: T) {
  return z.enum(values, { error: `errors.${key}.required` });
}
