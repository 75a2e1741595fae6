// `npm start` builds only when the build is missing or older than a file it is made from: the
// build takes seconds on a small server, and a deployment that ran `npm run build` has nothing to
// redo (a fresh clone still builds). Newer sources are found by modification time.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const sources = ["app", "remix.config.js", "package.json", "package-lock.json", "tsconfig.json", "scripts/build-css.mjs"];

function newest(file) {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  // app/styles/generated is written by the build itself.
  if (file.endsWith(path.join("styles", "generated"))) return 0;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(file).map((name) => newest(path.join(file, name))));
}

// Remix writes build/index.js on every build; the browser's files must be there too.
const builtAt = fs.existsSync(path.join(root, "public/build")) ? (fs.statSync(path.join(root, "build/index.js"), { throwIfNoEntry: false })?.mtimeMs ?? 0) : 0;
const changedAt = Math.max(...sources.map((p) => newest(path.join(root, p))));
if (builtAt === 0 || changedAt > builtAt) {
  execFileSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
} else {
  console.log("The build is up to date (npm run build to rebuild).");
}
