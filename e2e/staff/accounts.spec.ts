import type { APIRequestContext, Browser, Page, PlaywrightWorkerArgs } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { arrived, expect, expectAccessible, test, visit, waitForMail } from "../fixtures";

// Every test makes its own accounts (an administrator invites them), so tests can run in parallel
// and never lock the shared demo accounts. Only the demo administrator signs in, always correctly.
const DEMO_PASSWORD = "demo-password-please-change";
const ADMIN = "admin@northshire.example";

const unique = (prefix: string) => `${prefix}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@e2e.example`;

async function signIn(page: Page, email: string, password: string, redirectTo?: string) {
  await visit(page, redirectTo ? `/staff/sign-in?redirectTo=${encodeURIComponent(redirectTo)}` : "/staff/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function staffCookie(page: Page) {
  return (await page.context().cookies()).find((c) => c.name === "speakup_staff")?.value;
}

interface NewUser {
  email: string;
  password: string;
}

/** The demo administrator invites someone in the browser; they follow the emailed link and set a password. */
async function inviteInBrowser(browser: Browser, request: APIRequestContext, options: { role: RegExp; team?: string; totp?: "Required" | "Not required" }): Promise<NewUser> {
  const email = unique("person");
  const password = `correct horse ${Math.random().toString(36).slice(2)}`;
  const adminContext = await browser.newContext();
  try {
    const admin = await adminContext.newPage();
    await signIn(admin, ADMIN, DEMO_PASSWORD);
    await arrived(admin, /\/staff\/admin\/users$/);
    await admin.getByRole("button", { name: "Invite a user" }).click();
    await arrived(admin, /\/staff\/admin\/users\/new$/);
    await admin.getByLabel("Name", { exact: true }).fill("Pat Tester");
    await admin.getByLabel("Email address").fill(email);
    await admin.getByRole("group", { name: "Roles" }).getByLabel(options.role).check();
    if (options.team) await admin.getByRole("group", { name: "Teams" }).getByLabel(options.team, { exact: true }).check();
    if (options.totp) await admin.getByRole("group", { name: /Two-step sign-in/ }).getByLabel(options.totp, { exact: true }).check();
    await admin.getByRole("button", { name: "Send invitation" }).click();
    await arrived(admin, /\/staff\/admin\/users\?done=invited$/);
    await expect(admin.getByTestId("users").getByRole("row").filter({ hasText: email })).toContainText("Invited");
  } finally {
    await adminContext.close();
  }

  const mail = await waitForMail(request, (m) => m.to.includes(email) && m.subject.includes("back office account"));
  const link = mail.text.match(/https?:\/\/\S+\/staff\/invitation\/[\w-]+/)?.[0];
  expect(link).toBeTruthy();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await visit(page, link!);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set your password");
    await page.getByLabel("New password").fill(password);
    await page.getByLabel("Type the password again").fill(`${password}x`);
    await page.getByRole("button", { name: "Save password" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("The passwords do not match");
    await expectAccessible(page);
    await page.getByLabel("New password").fill(password);
    await page.getByLabel("Type the password again").fill(password);
    await page.getByRole("button", { name: "Save password" }).click();
    await arrived(page, /\/staff\/sign-in\?done=password$/);
    await expect(page.getByRole("alert").filter({ hasText: "Your password is set" })).toBeVisible();
    // The link worked once.
    await visit(page, link!);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has expired or has been used");
  } finally {
    await context.close();
  }
  return { email, password };
}


/**
 * The same as inviteInBrowser, over HTTP without a browser: for tests about what happens after.
 * The forms are posted as a browser without JavaScript would post them.
 */
async function invite(
  playwright: PlaywrightWorkerArgs["playwright"],
  baseURL: string | undefined,
  request: APIRequestContext,
  options: { role: string; totp?: "required" | "not-required" },
): Promise<NewUser> {
  const email = unique("person");
  const password = `correct horse ${Math.random().toString(36).slice(2)}`;
  const admin = await playwright.request.newContext({ baseURL });
  const form = (fields: Record<string, string>) => ({
    data: new URLSearchParams(fields).toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  try {
    const signedIn = await admin.post("/staff/sign-in", form({ email: ADMIN, password: DEMO_PASSWORD }));
    expect(signedIn.url()).toMatch(/\/staff\/admin\/users$/);
    const invited = await admin.post("/staff/admin/users/new", form({ name: "Pat Tester", email, roles: options.role, totp: options.totp ?? "default" }));
    expect(invited.url()).toMatch(/done=invited$/);
  } finally {
    await admin.dispose();
  }
  const mail = await waitForMail(request, (m) => m.to.includes(email) && m.subject.includes("back office account"));
  const link = mail.text.match(/https?:\/\/\S+\/staff\/invitation\/[\w-]+/)?.[0];
  const person = await playwright.request.newContext({ baseURL });
  try {
    const set = await person.post(link!, form({ password, confirm: password }));
    expect(set.url()).toMatch(/\/staff\/sign-in\?done=password$/);
  } finally {
    await person.dispose();
  }
  return { email, password };
}

function totpFrom(secretText: string) {
  return new TOTP({ secret: Secret.fromBase32(secretText.replace(/\s/g, "")), digits: 6, period: 30, algorithm: "SHA1" });
}

test.describe("accounts", () => {
  test("an administrator invites someone, who sets a password by the one-time link", async ({ page, browser, request }) => {
    test.slow();
    const user = await inviteInBrowser(browser, request, { role: /^Team manager/, team: "Adoption", totp: "Not required" });
    await signIn(page, user.email, user.password, "/staff/account");
    await arrived(page, /\/staff\/account$/);
    await expect(page.getByRole("main")).toContainText("Team manager");
    await expect(page.getByRole("main")).toContainText("Adoption");
  });

  test("an invited person must set up TOTP at first sign-in, then signs in with a code", async ({ page, playwright, baseURL, request }) => {
    test.slow();
    const user = await invite(playwright, baseURL, request, { role: "investigator", totp: "required" });

    await signIn(page, user.email, user.password, "/staff/account");
    await arrived(page, /\/staff\/sign-in\/set-up\?redirectTo=%2Fstaff%2Faccount$/);
    const pendingCookie = await staffCookie(page);
    // Nothing else opens until it is set up.
    await page.goto("/staff/account");
    await arrived(page, /\/staff\/sign-in\?redirectTo=/);
    await page.goBack();
    await arrived(page, /\/staff\/sign-in\/set-up/);
    await expect(page.getByRole("img", { name: "QR code to scan with your authenticator app" })).toBeVisible();
    const totp = totpFrom(await page.getByTestId("totp-secret").innerText());

    await page.getByLabel("Code from your authenticator app").fill("12345");
    await page.getByRole("button", { name: "Confirm and continue" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("Enter the code as 6 digits");
    await expectAccessible(page);
    await page.getByLabel("Code from your authenticator app").fill(totp.generate());
    await page.getByRole("button", { name: "Confirm and continue" }).click();
    // Signed in, and shown the recovery codes once, before going on.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Save your recovery codes");
    await expectAccessible(page);
    const recoveryCodes = await page.getByTestId("recovery-codes").getByRole("listitem").allInnerTexts();
    expect(recoveryCodes).toHaveLength(10);
    await page.getByRole("link", { name: "I have saved my recovery codes" }).click();
    await arrived(page, /\/staff\/account$/);
    // A new session id once fully signed in.
    expect(await staffCookie(page)).not.toBe(pendingCookie);
    await expect(page.getByTestId("totp-status")).toHaveText("On");
    await expect(page.getByTestId("recovery-codes-left")).toHaveText("10 left");
    // Required by the administrator: the person cannot turn it off.
    await expect(page.getByRole("button", { name: "Turn off two-step sign-in" })).toHaveCount(0);
    // An investigator's menu: no inbox of everything, no administration.
    const nav = page.getByRole("navigation", { name: "Back office" });
    await expect(nav.getByRole("link")).toHaveText(["Inbox", "Deadlines", "Your account"]);

    await nav.getByRole("button", { name: "Sign out", exact: true }).click();
    await arrived(page, /\/staff\/sign-in$/);
    await signIn(page, user.email, user.password, "/staff/account");
    await arrived(page, /\/staff\/sign-in\/code\?redirectTo=%2Fstaff%2Faccount$/);
    await page.getByLabel("Enter the code from your authenticator app").fill("000000" === totp.generate() ? "111111" : "000000");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("The code is not right or has expired");
    await expectAccessible(page);
    // The next period's code: the one used to enrol may not be used again.
    await page.getByLabel("Enter the code from your authenticator app").fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await page.getByRole("button", { name: "Continue" }).click();
    await arrived(page, /\/staff\/account$/);

    // Without the phone: a recovery code instead, typed in lower case; it works once.
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await arrived(page, /\/staff\/sign-in$/);
    await signIn(page, user.email, user.password, "/staff/account");
    await arrived(page, /\/staff\/sign-in\/code/);
    await page.getByLabel("Enter the code from your authenticator app").fill(recoveryCodes[0]!.toLowerCase());
    await page.getByRole("button", { name: "Continue" }).click();
    await arrived(page, /\/staff\/account$/);
    await expect(page.getByTestId("recovery-codes-left")).toHaveText("9 left");
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await arrived(page, /\/staff\/sign-in$/);
    await signIn(page, user.email, user.password, "/staff/account");
    await arrived(page, /\/staff\/sign-in\/code/);
    await page.getByLabel("Enter the code from your authenticator app").fill(recoveryCodes[0]!);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("The code is not right or has expired");
    await page.getByLabel("Enter the code from your authenticator app").fill(recoveryCodes[1]!);
    await page.getByRole("button", { name: "Continue" }).click();
    await arrived(page, /\/staff\/account$/);

    // A new set replaces the old one.
    await page.getByRole("button", { name: "Get new recovery codes" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Save your recovery codes");
    await expectAccessible(page);
    const fresh = await page.getByTestId("recovery-codes").getByRole("listitem").allInnerTexts();
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(recoveryCodes[2]);
    await page.getByRole("link", { name: "I have saved my recovery codes" }).click();
    await arrived(page, /\/staff\/account$/);
    await expect(page.getByTestId("recovery-codes-left")).toHaveText("10 left");
  });

  test("someone may turn on TOTP from their account page, and is then asked for a code", async ({ page, playwright, baseURL, request }) => {
    test.slow();
    const user = await invite(playwright, baseURL, request, { role: "complaints-officer", totp: "not-required" });
    await signIn(page, user.email, user.password, "/staff/account");
    await arrived(page, /\/staff\/account$/);
    await expect(page.getByTestId("totp-status")).toHaveText("Off");
    // Starting is a button (a POST): opening the page itself changes nothing.
    await page.getByRole("button", { name: "Set up two-step sign-in" }).click();
    await arrived(page, /\/staff\/account\/two-step$/);
    const totp = totpFrom(await page.getByTestId("totp-secret").innerText());
    await page.reload();
    expect(totpFrom(await page.getByTestId("totp-secret").innerText()).secret.base32).toBe(totp.secret.base32);
    await page.getByLabel("Code from your authenticator app").fill(totp.generate());
    await page.getByRole("button", { name: "Confirm and continue" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Save your recovery codes");
    await page.getByRole("link", { name: "I have saved my recovery codes" }).click();
    await arrived(page, /\/staff\/account\?done=totp-enrolled$/);
    await expect(page.getByTestId("totp-status")).toHaveText("On");

    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await arrived(page, /\/staff\/sign-in$/);
    await signIn(page, user.email, user.password, "/staff/account");
    await arrived(page, /\/staff\/sign-in\/code/);
    await page.getByLabel("Enter the code from your authenticator app").fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await page.getByRole("button", { name: "Continue" }).click();
    await arrived(page, /\/staff\/account$/);
    await page.getByRole("button", { name: "Turn off two-step sign-in" }).click();
    await arrived(page, /\/staff\/account\?done=totp-removed$/);
    await expect(page.getByTestId("totp-status")).toHaveText("Off");
  });

  test("five wrong passwords lock the account, even against the right one", async ({ page, playwright, baseURL, request }) => {
    const user = await invite(playwright, baseURL, request, { role: "investigator" });
    for (let i = 0; i < 4; i += 1) {
      await signIn(page, user.email, "not the password");
      await expect(page.getByTestId("error-summary")).toContainText("Enter a correct email address and password");
    }
    await signIn(page, user.email, "not the password");
    await expect(page.getByTestId("error-summary")).toContainText("There have been too many attempts to sign in");
    await expectAccessible(page);
    await signIn(page, user.email, user.password);
    await expect(page.getByTestId("error-summary")).toContainText("There have been too many attempts to sign in");
    await expect(page).toHaveURL(/\/staff\/sign-in$/);
  });

  test("a password reset link works once, says nothing about who has an account, and signs out everywhere", async ({ page, browser, playwright, baseURL, request }) => {
    test.slow();
    const user = await invite(playwright, baseURL, request, { role: "complaints-manager" });
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, user.email, user.password, "/staff/account");
    await arrived(otherPage, /\/staff\/account$/);

    for (const email of [unique("nobody"), user.email]) {
      await visit(page, "/staff/sign-in");
      await page.getByRole("link", { name: "Forgotten your password?" }).click();
      await arrived(page, /\/staff\/password-reset$/);
      await page.getByLabel("Email address").fill(email);
      await page.getByRole("button", { name: "Send the link" }).click();
      await arrived(page, /\/staff\/password-reset\?sent=1$/);
      await expect(page.getByRole("main")).toContainText("If there is a back office account for that address, we have sent a link to it.");
    }
    const mail = await waitForMail(request, (m) => m.to.includes(user.email) && m.subject.startsWith("Reset your"));
    const link = mail.text.match(/https?:\/\/\S+\/staff\/password-reset\/[\w-]+/)?.[0];
    await visit(page, link!);
    const newPassword = `${user.password} renewed`;
    await page.getByLabel("New password").fill("too short");
    await page.getByLabel("Type the password again").fill("too short");
    await page.getByRole("button", { name: "Save password" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("Password must be 12 characters or more");
    await page.getByLabel("New password").fill("password1234");
    await page.getByLabel("Type the password again").fill("password1234");
    await page.getByRole("button", { name: "Save password" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("This password is too easy to guess: it is one of the most used passwords");
    await expectAccessible(page);
    await page.getByLabel("New password").fill(newPassword);
    await page.getByLabel("Type the password again").fill(newPassword);
    await page.getByRole("button", { name: "Save password" }).click();
    await arrived(page, /\/staff\/sign-in\?done=password$/);

    // The session elsewhere has ended.
    await otherPage.reload();
    await expect(otherPage).toHaveURL(/\/staff\/sign-in\?redirectTo=/);
    await other.close();

    await visit(page, link!);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has expired or has been used");
    await signIn(page, user.email, user.password);
    await expect(page.getByTestId("error-summary")).toContainText("Enter a correct email address and password");
    await signIn(page, user.email, newPassword, "/staff/account");
    await arrived(page, /\/staff\/account$/);
  });

  test("sign out everywhere ends the sessions on other devices too", async ({ page, browser, playwright, baseURL, request }) => {
    const user = await invite(playwright, baseURL, request, { role: "team-manager" });
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, user.email, user.password, "/staff/account");
    await arrived(otherPage, /\/staff\/account$/);
    await signIn(page, user.email, user.password, "/staff/account");
    await arrived(page, /\/staff\/account$/);
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await arrived(page, /\/staff\/sign-in$/);
    await otherPage.reload();
    await expect(otherPage).toHaveURL(/\/staff\/sign-in\?redirectTo=/);
    await other.close();
  });
});
