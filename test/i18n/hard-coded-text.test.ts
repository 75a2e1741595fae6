import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

/** Attributes whose value a person reads or hears. */
const VISIBLE_ATTRIBUTES = new Set(["aria-label", "aria-description", "aria-roledescription", "aria-valuetext", "title", "alt", "placeholder", "label", "legend", "hint", "caption"]);

/** Text that is not words in any language. Add only what truly is not (a separator, a symbol). */
const ALLOWED = new Set<string>(["·", "–", "|", "/"]);

const hasLetters = (s: string) => /\p{L}/u.test(s);

function tsxFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : tsxFiles(full);
    return entry.name.endsWith(".tsx") && !entry.name.endsWith(".test.tsx") ? [full] : [];
  });
}

/** Every piece of text written straight into JSX, rather than through i18next. */
export function findHardCodedText(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (node: ts.Node) => `${path.relative(root, fileName)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      const text = node.getText().trim();
      if (text && hasLetters(text) && !ALLOWED.has(text)) found.push(`${where(node)} text "${text}"`);
    } else if (ts.isJsxExpression(node) && node.expression && ts.isJsxElement(node.parent)) {
      const e = node.expression;
      if ((ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) && hasLetters(e.text) && !ALLOWED.has(e.text.trim())) {
        found.push(`${where(node)} text "${e.text}"`);
      }
    } else if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText())) {
      const init = node.initializer;
      const literal =
        init && ts.isStringLiteral(init)
          ? init.text
          : init && ts.isJsxExpression(init) && init.expression && (ts.isStringLiteral(init.expression) || ts.isNoSubstitutionTemplateLiteral(init.expression))
            ? init.expression.text
            : null;
      if (literal !== null && hasLetters(literal) && !ALLOWED.has(literal.trim())) found.push(`${where(node)} ${node.name.getText()}="${literal}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe("no hard-coded words in components", () => {
  it("finds text, literal children and visible attributes (self-check)", () => {
    const sample = `const A = () => <p title="Hello" aria-label={"Menu"} className="x">Hi {"there"} · <b>{t("ok")}</b></p>;`;
    expect(findHardCodedText("sample.tsx", sample).map((s) => s.replace(/^.*:\d+ /, ""))).toEqual(['title="Hello"', 'aria-label="Menu"', 'text "Hi"', 'text "there"']);
  });

  it("every .tsx under app/ and emails/ takes its words from i18next", () => {
    const files = [...tsxFiles(path.join(root, "app")), ...tsxFiles(path.join(root, "emails"))];
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((f) => findHardCodedText(f, fs.readFileSync(f, "utf8")));
    expect(found).toEqual([]);
  });
});
