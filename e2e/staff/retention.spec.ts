import { arrived, expect, test, visit } from "../fixtures";

const DEMO_PASSWORD = "demo-password-please-change";

test("an administrator sees the next run, changes a retention period, and runs a dry run; the privacy notice follows", async ({ page }) => {
  await visit(page, "/staff/sign-in?redirectTo=%2Fstaff%2Fadmin%2Fretention");
  await page.getByLabel("Email address").fill("admin@northshire.example");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await arrived(page, /\/staff\/admin\/retention$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Retention");
  await expect(page.getByTestId("next-run")).toHaveText(/at 02:00 \(England time\)|Due now/);
  await expect(page.getByTestId("last-run")).not.toBeEmpty();

  // A bad value gets the error summary, and nothing is saved.
  const compliments = page.getByLabel("Compliments and comments");
  await expect(compliments).toHaveValue("2");
  await page.getByLabel("Words and address of emails sent").fill("0");
  await compliments.fill("3");
  await page.getByRole("button", { name: "Save" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Enter between 1 and 365 days");

  await page.getByLabel("Words and address of emails sent").fill("30");
  await page.getByRole("button", { name: "Save" }).click();
  await arrived(page, /\/staff\/admin\/retention\?done=saved$/);
  await expect(page.getByText("Retention periods saved.")).toBeVisible();
  await expect(page.getByLabel("Compliments and comments")).toHaveValue("3");

  // The public notice reads the same settings.
  await visit(page, "/privacy");
  await expect(page.getByTestId("retention-periods")).toContainText("Compliments and comments: 3 years. Then we delete them.");

  // The dry run lists what would go and changes nothing.
  await visit(page, "/staff/admin/retention");
  await page.getByRole("button", { name: "List what would go today" }).click();
  await arrived(page, /dry-run=yes/);
  await expect(page.getByRole("heading", { name: "What would go today" })).toBeVisible();

  // Put the default back for other tests.
  await page.getByLabel("Compliments and comments").fill("2");
  await page.getByRole("button", { name: "Save" }).click();
  await arrived(page, /done=saved$/);
});
