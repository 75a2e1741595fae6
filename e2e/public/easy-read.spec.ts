import enCommon from "../../app/locales/en/common.json" with { type: "json" };
import enEasyCommon from "../../app/locales/en-easy/common.json" with { type: "json" };
import enEasyForm from "../../app/locales/en-easy/form.json" with { type: "json" };
import type { Page } from "@playwright/test";
import { DEFAULT_TEAM_EASY_READ_NAMES, DEFAULT_TEAMS } from "../../db/default-teams";
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
  const icons = page.locator(".speakup-point > svg");
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

/** Full-page screenshots on a desktop and at 320 px (docs/screenshots/easy-read/ keeps a set). */
async function shoot(page: Page, name: string) {
  const desktop = page.viewportSize();
  await page.screenshot({ path: test.info().outputPath(`${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 320, height: 640 });
  await page.screenshot({ path: test.info().outputPath(`${name}-320.png`), fullPage: true });
  if (desktop) await page.setViewportSize(desktop);
}

/** The picture beside the page's question: decorative, and at the start of the heading's line. */
async function expectPictureBeside(page: Page, dir: "ltr" | "rtl") {
  const pictured = page.getByTestId("pictured-question");
  await expect(pictured, `a picture on ${page.url()}`).toHaveCount(1);
  const picture = pictured.locator("> svg");
  await expect(picture).toHaveAttribute("aria-hidden", "true");
  await expect(picture).toHaveAttribute("focusable", "false");
  // The heading's words, not its box (which makes room for the picture).
  const h = await pictured.getByRole("heading", { level: 1 }).evaluate((heading) => {
    const range = document.createRange();
    range.selectNodeContents(heading);
    const { x, y, width, height } = range.getBoundingClientRect();
    return { x, y, width, height };
  });
  const p = await picture.boundingBox();
  expect(p && h, `picture and heading drawn on ${page.url()}`).toBeTruthy();
  if (!p || !h) return;
  // Beside: on the heading's line, before its words (to the right of them in Urdu).
  expect(p.y, page.url()).toBeLessThan(h.y + h.height);
  expect(p.y + p.height, page.url()).toBeGreaterThan(h.y);
  if (dir === "ltr") expect(p.x + p.width, page.url()).toBeLessThanOrEqual(h.x);
  else expect(p.x, page.url()).toBeGreaterThanOrEqual(h.x + h.width);
}

test("easy read: a picture beside each main question, and a Team page a young person can answer", async ({ page }) => {
  test.setTimeout(240_000);
  const f = enEasyForm;
  const o = f.options;
  const radio = (name: string) => page.getByRole("radio", { name, exact: true });
  // Each page of a young person's complaint (by phone, so the safety questions come too), in order.
  const answers: Array<[RegExp, () => Promise<void>]> = [
    [/\/form\/kind$/, () => radio(o.kind.complaint).check()],
    [/\/form\/who-are-you$/, () => radio(o.relationship["young-person"]).check()],
    [/\/form\/advocate-offer$/, () => radio(o.wantsAdvocate.no).check()],
    [
      /\/form\/your-details$/,
      async () => {
        // With an error the picture moves past the red bar and stays beside the question.
        await page.getByRole("button", { name: f.continue }).click();
        await expect(page.getByTestId("error-summary")).toContainText(f.errors.fullName.required);
        await expectPictureBeside(page, "ltr");
        await shoot(page, "easy-read-error");
        await page.getByLabel(f.questions.fullName.label).fill("Robin Pictures");
      },
    ],
    [
      /\/form\/contact$/,
      async () => {
        await radio(o.contactMethod.phone).check();
        await page.getByLabel(f.questions.phone.label).fill("07700 900123");
      },
    ],
    [/\/form\/contact-safety(\?part=0)?$/, () => radio(o.safeToCall.yes).check()],
    [/\/form\/contact-safety\?part=1$/, () => radio(o.safeToLeaveMessage.no).check()],
    [/\/form\/contact-safety\?part=2$/, async () => {}],
    [/\/form\/support-needs(\?part=0)?$/, async () => {}],
    [/\/form\/support-needs\?part=1$/, async () => {}],
    [/\/form\/what-happened$/, () => page.getByLabel(f.questions.description.label).fill("Nobody came to see me.")],
    [
      /\/form\/when-it-happened$/,
      async () => {
        await radio(o.whenKind.about).check();
        await page.getByLabel(f.questions.whenAbout.label).fill("Last week");
      },
    ],
    [
      /\/form\/team(\?part=0)?$/,
      async () => {
        // Plain names as radios, "I don't know" first (teams a council adds come after these).
        const names = await page.getByRole("radio").evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).labels?.[0]?.textContent?.trim()));
        expect(names.slice(0, DEFAULT_TEAMS.length + 1)).toEqual([o.team["dont-know"], ...DEFAULT_TEAMS.map((team) => DEFAULT_TEAM_EASY_READ_NAMES[team])]);
        await expect(page.getByRole("combobox")).toHaveCount(0);
        await radio(DEFAULT_TEAM_EASY_READ_NAMES.Fostering).check();
      },
    ],
    [/\/form\/team\?part=1$/, async () => {}],
    [/\/form\/put-right(\?part=0)?$/, () => page.getByRole("checkbox", { name: o.outcomes.apology }).check()],
    [/\/form\/put-right\?part=1$/, async () => {}],
    [/\/form\/complained-before$/, () => radio(o.complainedBefore.no).check()],
    [/\/form\/court-case$/, () => radio(o.courtCase.no).check()],
    [/\/form\/attachments$/, async () => {}],
  ];

  await visit(page, "/?mode=easy-read");
  await shoot(page, "easy-read-start");
  await page.getByRole("button", { name: enEasyCommon.start.button }).click();
  for (const [address, answer] of answers) {
    await arrived(page, address);
    await expectPictureBeside(page, "ltr");
    if (/team/.test(page.url()) && !/part=1/.test(page.url())) await shoot(page, "easy-read-team");
    await answer();
    await page.getByRole("button", { name: f.continue }).click();
  }
  await arrived(page, /\/form\/check-answers$/);
  // The team is named back in the words it was chosen by.
  await expect(page.locator(".govuk-summary-list")).toContainText(DEFAULT_TEAM_EASY_READ_NAMES.Fostering);
});

test("easy read in Urdu: the pictures sit at the start of the line, on the right", async ({ page }) => {
  await visit(page, "/?mode=easy-read");
  await visit(page, "/?lang=ur");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator(".speakup-point > svg")).toHaveCount(4);
  for (const point of await page.locator(".speakup-point").all()) {
    const [p, text] = [await point.locator("> svg").boundingBox(), await point.locator(".speakup-point__text").boundingBox()];
    expect(p && text && p.x >= text.x + text.width).toBe(true);
  }
  await shoot(page, "urdu-easy-read-start");
  await page.request.post("/form/kind", { form: { kind: "complaint" } });
  await visit(page, "/form/who-are-you");
  await expectPictureBeside(page, "rtl");
  await shoot(page, "urdu-easy-read-who-are-you");
  await page.setViewportSize({ width: 320, height: 640 });
  await expectPictureBeside(page, "rtl");
});
