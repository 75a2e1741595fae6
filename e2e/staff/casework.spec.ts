import type { Page, PlaywrightWorkerArgs } from "@playwright/test";
import { expect, expectAccessible, landed, test, visit, waitForMail } from "../fixtures";
import { sendComplaintOverHttp, type HttpComplaint } from "../journey";

const PASSWORD = "demo-password-please-change";
const OFFICER = "officer@northshire.example";
const TEAM_MANAGER = "team.manager@northshire.example"; // Children in care
const OTHER_TEAM_MANAGER = "other.team.manager@northshire.example"; // Fostering

async function signIn(page: Page, email: string, to = "/staff") {
  await visit(page, `/staff/sign-in?redirectTo=${encodeURIComponent(to)}`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await landed(page, new RegExp(`${to.replace(/[?]/g, "\\?")}$`));
}

/** Sends a complaint as the public would, from its own cookie jar. */
async function complaint(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string | undefined, a: HttpComplaint) {
  const publicSide = await playwright.request.newContext({ baseURL });
  try {
    return await sendComplaintOverHttp(publicSide, a);
  } finally {
    await publicSide.dispose();
  }
}

/** Fills the triage page: type, process and the eligibility checklist, then saves. */
async function triage(page: Page, reference: string, answers: { receivedFrom: string; process?: string; childStatus?: string; inTime?: boolean; discretion?: "Yes" | "No"; discretionReason?: string }) {
  await page.goto(`/staff/cases/${reference}/triage`);
  await landed(page, new RegExp(`/staff/cases/${reference}/triage$`));
  await page.getByLabel("Type of representation").selectOption("Complaint");
  await page.getByRole("group", { name: "Process" }).getByLabel(answers.process ?? "Statutory (children's social care)").check();
  await page.getByLabel("Who is complaining (received from)").selectOption(answers.receivedFrom);
  await page.getByRole("group", { name: "The child is" }).getByLabel(answers.childStatus ?? "A child in need").check();
  const inTime = page.getByRole("group", { name: "Was it made within 12 months of the matter?" });
  await inTime.getByLabel(answers.inTime === false ? "No" : "Yes").check();
  if (answers.discretion) {
    await page.getByRole("group", { name: /will the council use its discretion/ }).getByLabel(answers.discretion).check();
    await page.getByLabel("Reason for the discretion decision").fill(answers.discretionReason ?? "");
  }
  await page.getByRole("group", { name: "Does any of these apply?" }).getByLabel("None of these").check();
  await page.getByRole("button", { name: "Save triage" }).click();
  await landed(page, new RegExp(`/staff/cases/${reference}/triage$`));
}

test.describe("casework", () => {
  // Every page is scanned by axe, and the checklist pages are long.
  test.describe.configure({ timeout: 150_000 });

  test("a complaints officer triages an e-form complaint into statutory Stage 1 and assigns it; the manager is emailed", async ({ page, baseURL, playwright, request }) => {
    const reference = await complaint(playwright, baseURL, { fullName: "Harriet Triage", description: "Nobody returned my calls about my daughter's placement.", email: "harriet.triage@example.com", childName: "Ivy Triage" });
    await signIn(page, OFFICER, `/staff/cases/${reference}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(reference);
    await expect(page.getByTestId("timeline")).toContainText("Received (E-form)");

    // Until the checklist is answered, only refusal is open.
    await page.getByRole("link", { name: "Decide: accept or refuse" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}/decision$`));
    await expect(page.getByLabel("Accept into the statutory process at Stage 1")).toHaveCount(0);

    await triage(page, reference, { receivedFrom: "Parent / adopter: Parent" });
    await expect(page.getByTestId("allowed")).toContainText("Accept into the statutory process at Stage 1");
    await page.getByRole("link", { name: "Go on to the decision" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}/decision$`));
    await page.getByLabel("Accept into the statutory process at Stage 1").check();
    await page.getByRole("button", { name: "Continue" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}$`));
    const summary = page.locator(".govuk-summary-list").first();
    await expect(summary).toContainText("Open");
    await expect(summary).toContainText("Stage 1");
    await expect(summary).toContainText("Statutory (children's social care)");

    await page.getByRole("link", { name: "Assign to a team and a responding manager" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}/assign$`));
    // The team first; then only that team's managers are offered (with or without JavaScript).
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("Choose the team");
    await page.getByLabel("Team or service").selectOption({ label: "Fostering" });
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByLabel("Responding manager").locator("option")).toContainText(["Choose", "Casey Otherteam"]);
    await page.getByRole("link", { name: "Change Team or service" }).click();
    await page.getByLabel("Team or service").selectOption({ label: "Children in care" });
    await page.getByRole("button", { name: "Continue" }).click();
    const managers = page.getByLabel("Responding manager").locator("option");
    await expect(managers).toContainText(["Choose", "Taylor Teamlead"]);
    await expect(managers.filter({ hasText: "Casey Otherteam" })).toHaveCount(0);
    await page.getByLabel("Responding manager").selectOption({ label: "Taylor Teamlead" });
    await page.getByRole("button", { name: "Assign" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}$`));
    await expect(page.getByTestId("timeline")).toContainText("Children in care, responding manager Taylor Teamlead");

    const mail = await waitForMail(request, (m) => m.to.includes(TEAM_MANAGER) && m.subject.includes(reference));
    expect(mail.subject).toBe(`Case ${reference} has been assigned to you`);
    expect(mail.text).not.toContain("Harriet");

    // The inbox shows the case with its Stage 1 deadline in working days.
    await page.goto(`/staff?q=${reference}`);
    await landed(page, /\/staff\?q=/);
    const row = page.getByRole("row").filter({ hasText: reference });
    await expect(row).toContainText("Stage 1");
    await expect(row).toContainText(/\d+ working days?/);
    await expect(row).toContainText("Taylor Teamlead");
  });

  test("refusing a complaint with a reason sends the edited letter to the person through SMTP", async ({ page, baseURL, playwright, request }) => {
    const email = `late.${Date.now()}@example.com`;
    const reference = await complaint(playwright, baseURL, { fullName: "Rowan Late", description: "Something that happened years ago.", email });
    await signIn(page, OFFICER, `/staff/cases/${reference}/triage`);
    await triage(page, reference, { receivedFrom: "Parent / adopter: Parent", inTime: false, discretion: "No", discretionReason: "Records from 2019 are no longer held" });
    await expect(page.getByTestId("assessment")).toContainText("More than 12 months after the matter");
    await page.getByRole("link", { name: "Go on to the decision" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}/decision$`));

    // Refusing without a reason is caught.
    await page.getByLabel("Refuse, with a reason").check();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("Choose the refusal reason");
    await page.getByLabel("Refusal reason").selectOption("Out of time");
    await page.getByRole("button", { name: "Continue" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}/refusal\\?reason=Out`));
    await expect(page.getByText(`Email to ${email}`)).toBeVisible();
    // The person's language in words, never its code ("en").
    await expect(page.locator(".govuk-summary-list__row", { hasText: "Language" }).locator("dd")).toHaveText("English, standard words");
    const letter = page.getByLabel("Letter");
    await expect(letter).toHaveValue(/Dear Rowan Late/);
    await expect(letter).toHaveValue(/more than 12 months ago/);
    await letter.fill(`${await letter.inputValue()}\n\nWe are sorry we cannot help further. <b>not markup</b>`);
    await page.getByRole("button", { name: "Refuse and send the email" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}$`));
    await expect(page.locator(".govuk-summary-list").first()).toContainText("Refused");
    await expect(page.getByTestId("timeline")).toContainText("Refused: Out of time");

    const mail = await waitForMail(request, (m) => m.to.includes(email) && m.subject.includes(reference) && m.subject.startsWith("Your complaint"));
    expect(mail.text).toContain("Ombudsman");
    expect(mail.text).toContain("We are sorry we cannot help further. <b>not markup</b>");
  });

  test("a team manager sees and opens only their team's cases; another team's case is a 404", async ({ page, browser, baseURL, playwright }) => {
    const ours = await complaint(playwright, baseURL, { fullName: "Olive Ours", description: "About a child in care.", email: "olive.ours@example.com" });
    const theirs = await complaint(playwright, baseURL, { fullName: "Theo Theirs", description: "About fostering.", email: "theo.theirs@example.com" });
    await signIn(page, OFFICER);
    for (const [reference, team, manager] of [
      [ours, "Children in care", "Taylor Teamlead"],
      [theirs, "Fostering", "Casey Otherteam"],
    ] as const) {
      await visit(page, `/staff/cases/${reference}/assign`);
      await page.getByLabel("Team or service").selectOption({ label: team });
      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByLabel("Responding manager").selectOption({ label: manager });
      await page.getByRole("button", { name: "Assign" }).click();
      await landed(page, new RegExp(`/staff/cases/${reference}$`));
    }

    const context = await browser.newContext({ baseURL });
    const managerPage = await context.newPage();
    try {
      await signIn(managerPage, TEAM_MANAGER);
      // Newest first: the demo's cases and other tests' fill the team's inbox, and this case must
      // be on the first page whatever their deadlines.
      await visit(managerPage, "/staff?sort=received-newest");
      await expect(managerPage.getByRole("row").filter({ hasText: ours })).toHaveCount(1);
      // Logging a representation is the complaints team's: not offered.
      await expect(managerPage.getByRole("link", { name: /Log a representation/ })).toHaveCount(0);
      await expect(managerPage.getByRole("row").filter({ hasText: theirs })).toHaveCount(0);
      await visit(managerPage, `/staff?q=${theirs}`);
      await expect(managerPage.getByText("No representations match.")).toBeVisible();
      await visit(managerPage, `/staff/cases/${ours}`);
      await expect(managerPage.getByRole("heading", { level: 1 })).toHaveText(ours);
      // The current stage, its deadline and who holds it, at the top.
      await expect(managerPage.getByTestId("current-stage")).toContainText("Now: Stage 1, Open");
      await expect(managerPage.getByTestId("current-stage")).toContainText(/Next deadline: .+ working days?/);
      await expect(managerPage.getByTestId("current-stage")).toContainText("Held by: Taylor Teamlead");
      await expect(managerPage.getByTestId("stage-history")).toContainText("Stage 1");
      // Only the pages their role opens are offered, and each one opens (never "Page not found").
      const offered = managerPage.getByTestId("case-actions").getByRole("link");
      await expect(offered.filter({ hasText: "Triage and eligibility" })).toHaveCount(0);
      const hrefs = await offered.evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect((await managerPage.request.get(href)).status(), href).toBe(200);
      // A team manager can add a note on their own team's case.
      await managerPage.getByLabel("Add a note").fill("Spoke to the social worker.");
      await managerPage.getByRole("button", { name: "Save note" }).click();
      await landed(managerPage, new RegExp(`/staff/cases/${ours}`));
      await expect(managerPage.getByTestId("timeline")).toContainText("Spoke to the social worker.");
      for (const path of [`/staff/cases/${theirs}`, `/staff/cases/${theirs}/safeguarding`, `/staff/cases/${theirs}/correspondence`]) {
        const response = await managerPage.goto(path);
        expect(response?.status(), path).toBe(404);
      }
      await expectAccessible(managerPage);
      // Nor can they post to it.
      const post = await managerPage.request.post(`/staff/cases/${theirs}`, { form: { note: "Should not land" }, maxRedirects: 0 });
      expect(post.status()).toBe(404);
      // Triage is the complaints team's.
      expect((await managerPage.goto(`/staff/cases/${ours}/triage`))?.status()).toBe(404);
    } finally {
      await context.close();
    }

    const otherContext = await browser.newContext({ baseURL });
    const otherPage = await otherContext.newPage();
    try {
      await signIn(otherPage, OTHER_TEAM_MANAGER);
      await visit(otherPage, "/staff?sort=received-newest");
      await expect(otherPage.getByRole("row").filter({ hasText: theirs })).toHaveCount(1);
      expect((await otherPage.goto(`/staff/cases/${ours}`))?.status()).toBe(404);
      await expectAccessible(otherPage);
    } finally {
      await otherContext.close();
    }
  });

  test("flagging a safeguarding concern pins the case to the top of the inbox until the referral is recorded", async ({ page, baseURL, playwright }) => {
    const reference = await complaint(playwright, baseURL, { fullName: "Sasha Safe", description: "My son said he was hit at the placement.", phone: "07700 900555" });
    await signIn(page, OFFICER, `/staff/cases/${reference}`);
    // The person said a message must not be left (sendComplaintOverHttp answers "no").
    await expect(page.getByTestId("contact-safety")).toContainText("Do not leave a voicemail or message.");

    await page.getByRole("link", { name: "Safeguarding: flag a concern or record a referral" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}/safeguarding$`));
    await page.getByRole("button", { name: "Flag the concern" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("Enter the concern");
    await page.getByLabel("What is the concern?").fill("Child reported being hit by a carer.");
    await page.getByRole("button", { name: "Flag the concern" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}/safeguarding$`));
    await expect(page.getByTestId("concern")).toContainText("Not yet referred");

    // Pinned: every row above it is also an unreferred safeguarding case.
    await visit(page, "/staff");
    const rows = page.getByTestId("inbox").locator("tbody tr");
    const texts = await rows.allInnerTexts();
    const index = texts.findIndex((t) => t.includes(reference));
    expect(index).toBeGreaterThanOrEqual(0);
    for (const text of texts.slice(0, index + 1)) expect(text).toContain("Safeguarding: refer now");

    await visit(page, `/staff/cases/${reference}`);
    await expect(page.getByTestId("safeguarding-warning")).toBeVisible();
    await page.getByRole("link", { name: "Record the referral" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}/safeguarding$`));
    await page.getByRole("link", { name: "Record the referral" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}/referral/\\d+$`));
    await page.getByLabel("the Multi-Agency Safeguarding Hub (MASH)").check();
    await page.getByLabel("Who took the referral").fill("Pat Duty, MASH social worker");
    const today = new Date();
    await page.getByLabel("Day").fill(String(today.getDate()));
    await page.getByLabel("Month").fill(String(today.getMonth() + 1));
    await page.getByLabel("Year").fill(String(today.getFullYear()));
    await page.getByRole("button", { name: "Record the referral" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}$`));
    await expect(page.getByTestId("safeguarding-warning")).toHaveCount(0);
    await expect(page.getByTestId("timeline")).toContainText("Referred to the Multi-Agency Safeguarding Hub (MASH) (Pat Duty, MASH social worker)");

    await visit(page, `/staff?q=${reference}`);
    await expect(page.getByRole("row").filter({ hasText: reference })).not.toContainText("Safeguarding: refer now");
  });

  test("a contact restriction on a person shows on every case of theirs", async ({ page, baseURL, playwright }) => {
    const email = `repeat.caller.${Date.now()}@example.com`;
    const first = await complaint(playwright, baseURL, { fullName: "Robin Repeat", description: "First complaint.", email });
    const second = await complaint(playwright, baseURL, { fullName: "Robin Repeat", description: "Second complaint.", email });
    await signIn(page, OFFICER, `/staff/cases/${first}/restrictions`);
    await page.getByLabel("What is restricted").fill("Contact only by email to the complaints team");
    await page.getByLabel("Why").fill("Repeated abusive calls to staff");
    await page.getByLabel("Day").fill("1");
    await page.getByLabel("Month").fill("6");
    await page.getByLabel("Year").fill(String(new Date().getFullYear() + 1));
    await page.getByRole("button", { name: "Add the restriction" }).click();
    await landed(page, new RegExp(`/staff/cases/${first}$`));
    await expect(page.getByTestId("restrictions")).toContainText("Contact only by email to the complaints team");
    await visit(page, `/staff/cases/${second}`);
    await expect(page.getByTestId("restrictions")).toContainText("Contact only by email to the complaints team");
    await expect(page.getByTestId("restrictions")).toContainText("Repeated abusive calls to staff");
  });
});
