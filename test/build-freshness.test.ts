import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { needsBuild } from "../scripts/build-freshness.mjs";

// `npm start` skips the build when nothing changed since it (docs/decisions/037).

let root: string;
/**
 * Writes a file as if at `secondsAgo`. A folder's time changes, as on disk, only when an entry in
 * it is created (a new file, or a new folder on the way to it), not when a file is rewritten.
 */
const write = (file: string, secondsAgo: number) => {
  const when = new Date(Date.now() - secondsAgo * 1000);
  const chain = [path.join(root, file)];
  while (path.dirname(chain[0] as string) !== root) chain.unshift(path.dirname(chain[0] as string));
  const created = chain.filter((p) => !fs.existsSync(p));
  const folderTimes = new Map(chain.slice(0, -1).filter((p) => fs.existsSync(p)).map((p) => [p, fs.statSync(p).mtime]));
  fs.mkdirSync(path.dirname(chain[chain.length - 1] as string), { recursive: true });
  fs.writeFileSync(chain[chain.length - 1] as string, "x");
  for (const p of chain) {
    const gotNewEntry = created.some((c) => path.dirname(c) === p);
    const at = p === chain[chain.length - 1] || created.includes(p) || gotNewEntry ? when : (folderTimes.get(p) ?? when);
    fs.utimesSync(p, at, at);
  }
};

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-freshness-"));
  write("app/routes/page.tsx", 300);
  write("package.json", 300);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe("needsBuild", () => {
  it("builds a fresh clone, and a checkout whose browser files are missing", () => {
    expect(needsBuild(root)).toBe(true);
    write("build/index.js", 100);
    expect(needsBuild(root)).toBe(true);
    write("public/build/entry.client-ABC.js", 100);
    expect(needsBuild(root)).toBe(false);
  });

  it("builds again when any source is newer than the build, however deep", () => {
    write("build/index.js", 100);
    write("public/build/entry.client-ABC.js", 100);
    write("app/components/deep/field.tsx", 10);
    expect(needsBuild(root)).toBe(true);
    write("build/index.js", 0);
    expect(needsBuild(root)).toBe(false);
    write("package-lock.json", -5);
    expect(needsBuild(root)).toBe(true);
  });

  it("ignores the stylesheet the build itself compiles into app/styles/generated", () => {
    write("app/styles/generated/main.css", 200);
    write("build/index.js", 100);
    write("public/build/entry.client-ABC.js", 100);
    expect(needsBuild(root)).toBe(false);
    // Compiled again on its own (node scripts/build-css.mjs): still nothing to build.
    write("app/styles/generated/main.css", 50);
    expect(needsBuild(root)).toBe(false);
    // A source removed: its folder changed, so the build may be out of date.
    fs.rmSync(path.join(root, "app/routes/page.tsx"));
    expect(needsBuild(root)).toBe(true);
  });

  it("ignores the public pages' script the build bundles into app/browser/generated, not its sources", () => {
    write("app/browser/generated/public-page.json", 200);
    write("build/index.js", 100);
    write("public/build/entry.client-ABC.js", 100);
    expect(needsBuild(root)).toBe(false);
    write("app/browser/generated/public-page.json", 50);
    expect(needsBuild(root)).toBe(false);
    write("app/browser/read-aloud.ts", 50);
    expect(needsBuild(root)).toBe(true);
  });
});
