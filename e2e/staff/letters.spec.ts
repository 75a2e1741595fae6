import fs from "node:fs";
import type { Page } from "@playwright/test";
import { arrived, expect, landed, test, waitForMail } from "../fixtures";
import { sendComplaintOverHttp } from "../journey";
import { acceptIntoStage1 } from "./steps";
import { pdfText, squash } from "../pdf-text";

const PASSWORD = "demo-password-please-change";
const OFFICER = "officer@northshire.example";

async function signInTo(page: Page, path: string) {
  await page.goto(`/staff/sign-in?redirectTo=${encodeURIComponent(path)}`);
  await page.getByLabel("Email address").fill(OFFICER);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await landed(page, new RegExp(`${path}$`));
}

test.describe("letters to post", () => {
  test.describe.configure({ timeout: 150_000 });

  test("someone who asked for post: the acknowledgement and the acceptance are letters to print, and each is marked posted", async ({ page, baseURL, playwright }, testInfo) => {
    const publicSide = await playwright.request.newContext({ baseURL });
    const reference = await sendComplaintOverHttp(publicSide, {
      fullName: "Polly Postlethwaite",
      description: "Nobody wrote back about my daughter's review meeting.",
      address: "12 Printers Row\nNorthtown\nNT3 5PQ",
    });
    // The confirmation page says a letter is coming.
    expect(await (await publicSide.get("/form/sent")).text()).toContain("We will post you a letter with your reference number.");
    await publicSide.dispose();

    await signInTo(page, `/staff/cases/${reference}`);
    const letters = page.getByTestId("letters-to-post");
    await expect(letters.getByRole("row", { name: /Acknowledgement/ })).toContainText("Waiting to be posted");

    await acceptIntoStage1(page, reference, (decision) => expect(decision.getByText("Accepting tells the person which stage their complaint is at")).toBeVisible());
    await expect(letters.getByRole("row", { name: /How we will deal with the complaint/ })).toContainText("Waiting to be posted");

    await letters.getByRole("row", { name: /Acknowledgement/ }).getByRole("link", { name: /Print or mark posted/ }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}/letters/\\d+$`));
    const letter = page.getByTestId("letter");
    await expect(letter).toContainText("Northshire Council");
    await expect(letter).toContainText("County Hall");
    await expect(page.getByTestId("letter-to")).toHaveText(/Polly Postlethwaite\s*12 Printers Row\s*Northtown\s*NT3 5PQ/);
    await expect(letter).toContainText(`Your reference number is ${reference}.`);
    await expect(letter).toContainText("We will reply by");
    await expect(page.getByTestId("no-address")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Print the letter" })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("letter-screen.png"), fullPage: true });

    // Printed: the letter alone, black on white, no frame, menus, buttons or link addresses.
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".speakup-staff-frame")).toBeHidden();
    await expect(page.getByRole("button", { name: "Record as posted" })).toBeHidden();
    await expect(page.getByRole("button", { name: "Print the letter" })).toBeHidden();
    await expect(letter).toBeVisible();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(255, 255, 255)");
    await page.screenshot({ path: testInfo.outputPath("letter-print.png"), fullPage: true });
    const pdf = await page.pdf({ preferCSSPageSize: true });
    fs.writeFileSync(testInfo.outputPath("letter.pdf"), pdf);
    const printed = pdfText(pdf);
    expect(printed.pages).toBe(1);
    // A4 (210 x 297 mm) in points, from the print stylesheet's @page.
    expect(pdf.toString("latin1")).toMatch(/\/MediaBox\s*\[0 0 59[45][.\d]* 84[12][.\d]*\]/);
    const words = squash(printed.text);
    for (const shown of ["Northshire Council", "County Hall", "Polly Postlethwaite", "12 Printers Row", "NT3 5PQ", `Your reference number is ${reference}.`, "We will reply by", "Northshire Council complaints team"]) {
      expect(words, shown).toContain(squash(shown));
    }
    for (const hidden of ["Record as posted", "Print the letter", "Sign out", "Letters to post", "/staff/"]) expect(words, hidden).not.toContain(squash(hidden));
    await page.emulateMedia({ media: "screen" });

    // Mark it posted: a wrong date is explained; the day it went is recorded.
    const posted = page.getByRole("group", { name: "Day it was posted" });
    await posted.getByLabel("Day").fill("");
    await page.getByRole("button", { name: "Record as posted" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("The day it was posted must be a real date");
    await arrived(page, new RegExp(`/staff/cases/${reference}/letters/\\d+$`));
    await posted.getByLabel("Day").fill("1");
    await posted.getByLabel("Month").fill("1");
    await posted.getByLabel("Year").fill("2099");
    await page.getByRole("button", { name: "Record as posted" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("The day it was posted cannot be in the future");
    const today = new Date();
    await posted.getByLabel("Day").fill(String(today.getDate()));
    await posted.getByLabel("Month").fill(String(today.getMonth() + 1));
    await posted.getByLabel("Year").fill(String(today.getFullYear()));
    await page.getByRole("button", { name: "Record as posted" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}/letters/\\d+\\?done=posted$`));
    await expect(page.getByText("Recorded as posted")).toBeVisible();
    await expect(page.locator(".govuk-summary-list__row", { hasText: "Status" })).toContainText("Posted on");
    await expect(page.getByRole("button", { name: "Record as posted" })).toHaveCount(0);

    await page.goto(`/staff/cases/${reference}`);
    await arrived(page, new RegExp(`/staff/cases/${reference}$`));
    await expect(letters.getByRole("row", { name: /Acknowledgement/ })).toContainText("Posted on");
    await expect(letters.getByRole("row", { name: /How we will deal with the complaint/ })).toContainText("Waiting to be posted");
    await expect(page.getByTestId("timeline")).toContainText("Acknowledgement posted on");

    // The acceptance letter says which stage and by when, in the person's words.
    await letters.getByRole("row", { name: /How we will deal with the complaint/ }).getByRole("link", { name: /Print or mark posted/ }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}/letters/\\d+$`));
    await expect(letter).toContainText("Stage 1 of the children's social care complaints procedure");
    await expect(letter).toContainText("We will reply by");
  });

  test("a letter with no postal address says so, on the case and on the letter", async ({ page, baseURL, playwright }) => {
    const publicSide = await playwright.request.newContext({ baseURL });
    const reference = await sendComplaintOverHttp(publicSide, { fullName: "Phoebe Phoneonly", description: "The social worker did not call back.", phone: "07700 900123" });
    await publicSide.dispose();

    await signInTo(page, `/staff/cases/${reference}`);
    const row = page.getByTestId("letters-to-post").getByRole("row", { name: /Acknowledgement/ });
    await expect(row).toContainText("No postal address");
    await row.getByRole("link", { name: /Print or mark posted/ }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}/letters/\\d+$`));
    await expect(page.getByTestId("no-address")).toContainText("The person gave no postal address");
    await expect(page.locator(".govuk-summary-list__row", { hasText: "Send to" })).toContainText("No postal address");
  });

  test("someone who wants email gets the acceptance into Stage 1 by email, through SMTP, and nothing waits to be posted", async ({ page, baseURL, playwright, request }) => {
    const email = `accepted.${Date.now()}@example.com`;
    const publicSide = await playwright.request.newContext({ baseURL });
    const reference = await sendComplaintOverHttp(publicSide, { fullName: "Emil Emailer", description: "My son's plan was changed without asking me.", email });
    await publicSide.dispose();

    await signInTo(page, `/staff/cases/${reference}`);
    await acceptIntoStage1(page, reference, (decision) => expect(decision.getByText("Accepting tells the person which stage their complaint is at")).toBeVisible());
    const mail = await waitForMail(request, (m) => m.to.includes(email) && m.subject === `How we will deal with your complaint – reference ${reference}`);
    expect(mail.text).toContain("It is now at Stage 1 of the children's social care complaints procedure.");
    expect(mail.text).toMatch(/We will reply by \w+ \d+ \w+ \d{4}\./);
    await expect(page.getByTestId("letters-to-post")).toHaveCount(0);
  });
});
