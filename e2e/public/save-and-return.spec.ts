import type { APIRequestContext } from "@playwright/test";
import { arrived, expect, test, visit, waitForMail } from "../fixtures";

// "Save and come back later": an emailed one-time link, no password (WCAG 2.2 3.3.8).

async function post(request: APIRequestContext, path: string, form: Record<string, string>) {
  const response = await request.post(path, { form, maxRedirects: 0 });
  expect(response.status(), `POST ${path}`).toBeLessThan(500);
  return response;
}

/** The first two answers, as a browser without JavaScript would send them. */
async function startComplaint(request: APIRequestContext) {
  await post(request, "/form/kind", { kind: "complaint" });
  await post(request, "/form/who-are-you", { relationship: "parent" });
}

const uniqueEmail = (label: string) => `${label}.${test.info().project.name}.${Date.now()}@example.org`;

test.describe("save and come back later", () => {
  // Waits for the email to arrive through the outbox and a real SMTP server.
  test.slow();

  test("emails a link that brings the answers back, once", async ({ page, request }) => {
    await startComplaint(page.request);
    await visit(page, "/form/save?from=who-are-you");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Save your answers and come back later");
    await expect(page.getByText("This device forgets your answers when you close the browser")).toBeVisible();
    // The draft's cookie is for this browser session only: the emailed link is the way back.
    const draftCookie = (await page.context().cookies()).find((c) => c.name === "speakup_draft");
    expect(draftCookie?.expires).toBe(-1);

    await page.getByRole("button", { name: "Send me the link" }).click();
    const summary = page.getByTestId("error-summary");
    await expect(summary).toContainText("Enter your email address");
    await expect(summary.getByRole("link")).toHaveAttribute("href", "#email");
    await page.getByLabel("Email address").fill("not an email");
    await page.getByRole("button", { name: "Send me the link" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("Enter an email address in the correct format");
    await arrived(page, /\/form\/save(\?.*)?$/);

    const email = uniqueEmail("robin");
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Send me the link" }).click();
    await arrived(page, /\/form\/save\?sent=true$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We have sent you a link");
    await expect(page.locator("body")).not.toContainText(email);
    await expect(page.getByText("When you close the browser, this device forgets your form")).toBeVisible();

    const mail = await waitForMail(request, (m) => m.to.includes(email));
    expect(mail.subject).toBe("Your saved form – Northshire Council");
    const link = /https?:\/\/\S+\/form\/return\/[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0];
    expect(link).toBeDefined();
    const path = new URL(link as string).pathname;

    // As if on another device: no cookie for the draft.
    await page.context().clearCookies();
    await visit(page, path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Carry on with your form");
    await page.getByRole("button", { name: "Carry on" }).click();
    await arrived(page, /\/form\/(?!kind$|who-are-you$)[a-z-]+$/);
    expect((await page.context().cookies()).find((c) => c.name === "speakup_draft")?.expires).toBe(-1);
    await visit(page, "/form/who-are-you");
    await expect(page.locator('input[name="relationship"][value="parent"]')).toBeChecked();

    // Used once: it does not work again.
    await page.context().clearCookies();
    await visit(page, path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has stopped working");
    await expect(page.getByRole("link", { name: "Start again" })).toHaveAttribute("href", "/form/kind");
  });

  test("a made-up or mangled link gets a friendly page, not an error", async ({ page }) => {
    for (const token of ["A".repeat(43), "short", "%2e%2e%2fetc"]) {
      const response = await page.goto(`/form/return/${token}`);
      expect(response?.status()).toBeGreaterThanOrEqual(400);
      expect(response?.status()).toBeLessThan(500);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has stopped working");
    }
    await visit(page, `/form/return/${"B".repeat(43)}`);
    const used = await page.request.post(`/form/return/${"B".repeat(43)}`, { form: {}, maxRedirects: 0 });
    expect(used.status()).toBe(404);
  });

  test("sends at most five links a day for one draft", async ({ page }) => {
    await startComplaint(page.request);
    for (let i = 1; i <= 5; i += 1) {
      const sent = await post(page.request, "/form/save", { email: uniqueEmail(`limit${i}`) });
      expect(sent.status()).toBe(302);
      expect(sent.headers()["location"]).toBe("/form/save?sent=true");
    }
    const refused = await post(page.request, "/form/save", { email: uniqueEmail("limit6") });
    expect(refused.status()).toBe(429);
    expect(await refused.text()).toContain("Sorry, we cannot send another link today");
  });

  test("sends one address at most five links a day, however many drafts ask", async ({ page }) => {
    // As a script would: a new draft each time, all to one outside address.
    const email = uniqueEmail("someone.else");
    for (let i = 1; i <= 5; i += 1) {
      await page.context().clearCookies();
      await startComplaint(page.request);
      const sent = await post(page.request, "/form/save", { email });
      expect(sent.headers()["location"]).toBe("/form/save?sent=true");
    }
    await page.context().clearCookies();
    await startComplaint(page.request);
    await visit(page, "/form/save");
    await page.getByLabel("Email address").fill(email.toUpperCase());
    await page.getByRole("button", { name: "Send me the link" }).click();
    const summary = page.getByTestId("error-summary");
    await expect(summary).toContainText("Sorry, we cannot send another link today. Try again tomorrow, or call us");
    await expect(summary.getByRole("link")).toHaveAttribute("href", "#email");
    await expect(page.locator("#email-error")).toContainText("Sorry, we cannot send another link today");
    await arrived(page, /\/form\/save$/);
  });

  test("with nothing answered yet there is nothing to save", async ({ page }) => {
    await visit(page, "/form/save");
    await expect(page.getByText("There is nothing to save yet.")).toBeVisible();
    const response = await page.request.post("/form/save", { form: { email: "someone@example.org" }, maxRedirects: 0 });
    expect(response.status()).toBe(302);
  });
});
