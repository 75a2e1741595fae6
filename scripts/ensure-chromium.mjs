// The end-to-end tests drive Debian's Chromium (Playwright cannot download browsers here).
// Installs it with apt-get when missing and running as root; otherwise says what to install.
import { execFileSync } from "node:child_process";
import fs from "node:fs";

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

if (fs.existsSync(chromium)) process.exit(0);

if (typeof process.getuid === "function" && process.getuid() === 0) {
  console.log("Chromium is missing: installing Debian's 'chromium' package with apt-get…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
  if (fs.existsSync(chromium)) process.exit(0);
}

console.error(
  `The end-to-end tests need Chromium at ${chromium}.\n` +
    "Install Debian's package as root (apt-get install chromium), or set CHROMIUM_PATH to a Chromium binary.",
);
process.exit(1);
