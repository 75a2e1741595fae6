// `npm start` builds only when the build is missing or older than a file it is made from: the
// build takes seconds on a small server, and a deployment that ran `npm run build` has nothing to
// redo (a fresh clone still builds). See docs/decisions/037.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { needsBuild } from "./build-freshness.mjs";

const root = path.resolve(import.meta.dirname, "..");
if (needsBuild(root)) execFileSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
else console.log("The build is up to date (npm run build to rebuild).");
