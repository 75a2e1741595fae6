import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { expect, expectAccessible, expectNoHorizontalScroll, ready, test, waitForMail } from "../fixtures";

// Every staff page, as the role that uses it, on a phone-sized window: zero axe violations (visit),
// zero W3C Nu checker errors (the fixtures check every document the browser receives), no
// horizontal scrolling at 375 px and no table squeezed to a word a line. The list is derived from
// the route files, so a new staff page fails this test until it says how to reach it.
// Preconditions come from the demo cases (db/demo-cases.ts) or are posted over HTTP (a draft
// logged by hand, an account with two-step sign-in); one browser context, no form is clicked through.

const PASSWORD = "demo-password-please-change";
const MANAGER = "manager@northshire.example";
const ADMIN = "admin@northshire.example";

type Who = "manager" | "admin" | "nobody";
interface Ctx {
  page: Page;
}
type Where = string | ((ctx: Ctx) => Promise<string>);
type Entry =
  /** `status`: what the page answers, when not 200 (a page saying a link has expired, say). */
  | { who: Who; at: Where; status?: number }
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
  "staff.$.tsx": { who: "manager", at: "/staff/no-such-page", status: 404 },
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
  "staff.cases.$reference.record-council-response.tsx": { who: "manager", at: "/staff/cases/SU-DEM7-RPRT/record-council-response" },
  "staff.cases.$reference.record-ombudsman-decision.tsx": { who: "manager", at: "/staff/cases/SU-DEM8-LGSC/record-ombudsman-decision" },
  "staff.cases.$reference.record-panel-report.tsx": { who: "manager", at: "/staff/cases/SU-DEM7-PANL/record-panel-report" },
  "staff.cases.$reference.record-remedy-met.tsx": { who: "manager", at: "/staff/cases/SU-DEM8-RMDY/record-remedy-met" },
  "staff.cases.$reference.refer-to-ombudsman.tsx": { who: "manager", at: "/staff/cases/SU-DEM7-ANSW/refer-to-ombudsman" },
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
  "staff.cases.$reference.take-off-hold.tsx": { who: "manager", at: "/staff/cases/SU-DEM5-HELD/take-off-hold" },
  "staff.cases.$reference.triage.tsx": { who: "manager", at: `${NEW}/triage` },
  "staff.cases.$reference.withdraw.tsx": { who: "manager", at: `${STAGE1}/withdraw` },
  "staff.dashboard.tsx": { who: "manager", at: "/staff/dashboard" },
  "staff.deadlines.tsx": { who: "manager", at: "/staff/deadlines" },
  "staff.invitation.$token.tsx": { who: "nobody", at: "/staff/invitation/not-a-real-token" },
  // A draft of a representation logged by hand: started over HTTP, as the log page's form would.
  "staff.learning.$id.tsx": { who: "manager", at: linkOn("/staff/learning", /^\/staff\/learning\/\d+$/) },
  "staff.learning._index.tsx": { who: "manager", at: "/staff/learning" },
  "staff.log.$draft.$step.tsx": { who: "manager", at: async (ctx) => (await startLog(ctx)).step },
  // A complaint taken by phone: its questions answered over HTTP up to its files, then past them.
  "staff.log.$draft.attachments.tsx": { who: "manager", at: (ctx) => logUpTo(ctx, "attachments") },
  "staff.log.$draft.check-answers.tsx": { who: "manager", at: (ctx) => logUpTo(ctx, "check-answers") },
  "staff.log._index.tsx": { who: "manager", at: "/staff/log" },
  "staff.password-reset.$token.tsx": { who: "nobody", at: "/staff/password-reset/not-a-real-token" },
  "staff.password-reset._index.tsx": { who: "nobody", at: "/staff/password-reset" },
  "staff.report.tsx": { who: "manager", at: "/staff/report" },
  "staff.report[.]csv.tsx": { notAPage: "the report as CSV (checked against the page in e2e/staff/report.spec.ts)" },
  "staff.sign-in.tsx": { who: "nobody", at: "/staff/sign-in" },
  // After the password, for an account that must set up two-step sign-in (set up first, so that
  // the same account then has a code to ask for).
  "staff.sign-in_.set-up.tsx": { who: "nobody", at: (ctx) => twoStepSignIn(ctx, "set-up") },
  "staff.sign-in_.code.tsx": { who: "nobody", at: (ctx) => twoStepSignIn(ctx, "code") },
  "staff.sign-out.tsx": { notAPage: "a form's action (GET goes back to /staff)" },
  "staff.subject-access._index.tsx": { who: "manager", at: "/staff/subject-access" },
  "staff.subject-access.export.tsx": { who: "manager", at: async (ctx) => `/staff/subject-access/export?id=${await subjectRecord(ctx)}` },
  "staff.subject-access.export[.]json.tsx": { notAPage: "JSON for the same export" },
};

const logged = new Map<string, { draft: string; step: string }>();
/** A draft logged by hand (a compliment, or a foster carer's complaint), started as the log page's form posts it. */
async function startLog({ page }: Ctx, kind: "compliment" | "complaint" = "compliment") {
  const known = logged.get(kind);
  if (known) return known;
  await page.goto("/staff/log");
  const methods = await page.locator('[name="method"]').evaluateAll((els) =>
    els.flatMap((e) => (e instanceof HTMLSelectElement ? [...e.options].map((o) => o.value) : [(e as HTMLInputElement).value])).filter(Boolean)
  );
  const today = new Date();
  const response = await page.request.post("/staff/log?index", {
    form: {
      kind,
      ...(kind === "complaint" ? { relationship: "foster-carer" } : {}),
      method: methods[0] ?? "",
      receivedOnDay: String(today.getDate()),
      receivedOnMonth: String(today.getMonth() + 1),
      receivedOnYear: String(today.getFullYear()),
    },
    maxRedirects: 0,
  });
  const location = response.headers()["location"] ?? "";
  const match = /^(\/staff\/log\/[^/]+)\/([^/?]+)$/.exec(location);
  if (!match) throw new Error(`starting a log gave ${response.status()} ${location}`);
  const started = { draft: match[1] ?? "", step: location };
  logged.set(kind, started);
  return started;
}

/** A foster carer's complaint taken by phone, each step's answers as its form posts them. */
const LOG_ANSWERS: Record<string, Record<string, string>> = {
  "about-the-child": { childName: "Robin Child" },
  "your-details": { fullName: "Sam Carer" },
  contact: { contactMethod: "email", email: "sam.carer@example.com" },
  "support-needs": {},
  "what-happened": { description: "Rang to say the respite weekend was cancelled again." },
  "when-it-happened": { whenKind: "about", whenAbout: "Last month" },
  team: { team: "dont-know" },
  "put-right": { outcomes: "apology" },
  "complained-before": { complainedBefore: "no" },
  "court-case": { courtCase: "no" },
  attachments: { intent: "continue" },
};

/** Posts the complaint draft's steps until it stands at `target`; returns that page's address. */
async function logUpTo(ctx: Ctx, target: "attachments" | "check-answers") {
  const draft = await startLog(ctx, "complaint");
  let at = draft.step;
  for (let i = 0; i < 20 && !at.endsWith(`/${target}`); i += 1) {
    const step = at.split("/").at(-1) ?? "";
    const answers = LOG_ANSWERS[step];
    if (!answers) throw new Error(`no answer for the log's step ${step}`);
    const response = await ctx.page.request.post(at, { form: answers, maxRedirects: 0 });
    const next = response.headers()["location"];
    if (response.status() !== 302 || !next) throw new Error(`posting ${at} gave ${response.status()}`);
    at = next;
  }
  if (!at.endsWith(`/${target}`)) throw new Error(`the log never reached ${target}`);
  draft.step = at;
  return at;
}

/**
 * An account that must use two-step sign-in, invited by the administrator and given its password
 * over HTTP (in the page's context, so its cookies are the browser's): "set-up" signs in with the
 * password and starts the set-up; "code" finishes it with a code from the secret shown, signs out
 * and signs in again with the password, so the code is asked for.
 */
let twoStep: { email: string; password: string } | null = null;
async function twoStepSignIn({ page }: Ctx, stop: "set-up" | "code") {
  const request = page.request;
  const posted = async (at: string, form: Record<string, string>) => {
    const response = await request.post(at, { form, maxRedirects: 0 });
    expect(response.status(), `POST ${at}`).toBe(302);
    return response.headers()["location"] ?? "";
  };
  if (stop === "set-up") {
    const email = `two-step-${Date.now()}@northshire.example`;
    const password = `correct horse ${Math.random().toString(36).slice(2)}`;
    await posted("/staff/sign-in", { email: ADMIN, password: PASSWORD });
    await posted("/staff/admin/users/new", { name: "Robin Twostep", email, roles: "investigator", totp: "required" });
    await request.post("/staff/sign-out");
    await page.context().clearCookies();
    const mail = await waitForMail(request, (m) => m.to.includes(email) && m.subject.includes("back office account"));
    const link = new URL(/https?:\/\/\S+\/staff\/invitation\/[\w-]+/.exec(mail.text)?.[0] ?? "").pathname;
    await posted(link, { password, confirm: password });
    twoStep = { email, password };
    expect(await posted("/staff/sign-in", twoStep)).toMatch(/^\/staff\/sign-in\/set-up/);
    await posted("/staff/sign-in/set-up", { intent: "start" });
    return "/staff/sign-in/set-up";
  }
  if (!twoStep) throw new Error("the two-step account is set up on the set-up page first");
  const shown = await (await request.get("/staff/sign-in/set-up")).text();
  const secret = /data-testid="totp-secret"[^>]*>([^<]+)</.exec(shown)?.[1] ?? "";
  const totp = new TOTP({ secret: Secret.fromBase32(secret.replace(/\s/g, "")), digits: 6, period: 30, algorithm: "SHA1" });
  await posted("/staff/sign-in/set-up", { code: totp.generate() });
  await signOut(page);
  expect(await posted("/staff/sign-in", twoStep)).toMatch(/^\/staff\/sign-in\/code/);
  return "/staff/sign-in/code";
}

/** One demo person's record id, found as the subject access search finds it. */
async function subjectRecord({ page }: Ctx) {
  const response = await page.request.post("/staff/subject-access?index", { form: { by: "email", email: "marta.zielinska@example.com" } });
  const id = /name="id" type="checkbox" value="(\d+)"/.exec(await response.text())?.[1];
  if (!id) throw new Error("the demo person was not found");
  return id;
}

/**
 * Tables read on a phone: no cell is squeezed into one word per line (as a table with many
 * columns in a scroll box was). Cards below the tablet width, or fewer columns, pass.
 */
async function expectNoSqueezedCells(page: Page) {
  const squeezed = await page.locator("main").evaluate((main) =>
    [...main.querySelectorAll("td, th")].flatMap((cell) => {
      const words: number[] = [];
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // A visually hidden heading (the cards' table head) is no line anyone reads.
        if ((node.parentElement?.getBoundingClientRect().width ?? 0) <= 1) continue;
        for (const match of (node.textContent ?? "").matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          words.push(Math.round(range.getBoundingClientRect().top));
        }
      }
      const lines = new Set(words).size;
      return words.length >= 3 && lines >= words.length ? [`${cell.tagName.toLowerCase()} "${(cell.textContent ?? "").trim().slice(0, 40)}"`] : [];
    }),
  );
  expect.soft(squeezed, `table cells squeezed to one word a line on ${page.url()}`).toEqual([]);
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

  test("is listed here, and passes axe and the Nu checker with no horizontal scrolling or squeezed table at 375 px, as its user", async ({ page }) => {
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
          // Not found is no page scanned: a demo case missing, or a draft gone, fails here.
          expect.soft(response?.status() ?? 0, at).toBe("status" in entry && entry.status ? entry.status : 200);
          const arrivedAt = new URL(page.url());
          // Soft: one run names every page that fails, not only the first.
          expect.soft(decodeURIComponent(`${arrivedAt.pathname}${arrivedAt.search}`), file).toBe(decodeURIComponent(at));
          await ready(page);
          await expectAccessible(page);
          await expectNoHorizontalScroll(page);
          await expectNoSqueezedCells(page);
        });
      }
      await signOut(page);
    }
  });
});
