import enEasyCommon from "../../app/locales/en-easy/common.json" with { type: "json" };
import urCommon from "../../app/locales/ur/common.json" with { type: "json" };
import { arrived, expect, test, visit } from "../fixtures";

// The privacy notice: linked from every public page's footer, in every language and in easy read,
// with the retention periods read from the settings (the defaults here; the staff spec changes one).

test("the privacy notice is in the footer and says what is kept, why, for how long and who sees it", async ({ page }) => {
  await visit(page, "/browsing-safely");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Browsing safely");
  await expect(page.locator("main")).toContainText("you can also press the Shift key 3 times");
  await page.getByRole("contentinfo").getByRole("link", { name: "Privacy notice" }).click();
  await arrived(page, /\/privacy$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy notice");
  for (const heading of ["What we keep", "Why we keep it", "How long we keep it", "Who sees it", "Your rights"]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  const periods = page.getByTestId("retention-periods");
  await expect(periods).toContainText("Answers you have not sent: deleted after 7 days without a change.");
  await expect(periods).toContainText("Complaints about children's social care: 6 years.");
  await expect(periods).toContainText("Complaints about a child in care or a care leaver: 75 years");
  await expect(periods).toContainText("the words and your address are deleted 30 days after sending");
  await expect(page.getByText("Children Act 1989 Representations Procedure (England) Regulations 2006")).toBeVisible();
  await expect(page.getByText("The advocacy service (Northshire Children's Advocacy), only if you ask for an advocate and agree.")).toBeVisible();
});

test("the privacy notice in easy read and in Urdu", async ({ page }) => {
  await visit(page, "/privacy?mode=easy-read");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(enEasyCommon.privacy.title);
  await expect(page.getByTestId("retention-periods")).toContainText("A complaint: we keep it for 6 years.");
  await visit(page, "/privacy?lang=ur&mode=standard");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(urCommon.privacy.title);
  await expect(page.getByTestId("retention-periods")).toContainText("6 سال");
  await visit(page, "/privacy?lang=pl");
  await expect(page.getByTestId("retention-periods")).toContainText("6 lat");
});

test("Exit this page: Shift pressed three times leaves with JavaScript, and Back does not return", async ({ page }, testInfo) => {
  // Leaves for the exit address; the test serves a blank page there instead of reaching the internet.
  const exitHref = await (async () => {
    await visit(page, "/browsing-safely");
    return (await page.getByTestId("exit-this-page").getAttribute("href")) ?? "";
  })();
  expect(exitHref).toMatch(/^https:\/\//);
  await page.context().route(`${new URL(exitHref).origin}/**`, (route) => route.fulfill({ body: "<title>Elsewhere</title>", contentType: "text/html" }));
  // Two presses, then another key: the count starts again, so nothing happens.
  await page.keyboard.press("Shift");
  await page.keyboard.press("Shift");
  await page.keyboard.press("a");
  await page.keyboard.press("Shift");
  await expect(page).toHaveURL(/\/browsing-safely$/);
  if (testInfo.project.use.javaScriptEnabled === false) {
    // Without JavaScript the keys do nothing; the link itself is the way out.
    await page.keyboard.press("Shift");
    await page.keyboard.press("Shift");
    await expect(page).toHaveURL(/\/browsing-safely$/);
    return;
  }
  await page.keyboard.press("Shift");
  await page.keyboard.press("Shift");
  await page.waitForURL((url) => url.origin === new URL(exitHref).origin);
  // The page was replaced in history: Back goes to where the person was before, not to this site.
  await page.goBack().catch(() => undefined);
  await expect(page).not.toHaveURL(/\/browsing-safely$/);
});
