import type { Page } from "@playwright/test";
import {
  arrived,
  exclusively,
  expect,
  expectAccessible,
  test,
  visit,
} from "../fixtures";

const DEMO_PASSWORD = "demo-password-please-change";
const suffix = () =>
  `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function signIn(page: Page, email: string, redirectTo?: string) {
  await visit(
    page,
    redirectTo
      ? `/staff/sign-in?redirectTo=${encodeURIComponent(redirectTo)}`
      : "/staff/sign-in"
  );
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe("administration", () => {
  test("an administrator's menu has administration and no cases", async ({
    page,
  }) => {
    await signIn(page, "admin@northshire.example");
    await arrived(page, /\/staff\/admin\/users$/);
    const nav = page.getByRole("navigation", { name: "Back office" });
    await expect(nav.getByRole("link")).toHaveText([
      "Users",
      "Teams",
      "Council details",
      "Reference lists",
      "Timescales",
      "Retention",
      "Audit log",
      "Dashboard",
      "Annual report",
      "Import history",
      "Your account",
    ]);
    // One user's page, from the list.
    await page.getByRole("link", { name: "Sam Officer", exact: true }).click();
    await arrived(page, /\/staff\/admin\/users\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sam Officer");
    await expect(page.getByRole("heading", { level: 2, name: "Access" })).toBeVisible();
    const response = await page.goto("/staff");
    expect(response?.status()).toBe(404);
    await expectAccessible(page);
  });

  test("someone without the permission gets 404 for administration pages", async ({
    page,
  }) => {
    await signIn(page, "team.manager@northshire.example", "/staff/account");
    await arrived(page, /\/staff\/account$/);
    await expect(
      page.getByRole("navigation", { name: "Back office" }).getByRole("link")
    ).toHaveText(["Inbox", "Deadlines", "Learning", "Your account"]);
    for (const path of [
      "/staff/admin/users",
      "/staff/admin/settings",
      "/staff/admin/audit",
      "/staff/cases/SU-DEM2-AB3C/audit",
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
    await expectAccessible(page);
    // A back office "Page not found", for a page they may not open or an address that is no
    // page at all, keeps the staff header and their menu.
    for (const path of ["/staff/admin/users", "/staff/no-such-page"]) {
      expect((await page.goto(path))?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
      await expect(page).toHaveTitle(/^Page not found – Speak Up/);
      await expect(
        page.getByRole("navigation", { name: "Back office" }).getByRole("link")
      ).toHaveText(["Inbox", "Deadlines", "Learning", "Your account"]);
      await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    }
    await expectAccessible(page);
  });

  test("teams: add one, rename it, retire it; it stays listed as retired", async ({
    page,
  }) => {
    const name = `Edge of care ${suffix()}`;
    await signIn(page, "admin@northshire.example", "/staff/admin/teams");
    await arrived(page, /\/staff\/admin\/teams$/);
    await page.getByRole("button", { name: "Add team" }).click();
    await expect(page.getByTestId("error-summary")).toContainText(
      "Enter the team's name"
    );
    await expectAccessible(page);
    await page.getByLabel("Name", { exact: true }).fill("Fostering");
    await page.getByRole("button", { name: "Add team" }).click();
    await expect(page.getByTestId("error-summary")).toContainText(
      "There is already a team with this name"
    );
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByRole("button", { name: "Add team" }).click();
    await arrived(page, /\/staff\/admin\/teams\?done=added$/);
    await page.getByRole("link", { name }).click();
    await arrived(page, /\/staff\/admin\/teams\/\d+$/);
    await page.getByLabel("Name", { exact: true }).fill(`${name} (renamed)`);
    // Its name in easy read must pass the same reading check as easy read's own words.
    await page.getByLabel("Name in easy read (optional)").fill("Multidisciplinary interventions supporting adolescents experiencing familial breakdown");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("Use shorter, plainer words for the name in easy read");
    await expectAccessible(page);
    await page.getByLabel("Name in easy read (optional)").fill("Help to stay at home");
    await page.getByRole("button", { name: "Save changes" }).click();
    await arrived(page, /\?done=saved$/);
    await expect(page.getByLabel("Name in easy read (optional)")).toHaveValue("Help to stay at home");
    await page.getByRole("button", { name: "Retire team" }).click();
    await arrived(page, /\?done=retire$/);
    await page.getByRole("link", { name: "Back to teams" }).click();
    await arrived(page, /\/staff\/admin\/teams$/);
    await expect(
      page
        .getByTestId("teams")
        .getByRole("row")
        .filter({ hasText: `${name} (renamed)` })
    ).toContainText("Retired");

    // The audit log says it in a sentence, with before and after.
    await page
      .getByRole("navigation", { name: "Back office" })
      .getByRole("link", { name: "Audit log" })
      .click();
    await arrived(page, /\/staff\/admin\/audit$/);
    await page.getByLabel("Kind of record").selectOption("team");
    await page.getByRole("button", { name: "Filter" }).click();
    await arrived(page, /entity=team/);
    await expect(
      page
        .getByTestId("audit")
        .getByRole("row")
        .filter({ hasText: `changed ${name} (renamed),` })
        .filter({ hasText: "Help to stay at home" })
    ).toHaveCount(1);
  });

  test("reference lists: add a value and retire it", async ({ page }) => {
    const label = `Resolved by mediation ${suffix()}`;
    await signIn(page, "admin@northshire.example", "/staff/admin/lists");
    await arrived(page, /\/staff\/admin\/lists$/);
    await page.getByRole("link", { name: "Actual outcome" }).click();
    await arrived(page, /\/staff\/admin\/lists\/actual-outcome$/);
    await page.getByLabel("Value", { exact: true }).fill(label);
    await page.getByRole("button", { name: "Add value" }).click();
    await arrived(page, /\?done=added$/);
    await page.getByRole("link", { name: label }).click();
    await arrived(page, /\/staff\/admin\/lists\/actual-outcome\/\d+$/);
    await page.getByRole("button", { name: "Retire value" }).click();
    await arrived(page, /\?done=retire$/);
    await page.getByRole("link", { name: "Back to the list" }).click();
    await arrived(page, /\/staff\/admin\/lists\/actual-outcome$/);
    await expect(
      page.getByTestId("values").getByRole("row").filter({ hasText: label })
    ).toContainText("Retired");
  });

  test("council details and timescales check what is entered", async ({
    page,
  }) => {
    await signIn(page, "admin@northshire.example", "/staff/admin/settings");
    await arrived(page, /\/staff\/admin\/settings$/);
    await page
      .getByLabel("Email address", { exact: true })
      .fill("not an email");
    await page
      .getByLabel('Page that "Exit this page" opens')
      .fill("http://example.org");
    // The annual report's suppression threshold: 5 unless an administrator changes it, 0 to 20.
    const threshold = page.getByLabel("Smallest number shown");
    await expect(threshold).toHaveValue("5");
    await threshold.fill("21");
    await page.getByRole("button", { name: "Save changes" }).click();
    const summary = page.getByTestId("error-summary");
    await expect(summary).toContainText(
      "Enter an email address in the correct format"
    );
    await expect(summary).toContainText(
      "Enter a full address starting with https://"
    );
    await expect(summary).toContainText("Enter a whole number from 0 to 20");
    await expectAccessible(page);

    // Saving the timescales must not land in the middle of the corporate journey, which changes them.
    await exclusively("timescales", async () => {
      await visit(page, "/staff/admin/timescales");
      await expect(page.getByRole("main")).toContainText(
        "Stage 1: 10 working days, 20 at most"
      );
      await page.getByLabel("Early resolution: answer within").fill("three");
      await page.getByRole("button", { name: "Save changes" }).click();
      await expect(page.getByTestId("error-summary")).toContainText(
        "Enter a whole number of working days"
      );
      await expectAccessible(page);
      // Which date starts the Stage 2 clock: the request unless the council chooses otherwise.
      await expect(
        page.getByLabel("The day the person asked for Stage 2 (recommended)")
      ).toBeChecked();
      await expect(
        page.getByLabel("The acknowledgement (the Complaint Handling Code)")
      ).toBeChecked();
      await page.getByLabel("Early resolution: answer within").fill("3");
      await page.getByRole("button", { name: "Save changes" }).click();
      await arrived(page, /\/staff\/admin\/timescales\?done=saved$/);
      await expect(
        page.getByLabel("The day the person asked for Stage 2 (recommended)")
      ).toBeChecked();
    });
  });

  test("the audit pages say a note was added, never what it says; a case's trail is for those who may see the case", async ({
    page,
    browser,
    baseURL,
  }) => {
    const secret = `secret about the child ${suffix()}`;
    await signIn(
      page,
      "manager@northshire.example",
      "/staff/cases/SU-DEM2-AB3C"
    );
    await arrived(page, /\/staff\/cases\/SU-DEM2-AB3C$/);
    await page.getByLabel("Add a note").fill(secret);
    await page.getByRole("button", { name: "Save note" }).click();
    await expect(page.getByTestId("timeline")).toContainText(secret);
    for (const path of [
      "/staff/cases/SU-DEM2-AB3C/audit",
      "/staff/admin/audit?entity=representation",
    ]) {
      await visit(page, path);
      await expect(
        page
          .getByTestId("audit")
          .getByRole("row")
          .filter({ hasText: /added a note to (the case|case SU-DEM2-AB3C)/ })
          .first()
      ).toContainText("(not kept in the audit)");
      await expect(page.locator("body")).not.toContainText(secret);
    }

    const context = await browser.newContext({ baseURL });
    const admin = await context.newPage();
    try {
      await signIn(
        admin,
        "admin@northshire.example",
        "/staff/admin/audit?entity=representation"
      );
      await arrived(admin, /\/staff\/admin\/audit\?entity=representation$/);
      await expect(
        admin
          .getByTestId("audit")
          .getByRole("row")
          .filter({ hasText: "added a note to a case you cannot see" })
          .first()
      ).toContainText("Shown only to staff who can see this case");
      await expect(admin.locator("body")).not.toContainText(secret);
      for (const path of [
        "/staff/cases/SU-DEM2-AB3C/audit",
        "/staff/cases/SU-DEM2-AB3C",
      ]) {
        expect((await admin.goto(path))?.status(), path).toBe(404);
      }
      await expectAccessible(admin);
    } finally {
      await context.close();
    }
  });
});
