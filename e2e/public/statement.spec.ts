import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, landed, test, visit, waitForMail } from "../fixtures";
import { sendComplaintOverHttp } from "../journey";

// The Stage 2 statement of complaint agreed online (decision record 041), run with
// JavaScript on and off (both public projects). Staff write the
// statement; the person reads it on "Check your complaint" and asks for changes; staff share a new
// version; the person agrees it; the case shows the day it was agreed and Stage 2's reply date.

const PORT = Number(process.env.E2E_PORT || 3210);
const DB_FILE = path.resolve(`e2e/.artifacts/${PORT}/e2e.sqlite`);

async function signInAsOfficer(page: Page, to: string) {
  await visit(page, `/staff/sign-in?redirectTo=${encodeURIComponent(to)}`);
  await page.getByLabel("Email address").fill("officer@northshire.example");
  await page.getByLabel("Password").fill("demo-password-please-change");
  await page.getByRole("button", { name: "Sign in" }).click();
  await landed(page, new RegExp(`${to}$`));
}

test("staff share the statement of complaint, the person asks for changes, then agrees it online", async ({ page, baseURL, playwright, request }) => {
  test.setTimeout(180_000);
  const email = `statement.${Date.now()}@example.com`;
  const publicSide = await playwright.request.newContext({ baseURL });
  const reference = await sendComplaintOverHttp(publicSide, { fullName: "Sam Statement", description: "My review meetings were cancelled three times.", email });
  await publicSide.dispose();
  // Accepted, answered at Stage 1 and taken on to Stage 2 today, through the services staff use.
  execFileSync(process.execPath, ["--import", "tsx", "test/check-e2e-case.ts", DB_FILE, reference, "stage2"], { stdio: "inherit", env: { ...process.env, PUBLIC_URL: baseURL, DEMO_MODE: "true" } });
  const casePage = `/staff/cases/${reference}`;

  // Staff write it up and share it.
  await signInAsOfficer(page, casePage);
  await expect(page.getByTestId("statement-status")).toContainText("Not shared with the person yet");
  await page.getByTestId("case-actions").getByRole("link", { name: "Write and share the statement of complaint" }).click();
  await landed(page, new RegExp(`${casePage}/share-statement$`));
  await page.getByRole("button", { name: "Share with the person" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Write the statement of complaint");
  await page.getByLabel("The statement of complaint").fill("1. Three review meetings were cancelled.\n\n2. Nobody said why.");
  await page.getByRole("button", { name: "Share with the person" }).click();
  await landed(page, new RegExp(`${casePage}$`));
  await expect(page.getByTestId("statement-status")).toContainText("Version 1 shared on");
  await page.getByText("Read version 1 of the statement").click();
  await expect(page.getByTestId("statement-words")).toContainText("Nobody said why.");
  const told = await waitForMail(request, (m) => m.to.includes(email) && m.subject.startsWith("Your statement of complaint is ready to read"));
  expect(told.text).toContain(`${baseURL}/check`);
  expect(told.text).not.toContain("Nobody said why");

  // The person signs in to "Check your complaint" and asks for a change.
  await visit(page, "/check");
  await page.getByLabel(/number/).fill(reference);
  await page.getByRole("button", { name: "Send me a code" }).click();
  await landed(page, /\/check\/code$/);
  const code = await waitForMail(request, (m) => m.to.includes(email) && m.subject.startsWith("Your code to check your complaint"));
  await page.getByLabel("Code", { exact: true }).fill(/Your code is (\d{6})\./.exec(code.text)?.[1] ?? "");
  await page.getByRole("button", { name: "Continue" }).click();
  await landed(page, /\/check\/complaint$/);
  await expect(page.getByTestId("statement-status")).toContainText("Please read it and tell us if it is right.");
  await page.getByRole("link", { name: "Read your statement of complaint and tell us if it is right" }).click();
  await landed(page, /\/check\/statement$/);
  await expect(page.getByTestId("statement-text")).toContainText("Nobody said why.");
  await page.getByRole("button", { name: "Ask for changes" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Tell us what is wrong or missing");
  await page.getByLabel("What is wrong or missing?").fill("You left out that my social worker changed four times.");
  await page.getByRole("button", { name: "Ask for changes" }).click();
  await landed(page, /\/check\/complaint\?changes=true$/);
  await expect(page.getByRole("main")).toContainText("We will change the statement and send it to you again.");

  // Staff see what waits for them, and share a new version with the change.
  await visit(page, casePage);
  await expect(page.getByTestId("waiting-online")).toContainText("Asked for changes to the statement of complaint");
  await expect(page.getByTestId("timeline")).toContainText("You left out that my social worker changed four times.");
  await visit(page, `${casePage}/share-statement`);
  await expect(page.getByTestId("statement-versions")).toContainText("You left out that my social worker changed four times.");
  await page.getByLabel("The statement of complaint").fill("1. Three review meetings were cancelled.\n\n2. Nobody said why.\n\n3. The social worker changed four times.");
  await page.getByRole("button", { name: "Share with the person" }).click();
  await landed(page, new RegExp(`${casePage}$`));
  await expect(page.getByTestId("waiting-online")).toHaveCount(0);
  await expect(page.getByTestId("statement-status")).toContainText("Version 2 shared on");

  // The person reads the new version and agrees it.
  await visit(page, "/check/statement");
  await expect(page.getByTestId("statement-text")).toContainText("The social worker changed four times.");
  await page.getByRole("button", { name: "Yes, I agree with it" }).click();
  await landed(page, /\/check\/complaint\?agreed=true$/);
  await expect(page.getByRole("main")).toContainText("Thank you. You agreed the statement of complaint.");
  await expect(page.getByTestId("statement-status")).toContainText("You agreed the statement of complaint on");
  await waitForMail(request, (m) => m.subject === `${reference}: the person agreed the statement of complaint online`);

  // The case shows the day it was agreed and Stage 2's reply date; the agreement waits until marked as seen.
  await visit(page, casePage);
  await expect(page.getByTestId("statement-status")).toContainText("Agreed");
  await expect(page.getByTestId("stage-facts")).toContainText("Statement of complaint agreed");
  await expect(page.getByTestId("stage-deadlines")).toContainText(/Agree the statement of complaint: done on .+/);
  await expect(page.getByTestId("stage-deadlines")).toContainText(/Respond: due by .+/);
  await expect(page.getByTestId("waiting-online")).toContainText("Agreed the statement of complaint");
  await page.getByRole("button", { name: /Mark as dealt with/ }).click();
  await landed(page, new RegExp(`${casePage}$`));
  await expect(page.getByTestId("waiting-online")).toHaveCount(0);
});
