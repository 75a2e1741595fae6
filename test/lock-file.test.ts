import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lockFileProblems } from "../scripts/check-lock-file";

// `npm ci` must succeed on a fresh clone. The first test is that check, run by `npm test` (and
// alone by `npm run check:lock-file`); the others prove on scratch copies that it fails when the
// two files drift apart, as they have before.

const root = path.resolve(import.meta.dirname, "..");
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function scratchProject(edit: (pkg: { dependencies: Record<string, string> }, lock: { packages: Record<string, unknown> }) => void) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-lock-test-"));
  dirs.push(dir);
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8"));
  edit(pkg, lock);
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(pkg, null, 2));
  fs.writeFileSync(path.join(dir, "package-lock.json"), JSON.stringify(lock, null, 2));
  return dir;
}

describe("the lock file check", () => {
  it("passes on the committed package.json and package-lock.json", () => {
    expect(lockFileProblems(root)).toBeNull();
  });

  it("fails when package.json has a dependency the lock file lacks", () => {
    const dir = scratchProject((pkg) => {
      pkg.dependencies["left-pad"] = "^1.3.0";
    });
    expect(lockFileProblems(dir)?.join("\n")).toMatch(/left-pad/);
  });

  it("fails when the lock file lacks another platform's optional package (the fresh-clone failure)", () => {
    const dir = scratchProject((_pkg, lock) => {
      delete lock.packages["node_modules/@rollup/rollup-darwin-arm64"];
    });
    expect(lockFileProblems(dir)?.join("\n")).toContain("Missing: @rollup/rollup-darwin-arm64");
  });

  it("fails when a dependency's range no longer matches the locked version", () => {
    const dir = scratchProject((_pkg, lock) => {
      const entry = lock.packages["node_modules/zod"] as { version: string };
      entry.version = "3.0.0";
    });
    expect(lockFileProblems(dir)?.join("\n")).toMatch(/zod@3\.0\.0 does not satisfy/);
  });
});
