import { arrived, expect, expectAccessible, test, visit } from "../fixtures";
import { sendComplaintOverHttp } from "../journey";

const DEMO = { email: "officer@northshire.example", password: "demo-password-please-change" };

test.describe("staff", () => {
  test("a wrong password and an unknown account get the same message", async ({ page }) => {
    await visit(page, "/staff");
    await expect(page).toHaveURL(/\/staff\/sign-in\?redirectTo=%2Fstaff$/);

    for (const attempt of [
      { email: DEMO.email, password: "wrong-password" },
      { email: "nobody@northshire.example", password: "wrong-password" },
    ]) {
      await page.getByLabel("Email address").fill(attempt.email);
      await page.getByLabel("Password").fill(attempt.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      const summary = page.getByTestId("error-summary");
      await expect(summary).toHaveText(/There is a problem\s*Enter a correct email address and password/);
      await expect(page.getByLabel("Password")).toHaveValue("");
      await expectAccessible(page);
    }
  });

  test("signs in, finds the complaint just sent, sees everything submitted, and signs out", async ({ page, playwright, baseURL }) => {
    const publicSide = await playwright.request.newContext({ baseURL });
    const answers = {
      relationship: "advocate",
      fullName: "Avery Advocate",
      description: "The young person asked me to complain about missed visits.\nThree visits were cancelled.",
      email: "avery@advocacy.example",
      phone: "01632 960001",
      address: "1 High Street, Northtown, NT1 1AA",
    };
    const reference = await sendComplaintOverHttp(publicSide, answers);
    await publicSide.dispose();

    await visit(page, `/staff/cases/${reference}`);
    await expect(page).toHaveURL(/\/staff\/sign-in\?redirectTo=/);
    await page.getByLabel("Email address").fill(DEMO.email);
    await page.getByLabel("Password").fill(DEMO.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // Back where the link pointed.
    await arrived(page, new RegExp(`/staff/cases/${reference}$`));

    await page.getByRole("link", { name: "Inbox" }).click();
    await arrived(page, /\/staff$/);
    const row = page.getByRole("row").filter({ hasText: reference });
    await expect(row).toContainText("Complaint");
    await expect(row).toContainText(/10 working days|9 working days/);
    await row.getByRole("link", { name: reference }).click();
    await arrived(page, new RegExp(`/staff/cases/${reference}$`));

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(reference);
    const submitted = page.locator("main");
    for (const text of [answers.fullName, "An advocate, or someone helping a young person", "Three visits were cancelled.", answers.email]) {
      await expect(submitted).toContainText(text);
    }

    await page.getByRole("button", { name: "Sign out" }).click();
    await arrived(page, /\/staff\/sign-in$/);
    await page.goto(`/staff/cases/${reference}`);
    await arrived(page, /\/staff\/sign-in\?redirectTo=/);
  });
});
