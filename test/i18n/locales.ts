import fs from "node:fs";
import path from "node:path";

export const localesDir = path.resolve(import.meta.dirname, "../../app/locales");

export type Tree = { [key: string]: string | Tree };

export function readLocale(language: string, ns: string): Tree {
  return JSON.parse(fs.readFileSync(path.join(localesDir, language, `${ns}.json`), "utf8")) as Tree;
}

/** "a.b.c" → value, for every string in a locale file. */
export function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}
