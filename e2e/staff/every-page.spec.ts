import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, expectNoHorizontalScroll, ready, test } from "../fixtures";

// Every staff page, as the role that uses it, on a phone-sized window: zero axe violations (visit),
// zero W3C Nu checker errors (the fixtures check every document the browser receives) and no
// horizontal scrolling at 375 px. The list is derived from the route files, so a new staff page
// fails this test until it says how to reach it. Preconditions come from the demo cases
// (db/demo-cases.ts); one browser context, no form is clicked through.

const PASSWORD = "demo-password-please-change";
const MANAGER = "manager@northshire.example";
const ADMIN = "admin@northshire.example";

type Who = "manager" | "admin" | "nobody";
interface Ctx {
  page: Page;
}
type Where = string | ((ctx: Ctx) => Promise<string>);
type Entry =
  | { who: Who; at: Where }
  /** A page the demo data does not open (it redirects to where the person should be); `coveredBy` scans it in a journey. */
  | { who: Who; at: Where; unreachable: string; coveredBy: string }
  /** A route that is no page: a file, JSON or a form's action only. */
  | { notAPage: string };

/** The first link on `from` whose address matches `pattern`. */
function linkOn(from: Where, pattern: RegExp): (ctx: Ctx) => Promise<string> {
  return async ({ page }) => {
    const start = typeof from === "string" ? from : await from({ page });
    await page.goto(start);
    const paths = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    const found = paths.find((p) => pattern.test(p));
    if (!found) throw new Error(`no link matching ${pattern} on ${start}`);
    return found;
  };
}

const STAGE1 = "/staff/cases/SU-DEM5-LATE";
const NEW = "/staff/cases/SU-DEM2-AB3C";

const PAGES: Record<string, Entry> = {
  "staff.$.tsx": { who: "manager", at: "/staff/no-such-page" },
  "staff._index.tsx": { who: "manager", at: "/staff" },
  "staff.account._index.tsx": { who: "manager", at: "/staff/account" },
  "staff.account.two-step.tsx": { who: "manager", at: "/staff/account/two-step" },
  "staff.admin.audit.tsx": { who: "manager", at: "/staff/admin/audit" },
  "staff.admin.import.tsx": { who: "admin", at: "/staff/admin/import" },
  "staff.admin.lists.$list.$id.tsx": { who: "admin", at: linkOn(linkOn("/staff/admin/lists", /^\/staff\/admin\/lists\/[a-z-]+$/), /^\/staff\/admin\/lists\/[a-z-]+\/\d+$/) },
  "staff.admin.lists.$list._index.tsx": { who: "admin", at: linkOn("/staff/admin/lists", /^\/staff\/admin\/lists\/[a-z-]+$/) },
  "staff.admin.lists._index.tsx": { who: "admin", at: "/staff/admin/lists" },
  "staff.admin.retention.tsx": { who: "admin", at: "/staff/admin/retention" },
  "staff.admin.settings.tsx": { who: "admin", at: "/staff/admin/settings" },
  "staff.admin.teams.$id.tsx": { who: "admin", at: linkOn("/staff/admin/teams", /^\/staff\/admin\/teams\/\d+$/) },
  "staff.admin.teams._index.tsx": { who: "admin", at: "/staff/admin/teams" },
  "staff.admin.timescales.tsx": { who: "admin", at: "/staff/admin/timescales" },
  "staff.admin.users.$id.tsx": { who: "admin", at: linkOn("/staff/admin/users", /^\/staff\/admin\/users\/\d+$/) },
  "staff.admin.users._index.tsx": { who: "admin", at: "/staff/admin/users" },
  "staff.admin.users.new.tsx": { who: "admin", at: "/staff/admin/users/new" },
  "staff.attachments.$id.tsx": { notAPage: "a file download (audited; e2e/public/attachments.spec.ts)" },
  "staff.cases.$reference._index.tsx": { who: "manager", at: STAGE1 },
  "staff.cases.$reference_.audit.tsx": { who: "manager", at: `${STAGE1}/audit` },
  "staff.cases.$reference.agree-statement.tsx": { who: "manager", at: "/staff/cases/SU-DEM6-STMT/agree-statement" },
  "staff.cases.$reference.share-statement.tsx": { who: "manager", at: "/staff/cases/SU-DEM6-STMT/share-statement" },
  "staff.cases.$reference.answer-ombudsman-enquiry.tsx": { who: "manager", at: "/staff/cases/SU-DEM8-LGSC/answer-ombudsman-enquiry" },
  "staff.cases.$reference.assign.tsx": { who: "manager", at: `${NEW}/assign` },
  "staff.cases.$reference.book-panel.tsx": { who: "manager", at: "/staff/cases/SU-DEM7-PANL/book-panel" },
  "staff.cases.$reference.close.tsx": { who: "manager", at: "/staff/cases/SU-DEM3-THNX/close" },
  "staff.cases.$reference.coding.tsx": { who: "manager", at: `${NEW}/coding` },
  "staff.cases.$reference.compliment.tsx": { who: "manager", at: "/staff/cases/SU-DEM3-THNX/compliment" },
  "staff.cases.$reference.correct-dates.tsx": { who: "manager", at: `${STAGE1}/correct-dates` },
  "staff.cases.$reference.correspondence.tsx": { who: "manager", at: `${NEW}/correspondence` },
  "staff.cases.$reference.decision.tsx": { who: "manager", at: `${NEW}/decision` },
  "staff.cases.$reference.escalate.tsx": { who: "manager", at: "/staff/cases/SU-DEM5-RESP/escalate" },
  "staff.cases.$reference.extend.tsx": { who: "manager", at: `${STAGE1}/extend` },
  "staff.cases.$reference.learning.tsx": { who: "manager", at: `${STAGE1}/learning` },
  "staff.cases.$reference.letters.$entryId.tsx": { who: "manager", at: linkOn("/staff/cases/SU-DEM5-XTND", /\/letters\/\d+$/) },
  "staff.cases.$reference.money.$stage.tsx": { who: "manager", at: "/staff/cases/SU-DEM5-RESP/money/1" },
  "staff.cases.$reference.name-investigator.tsx": { who: "manager", at: "/staff/cases/SU-DEM6-STG2/name-investigator" },
  "staff.cases.$reference.put-on-hold.tsx": { who: "manager", at: `${STAGE1}/put-on-hold` },
  "staff.cases.$reference.record-council-response.tsx": {
    who: "manager",
    at: "/staff/cases/SU-DEM7-PANL/record-council-response",
    unreachable: "no demo case has the chair's report recorded and the council's response due",
    coveredBy: "e2e/staff/complaint-life.spec.ts",
  },
  "staff.cases.$reference.record-ombudsman-decision.tsx": { who: "manager", at: "/staff/cases/SU-DEM8-LGSC/record-ombudsman-decision" },
  "staff.cases.$reference.record-panel-report.tsx": { who: "manager", at: "/staff/cases/SU-DEM7-PANL/record-panel-report" },
  "staff.cases.$reference.record-remedy-met.tsx": {
    who: "manager",
    at: "/staff/cases/SU-DEM8-LGSC/record-remedy-met",
    unreachable: "no demo case has an Ombudsman's remedy to meet",
    coveredBy: "e2e/staff/complaint-life.spec.ts",
  },
  "staff.cases.$reference.refer-to-ombudsman.tsx": {
    who: "manager",
    at: "/staff/cases/SU-DEM7-PANL/refer-to-ombudsman",
    unreachable: "no demo case has the council's response to the panel recorded",
    coveredBy: "e2e/staff/complaint-life.spec.ts",
  },
  "staff.cases.$reference.referral.$concern.tsx": { who: "manager", at: linkOn("/staff/cases/SU-DEM3-SAFE/safeguarding", /\/referral\/\d+$/) },
  "staff.cases.$reference.refusal.tsx": {
    who: "manager",
    // Reached from the decision page with one of the council's refusal reasons.
    at: async ({ page }) => {
      await page.goto(`${NEW}/decision`);
      const reasons = await page.locator('select[name="reason"] option, input[name="reason"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value).filter(Boolean));
      if (!reasons[0]) throw new Error("no refusal reason offered");
      return `${NEW}/refusal?reason=${encodeURIComponent(reasons[0])}`;
    },
  },
  "staff.cases.$reference.reopen.tsx": { who: "manager", at: "/staff/cases/SU-DEM5-SHUT/reopen" },
  "staff.cases.$reference.respond.tsx": { who: "manager", at: `${STAGE1}/respond` },
  "staff.cases.$reference.restrictions.tsx": { who: "manager", at: `${NEW}/restrictions` },
  "staff.cases.$reference.safeguarding.tsx": { who: "manager", at: `${NEW}/safeguarding` },
  "staff.cases.$reference.take-off-hold.tsx": {
    who: "manager",
    at: `${STAGE1}/take-off-hold`,
    unreachable: "no demo case is on hold",
    coveredBy: "e2e/staff/corporate-journey.spec.ts",
  },
  "staff.cases.$reference.triage.tsx": { who: "manager", at: `${NEW}/triage` },
  "staff.cases.$reference.withdraw.tsx": { who: "manager", at: `${STAGE1}/withdraw` },
  "staff.dashboard.tsx": { who: "manager", at: "/staff/dashboard" },
  "staff.deadlines.tsx": { who: "manager", at: "/staff/deadlines" },
  "staff.invitation.$token.tsx": { who: "nobody", at: "/staff/invitation/not-a-real-token" },
  // A draft of a representation logged by hand: started over HTTP, as the log page's form would.
  "staff.learning.$id.tsx": { who: "manager", at: linkOn("/staff/learning", /^\/staff\/learning\/\d+$/) },
  "staff.learning._index.tsx": { who: "manager", at: "/staff/learning" },
  "staff.log.$draft.$step.tsx": { who: "manager", at: async (ctx) => (await startLog(ctx)).step },
  "staff.log.$draft.attachments.tsx": {
    who: "manager",
    at: async (ctx) => `${(await startLog(ctx)).draft}/attachments`,
    unreachable: "a draft just started has questions left before its files",
    coveredBy: "e2e/staff/casework-log.spec.ts",
  },
  "staff.log.$draft.check-answers.tsx": {
    who: "manager",
    at: async (ctx) => `${(await startLog(ctx)).draft}/check-answers`,
    unreachable: "a draft just started has questions left, so check-answers sends you back to them",
    coveredBy: "e2e/staff/casework-log.spec.ts",
  },
  "staff.log._index.tsx": { who: "manager", at: "/staff/log" },
  "staff.password-reset.$token.tsx": { who: "nobody", at: "/staff/password-reset/not-a-real-token" },
  "staff.password-reset._index.tsx": { who: "nobody", at: "/staff/password-reset" },
  "staff.report.tsx": { who: "manager", at: "/staff/report" },
  "staff.report[.]csv.tsx": { notAPage: "the report as CSV (checked against the page in e2e/staff/report.spec.ts)" },
  "staff.sign-in.tsx": { who: "nobody", at: "/staff/sign-in" },
  "staff.sign-in_.code.tsx": {
    who: "nobody",
    at: "/staff/sign-in/code",
    unreachable: "only after a password, for an account with two-step sign-in (the demo accounts have none)",
    coveredBy: "e2e/staff/accounts.spec.ts",
  },
  "staff.sign-in_.set-up.tsx": {
    who: "nobody",
    at: "/staff/sign-in/set-up",
    unreachable: "only after a password, for an account that must set up two-step sign-in",
    coveredBy: "e2e/staff/accounts.spec.ts",
  },
  "staff.sign-out.tsx": { notAPage: "a form's action (GET goes back to /staff)" },
  "staff.subject-access._index.tsx": { who: "manager", at: "/staff/subject-access" },
  "staff.subject-access.export.tsx": { who: "manager", at: async (ctx) => `/staff/subject-access/export?id=${await subjectRecord(ctx)}` },
  "staff.subject-access.export[.]json.tsx": { notAPage: "JSON for the same export" },
};

let logged: { draft: string; step: string } | null = null;
async function startLog({ page }: Ctx) {
  if (logged) return logged;
  await page.goto("/staff/log");
  const methods = await page.locator('[name="method"]').evaluateAll((els) =>
    els.flatMap((e) => (e instanceof HTMLSelectElement ? [...e.options].map((o) => o.value) : [(e as HTMLInputElement).value])).filter(Boolean)
  );
  const today = new Date();
  const response = await page.request.post("/staff/log?index", {
    form: { kind: "compliment", method: methods[0] ?? "", receivedOnDay: String(today.getDate()), receivedOnMonth: String(today.getMonth() + 1), receivedOnYear: String(today.getFullYear()) },
    maxRedirects: 0,
  });
  const location = response.headers()["location"] ?? "";
  const match = /^(\/staff\/log\/[^/]+)\/([^/?]+)$/.exec(location);
  if (!match) throw new Error(`starting a log gave ${response.status()} ${location}`);
  logged = { draft: match[1] ?? "", step: location };
  return logged;
}

/** One demo person's record id, found as the subject access search finds it. */
async function subjectRecord({ page }: Ctx) {
  const response = await page.request.post("/staff/subject-access?index", { form: { by: "email", email: "marta.zielinska@example.com" } });
  const id = /name="id" type="checkbox" value="(\d+)"/.exec(await response.text())?.[1];
  if (!id) throw new Error("the demo person was not found");
  return id;
}

async function signInAs(page: Page, who: Who) {
  if (who === "nobody") return;
  await page.goto("/staff/sign-in");
  await ready(page);
  await page.getByLabel("Email address").fill(who === "admin" ? ADMIN : MANAGER);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/staff/sign-in"), { timeout: 30_000 });
}

async function signOut(page: Page) {
  await page.request.post("/staff/sign-out");
  await page.context().clearCookies();
}

test.describe("every staff page", () => {
  test.describe.configure({ timeout: 600_000 });
  test.use({ viewport: { width: 375, height: 800 } });

  test("is listed here, and passes axe and the Nu checker with no horizontal scrolling at 375 px, as its user", async ({ page }) => {
    const routes = fs.readdirSync(path.resolve("app/routes")).filter((f) => /^staff\..+\.tsx$/.test(f));
    // A new staff page must say here how to reach it.
    expect(Object.keys(PAGES).sort()).toEqual(routes.sort());

    for (const who of ["manager", "admin", "nobody"] as const) {
      await signInAs(page, who);
      for (const [file, entry] of Object.entries(PAGES)) {
        if ("notAPage" in entry || entry.who !== who) continue;
        const at = typeof entry.at === "string" ? entry.at : await entry.at({ page });
        await test.step(`${file}: ${at}`, async () => {
          const response = await page.goto(at);
          expect(response?.status() ?? 0, at).toBeLessThan(500);
          const arrivedAt = new URL(page.url());
          if ("unreachable" in entry) {
            // The demo has no case in that state yet: the page sends its user on. When it stops
            // doing so, drop `unreachable` so the page is scanned here.
            expect(arrivedAt.pathname, `${at} (${entry.unreachable}; scanned in ${entry.coveredBy})`).not.toBe(at.split("?")[0]);
          } else {
            expect(decodeURIComponent(`${arrivedAt.pathname}${arrivedAt.search}`), file).toBe(decodeURIComponent(at));
          }
          await ready(page);
          await expectAccessible(page);
          await expectNoHorizontalScroll(page);
        });
      }
      await signOut(page);
    }
  });
});
