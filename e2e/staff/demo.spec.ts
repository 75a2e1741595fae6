import type { Page } from "@playwright/test";
import { arrived, expect, expectAccessible, test, visit, waitForMail, type CaughtMail } from "../fixtures";

// The server under test runs in demo mode: a newcomer signing in sees a complaint in every state
// (db/demo-cases.ts; what each shows is checked in db/demo-cases.test.ts). Every demo case page
// opens, shows its stage, and passes axe; the investigator sees exactly the Stage 2 they are named on.

const PASSWORD = "demo-password-please-change";

/** DEMO_CASES in db/demo-cases.ts (not imported: it pulls in the server's code, which Playwright cannot load). */
const DEMO_CASES = {
  newYoungPerson: "SU-DEM2-AB3C",
  newDueSoon: "SU-DEM4-XY7Z",
  stage1Due: "SU-DEM5-DUE2",
  stage1Overdue: "SU-DEM5-LATE",
  stage1OnHold: "SU-DEM5-HELD",
  stage1Extended: "SU-DEM5-XTND",
  stage1Responded: "SU-DEM5-RESP",
  closed: "SU-DEM5-SHUT",
  stage2Investigator: "SU-DEM6-STG2",
  stage2StatementWaiting: "SU-DEM6-STMT",
  stage3PanelBooked: "SU-DEM7-PANL",
  stage3ReportIn: "SU-DEM7-RPRT",
  stage3Answered: "SU-DEM7-ANSW",
  ombudsman: "SU-DEM8-LGSC",
  ombudsmanRemedy: "SU-DEM8-RMDY",
  corporateStage1: "SU-DEM9-CRPA",
  corporateStage2: "SU-DEM9-CRPB",
  earlyResolution: "SU-DEM3-EARL",
  safeguarding: "SU-DEM3-SAFE",
  compliment: "SU-DEM3-THNX",
  commentClosed: "SU-DEM3-SAYS",
};

async function signIn(page: Page, email: string, to = "/staff") {
  await visit(page, `/staff/sign-in?redirectTo=${encodeURIComponent(to)}`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(new RegExp(`${to}$`), { timeout: 30_000 });
  await arrived(page, new RegExp(`${to}$`));
}

test.describe("the demo cases", () => {
  test.describe.configure({ timeout: 300_000 });

  test("a complaints officer opens every demo case: each shows where it stands, and the overdue one is red in the inbox", async ({ page, request }) => {
    await signIn(page, "officer@northshire.example");
    const inbox = page.getByTestId("inbox");
    // The unreferred safeguarding concern is pinned among the first rows (other tests may flag theirs too).
    await expect(inbox.getByRole("row").filter({ hasText: DEMO_CASES.safeguarding })).toContainText("Safeguarding: refer now");
    await expect(inbox.getByRole("row").filter({ hasText: DEMO_CASES.stage1Overdue })).toContainText(/overdue/i);

    const expected: Array<[string, RegExp]> = [
      [DEMO_CASES.stage1Due, /Now: Stage 1, Open/],
      [DEMO_CASES.stage1Overdue, /Now: Stage 1, Open.*Overdue by 4 working days/],
      [DEMO_CASES.stage1Responded, /Now: Stage 1, Responded/],
      [DEMO_CASES.stage2Investigator, /Now: Stage 2, Open/],
      [DEMO_CASES.stage1OnHold, /Now: Stage 1, Open.*On hold/],
      [DEMO_CASES.stage3PanelBooked, /Now: Stage 3 \(review panel\), Open/],
      [DEMO_CASES.stage3ReportIn, /Now: Stage 3 \(review panel\), Open/],
      [DEMO_CASES.stage3Answered, /Now: Stage 3 \(review panel\), Responded/],
      [DEMO_CASES.ombudsman, /Now: The Ombudsman, Open/],
      [DEMO_CASES.ombudsmanRemedy, /Now: The Ombudsman, Responded/],
      [DEMO_CASES.corporateStage1, /Now: Corporate Stage 1, Open/],
      [DEMO_CASES.corporateStage2, /Now: Corporate Stage 2, Open/],
      [DEMO_CASES.earlyResolution, /Now: Early resolution, Open/],
      [DEMO_CASES.closed, /Now: Stage 1, Closed/],
    ];
    // The cases made for a move each offer it (e2e/staff/every-page.spec.ts opens its page).
    const offered: Record<string, string> = {
      [DEMO_CASES.stage1OnHold]: "Take off hold",
      [DEMO_CASES.stage3ReportIn]: "Record the council's response to the panel",
      [DEMO_CASES.stage3Answered]: "Record that the person went to the Ombudsman",
      [DEMO_CASES.ombudsmanRemedy]: "Record the Ombudsman's remedy as met",
    };
    for (const [reference, stage] of expected) {
      await visit(page, `/staff/cases/${reference}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(reference);
      await expect(page.getByTestId("current-stage"), reference).toContainText(stage);
      const action = offered[reference];
      if (action) await expect(page.getByTestId("case-actions").getByRole("link", { name: action }), reference).toBeVisible();
    }
    const others = Object.values(DEMO_CASES).filter((r) => !expected.some(([e]) => e === r));
    for (const reference of others) {
      await visit(page, `/staff/cases/${reference}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(reference);
    }

    // The pages behind a case's actions, each shown, scanned and used once.
    const caseUrl = (reference: string) => new RegExp(`/staff/cases/${reference}$`);
    await visit(page, `/staff/cases/${DEMO_CASES.stage1Due}/coding`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Code the case");
    await expect(page.getByLabel("Primary nature")).toHaveValue("Poor communication");
    await page.getByRole("button", { name: "Save coding" }).click();
    await arrived(page, caseUrl(DEMO_CASES.stage1Due));
    await visit(page, `/staff/cases/${DEMO_CASES.stage1Due}/correspondence`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Record correspondence");
    await page.getByRole("group", { name: "Direction" }).getByLabel("In (from the person)").check();
    await page.getByRole("group", { name: "How" }).getByLabel("Letter").check();
    await page.getByLabel("What was said or sent").fill("A letter asking when the review meeting will be.");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await arrived(page, caseUrl(DEMO_CASES.stage1Due));
    await expect(page.getByTestId("timeline")).toContainText("Correspondence in (Letter)");

    // A compliment goes to the team once: pressing again (or a replayed POST) sends nothing more.
    const compliment = `/staff/cases/${DEMO_CASES.compliment}/compliment`;
    await visit(page, compliment);
    await page.getByRole("button", { name: "Email it to the team" }).click();
    await arrived(page, caseUrl(DEMO_CASES.compliment));
    const isThisCompliment = (m: CaughtMail) => m.subject.startsWith("A compliment for") && m.text.includes(DEMO_CASES.compliment);
    await waitForMail(request, isThisCompliment);
    const replay = await page.request.post(compliment, { form: {}, maxRedirects: 0 });
    expect(replay.status()).toBe(302);
    expect(replay.headers()["location"]).toBe(`/staff/cases/${DEMO_CASES.compliment}`);
    await visit(page, compliment);
    await expect(page.locator("main")).toContainText("This compliment has been passed on to the team already.");
    await expect(page.getByRole("button", { name: "Email it to the team" })).toHaveCount(0);
    // The outbox sends every 250 ms here: give a second copy time to arrive, then count.
    await page.waitForTimeout(2_000);
    const caught = (await (await request.get(`${process.env.MAIL_CATCHER_URL}/messages`)).json()) as CaughtMail[];
    const recipients = caught.filter(isThisCompliment).flatMap((m) => m.to);
    expect(recipients.length).toBeGreaterThan(0);
    expect(recipients, "each of the team's managers emailed once").toEqual([...new Set(recipients)]);
  });

  test("the coding page: each checkbox has an id without spaces, its label ticks it, and the page is valid HTML", async ({ page }) => {
    await signIn(page, "officer@northshire.example");
    await visit(page, `/staff/cases/${DEMO_CASES.stage1Due}/coding`);
    const ids = await page.locator("input, select").evaluateAll((els) => els.map((el) => el.id).filter(Boolean));
    expect(ids.length).toBeGreaterThan(20);
    expect(ids.filter((id) => !/^[A-Za-z0-9_-]+$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    // A list label with spaces in it (the council's own words) still names its checkbox.
    await page.locator("summary").filter({ hasText: "Other natures" }).click();
    const withSpaces = page.locator(".govuk-checkboxes__input[value*=' ']").nth(1);
    const label = page.locator(`label[for="${await withSpaces.getAttribute("id")}"]`);
    await label.click();
    await expect(withSpaces).toBeChecked();
  });

  test("the demo investigator sees exactly the Stage 2 they are named on", async ({ page }) => {
    await signIn(page, "investigator@northshire.example");
    const rows = page.getByTestId("inbox").locator("tbody tr");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(DEMO_CASES.stage2Investigator);
    await visit(page, `/staff/cases/${DEMO_CASES.stage2Investigator}`);
    await expect(page.getByTestId("current-stage")).toContainText("Now: Stage 2, Open");
    expect((await page.goto(`/staff/cases/${DEMO_CASES.stage3PanelBooked}`))?.status()).toBe(404);
    await expectAccessible(page);
  });
});
