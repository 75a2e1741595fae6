import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";

/**
 * The real Remix build of the app, made now into a temporary directory (about ten seconds), so
 * tests of the HTTP layer run what `npm start` serves without depending on an earlier build.
 */
export async function buildApp(): Promise<{ build: ServerBuild; publicDir: string; dir: string }> {
  const root = path.resolve(import.meta.dirname, "../..");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-build-"));
  // The stylesheets are compiled from Sass by their own script and the compiler needs them all:
  // compile them now (a few seconds), so a stylesheet added since the last build is never missing.
  execFileSync(process.execPath, ["scripts/build-css.mjs"], { cwd: root });
  // The public pages' script is bundled apart from Remix's build, into a file the server build includes.
  execFileSync(process.execPath, ["scripts/build-browser-script.mjs"], { cwd: root });
  execFileSync(path.join(root, "node_modules/.bin/remix"), ["build"], {
    cwd: root,
    env: { ...process.env, SPEAKUP_BUILD_DIR: dir, NODE_ENV: "production" },
    stdio: "pipe",
  });
  const build = (await import(pathToFileURL(path.join(dir, "index.js")).href)) as ServerBuild;
  return { build, publicDir: path.join(dir, "public"), dir };
}
