import path from "node:path";
import type { Page } from "@playwright/test";
import Database from "better-sqlite3";
import { expect, landed, test, visit } from "../fixtures";
import { addCalendarDays, londonDate } from "../../app/domain/calendar";
import { sendComplaintOverHttp } from "../journey";
import { acceptIntoStage1 } from "./steps";

const PASSWORD = "demo-password-please-change";
const OFFICER = "officer@northshire.example";
// The main e2e server's database (playwright.config.ts): the test moves a due day into the past there, to avoid waiting.
const DB_FILE = path.resolve(`e2e/.artifacts/${Number(process.env.E2E_PORT || 3210)}/e2e.sqlite`);

async function fillDate(page: Page, legend: string, iso: string) {
  const [year, month, day] = iso.split("-");
  const group = page.getByRole("group", { name: legend });
  await group.getByLabel("Day").fill(String(Number(day)));
  await group.getByLabel("Month").fill(String(Number(month)));
  await group.getByLabel("Year").fill(year!);
}

test.describe("learning", () => {
  test.describe.configure({ timeout: 150_000 });

  test("a learning action raised at a Stage 1 response becomes overdue, is completed with evidence, and appears on the public page without personal data", async ({ page, baseURL, playwright, browser }) => {
    const stamp = Date.now();
    const change = `Write to families within a week when a worker changes (${stamp})`;
    const heard = `Families told us nobody said their social worker had changed (${stamp}).`;
    const publicSide = await playwright.request.newContext({ baseURL });
    const reference = await sendComplaintOverHttp(publicSide, { fullName: "Lerato Learning", description: "Nobody told us our social worker had changed.", email: `learning.${stamp}@example.com` });
    await publicSide.dispose();

    await visit(page, `/staff/sign-in?redirectTo=${encodeURIComponent(`/staff/cases/${reference}/triage`)}`);
    await page.getByLabel("Email address").fill(OFFICER);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}/triage$`));
    await acceptIntoStage1(page, reference);

    // The Stage 1 response, with its point and an actual outcome.
    await page.getByTestId("case-actions").getByRole("link", { name: "Record the response" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}/respond$`));
    await page.getByLabel("Finding").selectOption("Upheld");
    await page.getByRole("button", { name: "Draft the letter" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}/respond\\?finding=upheld`));
    await page.getByLabel("The point, in the person's words").first().fill("Nobody told us our social worker had changed.");
    await page.getByLabel("Finding for this point").first().selectOption("Upheld");
    await page.getByLabel("Reasons for the finding").first().fill("No letter was sent.");
    await page.locator("summary", { hasText: "What the response gives the person" }).click();
    await page.getByLabel("Apology", { exact: true }).check();
    await page.getByRole("button", { name: "Record the response and send the email" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}$`));
    await expect(page.getByTestId("outcomes-1")).toContainText("Every point judged on its merits is upheld.");
    await expect(page.getByTestId("outcomes-1")).toContainText("Apology");

    // Compensation offered with the response, on the stage's money page.
    await page.getByRole("link", { name: "Record money for Stage 1" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}/money/1$`));
    const offered = page.getByRole("group", { name: "Offered" });
    await offered.getByLabel("Amount in pounds").fill("50");
    await fillDate(page, "Day offered", londonDate(new Date()));
    await page.getByRole("button", { name: "Save" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}#outcomes$`));
    await expect(page.getByTestId("outcomes-1")).toContainText("Offered £50.00");

    // The learning action, raised from the answered Stage 1.
    await page.getByTestId("case-actions").getByRole("link", { name: "Raise a learning action" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}/learning$`));
    await page.getByLabel("What will change").fill(change);
    await page.getByLabel("Team").selectOption("Children in care");
    await page.getByLabel("Owner").selectOption("Sam Officer");
    await fillDate(page, "Due by", addCalendarDays(londonDate(new Date()), 14));
    await page.getByRole("button", { name: "Raise the action" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}#learning$`));
    await expect(page.getByTestId("case-learning")).toContainText(change);

    // Two weeks on, still not done: its due day is moved into the past in the database.
    const db = new Database(DB_FILE);
    db.prepare("UPDATE learning_actions SET due_on = ? WHERE change = ?").run(addCalendarDays(londonDate(new Date()), -1), change);
    db.close();
    await visit(page, "/staff/learning?due=overdue");
    const row = page.getByTestId("learning-register").getByRole("row", { name: new RegExp(reference) });
    await expect(row).toContainText("Overdue");
    await expect(row).toContainText("Children in care");
    await visit(page, "/staff/deadlines");
    await expect(page.getByTestId("deadlines-learning")).toContainText(reference);

    // Done only with evidence; the public summary is written for publication.
    await visit(page, "/staff/learning");
    await page.getByRole("link", { name: change }).click();
    await landed(page, /\/staff\/learning\/\d+$/);
    await page.getByLabel("It is done").check();
    await page.getByLabel("Evidence of completion").fill(" ");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("Write the evidence that it is done");
    await page.getByLabel("It is done").check();
    await page.getByLabel("Evidence of completion").fill("Letter template in use; checked in supervision.");
    await page.getByLabel("What people told us").fill(heard);
    await page.getByLabel("What we changed").fill("We now write to families within a week when their worker changes.");
    await page.getByRole("button", { name: "Save" }).click();
    await landed(page, /\/staff\/learning\/\d+$/);
    await expect(page.locator(".govuk-summary-list")).toContainText("Done");
    await expect(page.locator(".govuk-summary-list")).not.toContainText("Overdue");

    // Checked by the fixtures (axe, the Nu checker) like every page, then as anyone sees it without JavaScript.
    await visit(page, "/you-said-we-did");
    await expect(page.getByTestId("improvements")).toContainText(heard);

    // The public page, as anyone sees it (the demo publishes it): the words for publication, nothing of the case.
    const visitor = await browser.newContext({ baseURL, javaScriptEnabled: false });
    const publicPage = await visitor.newPage();
    await publicPage.goto("/");
    await publicPage.getByRole("link", { name: /See what we changed/ }).click();
    await expect(publicPage).toHaveURL(/\/you-said-we-did$/);
    await expect(publicPage.getByRole("heading", { level: 1 })).toHaveText("You said, we did");
    await expect(publicPage.getByTestId("improvements")).toContainText(heard);
    const text = await publicPage.locator("main").innerText();
    for (const secret of [reference, "Lerato", change, "Letter template in use"]) expect(text).not.toContain(secret);
    await visitor.close();
  });
});
