import * as z from "zod/mini";
import { cleanLine, UNEXPECTED } from "./fields";

// GOV.UK date input: three boxes (day, month, year) posted as `${prefix}Day` and so on.

// Each box takes any text: readDateParts judges the three together, and only when the date is
// wanted (a hidden box must not block the page).
const part = () => z.optional(z.string({ error: UNEXPECTED }).check(z.overwrite(cleanLine)));

export function dateParts<P extends string>(prefix: P) {
  return {
    [`${prefix}Day`]: part(),
    [`${prefix}Month`]: part(),
    [`${prefix}Year`]: part(),
  } as Record<`${P}Day` | `${P}Month` | `${P}Year`, ReturnType<typeof part>>;
}

// The reading of the three boxes is in date-reading.ts, with no zod: the browser's pages use it.
export { readDateParts, type DateReading } from "./date-reading";
