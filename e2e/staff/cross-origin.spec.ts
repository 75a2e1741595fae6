import { arrived, expect, expectAccessible, test, visit } from "../fixtures";

// The attack the issue describes, in a real browser: a page on another port of the same host is
// the same *site*, so the staff cookie (SameSite=Lax) goes with its form. The app must refuse it.
const DEMO_PASSWORD = "demo-password-please-change";

test("a form on another port's page cannot change the council's settings, in any URL form", async ({ page, context, baseURL }) => {
  const APP = new URL(baseURL ?? "");
  const ATTACKER = `http://localhost:${Number(APP.port) + 7}`;
  await visit(page, "/staff/sign-in");
  await page.getByLabel("Email address").fill("admin@northshire.example");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await arrived(page, /\/staff\/admin\/users$/);

  for (const action of ["/staff/admin/settings", "/staff/admin/settings?_data=routes%2Fstaff.admin.settings", "/staff/admin/settings.data"]) {
    await context.route(`${ATTACKER}/attack`, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<!DOCTYPE html><html lang="en"><title>Win a prize</title><form method="post" action="${APP.origin}${action}">
          <input type="hidden" name="advocacyProviderEmail" value="attacker@evil.example">
          <button>Claim</button></form></html>`,
      }),
    );
    await page.goto(`${ATTACKER}/attack`);
    const answer = page.waitForResponse((r) => r.url().startsWith(`${APP.origin}/staff/admin/settings`));
    await page.getByRole("button", { name: "Claim" }).click();
    expect((await answer).status(), action).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sorry, we could not accept that");
    await expect(page.getByRole("link", { name: "Go to the start page" })).toBeVisible();
    await expectAccessible(page);
    await context.unrouteAll();
  }

  await page.goto("/staff/admin/settings");
  await expect(page.locator('input[name="advocacyProviderEmail"]')).not.toHaveValue("attacker@evil.example");
});
