import type { Page } from "@playwright/test";
import { samplePdf } from "../../test/sample-files";
import { arrived, expect, landed, test, visit } from "../fixtures";
import { addWorkingDays, londonDate } from "../../app/domain/calendar";
import { formatLongDate } from "../../app/domain/dates";

const OFFICER = "officer@northshire.example";
const PASSWORD = "demo-password-please-change";

/** How a complaints officer answers each e-form page for a parent who phoned. */
const answers: Record<string, (page: Page) => Promise<void>> = {
  "about-the-child": async (page) => {
    await page.getByLabel("Child or young person's full name").fill("Nell Phonecall");
  },
  "your-details": async (page) => {
    await page.getByLabel("Your full name").fill("Pat Phonecall");
  },
  contact: async (page) => {
    await page.getByLabel("Phone", { exact: true }).check();
    await page.getByLabel("Phone number", { exact: true }).fill("07700 900321");
  },
  "contact-safety": async (page) => {
    await page.getByRole("group", { name: "Is it safe for us to call you?" }).getByLabel("Yes", { exact: true }).check();
    await page.getByRole("group", { name: "Is it safe for us to leave a voicemail or message?" }).getByLabel("No", { exact: true }).check();
  },
  "support-needs": async () => undefined,
  "what-happened": async (page) => {
    await page.getByLabel("What happened?").fill("Rang to say the family time sessions stopped without notice.");
  },
  "when-it-happened": async (page) => {
    await page.getByLabel("I'm not sure of the date, or it has been going on for a while").check();
    await page.getByLabel("Roughly when").fill("Since September");
  },
  team: async (page) => {
    await page.getByLabel("Team", { exact: true }).selectOption({ index: 1 });
  },
  "put-right": async (page) => {
    await page.getByLabel("An apology").check();
  },
  "complained-before": async (page) => {
    await page.getByRole("group", { name: "Have you complained about this before?" }).getByLabel("No", { exact: true }).check();
  },
  "court-case": async (page) => {
    await page.getByRole("group", { name: "Is there a court case going on about this?" }).getByLabel("No", { exact: true }).check();
  },
  // The caller emailed a letter after the call: staff add it on the e-form's own upload page.
  attachments: async (page) => {
    await page.getByRole("button", { name: "Upload file" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("Select a file to upload");
    await arrived(page, /\/attachments$/);
    await page.locator("#file").setInputFiles({ name: "letter-from-pat.pdf", mimeType: "application/pdf", buffer: samplePdf });
    await page.getByRole("button", { name: "Upload file" }).click();
    await expect(page.getByTestId("uploaded-files")).toContainText("letter-from-pat.pdf");
    await arrived(page, /\/attachments$/);
  },
};

test.describe("casework: logging", () => {
  test.describe.configure({ timeout: 150_000 });

  test("a complaints officer logs a complaint taken by phone, with the e-form's questions, and it starts on the Stage 1 clock", async ({ page }) => {
    await visit(page, `/staff/sign-in?redirectTo=${encodeURIComponent("/staff/log")}`);
    await page.getByLabel("Email address").fill(OFFICER);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await landed(page, /\/staff\/log$/);

    // Bad input is explained, never a crash.
    await page.getByRole("button", { name: "Continue" }).click();
    const summary = page.getByTestId("error-summary");
    await expect(summary).toContainText("Choose how it was received");
    await expect(summary).toContainText("Choose whether it is a complaint, compliment or comment");

    await page.getByLabel("How it was received").selectOption("Telephone");
    await page.getByLabel("Complaint", { exact: true }).check();
    await page.getByRole("group", { name: "Who is making the complaint?" }).getByLabel(/parent/i).first().check();
    await page.getByLabel("Day").fill("31");
    await page.getByLabel("Month").fill("2");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(summary).toContainText("The date received must be a real date");
    // Received today, in England: the Stage 1 reply is due 10 working days later.
    const today = londonDate(new Date());
    const [year, month, day] = today.split("-").map(Number);
    await page.getByLabel("Day").fill(String(day));
    await page.getByLabel("Month").fill(String(month));
    await page.getByLabel("Year").fill(String(year));
    await page.getByRole("button", { name: "Continue" }).click();

    for (let i = 0; i < 20; i += 1) {
      await page.waitForURL(/\/staff\/log\/[^/]+\/[a-z-]+$/, { timeout: 30_000 });
      const step = new URL(page.url()).pathname.split("/").at(-1) ?? "";
      await landed(page, new RegExp(`/${step}$`));
      if (step === "check-answers") break;
      const answer = answers[step];
      if (!answer) throw new Error(`no answer for the page ${step}`);
      await answer(page);
      await page.getByRole("button", { name: "Continue" }).click();
      await page.waitForURL((url) => !url.pathname.endsWith(`/${step}`), { timeout: 30_000 });
    }
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check the representation before you log it");
    await expect(page.locator("main")).toContainText("Telephone");
    await expect(page.locator("main")).toContainText("Pat Phonecall");
    await expect(page.locator("main")).toContainText("letter-from-pat.pdf");
    await page.getByRole("button", { name: "Log the representation" }).click();
    await landed(page, /\/staff\/cases\/SU-[A-Z0-9-]+$/);

    const caseSummary = page.locator(".govuk-summary-list").first();
    await expect(caseSummary).toContainText("Telephone");
    const due = formatLongDate(addWorkingDays(today, 10), "en");
    await expect(page.getByTestId("current-stage")).toContainText(`Next deadline: ${due}`);
    await expect(caseSummary.locator(".govuk-summary-list__row", { hasText: "Next deadline" }).locator("dd")).toHaveText(due);
    await expect(page.getByTestId("contact-safety")).toContainText("Do not leave a voicemail or message.");
    await expect(page.getByTestId("timeline")).toContainText("Logged by staff");
    await expect(page.getByTestId("timeline")).toContainText("Sam Officer");
    const file = page.getByTestId("timeline").getByRole("link", { name: "letter-from-pat.pdf" });
    const opened = await page.request.get((await file.getAttribute("href")) ?? "");
    expect(opened.status()).toBe(200);
    expect(Buffer.from(await opened.body()).equals(samplePdf)).toBe(true);
  });
});
