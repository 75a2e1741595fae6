// Whether `npm start` must build first (scripts/build-if-stale.mjs, docs/decisions/037): the
// build is missing, or a file it is made from is newer than it. Modification times only.
import fs from "node:fs";
import path from "node:path";

/** What the build is made from, relative to the project's root. */
export const buildSources = ["app", "remix.config.js", "package.json", "package-lock.json", "tsconfig.json", "scripts/build-css.mjs", "scripts/build-browser-script.mjs"];

function newest(file) {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  // app/styles/generated and app/browser/generated are written by the build itself.
  if (path.basename(file) === "generated") return 0;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(file).map((name) => newest(path.join(file, name))));
}

/** True when `root` has no complete build, or one older than any of its sources. */
export function needsBuild(root) {
  // Remix writes build/index.js on every build; the browser's files must be there too.
  if (!fs.existsSync(path.join(root, "public/build"))) return true;
  const builtAt = fs.statSync(path.join(root, "build/index.js"), { throwIfNoEntry: false })?.mtimeMs;
  if (builtAt === undefined) return true;
  return Math.max(...buildSources.map((p) => newest(path.join(root, p)))) > builtAt;
}
