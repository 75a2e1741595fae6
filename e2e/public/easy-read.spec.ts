import enCommon from "../../app/locales/en/common.json" with { type: "json" };
import enEasyCommon from "../../app/locales/en-easy/common.json" with { type: "json" };
import enEasyForm from "../../app/locales/en-easy/form.json" with { type: "json" };
import { arrived, expect, test, visit } from "../fixtures";

test("easy read from the start page: key points with pictures, larger text, switchable back", async ({ page }, testInfo) => {
  await visit(page, "/");
  await page.getByTestId("easy-read-entry").click();
  await arrived(page, /\/$/);
  await expect(page.locator("html")).toHaveClass(/speakup-easy-read/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: enEasyCommon.youngPerson.heading })).toBeVisible();
  // Key words in bold; the pictures are hidden from screen readers.
  await expect(page.locator(".speakup-point strong", { hasText: "not" }).first()).toBeVisible();
  const icons = page.locator(".speakup-point svg");
  await expect(icons).toHaveCount(4);
  for (const icon of await icons.all()) await expect(icon).toHaveAttribute("aria-hidden", "true");
  const size = await page.locator(".govuk-body").first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThan(19);

  // Read aloud exists only where scripts run and the browser can speak.
  const speaks = testInfo.project.use.javaScriptEnabled !== false && (await page.evaluate(() => "speechSynthesis" in window));
  await expect(page.getByTestId("read-aloud")).toHaveCount(speaks ? 1 : 0);
  if (speaks) await expect(page.getByTestId("read-aloud")).toHaveText(enEasyCommon.readAloud.start);

  await page.getByRole("button", { name: enEasyCommon.start.button }).click();
  await arrived(page, /\/form\/kind$/);
  await expect(page.getByRole("radio", { name: enEasyForm.options.kind.complaint })).toBeVisible();
  await page.getByTestId("mode-switch").click();
  await arrived(page, /\/form\/kind$/);
  await expect(page.locator("html")).not.toHaveClass(/speakup-easy-read/);
  await expect(page.getByTestId("mode-switch")).toHaveText(enCommon.mode.switchToEasyRead);
});

test("easy read asks one question per page, even where the standard form asks several together", async ({ page }) => {
  const q = enEasyForm.questions;
  const heading = page.getByRole("heading", { level: 1 });
  await visit(page, "/?mode=easy-read");
  await page.request.post("/form/kind", { form: { kind: "complaint" } });
  await page.request.post("/form/who-are-you", { form: { relationship: "parent" } });

  await visit(page, "/form/about-the-child");
  await expect(heading).toHaveText(q.childName.label);
  await expect(page.getByLabel(q.childAge.label)).toHaveCount(0);
  await page.getByRole("button", { name: enEasyForm.continue }).click();
  await expect(page.getByTestId("error-summary")).toContainText(enEasyForm.errors.childName.required);
  await arrived(page, /\/form\/about-the-child\?part=0$/);
  await page.getByLabel(q.childName.label).fill("Robin Easy");
  await page.getByRole("button", { name: enEasyForm.continue }).click();

  await arrived(page, /\/form\/about-the-child\?part=1$/);
  await expect(heading).toHaveText(q.childDob.label);
  // Back goes to the question before, with its answer kept.
  await page.getByRole("link", { name: "Back", exact: true }).click();
  await arrived(page, /\/form\/about-the-child\?part=0$/);
  await expect(page.getByLabel(q.childName.label)).toHaveValue("Robin Easy");
  await page.getByRole("button", { name: enEasyForm.continue }).click();
  await arrived(page, /\/form\/about-the-child\?part=1$/);
  await page.getByRole("button", { name: enEasyForm.continue }).click();

  await arrived(page, /\/form\/about-the-child\?part=2$/);
  await expect(heading).toHaveText(q.childAge.label);
  await page.getByLabel(q.childAge.label).fill("9");
  await page.getByRole("button", { name: enEasyForm.continue }).click();
  await arrived(page, /\/form\/about-the-child\?part=3$/);
  await expect(heading).toHaveText(q.childOtherNames.label);
  await page.getByRole("button", { name: enEasyForm.continue }).click();
  await arrived(page, /\/form\/your-details$/);

  // Every answer was kept on the one page of the draft.
  await visit(page, "/form/about-the-child?part=2");
  await expect(page.getByLabel(q.childAge.label)).toHaveValue("9");
  await visit(page, "/form/about-the-child?part=0");
  await expect(page.getByLabel(q.childName.label)).toHaveValue("Robin Easy");
});
