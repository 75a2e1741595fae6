import type { Page } from "@playwright/test";
import { arrived, expect, expectNoHorizontalScroll, expectNothingOverlaps, tabTo, tabToText, test, visit } from "../fixtures";

/** Tabs to the Continue button and presses Enter, then checks the next page. */
async function continueByKeyboard(page: Page, path: string) {
  await tabToText(page, "Continue");
  await page.keyboard.press("Enter");
  await arrived(page, new RegExp(`/form/${path}$`));
}

async function typeInto(page: Page, id: string, text: string) {
  await tabTo(page, id);
  await page.keyboard.type(text);
}

/** Tabs to a radio group's first option, then moves with the arrow keys and selects with Space. */
async function chooseRadio(page: Page, groupId: string, arrowDowns = 0) {
  await tabTo(page, groupId);
  for (let i = 0; i < arrowDowns; i += 1) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Space");
}

test("a complaint from start to finish with the keyboard alone", async ({ page }) => {
  test.slow();
  await visit(page, "/");
  await tabToText(page, "Start now");
  await page.keyboard.press("Enter");
  await arrived(page, /\/form\/kind$/);

  await chooseRadio(page, "kind");
  await continueByKeyboard(page, "who-are-you");
  await chooseRadio(page, "relationship", 1); // a parent
  await continueByKeyboard(page, "about-the-child");
  await typeInto(page, "childName", "Kim Keyboard");
  await continueByKeyboard(page, "your-details");
  await typeInto(page, "fullName", "Lee Keyboard");
  await continueByKeyboard(page, "contact");
  await chooseRadio(page, "contactMethod"); // email
  await typeInto(page, "email", "lee.keyboard@example.com");
  await continueByKeyboard(page, "support-needs");
  await continueByKeyboard(page, "what-happened");
  await typeInto(page, "description", "Letters were sent to the wrong address.");
  await continueByKeyboard(page, "when-it-happened");
  await chooseRadio(page, "whenKind", 1); // not sure of the date
  await typeInto(page, "whenAbout", "In September");
  await continueByKeyboard(page, "team");
  await tabTo(page, "team");
  await page.keyboard.press("ArrowDown");
  await continueByKeyboard(page, "put-right");
  await tabTo(page, "outcomes");
  await page.keyboard.press("Space");
  await continueByKeyboard(page, "complained-before");
  await chooseRadio(page, "complainedBefore", 1); // no
  await continueByKeyboard(page, "court-case");
  await chooseRadio(page, "courtCase", 1); // no
  await continueByKeyboard(page, "attachments");
  await continueByKeyboard(page, "check-answers");
  await tabTo(page, "declaration");
  await page.keyboard.press("Space");
  await tabToText(page, "Send");
  await page.keyboard.press("Enter");
  await arrived(page, /\/form\/sent$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Complaint sent");
});

test("Exit this page is the first thing a keyboard user can reach after the skip link", async ({ page }) => {
  await visit(page, "/form/kind");
  await tabToText(page, "Emergency Exit this page", { maxPresses: 4 });
});

test.describe("at 320 CSS pixels wide", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test("no public page scrolls sideways", async ({ page }) => {
    test.slow();
    const check = async (path: string) => {
      await visit(page, path);
      // A page the journey may not reach yet redirects (to /form/kind): that would scan the wrong page.
      expect(new URL(page.url()).pathname, `showing ${path}`).toBe(path);
      await expectNoHorizontalScroll(page);
    };
    // Each page is shown and checked, then answered; the answer must take the journey to the next one.
    const journey: Array<[string, Record<string, string>]> = [
      ["/form/kind", { kind: "complaint" }],
      ["/form/who-are-you", { relationship: "advocate" }],
      ["/form/about-the-child", { childName: "Sam Narrow" }],
      ["/form/child-agrees", { childAgrees: "yes" }],
      ["/form/advocate-details", { advocateOrganisation: "A very long organisation name that keeps going", advocateRole: "Advocate" }],
      ["/form/your-details", { fullName: "Sam Narrow" }],
      ["/form/contact", { contactMethod: "phone", phone: "07700 900982" }],
      ["/form/contact-safety", { safeToCall: "yes", safeToLeaveMessage: "yes" }],
      ["/form/support-needs", {}],
      ["/form/what-happened", { description: "A".repeat(300) }],
      // Always more than 12 months ago, whenever the test runs.
      ["/form/when-it-happened", { whenKind: "date", whenDay: "1", whenMonth: "1", whenYear: String(new Date().getFullYear() - 2) }],
      ["/form/why-now", { whyNow: "Because" }],
      ["/form/team", { team: "dont-know" }],
      ["/form/put-right", { outcomes: "apology" }],
      ["/form/complained-before", { complainedBefore: "no" }],
      ["/form/court-case", { courtCase: "no" }],
      ["/form/attachments", { intent: "continue" }],
      ["/form/check-answers", { declaration: "yes" }],
    ];
    await check("/");
    for (const [index, [path, form]] of journey.entries()) {
      await check(path);
      const response = await page.request.post(path, { form, maxRedirects: 0 });
      const expected = journey[index + 1]?.[0] ?? "/form/sent";
      expect(response.status(), `POST ${path}`).toBe(302);
      expect(new URL(response.headers()["location"] ?? "", page.url()).pathname, `POST ${path}`).toBe(expected);
    }
    await check("/form/sent");
    await check("/no-such-page");
  });
});

// Found on an Urdu phone: "Exit this page" covered the link back to English.
test("at phone widths nothing overlaps anything a person can press, in every language and in easy read", async ({ page }) => {
  test.slow();
  for (const width of [320, 375, 390, 640]) {
    await page.setViewportSize({ width, height: 740 });
    for (const query of ["lang=en", "lang=pl", "lang=ur", "lang=en&mode=easy-read"]) {
      for (const path of ["/", "/form/kind"]) {
        await page.goto(`${path}?${query}`);
        await expectNothingOverlaps(page);
      }
    }
  }
  await visit(page, "/form/kind");
});
