import type { Page } from "@playwright/test";
import { arrived, expect, expectAccessible, test, visit, waitForMail } from "../fixtures";
import { next, REFERENCE_PATTERN } from "../journey";

const radio = (page: Page, name: string) => page.getByRole("radio", { name, exact: true });

/** From the start of the form to "who are you?", through the pages, scanning each. */
async function startComplaint(page: Page, who: string) {
  await visit(page, "/form/kind");
  await radio(page, "Make a complaint").check();
  await next(page, "who-are-you");
  await radio(page, who).check();
}

/** The pages every complaint route shares, answered briefly, ending on check your answers. */
async function finishComplaint(page: Page, { name, email }: { name: string; email?: string }) {
  await page.getByLabel("Your full name").fill(name);
  await next(page, "contact");
  if (email) {
    await radio(page, "Email").check();
    await page.getByLabel("Email address").fill(email);
    await next(page, "support-needs");
  } else {
    await radio(page, "Phone").check();
    await page.getByLabel("Phone number", { exact: true }).fill("07700 900982");
    await next(page, "contact-safety");
    await page.getByRole("group", { name: "Is it safe for us to call you?" }).getByLabel("Yes").check();
    await page.getByRole("group", { name: "Is it safe for us to leave a voicemail or message?" }).getByLabel("No").check();
    await page.getByLabel(/Times we should not contact you/).fill("Not before 10am");
    await next(page, "support-needs");
  }
  await next(page, "what-happened");
  await page.getByLabel("What happened?").fill("My review meeting was cancelled three times.");
  await next(page, "when-it-happened");
  await radio(page, "I'm not sure of the date, or it has been going on for a while").check();
  await page.getByLabel("Roughly when").fill("Since the summer");
  await next(page, "team");
  await page.getByLabel("Team").selectOption({ label: "I don't know" });
  await next(page, "put-right");
  await page.getByLabel(/Anything else that would put things right/).fill("A meeting with the manager");
  await next(page, "complained-before");
  await radio(page, "Not sure").check();
  await next(page, "court-case");
  await radio(page, "Not sure").check();
  await next(page, "attachments");
  await next(page, "check-answers");
}

async function send(page: Page, heading: string) {
  await page.getByLabel(/I confirm that/).check();
  await page.getByRole("button", { name: "Send" }).click();
  await arrived(page, /\/form\/sent$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  const reference = (await page.getByTestId("reference").textContent())?.trim() ?? "";
  expect(reference).toMatch(REFERENCE_PATTERN);
  return reference;
}

test.describe("every kind of person", () => {
  test("a young person who asks for an advocate: the referral is emailed to the advocacy provider", async ({ page, request }) => {
    const name = `Jo Young ${Date.now()}`;
    await startComplaint(page, "I am the young person it is about");
    await next(page, "advocate-offer");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Would you like an advocate to help you?");
    await radio(page, "Yes, please").check();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("Tick the box to agree");
    await expectAccessible(page);
    await page.getByLabel(/I agree to you giving my name/).check();
    await next(page, "your-details");
    await page.getByLabel("Your full name").fill(name);
    await next(page, "contact");
    // Only a young person with an advocate can ask to be contacted through them.
    await expect(radio(page, "Through my advocate")).toBeVisible();
    await page.getByRole("link", { name: "Back", exact: true }).click();
    await arrived(page, /\/form\/your-details$/);
    await finishComplaint(page, { name });
    await expect(page.locator(".govuk-summary-list")).toContainText("Yes, I agree");
    await send(page, "Complaint sent");
    await expect(page.locator("main")).toContainText("You asked for an advocate");

    const referral = await waitForMail(request, (m) => m.subject.startsWith("Advocacy referral") && m.text.includes(name));
    expect(referral.to).toEqual(["referrals@advocacy.northshire.example"]);
    expect(referral.text).toContain("07700 900982");
    expect(referral.text).toContain("Safe to leave a message: No");
    expect(referral.text).not.toContain("review meeting was cancelled");
  });

  test("an advocate: the child's details, their agreement with a reason, and the advocate's organisation", async ({ page }) => {
    await startComplaint(page, "An advocate, or someone helping a young person");
    await next(page, "about-the-child");
    await page.getByLabel("Child or young person's full name").fill("Riley Child");
    await page.getByLabel(/Age, if you do not know/).fill("13");
    await next(page, "child-agrees");
    await radio(page, "Not sure").check();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("Tell us why the child does not know or agree");
    await expectAccessible(page);
    await page.getByLabel("If no or not sure, tell us why").fill("They are upset and I have not been able to ask yet.");
    await next(page, "advocate-details");
    await page.getByLabel("Organisation you work for").fill("Voices for Children");
    await page.getByLabel("Your role").fill("Independent advocate");
    await next(page, "your-details");
    await finishComplaint(page, { name: "Avery Advocate", email: "avery@voices.example" });
    const answers = page.locator(".govuk-summary-list");
    for (const text of ["Riley Child", "13", "Not sure", "I have not been able to ask yet", "Voices for Children", "Independent advocate"]) {
      await expect(answers).toContainText(text);
    }
    await send(page, "Complaint sent");
  });

  for (const who of ["Another relative", "A professional", "Someone else"]) {
    test(`${who.toLowerCase()}: asked whether the child agrees`, async ({ page }) => {
      await startComplaint(page, who);
      await next(page, "about-the-child");
      await page.getByLabel("Child or young person's full name").fill("Alex Child");
      await next(page, "child-agrees");
      await radio(page, "Yes").check();
      await next(page, "your-details");
      await finishComplaint(page, { name: `${who} person` });
      await send(page, "Complaint sent");
    });
  }

  for (const who of ["A foster carer", "A special guardian or kinship carer"]) {
    test(`${who.toLowerCase()}: not asked for the child's agreement`, async ({ page }) => {
      await startComplaint(page, who);
      await next(page, "about-the-child");
      await page.getByLabel("Child or young person's full name").fill("Charlie Child");
      await next(page, "your-details");
      await finishComplaint(page, { name: `${who} person` });
      await send(page, "Complaint sent");
    });
  }

  test("something that happened more than a year ago is gently asked why now", async ({ page }) => {
    await startComplaint(page, "A parent, or someone with parental responsibility");
    await next(page, "about-the-child");
    await page.getByLabel("Child or young person's full name").fill("Morgan Child");
    await next(page, "your-details");
    await page.getByLabel("Your full name").fill("Pat Parent");
    await next(page, "contact");
    await radio(page, "Post").check();
    await page.getByLabel("Postal address").fill("1 High Street\nNorthtown\nNT1 1AA");
    await next(page, "contact-safety");
    await page.getByRole("group", { name: "Is it safe for us to write to you at this address?" }).getByLabel("Yes").check();
    await next(page, "support-needs");
    await next(page, "what-happened");
    await page.getByLabel("What happened?").fill("A decision was made without us.");
    await next(page, "when-it-happened");
    await radio(page, "On a date I know").check();
    await page.getByLabel("Day").fill("1");
    await page.getByLabel("Month").fill("3");
    await page.getByLabel("Year").fill("2023");
    await next(page, "why-now");
    await expect(page.locator("main")).toContainText("more than 12 months ago");
    await page.getByLabel("Why are you telling us now?").fill("I only found out last month.");
    await next(page, "team");
  });
});

test.describe("compliments and comments", () => {
  test("a compliment, passed on with permission, with an email for the reference", async ({ page, request }) => {
    const email = `thanks-${Date.now()}@example.com`;
    await visit(page, "/form/kind");
    await radio(page, "Give a compliment").check();
    await next(page, "compliment-team");
    await page.getByLabel("Team").selectOption({ label: "Fostering" });
    await page.getByLabel(/Name of the worker/).fill("Sunita");
    await next(page, "compliment-what");
    await page.getByLabel("What went well?").fill("Sunita always calls back and explains things clearly.");
    await next(page, "compliment-share");
    await radio(page, "Yes").check();
    await next(page, "compliment-contact");
    await page.getByLabel("Email address").fill(email);
    await next(page, "check-answers");
    await expect(page.locator(".govuk-summary-list")).toContainText("Fostering");
    const reference = await send(page, "Compliment sent");
    await expect(page.getByTestId("due-date")).toHaveCount(0);
    const mail = await waitForMail(request, (m) => m.to.includes(email));
    expect(mail.subject).toContain("Thank you for your compliment");
    expect(mail.subject).toContain(reference);
  });

  test("an anonymous comment", async ({ page }) => {
    await visit(page, "/form/kind");
    await radio(page, "Make a comment or suggestion").check();
    await next(page, "comment-about");
    await page.getByLabel("What is your comment about?").fill("Your letters");
    await next(page, "comment-what");
    await page.getByLabel("Your comment").fill("Letters would be easier to read with shorter sentences.");
    await next(page, "comment-contact");
    await next(page, "check-answers");
    await expect(page.locator(".govuk-summary-list")).toContainText("Not given");
    await send(page, "Comment sent");
  });
});
