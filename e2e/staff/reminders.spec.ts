import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import Database from "better-sqlite3";
import { arrived, expect, test, type CaughtMail, visit } from "../fixtures";

// The reminder digests through the real SMTP catcher, exactly once, also across a server restart
// (kill -9, then start again on the same database). The digests must go out at once, so this test
// runs its own server (the one `npm start` runs) with REMINDER_HOUR=0, on its own port and database.
const E2E_PORT = Number(process.env.E2E_PORT || 3210);
const PORT = E2E_PORT + 5;
const SMTP_PORT = Number(process.env.MAIL_CATCHER_SMTP_PORT || E2E_PORT + 1);
const BASE = `http://localhost:${PORT}`;
const DIR = path.resolve(`e2e/.artifacts/${E2E_PORT}/reminders`);
const DB_FILE = path.join(DIR, "reminders.sqlite");
const TEAM_MANAGER = "team.manager@northshire.example";
const COMPLAINTS_TEAM = "childrens.complaints@northshire.example";
const PASSWORD = "demo-password-please-change";

const env = {
  PATH: process.env.PATH ?? "",
  HOME: process.env.HOME ?? "",
  PORT: String(PORT),
  DATABASE_FILE: DB_FILE,
  ATTACHMENTS_DIR: path.join(DIR, "attachments"),
  DEMO_MODE: "true",
  SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
  OUTBOX_INTERVAL_MS: "250",
  PUBLIC_URL: BASE,
  NODE_ENV: "production",
  // Due from midnight: the first start sends today's digests.
  REMINDER_HOUR: "0",
};

async function startServer(log: string): Promise<ChildProcess> {
  const out = fs.openSync(path.join(DIR, log), "a");
  // Node loads tsx itself, so SIGKILL reaches the server, not a wrapper.
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], { env: env as NodeJS.ProcessEnv, stdio: ["ignore", out, out] });
  fs.closeSync(out);
  await expect
    .poll(async () => (await fetch(`http://127.0.0.1:${PORT}/privacy`).then((r) => r.status, () => 0)) === 200 || child.exitCode !== null, { timeout: 60_000 })
    .toBe(true);
  expect(child.exitCode, `the server stopped (see ${log})`).toBeNull();
  return child;
}

async function stop(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await exited;
}

/** The digests this test's server sent (their links name its port; the main e2e server's do not). */
async function digests(request: APIRequestContext): Promise<CaughtMail[]> {
  const response = await request.get(`${process.env.MAIL_CATCHER_URL}/messages`);
  return ((await response.json()) as CaughtMail[]).filter((m) => m.subject.startsWith("Complaints deadlines") && m.text.includes(`${BASE}/staff/`));
}
const to = (mails: CaughtMail[], address: string) => mails.filter((m) => m.to.includes(address));

/** A fresh demo database with a complaint whose Stage 1 is overdue, held by the team manager (built by the app's own services). */
function prepareDatabase(): { reference: string; today: string; workingDay: boolean } {
  const out = execFileSync(process.execPath, ["--import", "tsx", "test/reminders-e2e-database.ts", DB_FILE, BASE, TEAM_MANAGER], { encoding: "utf8" });
  return JSON.parse(out) as { reference: string; today: string; workingDay: boolean };
}

test.describe("reminders", () => {
  test.describe.configure({ timeout: 180_000 });

  test("a case holder and the complaints team get today's digest once, also after a restart; the dashboard lists the case", async ({ page, request }) => {
    const { reference, today, workingDay } = prepareDatabase();
    let server = await startServer("first.log");
    try {
      if (workingDay) {
        await expect.poll(async () => [to(await digests(request), TEAM_MANAGER).length, to(await digests(request), COMPLAINTS_TEAM).length], { timeout: 20_000 }).toEqual([1, 1]);
        const [held] = to(await digests(request), TEAM_MANAGER);
        expect(held?.text).toContain(`${reference}: Stage 1, was due`);
        expect(held?.text).toContain(`${BASE}/staff/cases/${reference}`);
        const [team] = to(await digests(request), COMPLAINTS_TEAM);
        expect(team?.text).toContain(reference);
        // Email leaves the council: references and dates, never names.
        for (const mail of [held, team]) {
          expect(mail?.text).not.toContain("Quinn");
          expect(mail?.text).not.toContain("Rowan");
        }
      }

      // A hard restart: the day is claimed with its digests, so the new process sends nothing more.
      await stop(server, "SIGKILL");
      server = await startServer("second.log");
      // Its scheduler checked at start; give the outbox worker (every 250 ms) time to send anything it had.
      await page.waitForTimeout(3_000);
      const after = await digests(request);
      expect([to(after, TEAM_MANAGER).length, to(after, COMPLAINTS_TEAM).length]).toEqual(workingDay ? [1, 1] : [0, 0]);
      // One run claimed for today (on a weekend or bank holiday, with nothing to send).
      const check = new Database(DB_FILE, { readonly: true });
      expect(check.prepare("SELECT run_on AS runOn, json_extract(result, '$.ok') AS ok FROM scheduled_runs WHERE job = 'reminders'").all()).toEqual([{ runOn: today, ok: 1 }]);
      check.close();

      // The dashboard: the team manager sees the overdue case, in words as well as colour.
      await visit(page, `${BASE}/staff/sign-in?redirectTo=${encodeURIComponent("/staff/deadlines")}`);
      await page.getByLabel("Email address").fill(TEAM_MANAGER);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await arrived(page, `${BASE}/staff/deadlines`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deadlines");
      const overdue = page.getByTestId("deadlines-overdue");
      const row = overdue.getByRole("row", { name: new RegExp(reference) });
      await expect(row).toContainText("Stage 1");
      await expect(row).toContainText("Children in care");
      await expect(row).toContainText("Taylor Teamlead");
      await expect(row).toContainText("Overdue");
      // Filtered to Stage 2, it is not listed.
      await page.getByLabel("Stage", { exact: true }).selectOption("Stage 2");
      await page.getByRole("button", { name: "Apply filters" }).click();
      await arrived(page, /\/staff\/deadlines\?stage=statutory-stage2/);
      await expect(page.getByTestId("deadlines-overdue")).toContainText("None.");
      await page.getByRole("link", { name: "Clear filters" }).click();
      await arrived(page, `${BASE}/staff/deadlines`);
      await page.getByTestId("deadlines-overdue").getByRole("link", { name: reference }).click();
      await arrived(page, `${BASE}/staff/cases/${reference}`);
    } finally {
      await stop(server, "SIGTERM");
    }
  });
});
