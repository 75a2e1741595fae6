// `npm audit --omit=dev`: the packages that run in production have no high or critical advisory.
import { spawnSync } from "node:child_process";
import { ROOT, type Figure } from "./harness";

export async function runAudit(): Promise<Figure[]> {
  const result = spawnSync("npm", ["audit", "--omit=dev", "--json"], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  let counts: Record<string, number> | undefined;
  try {
    counts = (JSON.parse(result.stdout) as { metadata?: { vulnerabilities?: Record<string, number> } }).metadata?.vulnerabilities;
  } catch {
    counts = undefined;
  }
  if (!counts) {
    // No report at all means the advisory database could not be asked (offline, or a registry
    // mirror without the audit endpoint): say so rather than pass or fail on no evidence.
    const why = /\b(\d{3} [A-Za-z ]+) - POST/.exec(result.stderr)?.[1] ?? result.stderr.trim().split("\n")[0]?.slice(0, 160);
    return [{ part: "npm audit", figure: `npm audit --omit=dev could not reach the advisory database (${why}); run it where it can`, ok: false, unavailable: true }];
  }
  const n = (level: string) => counts[level] ?? 0;
  return [
    {
      part: "npm audit",
      figure: `npm audit --omit=dev: ${n("critical")} critical, ${n("high")} high, ${n("moderate")} moderate, ${n("low")} low`,
      ok: n("critical") === 0 && n("high") === 0,
    },
  ];
}
