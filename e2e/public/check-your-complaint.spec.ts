import { execFileSync } from "node:child_process";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { arrived, expect, landed, test, visit, waitForMail } from "../fixtures";
import { sendComplaintOverHttp } from "../journey";

// "Check your complaint" (decision record 030), with JavaScript on and off: a person whose Stage 1
// complaint has been answered asks for a code, reads the response, and asks for Stage 2 online;
// the complaints officer sees the request and confirms it.

const PORT = Number(process.env.E2E_PORT || 3210);
const DB_FILE = path.resolve(`e2e/.artifacts/${PORT}/e2e.sqlite`);
const PASSWORD = "demo-password-please-change";
const OFFICER = "officer@northshire.example";

/** A complaint sent over HTTP, then accepted into Stage 1 (and answered) through the services. */
async function complaintInStage1(
  playwright: { request: { newContext: (o: { baseURL?: string }) => Promise<APIRequestContext> } },
  baseURL: string | undefined,
  email: string,
  state: "answered" | "open",
) {
  const publicSide = await playwright.request.newContext({ baseURL });
  const reference = await sendComplaintOverHttp(publicSide, { fullName: "Casey Check", description: "My review meetings were cancelled three times.", email });
  await publicSide.dispose();
  // The letters it writes link to this server, as the server's own would.
  execFileSync(process.execPath, ["--import", "tsx", "test/check-e2e-case.ts", DB_FILE, reference, state], { stdio: "inherit", env: { ...process.env, PUBLIC_URL: baseURL, DEMO_MODE: "true" } });
  return reference;
}

async function askForCode(page: Page, reference: string, button: string) {
  await page.getByLabel(/number/).fill(reference.toLowerCase().replaceAll("-", " "));
  await page.getByRole("button", { name: button }).click();
  await landed(page, /\/check\/code$/);
}

test.describe("check your complaint", () => {
  test.describe.configure({ timeout: 150_000 });

  test("a person reads the response to Stage 1 and asks for Stage 2 online; staff confirm it", async ({ page, baseURL, playwright, request }) => {
    const email = `check.${test.info().project.name}.${Date.now()}@example.com`;
    const reference = await complaintInStage1(playwright, baseURL, email, "answered");
    // The response email says where to check the complaint.
    const response = await waitForMail(request, (m) => m.to.includes(email) && m.subject.includes("Our response"));
    expect(response.text).toContain(`${baseURL}/check`);

    await visit(page, "/");
    await page.getByTestId("check-entry").click();
    await arrived(page, /\/check$/);
    await page.getByRole("button", { name: "Send me a code" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("Enter your reference number");
    await askForCode(page, reference, "Send me a code");
    await expect(page.getByRole("main")).toContainText(`If ${reference} is one of our complaints and has an email address, we have sent a code to it.`);

    const mail = await waitForMail(request, (m) => m.to.includes(email) && m.subject.startsWith("Your code to check your complaint"));
    const code = /Your code is (\d{6})\./.exec(mail.text)?.[1] ?? "";
    const wrong = code === "000000" ? "111111" : "000000";
    await page.getByLabel("Code", { exact: true }).fill(wrong);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("This code is not right");
    await expect(page).toHaveTitle(/^Error: /);
    await page.getByLabel("Code", { exact: true }).fill(code);
    await page.getByRole("button", { name: "Continue" }).click();
    await landed(page, /\/check\/complaint$/);

    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { level: 1 })).toHaveText("Your complaint");
    await expect(main).toContainText("Your complaint is at Stage 1.");
    await expect(main).toContainText("We have sent you our reply.");
    await expect(main).toContainText("My review meetings were cancelled three times.");
    await page.getByText(`Our response to your complaint ${reference}`).click();
    await expect(main).toContainText("we are sorry.");
    // Only what the person may see: no staff notification, no names of staff.
    await expect(main).not.toContainText("New complaint received");

    // The optional questions about how it went, kept apart from the case.
    await page.getByRole("link", { name: /Tell us how it went/ }).click();
    await landed(page, /\/check\/experience$/);
    await page.getByRole("group", { name: "Was it easy to complain?" }).getByLabel("Yes").check();
    await page.getByRole("group", { name: "Did you feel listened to?" }).getByLabel("A bit").check();
    await page.getByRole("button", { name: "Send my answers" }).click();
    await landed(page, /\/check\/complaint\?answered=true$/);
    await expect(main).toContainText("Thank you for telling us how it went.");
    await expect(main.getByRole("link", { name: /Tell us how it went/ })).toHaveCount(0);

    // More information, with a document: checked and kept as the e-form's files are.
    await page.getByRole("link", { name: "Send us more information or a document" }).click();
    await landed(page, /\/check\/send$/);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect(page.getByTestId("error-summary")).toContainText("Write a message or choose a file");
    await page.getByLabel("Your message").fill("The minutes of the cancelled meeting are attached.");
    await page.getByLabel("A document or picture (optional)").setInputFiles({ name: "meeting-minutes.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n") });
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await landed(page, /\/check\/complaint\?sent=true$/);
    await expect(main).toContainText("Thank you. We have added it to your complaint.");
    await expect(main).toContainText("meeting-minutes.pdf");

    await page.getByRole("button", { name: "Ask for Stage 2, an independent investigation" }).click();
    await landed(page, /\/check\/next-stage$/);
    await page.getByRole("button", { name: "Send my request" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("Tell us what is still not sorted out");
    await page.getByLabel("What is still not sorted out, and why?").fill("Nobody has explained why the third meeting was cancelled.");
    await page.getByRole("button", { name: "Send my request" }).click();
    await landed(page, /\/check\/complaint\?asked=true$/);
    await expect(main).toContainText("We have your request.");
    await expect(main).toContainText("You asked for Stage 2, an independent investigation on");
    await expect(main.getByRole("button", { name: /Ask for Stage 2/ })).toHaveCount(0);
    const toTeam = await waitForMail(request, (m) => m.subject === `${reference}: the person asked online for Stage 2`);
    expect(toTeam.text).not.toContain("third meeting");
    await page.getByRole("button", { name: "Sign out" }).click();
    await landed(page, /\/check\?signed-out=true$/);

    // The complaints officer sees the request on the case and confirms it from the day it was made.
    await visit(page, `/staff/sign-in?redirectTo=${encodeURIComponent(`/staff/cases/${reference}`)}`);
    await page.getByLabel("Email address").fill(OFFICER);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}$`));
    await expect(page.getByTestId("asked-online")).toContainText("The person asked online for the next stage on");
    await expect(page.getByTestId("timeline")).toContainText("Nobody has explained why the third meeting was cancelled.");
    await expect(page.getByTestId("timeline")).toContainText("The minutes of the cancelled meeting are attached.");
    await page.getByTestId("case-actions").getByRole("link", { name: "Record that the person asked for the next stage" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}/escalate$`));
    await expect(page.getByTestId("asked-online")).toContainText("The person asked for this online on");
    await page.getByRole("button", { name: "Open the next stage and email the person" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}$`));
    await expect(page.getByTestId("current-stage")).toContainText("Stage 2");
  });

  test("the way in, in easy read, and stopping a complaint", async ({ page, baseURL, playwright, request }) => {
    const email = `check.easy.${test.info().project.name}.${Date.now()}@example.com`;
    const reference = await complaintInStage1(playwright, baseURL, email, "open");
    await visit(page, "/?mode=easy-read");
    await page.getByTestId("check-entry").click();
    await arrived(page, /\/check$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Look at your complaint");
    await askForCode(page, "SU-2345-6789", "Send me a code");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Type your code");
    // The same words for a reference that does not exist: nobody learns whether it does.
    await expect(page.getByRole("main")).toContainText("Is SU-2345-6789 one of ours, with an email? Then we sent a code to that email.");

    await visit(page, "/check");
    await askForCode(page, reference, "Send me a code");
    const mail = await waitForMail(request, (m) => m.to.includes(email) && m.subject.startsWith("Your code to check your complaint"));
    await page.getByLabel("Code", { exact: true }).fill(/Your code is (\d{6})\./.exec(mail.text)?.[1] ?? "");
    await page.getByRole("button", { name: "Next" }).click();
    await landed(page, /\/check\/complaint$/);
    await expect(page.getByRole("main")).toContainText("We are looking at it.");
    await page.getByRole("link", { name: "Stop your complaint" }).click();
    await landed(page, /\/check\/withdraw$/);
    await page.getByLabel("Why do you want to stop it?").fill("My social worker sorted it out.");
    await page.getByRole("button", { name: "Stop my complaint" }).click();
    await landed(page, /\/check\/complaint\?withdrawn=true$/);
    await expect(page.getByRole("main")).toContainText("Your complaint has stopped.");
    await expect(page.getByRole("main")).toContainText("You told us to stop.");
  });
});
