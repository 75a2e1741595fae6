import type { Page } from "@playwright/test";
import { arrived, expect, landed, test, visit, waitForMail } from "../fixtures";
import { addCalendarDays, addWorkingDays, londonDate } from "../../app/domain/calendar";
import { formatLongDate } from "../../app/domain/dates";
import { sendComplaintOverHttp } from "../journey";
import { acceptIntoStage1 } from "./steps";

const PASSWORD = "demo-password-please-change";
const OFFICER = "officer@northshire.example";

/** "Monday 14 December 2026" → the three GOV.UK date boxes. */
async function fillDate(page: Page, legend: string, longDate: string) {
  const d = new Date(`${longDate.replace(/^\w+ /, "")} 12:00 UTC`);
  const group = page.getByRole("group", { name: legend });
  await group.getByLabel("Day").fill(String(d.getUTCDate()));
  await group.getByLabel("Month").fill(String(d.getUTCMonth() + 1));
  await group.getByLabel("Year").fill(String(d.getUTCFullYear()));
}

test.describe("stage actions", () => {
  test.describe.configure({ timeout: 150_000 });

  test("a complaint accepted into Stage 1 is extended, then answered: the person gets both letters by email", async ({ page, baseURL, playwright, request }) => {
    const email = `extend.${Date.now()}@example.com`;
    const publicSide = await playwright.request.newContext({ baseURL });
    const reference = await sendComplaintOverHttp(publicSide, { fullName: "Ezra Extend", description: "Three services were involved in my son's care plan.", email });
    await publicSide.dispose();

    await visit(page, `/staff/sign-in?redirectTo=${encodeURIComponent(`/staff/cases/${reference}/triage`)}`);
    await page.getByLabel("Email address").fill(OFFICER);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}/triage$`));
    await acceptIntoStage1(page, reference);

    // The complaint turns out to have arrived a week earlier: correcting the start moves every deadline with it.
    const today = londonDate(new Date());
    const weekAgo = addCalendarDays(today, -7);
    await page.getByTestId("case-actions").getByRole("link", { name: "Correct the date the clock starts from" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}/correct-dates$`));
    await fillDate(page, "The day the stage's clock starts from", formatLongDate(addCalendarDays(today, 1), "en"));
    await page.getByRole("button", { name: "Correct the dates" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("The day the clock starts from must be today or in the past");
    await expect(page.getByTestId("error-summary")).toContainText("Say why the date is being corrected");
    await fillDate(page, "The day the stage's clock starts from", formatLongDate(weekAgo, "en"));
    await page.getByLabel("Why the date is being corrected").fill("The letter was found in the post room, date-stamped a week ago.");
    await page.getByRole("button", { name: "Correct the dates" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}$`));
    await expect(page.getByTestId("current-stage")).toContainText(`Next deadline: ${formatLongDate(addWorkingDays(weekAgo, 10), "en")}`);
    await expect(page.getByTestId("timeline")).toContainText(`The stage now starts on ${formatLongDate(weekAgo, "en")}`);

    // Offered because the transition table allows it for a complaints officer on an open Stage 1.
    await page.getByTestId("case-actions").getByRole("link", { name: "Extend the deadline" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}/extend$`));
    const dueNow = (await page.locator(".govuk-summary-list__row", { hasText: "Reply due by" }).locator("dd").innerText()).trim();
    const furthest = (await page.locator(".govuk-summary-list__row", { hasText: "Furthest date allowed" }).locator("dd").innerText()).trim();

    // Nothing chosen, then a date that does not move the deadline: each error is in the summary.
    await page.getByRole("button", { name: "Extend and email the person" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("Enter the new date");
    await expect(page.getByTestId("error-summary")).toContainText("Choose why more time is needed");
    await fillDate(page, "New date for the reply", dueNow);
    await page.getByLabel("The complaint is complex").check();
    await page.getByLabel("The reason in your own words").fill("Three services hold records that must be read.");
    await page.getByRole("button", { name: "Extend and email the person" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("The new date must be later than the date the reply is due by now");
    await arrived(page, new RegExp(`/staff/cases/${reference}/extend$`));

    await fillDate(page, "New date for the reply", furthest);
    await page.getByRole("button", { name: "Extend and email the person" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}$`));
    await expect(page.getByTestId("current-stage")).toContainText(`Next deadline: ${furthest}`);
    await expect(page.getByTestId("stage-history")).toContainText(furthest);
    await expect(page.getByTestId("timeline")).toContainText(`To ${furthest}: The complaint is complex`);
    // At its maximum now: no longer offered.
    await expect(page.getByTestId("case-actions").getByRole("link", { name: "Extend the deadline" })).toHaveCount(0);

    const mail = await waitForMail(request, (m) => m.to.includes(email) && m.subject.includes(reference) && m.subject.startsWith("We need more time"));
    expect(mail.text).toContain("your complaint is complex");
    expect(mail.text).toContain(`We will now reply by ${furthest}.`);
    expect(mail.text).not.toContain("Three services hold records");

    // The response: a finding first (none chosen is an error), then the drafted letter, edited and sent.
    await page.getByTestId("case-actions").getByRole("link", { name: "Record the response" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}/respond$`));
    await page.getByRole("button", { name: "Draft the letter" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}/respond\\?finding=$`));
    await expect(page.getByTestId("error-summary")).toContainText("Choose the finding");
    await page.getByLabel("Finding").selectOption("Partially upheld");
    await page.getByRole("button", { name: "Draft the letter" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}/respond\\?finding=partially-upheld`));
    const letter = page.getByLabel("Letter");
    await expect(letter).toHaveValue(/partly upheld/);
    await expect(letter).toHaveValue(/ask for your complaint to go to the next stage\. Please tell us by \w+day \d+ \w+ \d{4}/);
    await letter.fill((await letter.inputValue()).replace("what we will do:", "what we will do: we will meet the placement team and apologise."));
    await page.getByRole("button", { name: "Record the response and send the email" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}$`));
    await expect(page.getByTestId("current-stage")).toContainText("Responded");
    await expect(page.getByTestId("stage-history")).toContainText("Partially upheld");
    await expect(page.getByTestId("timeline")).toContainText("Finding: Partially upheld");
    await expect(page.getByTestId("case-actions").getByRole("link", { name: "Record the response" })).toHaveCount(0);

    const answer = await waitForMail(request, (m) => m.to.includes(email) && m.subject === `Our response to your complaint – reference ${reference}`);
    expect(answer.text).toContain("we will meet the placement team and apologise.");
  });
});
