import type { Page } from "@playwright/test";
import { arrived, expect, expectNoHorizontalScroll, test, visit } from "../fixtures";

// The back office as a caseworking tool (MoJ Frontend): the case page's identity bar, the inbox
// on a phone and on a wide screen, and a team manager's inbox opening on their own cases.

const PASSWORD = "demo-password-please-change";
const OVERDUE = "SU-DEM5-LATE";

async function signIn(page: Page, email: string, to: string) {
  await visit(page, `/staff/sign-in?redirectTo=${encodeURIComponent(to)}`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  const url = new RegExp(`${to.replace(/[.?*+^$()[\]{}|\\]/g, "\\$&")}$`);
  await page.waitForURL(url, { timeout: 30_000 });
  await arrived(page, url);
}

test.describe("caseworking", () => {
  test("the case page keeps who, where, when and what next in view", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await signIn(page, "officer@northshire.example", `/staff/cases/${OVERDUE}`);
    const bar = page.getByRole("region", { name: "This case" });
    await expect(bar).toContainText(OVERDUE);
    await expect(bar).toContainText("Gareth Pryce");
    await expect(bar).toContainText("Stage 1, Open");
    // The deadline in words, with its RAG word (never colour alone).
    await expect(bar).toContainText(/Next deadline\s*\w+day \d{1,2} \w+ \d{4}\s*Overdue\s*Overdue by \d+ working days?/);
    await expect(bar.getByRole("link", { name: "Next: Record the response" })).toHaveAttribute("href", `/staff/cases/${OVERDUE}/respond`);
    const inView = async () => {
      const box = await bar.boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= 720;
    };
    expect(await inView(), "in view when the page opens").toBe(true);
    // At the foot of a long page (the case's timeline), it is still there.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(page.getByTestId("timeline")).toBeInViewport();
    expect(await inView(), "in view at the foot of the page").toBe(true);
  });

  test("the inbox: a card per case on a phone, one line per reference on a wide screen", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(page, "officer@northshire.example", "/staff");
    await expectNoHorizontalScroll(page);
    const row = page.getByTestId("inbox").getByRole("row").filter({ hasText: OVERDUE });
    // A card: the whole case within the phone's width, each value under its column's name.
    const card = await row.boundingBox();
    expect(card?.width ?? 999).toBeLessThanOrEqual(375);
    await expect(row.getByText("Next deadline", { exact: true })).toBeVisible();
    await expect(row.getByText("Person and child", { exact: true })).toBeVisible();
    const deadline = await row.getByText("Next deadline", { exact: true }).boundingBox();
    const person = await row.getByText("Person and child", { exact: true }).boundingBox();
    expect((deadline?.y ?? 0) > (person?.y ?? 0), "values stacked, not side by side").toBe(true);

    await page.setViewportSize({ width: 1280, height: 800 });
    const references = page.getByTestId("inbox").locator("tbody tr td:first-child a");
    expect(await references.count()).toBeGreaterThan(5);
    const lines = await references.evaluateAll((links) => links.map((a) => [a.textContent ?? "", a.getClientRects().length] as const));
    for (const [reference, count] of lines) expect(count, `${reference} on one line`).toBe(1);
    // Sorting is a link the server answers, so it works without JavaScript too.
    await page.getByRole("columnheader", { name: /Reference/ }).getByRole("link").click();
    await arrived(page, /\/staff\?sort=reference$/);
    await expect(page.getByRole("columnheader", { name: /Reference/ })).toHaveAttribute("aria-sort", "ascending");
  });

  test("a team manager's inbox opens on their own cases, and all their teams' cases are a link away", async ({ page }) => {
    await signIn(page, "team.manager@northshire.example", "/staff");
    const views = page.getByRole("navigation", { name: "Whose cases" });
    await expect(views.getByRole("link", { name: "My cases" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByLabel("Responding manager")).toHaveValue(/^\d+$/);
    await expect(page.getByLabel("Responding manager").locator("option:checked")).toHaveText("Taylor Teamlead");
    await expect(page.getByTestId("inbox")).toContainText("Taylor Teamlead");

    await views.getByRole("link", { name: "All my teams' cases" }).click();
    await arrived(page, /\/staff\?assignee=$/);
    await expect(views.getByRole("link", { name: "All my teams' cases" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByLabel("Responding manager")).toHaveValue("");
  });
});
