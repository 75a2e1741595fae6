import type { Page } from "@playwright/test";
import enEasyCommon from "../../app/locales/en-easy/common.json" with { type: "json" };
import urCommon from "../../app/locales/ur/common.json" with { type: "json" };
import { arrived, expect, expectAccessible, ready, test, visit, waitForMail } from "../fixtures";
import { next, REFERENCE_PATTERN } from "../journey";
import { addCalendarDays, londonDate } from "../../app/domain/calendar";
import { formatLongDate } from "../../app/domain/dates";

const radio = (page: Page, name: string) => page.getByRole("radio", { name, exact: true });

test.describe("making a complaint as a parent", () => {
  test("every question, a validation error, a change from check your answers, a reference and a due date", async ({ page, request }, testInfo) => {
    test.slow();
    const email = `parent-${testInfo.project.name}-${Date.now()}@example.com`;

    await visit(page, "/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tell us about children's services");
    await expect(page.getByTestId("safeguarding")).toContainText("call 999");
    await expect(page.getByTestId("exit-this-page")).toHaveAttribute("href", /^https:\/\//);
    await page.getByRole("button", { name: "Start now" }).click();
    await arrived(page, /\/form\/kind$/);

    // Nothing chosen: the server (or, with JavaScript, the browser too) says what is missing.
    await page.getByRole("button", { name: "Continue" }).click();
    const summary = page.getByTestId("error-summary");
    await expect(summary.getByRole("link", { name: "Select what you would like to do" })).toHaveAttribute("href", "#kind");
    await expect(page.locator("#kind-error")).toContainText("Select what you would like to do");
    if (testInfo.project.name === "public-no-js") await expect(page).toHaveTitle(/^Error: /);
    await expectAccessible(page);
    await summary.getByRole("link", { name: "Select what you would like to do" }).click();
    await expect(page.locator("#kind")).toBeFocused();

    await radio(page, "Make a complaint").check();
    await next(page, "who-are-you");
    await expect(page.getByText(/^Step 2 of \d+$/)).toBeVisible();
    await radio(page, "A parent, or someone with parental responsibility").check();
    await next(page, "about-the-child");

    await page.getByRole("button", { name: "Continue" }).click();
    await expect(summary).toContainText("Enter the child or young person's name");
    await page.getByLabel("Child or young person's full name").fill("Sam Example");
    await page.getByLabel("Day").fill("30");
    await page.getByLabel("Month").fill("2");
    await page.getByLabel("Year").fill("2014");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(summary).toContainText("Date of birth must be a real date");
    await expect(page.getByLabel("Child or young person's full name")).toHaveValue("Sam Example");
    await expectAccessible(page);
    await page.getByLabel("Day").fill("28");
    await next(page, "your-details");

    await page.getByLabel("Your full name").fill("Pat Parent");
    await next(page, "contact");
    // With JavaScript, GOV.UK Frontend's script hides an option's questions until it is chosen
    // (public pages are not hydrated; docs/decisions/046); without it, every question shows.
    const scripted = testInfo.project.use.javaScriptEnabled !== false;
    await expect(page.getByLabel("Email address")).toBeVisible({ visible: !scripted });
    await radio(page, "Email").check();
    await expect(page.getByLabel("Email address")).toBeVisible();
    await page.getByLabel("Email address").fill("not-an-email");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(summary).toContainText("Enter an email address in the correct format");
    await expectAccessible(page);
    await page.getByLabel("Email address").fill(email);
    await next(page, "support-needs");
    await page.getByLabel(/Anything we should do to help you take part/).fill("Large print letters, please.");
    await next(page, "what-happened");
    const whatHappened = "Nobody told us about the review meeting.\nWe found out afterwards.";
    await page.getByLabel("What happened?").fill(whatHappened);
    // The count follows the typing with JavaScript (GOV.UK Frontend's character count, in our words,
    // the number written as the page's language writes it).
    if (scripted) await expect(page.locator(".govuk-character-count__status")).toHaveText(`You have ${(5000 - whatHappened.length).toLocaleString("en-GB")} characters remaining`);
    await next(page, "when-it-happened");
    // Two months ago, counted from today, so the test never crosses the 12-month line as it ages.
    const happened = addCalendarDays(londonDate(new Date()), -61);
    const [year, month, day] = happened.split("-").map(Number);
    await radio(page, "On a date I know").check();
    await page.getByLabel("Day").fill(String(day));
    await page.getByLabel("Month").fill(String(month));
    await page.getByLabel("Year").fill(String(year));
    await next(page, "team");
    await page.getByLabel("Team").selectOption({ label: "Children in care" });
    await next(page, "put-right");
    await page.getByLabel("An apology").check();
    await page.getByLabel("Better communication").check();
    await next(page, "complained-before");
    await radio(page, "No").check();
    await next(page, "court-case");
    await radio(page, "No").check();
    await next(page, "attachments");
    await next(page, "check-answers");

    const answers = page.locator(".govuk-summary-list");
    for (const text of ["Make a complaint", "A parent, or someone with parental responsibility", "Sam Example", "Friday 28 February 2014", "Pat Parent", email, "Large print letters, please.", "We found out afterwards.", formatLongDate(happened, "en"), "Children in care", "An apology", "Better communication"]) {
      await expect(answers).toContainText(text);
    }

    // "Change" comes back to check your answers.
    await page.getByRole("link", { name: "Change your full name" }).click();
    await arrived(page, /\/form\/your-details\?change=true$/);
    await expect(page.getByLabel("Your full name")).toHaveValue("Pat Parent");
    await page.getByLabel("Your full name").fill("Pat Q Parent");
    await next(page, /\/form\/check-answers$/);
    await expect(answers).toContainText("Pat Q Parent");

    // The declaration must be ticked.
    await page.getByRole("button", { name: "Send" }).click();
    await expect(summary).toContainText("Tick the box to confirm");
    await expectAccessible(page);
    // The honeypot: out of sight and out of the tab order, and a send that fills it sends nothing.
    const honeypot = page.locator("#website");
    await expect(honeypot).not.toBeInViewport();
    await expect(honeypot).toHaveAttribute("tabindex", "-1");
    const bot = await page.request.post("/form/check-answers", { form: { declaration: "yes", website: "https://cheap-pills.example" }, maxRedirects: 0 });
    expect(bot.status()).toBe(400);
    expect(await bot.text()).toContain("Nothing has been saved from that request.");
    await page.getByLabel(/I confirm that/).check();
    await page.getByRole("button", { name: "Send" }).click();
    await arrived(page, /\/form\/sent$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Complaint sent");
    const reference = (await page.getByTestId("reference").textContent())?.trim() ?? "";
    expect(reference).toMatch(REFERENCE_PATTERN);
    await expect(page.getByTestId("due-date")).toHaveText(/^We will reply by \w+day \d{1,2} \w+ \d{4}\.$/);

    // A replayed send makes nothing new: it lands on "already sent".
    const replay = await page.request.post("/form/check-answers", { form: { declaration: "yes" } });
    expect(replay.url()).toMatch(/\/form\/already-sent$/);
    expect(await replay.text()).toContain(reference);
    await visit(page, "/form/already-sent");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You have already sent this");
    await expect(page.locator("main")).toContainText(`Your reference number is ${reference}.`);

    // The acknowledgement goes through the outbox to a real SMTP server.
    const mail = await waitForMail(request, (m) => m.to.includes(email));
    expect(mail.subject).toContain(reference);
    expect(mail.text).toContain(reference);

    // The optional equality questions in English: every one answered, each page shown and scanned.
    await visit(page, "/equality");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Help us check our service is fair");
    await page.getByRole("button", { name: "Answer the questions" }).click();
    for (const [question, answer] of [
      ["age", "Prefer not to say"],
      ["sex", "Female"],
      ["disability", "No"],
      ["ethnic-group", "Asian, Asian British or Asian Welsh"],
      ["ethnic-background", "Indian"],
    ] as const) {
      await arrived(page, new RegExp(`/equality/${question}$`));
      await radio(page, answer).check();
      await page.getByRole("button", { name: "Continue" }).click();
    }
    await arrived(page, /\/equality\/done$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you");
  });

  test("a question cannot be skipped by typing its address", async ({ page }) => {
    await page.goto("/form/contact");
    await arrived(page, /\/form\/kind$/);
  });

  test("an unknown page gets a helpful 404, named in the page's language and mode; a staff one in English", async ({ page }) => {
    const html = page.locator("html");
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await ready(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expect(page).toHaveTitle("Page not found – Speak Up – Northshire Council");
    await expectAccessible(page);

    // Easy read is a mode of English: lang="en", its own words, title and larger text.
    expect((await page.goto("/no-such-page?mode=easy-read"))?.status()).toBe(404);
    await ready(page);
    await expect(html).toHaveAttribute("lang", "en");
    await expect(html).toHaveClass(/speakup-easy-read/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(enEasyCommon.errorPages.notFound.title);
    await expect(page).toHaveTitle(`${enEasyCommon.errorPages.notFound.title} – ${enEasyCommon.serviceName} – Northshire Council`);
    const size = await page.locator(".govuk-body").first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThan(19);
    await expectAccessible(page);

    // A page that fails to load is named by its error, not by the question it would have asked.
    expect((await page.goto("/equality/no-such-question?lang=ur&mode=standard"))?.status()).toBe(404);
    await ready(page);
    await expect(html).toHaveAttribute("lang", "ur");
    await expect(page).toHaveTitle(`${urCommon.errorPages.notFound.title} – ${urCommon.serviceName} – Northshire Council`);
    await expectAccessible(page);

    // The back office is English whatever the person chose.
    expect((await page.goto("/staff/no-such-page"))?.status()).toBe(404);
    await ready(page);
    await expect(html).toHaveAttribute("lang", "en");
    await expect(page).toHaveTitle("Page not found – Speak Up – Northshire Council");
    await expectAccessible(page);
  });
});
