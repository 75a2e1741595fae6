// Its own module, importing nothing: public pages' browser scripts use it, and must not pull in
// the e-form's schemas (and zod) through letters.ts (test/http/http-layer.test.ts checks).
/** Text as staff write it (letters, statements): paragraphs separated by blank lines. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
