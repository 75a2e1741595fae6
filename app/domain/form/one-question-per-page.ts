/**
 * Easy read asks one question per page. A page with several questions is shown a part at a time
 * (`?part=N` on the same route, with the same schema and the same stored answers): each part
 * posts only its own fields, which are merged with what the page's other parts already hold.
 * Posting the whole page at once (no `part`) still works, as it does in the standard form.
 */

export type FormValue = string | File;

/** Which part a request asks for: a whole number within the page's parts, else null (the whole page). */
export function partFrom(value: string | null, partCount: number): number | null {
  if (value === null || partCount < 2 || !/^\d{1,2}$/.test(value)) return null;
  const part = Number(value);
  return part < partCount ? part : null;
}

/**
 * The page's answers as one form: this part's fields as posted, every other field as stored. A
 * field of this part that was left empty (an unticked box) is not carried over from before.
 */
export function mergePartIntoPage(stored: unknown, posted: Iterable<[string, FormValue]>, partFields: readonly string[]): Array<[string, string]> {
  const own = new Set(partFields);
  const merged: Array<[string, string]> = [];
  for (const [name, value] of posted) if (own.has(name) && typeof value === "string") merged.push([name, value]);
  if (typeof stored === "object" && stored !== null) {
    for (const [name, value] of Object.entries(stored)) {
      if (own.has(name)) continue;
      for (const item of Array.isArray(value) ? value : [value]) {
        if (typeof item === "string" || typeof item === "number" || typeof item === "boolean") merged.push([name, String(item)]);
      }
    }
  }
  return merged;
}

/**
 * After checking the merged page: errors that belong to this part or an earlier one stop the
 * person here; errors only in later parts just mean those questions are still to come.
 */
export function errorsSoFar(errors: Record<string, unknown> | null | undefined, fieldsSoFar: readonly string[]): string[] {
  const soFar = new Set(fieldsSoFar);
  // conform names an error inside a list or object by its path ("outcomes[0]"): it is the field's.
  const fieldOf = (name: string) => name.split(/[[.]/, 1)[0] as string;
  return Object.keys(errors ?? {}).filter((name) => soFar.has(fieldOf(name)) || name === "");
}

/**
 * On the last part, the first part whose fields have errors, when that is an earlier one (a rule
 * across questions): the person is sent back there. Null when the errors are on this part.
 */
export function earlierPartAtFault(errors: Record<string, unknown> | null | undefined, fieldsByPart: ReadonlyArray<readonly string[]>, part: number): number | null {
  const atFault = fieldsByPart.findIndex((fields) => errorsSoFar(errors, fields).length > 0);
  return atFault !== -1 && atFault < part ? atFault : null;
}

/** Merged fields as conform reads a form: a repeated field (ticked boxes) becomes a list. */
export function groupFields(fields: ReadonlyArray<[string, string]>): Record<string, string | string[]> {
  const grouped = new Map<string, string[]>();
  for (const [name, value] of fields) grouped.set(name, [...(grouped.get(name) ?? []), value]);
  return Object.fromEntries([...grouped].map(([name, values]) => [name, values.length === 1 ? values[0]! : values]));
}
