/**
 * An option's id is its field's name and its value (`relationship-parent`), so error summaries
 * and tests can find it. Values from the council's own lists are labels ("Quality of service"),
 * and an id may not hold spaces (HTML) nor, to stay usable in a CSS selector, much else: such a
 * value is written with a dash for each run of other characters, plus a short hash of the value
 * so that two labels differing only there ("Child's plan", "Childs plan") never share an id.
 */
const SAFE = /^[A-Za-z0-9_-]+$/;

function shortHash(text: string): string {
  // FNV-1a, 32 bits: stable across server and browser, so hydration sees the same ids.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

export function optionId(fieldId: string, value: string): string {
  if (SAFE.test(value)) return `${fieldId}-${value}`;
  const readable = value.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "");
  return `${fieldId}-${readable ? `${readable}-` : ""}${shortHash(value)}`;
}
