import type { Page } from "@playwright/test";
import enEasyCommon from "../../app/locales/en-easy/common.json" with { type: "json" };
import enEasyForm from "../../app/locales/en-easy/form.json" with { type: "json" };
import plCommon from "../../app/locales/pl/common.json" with { type: "json" };
import plForm from "../../app/locales/pl/form.json" with { type: "json" };
import urCommon from "../../app/locales/ur/common.json" with { type: "json" };
import urForm from "../../app/locales/ur/form.json" with { type: "json" };
import { arrived, expect, expectAccessible, onScriptablePage, ready, test, visit } from "../fixtures";
import { REFERENCE_PATTERN } from "../journey";

// Each journey is driven with the words of its own locale files, never with English.
const journeys = [
  { name: "Urdu", query: "lang=ur", lang: "ur", dir: "rtl", common: urCommon, form: urForm, screenshots: true },
  { name: "Polish", query: "lang=pl", lang: "pl", dir: "ltr", common: plCommon, form: plForm, screenshots: false },
  { name: "easy read", query: "mode=easy-read", lang: "en", dir: "ltr", common: enEasyCommon, form: enEasyForm, screenshots: false },
] as const;

const shoot = async (page: Page, name: string, enabled: boolean) => {
  if (enabled) await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
};

for (const j of journeys) {
  test(`a complaint in ${j.name}: every page in its words, axe-clean, mode recorded`, async ({ page }) => {
    // Long: with JavaScript off every axe scan runs on a copy of the page.
    test.setTimeout(180_000);
    await visit(page, `/?${j.query}`);
    // The choice is remembered and the address is clean again.
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator("html")).toHaveAttribute("lang", j.lang);
    await expect(page.locator("html")).toHaveAttribute("dir", j.dir);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(j.common.start.title);
    await shoot(page, "start", j.screenshots);

    await page.getByRole("button", { name: j.common.start.button }).click();
    await arrived(page, /\/form\/kind$/);
    await page.getByRole("button", { name: j.form.continue }).click();
    await expect(page.getByTestId("error-summary")).toContainText(j.form.errors.kind.required);
    await expectAccessible(page);
    await shoot(page, "kind-error", j.screenshots);
    await page.getByRole("radio", { name: j.form.options.kind.complaint, exact: true }).check();
    await page.getByRole("button", { name: j.form.continue }).click();
    await arrived(page, /\/form\/who-are-you$/);
    await shoot(page, "who-are-you", j.screenshots);

    // Every question page is shown, answered in its own words and scanned, up to check your answers.
    // Easy read asks one question a page (?part=2 …), so each page answers only what it shows.
    const { questions: q, options: o } = j.form;
    // Each answer is given if this page (or this part of it) shows its question; a revealed box
    // is filled after its radio. A missed question keeps the page where it is, and the test fails.
    const radio = (name: string) => async () => {
      const choice = page.getByRole("radio", { name, exact: true });
      if (await choice.isVisible()) await choice.check();
    };
    const text = (name: string, value: string) => async () => {
      const box = page.getByRole("textbox", { name });
      if (await box.isVisible()) await box.fill(value);
    };
    const answers: Record<string, Array<() => Promise<void>>> = {
      "who-are-you": [radio(o.relationship["young-person"])],
      "advocate-offer": [radio(o.wantsAdvocate.no)],
      "your-details": [text(q.fullName.label, "Zofia Nowak")],
      contact: [radio(o.contactMethod.email), text(q.email.label, `lang-${j.lang}-${test.info().project.name}-${Date.now()}@example.com`)],
      "support-needs": [],
      "what-happened": [text(q.description.label, "Nikt nie oddzwonił.")],
      "when-it-happened": [radio(o.whenKind.about), text(q.whenAbout.label, "2026")],
      team: [
        async () => {
          const select = page.getByRole("combobox");
          if (await select.isVisible()) await select.selectOption({ label: o.team["dont-know"] });
          else await radio(o.team["dont-know"])();
        },
      ],
      "put-right": [
        async () => {
          const box = page.getByRole("checkbox", { name: o.outcomes.apology, exact: true });
          if (await box.isVisible()) await box.check();
        },
      ],
      "complained-before": [radio(o.complainedBefore.no)],
      "court-case": [radio(o.courtCase.no)],
      attachments: [],
    };
    const shown: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      const here = new URL(page.url());
      const step = here.pathname.replace(/^\/form\//, "");
      if (step === "check-answers") break;
      const steps = answers[step];
      if (!steps) throw new Error(`no answer for ${here.pathname}${here.search}`);
      shown.push(`${step}${here.search}`);
      for (const act of steps) await act();
      await page.getByRole("button", { name: j.form.continue }).click();
      await page.waitForURL((url) => url.href !== here.href, { timeout: 30_000 });
      await arrived(page, /\/form\/[a-z-]+(\?part=\d+)?$/);
      await shoot(page, step, j.screenshots);
    }
    expect(shown.map((s) => s.replace(/\?.*$/, "")).filter((s, i, all) => all.indexOf(s) === i)).toEqual(Object.keys(answers));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(j.form.checkAnswers.title);
    await shoot(page, "check-answers", j.screenshots);
    await page.getByRole("checkbox", { name: j.form.checkAnswers.declaration }).check();
    await page.getByRole("button", { name: j.form.checkAnswers.send }).click();
    await arrived(page, /\/form\/sent$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(j.form.sent.title.complaint);
    await expect(page.getByTestId("reference")).toHaveText(REFERENCE_PATTERN);
    await shoot(page, "sent", j.screenshots);

    // The optional equality questions: one answered, then the rest skipped.
    await page.getByRole("link", { name: j.common.equality.offer.link }).click();
    await arrived(page, /\/equality$/);
    await expect(page.getByRole("link", { name: j.common.equality.privacyLink })).toHaveAttribute("href", "/privacy");
    await page.getByRole("button", { name: j.common.equality.start }).click();
    await arrived(page, /\/equality\/age$/);
    await expect(page.getByRole("radio", { name: j.common.equality.preferNotToSay })).toBeVisible();
    await page.getByRole("radio", { name: j.common.equality.options.ageBands["16-to-19"] }).check();
    await page.getByRole("button", { name: j.common.equality.continue }).click();
    await arrived(page, /\/equality\/sex$/);
    await shoot(page, "equality-sex", j.screenshots);
    await page.getByRole("link", { name: j.common.equality.skipRest }).click();
    await arrived(page, /\/equality\/done$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(j.common.equality.done.title);
  });
}

test("the language switcher names each language in its own language and keeps the page", async ({ page }) => {
  await visit(page, "/privacy");
  const nav = page.getByRole("navigation", { name: "Choose a language" });
  await expect(nav.locator('[aria-current="true"]')).toHaveAttribute("lang", "en");
  await expect(nav.locator('a[hreflang="pl"]')).toHaveText("Polski");
  await expect(nav.locator('a[hreflang="ur"]')).toHaveAttribute("lang", "ur");
  await nav.locator('a[hreflang="ur"]').click();
  await arrived(page, /\/privacy$/);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(urCommon.privacy.title);
  // Easy read exists in English only: Urdu says so and keeps its own words.
  await page.getByRole("link", { name: urCommon.mode.switchToEasyRead }).click();
  await arrived(page, /\/privacy$/);
  await expect(page.getByTestId("easy-read-unavailable")).toHaveText(urCommon.mode.notInThisLanguage);
  await expect(page.locator("html")).toHaveClass(/speakup-easy-read/);
});

test("staff pages stay in English whatever the public language", async ({ page }) => {
  await page.goto("/?lang=ur");
  await visit(page, "/staff/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
});

// Found in screenshots of Urdu pages: the red bar of an error on the left, the error summary's
// links indented from the right, radio labels crowding their circles. Each is measured against
// the same page in English, mirrored.
test("right to left, an error page is laid out as the mirror of left to right", async ({ page }) => {
  const measure = async (lang: string) => {
    await page.goto(`/form/kind?lang=${lang}`);
    await page.locator("form").getByRole("button").first().click();
    // With JavaScript on the answer comes back by fetch: the page is "loaded" before the server's
    // errors are drawn, so wait for them rather than for the load event.
    await expect(page.locator(".govuk-form-group--error")).toBeVisible();
    await ready(page);
    let found: Record<string, number> = {};
    await onScriptablePage(page, async (p) => {
      found = await p.evaluate(() => {
        const rtl = document.dir === "rtl";
        const rect = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
        const group = getComputedStyle(document.querySelector(".govuk-form-group--error")!);
        const summary = rect(".govuk-error-summary");
        const link = rect(".govuk-error-summary__list a");
        const input = rect(".govuk-radios__input");
        const label = rect(".govuk-radios__label");
        return {
          barAtStart: parseFloat(rtl ? group.borderRightWidth : group.borderLeftWidth),
          barAtEnd: parseFloat(rtl ? group.borderLeftWidth : group.borderRightWidth),
          linkIndent: Math.round(rtl ? summary.right - link.right : link.left - summary.left),
          radioGap: Math.round(rtl ? input.left - label.right : label.left - input.right),
        };
      });
    });
    return found;
  };
  const ltr = await measure("en");
  const rtl = await measure("ur");
  expect(ltr.barAtStart).toBeGreaterThan(0);
  expect(rtl).toEqual(ltr);
  await expectAccessible(page);
});
