// `npm ci` refuses to install when package-lock.json does not match package.json, or lacks an
// entry some platform needs (a fresh clone on another machine then fails). This asks npm itself,
// with a dry run of `npm ci` on copies of the two files in an empty folder, so it sees what a
// fresh clone sees, changes nothing here, and needs no network when the files are in sync.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** npm's reasons the lock file will not install as it is, or null when `npm ci` would succeed. */
export function lockFileProblems(projectDir: string): string[] | null {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-lock-"));
  try {
    for (const name of ["package.json", "package-lock.json"]) fs.copyFileSync(path.join(projectDir, name), path.join(scratch, name));
    // --offline: a lock file in sync names every package, so nothing needs fetching; a package
    // the lock lacks fails here either way (npm would have to look it up).
    const run = spawnSync("npm", ["ci", "--dry-run", "--ignore-scripts", "--no-audit", "--no-fund", "--offline"], {
      cwd: scratch,
      encoding: "utf8",
      // npm's debug log goes into the scratch folder, not ~/.npm (the tests provoke failures).
      env: { ...process.env, npm_config_loglevel: "error", npm_config_logs_dir: path.join(scratch, "logs") },
    });
    if (run.error) throw run.error;
    if (run.status === 0) return null;
    const lines = run.stderr
      .split("\n")
      .map((l) => l.replace(/^npm error\s*/, "").trim())
      .filter((l) => l && !l.startsWith("A complete log of this run"));
    return lines.length ? lines : [`npm ci exited with ${run.status}`];
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const problems = lockFileProblems(process.cwd());
  if (problems) {
    console.error(
      "package-lock.json does not match package.json, so `npm ci` would fail on a fresh clone.\n" +
        "Run `npm install` (with every platform's optional packages kept) and commit package-lock.json.\n\n" +
        problems.slice(0, 20).join("\n"),
    );
    process.exit(1);
  }
  console.log("package-lock.json is complete: `npm ci` would succeed on a fresh clone.");
}
