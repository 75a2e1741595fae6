import type { Page } from "@playwright/test";
import { addWorkingDays, londonDate, type IsoDate } from "../../app/domain/calendar";
import { formatLongDate } from "../../app/domain/dates";
import { expect, landed, test, visit, waitForMail } from "../fixtures";
import { sendComplaintOverHttp } from "../journey";
import { acceptIntoStage1 } from "./steps";

const PASSWORD = "demo-password-please-change";
const OFFICER = "officer@northshire.example";
const INVESTIGATOR = "investigator@northshire.example";

async function signIn(page: Page, email: string, to: string) {
  await page.goto(`/staff/sign-in?redirectTo=${encodeURIComponent(to)}`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await landed(page, new RegExp(`${to.replace(/[/?]/g, "\\$&")}$`));
}

/** A day written into the three GOV.UK date boxes of the group with this legend. */
async function fillDate(page: Page, legend: string, iso: IsoDate) {
  const [year, month, day] = iso.split("-");
  const group = page.getByRole("group", { name: legend });
  await group.getByLabel("Day").fill(String(Number(day)));
  await group.getByLabel("Month").fill(String(Number(month)));
  await group.getByLabel("Year").fill(year!);
}

/** The response page's two steps: the finding, then the drafted letter as it stands. */
async function respond(page: Page, reference: string, link: string, path: string, finding: string, before?: (page: Page) => Promise<void>) {
  await page.getByTestId("case-actions").getByRole("link", { name: link }).click();
  await landed(page, new RegExp(`/staff/cases/${reference}/${path}$`));
  await page.getByLabel("Finding").selectOption(finding);
  await page.getByRole("button", { name: "Draft the letter" }).click();
  await landed(page, new RegExp(`/staff/cases/${reference}/${path}\\?finding=`));
  if (before) await before(page);
  await page.getByRole("button", { name: "Record the response and send the email" }).click();
  await landed(page, new RegExp(`/staff/cases/${reference}$`));
}

/** Staff record that the person asked for the next stage today (the page fills in today), within its window. */
async function askForNextStage(page: Page, reference: string, windowEndsOn: string) {
  await visit(page, `/staff/cases/${reference}`);
  await act(page, reference, "Record that the person asked for the next stage", "escalate");
  await expect(page.locator(".govuk-summary-list__row", { hasText: "Last day to ask without a reason" })).toContainText(windowEndsOn);
  await page.getByRole("button", { name: "Open the next stage and email the person" }).click();
  await landed(page, new RegExp(`/staff/cases/${reference}$`));
}

async function act(page: Page, reference: string, link: string, path: string) {
  await page.getByTestId("case-actions").getByRole("link", { name: link }).click();
  await landed(page, new RegExp(`/staff/cases/${reference}/${path}$`));
}

test.describe("a complaint's life after Stage 1", () => {
  test.describe.configure({ timeout: 300_000 });

  test("Stage 2 with a named investigator, Stage 3's panel, and the Ombudsman's decision and remedy", async ({ page, browser, baseURL, playwright, request }) => {
    const today = londonDate(new Date());
    const long = (d: IsoDate) => formatLongDate(d, "en");
    const email = `life.${Date.now()}@example.com`;
    const publicSide = await playwright.request.newContext({ baseURL });
    const reference = await sendComplaintOverHttp(publicSide, { fullName: "Lee Lifelong", description: "My daughter's placement plan was changed without telling us.", email });
    // Another Stage 2 case, with nobody named: the investigator must not see it.
    const other = await sendComplaintOverHttp(publicSide, { fullName: "Otto Other", description: "Nobody returned my calls about respite care.", email: `other.${Date.now()}@example.com` });
    await publicSide.dispose();

    await signIn(page, OFFICER, "/staff");
    await acceptIntoStage1(page, other);
    await acceptIntoStage1(page, reference);
    await respond(page, reference, "Record the response", "respond", "Not upheld");
    await expect(page.getByTestId("current-stage")).toContainText("Now: Stage 1, Responded");

    // The person asks for Stage 2 today, within the 20 working days after the response.
    await askForNextStage(page, reference, long(addWorkingDays(today, 20)));
    await visit(page, `/staff/cases/${other}`);
    await respond(page, other, "Record the response", "respond", "Not upheld");
    await askForNextStage(page, other, long(addWorkingDays(today, 20)));
    const accepted2 = await waitForMail(request, (m) => m.to.includes(email) && m.subject === `Your complaint is now at Stage 2, an independent investigation – reference ${reference}`);
    expect(accepted2.text).toContain("You asked for your complaint");

    // Stage 2: the statement within 10 working days, the response within 25 (counted from the request).
    await visit(page, `/staff/cases/${reference}`);
    await expect(page.getByTestId("current-stage")).toContainText("Now: Stage 2, Open");
    const deadlines = page.getByTestId("stage-deadlines");
    await expect(deadlines).toContainText(`Agree the statement of complaint: due by ${long(addWorkingDays(today, 10))}`);
    await expect(deadlines).toContainText(`Respond: due by ${long(addWorkingDays(today, 25))}`);
    // Not offered until the statement is agreed and an Investigating Officer named.
    await expect(page.getByTestId("case-actions").getByRole("link", { name: "Record the response" })).toHaveCount(0);

    await act(page, reference, "Name the Investigating Officer and the Independent Person", "name-investigator");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("Choose the Investigating Officer's account or enter their name");
    const officerGroup = page.getByRole("group", { name: "Investigating Officer" });
    await officerGroup.getByLabel("Staff account").selectOption({ label: "Indira Investigator" });
    await officerGroup.getByLabel("Cost in pounds (optional)").fill("1,200");
    const independentGroup = page.getByRole("group", { name: "Independent Person" });
    await independentGroup.getByLabel("Or their name, if they have no account").fill("Rowan Independent");
    await independentGroup.getByLabel("Cost in pounds (optional)").fill("450");
    await page.getByRole("button", { name: "Save" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}$`));
    await expect(page.getByTestId("stage-people")).toContainText("Investigating Officer: Indira Investigator (£1,200.00)");
    await expect(page.getByTestId("stage-people")).toContainText("Independent Person: Rowan Independent (£450.00)");
    // Offered again (naming again replaces them), starting from who is named.
    await act(page, reference, "Name the Investigating Officer and the Independent Person", "name-investigator");
    await expect(page.getByRole("group", { name: "Investigating Officer" }).getByLabel("Staff account")).toHaveValue(/^\d+$/);
    await expect(page.getByRole("group", { name: "Independent Person" }).getByLabel("Or their name, if they have no account")).toHaveValue("Rowan Independent");
    await expect(page.getByRole("group", { name: "Independent Person" }).getByLabel("Cost in pounds (optional)")).toHaveValue("450.00");
    await page.getByRole("link", { name: "Cancel and go back to the case" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}$`));

    // The investigator sees this case, and not the other Stage 2 case, and records the statement as agreed.
    const investigatorContext = await browser.newContext();
    const investigator = await investigatorContext.newPage();
    await signIn(investigator, INVESTIGATOR, "/staff");
    await expect(investigator.getByTestId("inbox")).toContainText(reference);
    await expect(investigator.getByTestId("inbox")).not.toContainText(other);
    expect((await investigator.goto(`/staff/cases/${other}`))?.status()).toBe(404);
    await visit(investigator, `/staff/cases/${reference}`);
    // Of the stage's moves, only the statement is theirs.
    await expect(investigator.getByTestId("case-actions").getByRole("link", { name: "Name the Investigating Officer and the Independent Person" })).toHaveCount(0);
    await act(investigator, reference, "Record the statement of complaint as agreed", "agree-statement");
    await expect(investigator.locator(".govuk-summary-list__row", { hasText: "Statement to be agreed by" })).toContainText(long(addWorkingDays(today, 10)));
    await fillDate(investigator, "Date the statement was agreed with the person", addWorkingDays(today, 1));
    await investigator.getByRole("button", { name: "Save" }).click();
    await expect(investigator.getByTestId("error-summary")).toContainText("The date must be today or in the past");
    await fillDate(investigator, "Date the statement was agreed with the person", today);
    await investigator.getByRole("button", { name: "Save" }).click();
    await landed(investigator, new RegExp(`/staff/cases/${reference}$`));
    await expect(investigator.getByTestId("stage-deadlines")).toContainText(`Agree the statement of complaint: done on ${long(today)}`);
    await investigatorContext.close();

    // The Stage 2 response, with its Adjudicating Officer.
    await visit(page, `/staff/cases/${reference}`);
    // Stage 2 answers point by point, and its finding must be the one the points make.
    await respond(page, reference, "Record the response", "respond", "Partially upheld", async (p) => {
      await p.getByRole("button", { name: "Record the response and send the email" }).click();
      await expect(p.getByTestId("error-summary")).toContainText("Record at least one point of complaint");
      await p.getByLabel("The point, in the person's words").first().fill("Nobody told me my social worker had changed.");
      await p.getByLabel("Finding for this point").first().selectOption("Upheld");
      await p.getByLabel("Reasons for the finding").first().fill("No letter or call about the change is on the record.");
      await p.getByRole("button", { name: "Record the response and send the email" }).click();
      await expect(p.getByTestId("error-summary")).toContainText("The points make the complaint upheld");
      await p.locator("summary", { hasText: "Point 2" }).click();
      await p.getByLabel("The point, in the person's words").nth(1).fill("My views were not written down.");
      await p.getByLabel("Finding for this point").nth(1).selectOption("Not upheld");
      await p.getByLabel("Reasons for the finding").nth(1).fill("The review notes record them.");
      await p.getByRole("button", { name: "Record the response and send the email" }).click();
      await expect(p.getByTestId("error-summary")).toContainText("Enter the Adjudicating Officer's name");
      await p.getByLabel("Adjudicating Officer").fill("Alex Adjudicator");
    });
    await expect(page.getByTestId("outcomes-2")).toContainText("Point 1: Upheld");
    await expect(page.getByTestId("outcomes-2")).toContainText("At least one point is upheld or partially upheld, and not all of them are upheld.");
    await expect(page.getByTestId("current-stage")).toContainText("Now: Stage 2, Responded");
    await expect(page.getByTestId("stage-people")).toContainText("Adjudicating Officer: Alex Adjudicator");
    const stage2Letter = await waitForMail(request, (m) => m.to.includes(email) && m.subject === `Our response to your complaint – reference ${reference}` && m.text.includes("partly upheld"));
    expect(stage2Letter.text).toContain(`Please tell us by ${long(addWorkingDays(today, 20))}`);
    expect(stage2Letter.text).not.toContain("Ombudsman");

    // The person asks for Stage 3 today.
    await askForNextStage(page, reference, long(addWorkingDays(today, 20)));
    const accepted3 = await waitForMail(request, (m) => m.to.includes(email) && m.subject === `Your complaint is now at Stage 3, a review panel – reference ${reference}`);
    expect(accepted3.text).toContain(`The review panel will meet by ${long(addWorkingDays(today, 30))}`);
    await visit(page, `/staff/cases/${reference}`);
    await expect(page.getByTestId("current-stage")).toContainText("Now: Stage 3 (review panel), Open");
    await expect(page.getByTestId("stage-deadlines")).toContainText(`Hold the review panel: due by ${long(addWorkingDays(today, 30))}`);

    await act(page, reference, "Book the review panel", "book-panel");
    await expect(page.locator(".govuk-summary-list__row", { hasText: "Panel to be held by" })).toContainText(long(addWorkingDays(today, 30)));
    await expect(page.locator(".govuk-summary-list__row", { hasText: "Cannot sit on the panel" })).toContainText("Rowan Independent");
    await fillDate(page, "Date of the panel", today);
    await page.getByLabel("Name of panel member 1").fill("Chris Chair");
    await page.getByLabel("Cost of panel member 1 in pounds (optional)").fill("300");
    await page.getByLabel("Name of panel member 2").fill("Pat Panel");
    await page.getByLabel("Name of panel member 3").fill("rowan independent");
    await page.getByRole("group", { name: "Who chairs the panel?" }).getByLabel("Panel member 1").check();
    await page.getByRole("button", { name: "Book the panel" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("The Stage 2 Independent Person cannot sit on the panel");
    await page.getByLabel("Name of panel member 3").fill("Sam Seat");
    await page.getByRole("button", { name: "Book the panel" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}$`));
    await expect(page.getByTestId("stage-people")).toContainText("Panel chair: Chris Chair (£300.00)");
    await expect(page.getByTestId("stage-people")).toContainText("Panel member: Sam Seat");
    await expect(page.getByTestId("stage-deadlines")).toContainText(`Chair's report: due by ${long(addWorkingDays(today, 5))}`);

    await act(page, reference, "Record the chair's report", "record-panel-report");
    await fillDate(page, "Date the chair's report arrived", today);
    await page.getByRole("button", { name: "Save" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}$`));
    await expect(page.getByTestId("stage-deadlines")).toContainText(`Council's response to the panel: due by ${long(addWorkingDays(today, 15))}`);
    await expect(page.getByTestId("stage-facts")).toContainText(`Chair's report received: ${long(today)}`);

    await respond(page, reference, "Record the council's response to the panel", "record-council-response", "Upheld", async (p) => {
      await expect(p.getByLabel("Letter")).toHaveValue(/Local Government and Social Care Ombudsman/);
    });
    await expect(page.getByTestId("current-stage")).toContainText("Now: Stage 3 (review panel), Responded");
    const finalLetter = await waitForMail(request, (m) => m.to.includes(email) && m.subject === `Our response to your complaint – reference ${reference}` && m.text.includes("is upheld"));
    expect(finalLetter.text).toContain("you can ask the Local Government and Social Care Ombudsman to look at your complaint");
    expect(finalLetter.text).toContain("Visit https://www.lgo.org.uk or call 0300 061 0614.");

    // The Ombudsman: its enquiry, the answer, the decision with a remedy, and the remedy met.
    const enquiryDue = addWorkingDays(today, 20);
    await act(page, reference, "Record that the person went to the Ombudsman", "refer-to-ombudsman");
    await page.getByLabel("The Ombudsman's reference").fill("26 001 234");
    await fillDate(page, "Date the Ombudsman's enquiry arrived", today);
    await fillDate(page, "Date the Ombudsman asks for an answer by", enquiryDue);
    await page.getByRole("button", { name: "Save" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}$`));
    await expect(page.getByTestId("current-stage")).toContainText("Now: The Ombudsman, Open");
    await expect(page.getByTestId("current-stage")).toContainText(`Next deadline: ${long(enquiryDue)}`);
    await expect(page.getByTestId("stage-deadlines")).toContainText(`Answer the Ombudsman's enquiry: due by ${long(enquiryDue)}`);
    await expect(page.getByTestId("stage-facts")).toContainText("Ombudsman's reference: 26 001 234");

    await act(page, reference, "Record the answer to the Ombudsman's enquiry", "answer-ombudsman-enquiry");
    await fillDate(page, "Date the answer was sent", today);
    await page.getByRole("button", { name: "Save" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}$`));
    await expect(page.getByTestId("stage-deadlines")).toContainText(`Answer the Ombudsman's enquiry: done on ${long(today)}`);

    const remedyDue = addWorkingDays(today, 30);
    await act(page, reference, "Record the Ombudsman's decision", "record-ombudsman-decision");
    await fillDate(page, "Date of the decision", today);
    await page.getByLabel("The Ombudsman's decision").selectOption("Upheld - fault causing injustice");
    await page.getByLabel("Remedy the Ombudsman asked for").fill("Apologise in writing and pay £250 for the distress caused.");
    await page.getByLabel("Payment in pounds (optional)").fill("250");
    await page.getByRole("button", { name: "Save the decision" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("Enter the date the remedy is due by");
    await fillDate(page, "Date the remedy is due by", remedyDue);
    await page.getByRole("button", { name: "Save the decision" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}$`));
    await expect(page.getByTestId("current-stage")).toContainText("Now: The Ombudsman, Responded");
    await expect(page.getByTestId("current-stage")).toContainText(`Next deadline: ${long(remedyDue)}`);
    await expect(page.getByTestId("stage-deadlines")).toContainText(`Meet the Ombudsman's remedy: due by ${long(remedyDue)}`);
    await expect(page.getByTestId("stage-facts")).toContainText("Ombudsman's decision: Upheld - fault causing injustice");
    await expect(page.getByTestId("stage-facts")).toContainText("Remedy payment: £250.00");

    await act(page, reference, "Record the Ombudsman's remedy as met", "record-remedy-met");
    await fillDate(page, "Date the remedy was met", today);
    await page.getByRole("button", { name: "Save and close the case" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}$`));
    await expect(page.getByTestId("current-stage")).toContainText("Now: The Ombudsman, Closed");
    await expect(page.getByTestId("current-stage")).toContainText("No deadline running.");
    await expect(page.getByTestId("stage-deadlines")).toContainText(`Meet the Ombudsman's remedy: done on ${long(today)}`);
    // The history keeps every stage with its people and facts.
    const history = page.getByTestId("stage-history");
    await expect(history.locator("tbody tr")).toHaveCount(4);
    await expect(history).toContainText("Investigating Officer: Indira Investigator");
    await expect(history).toContainText("Panel chair: Chris Chair");
    await expect(history).toContainText("Remedy met");
    await expect(page.getByTestId("case-actions").getByRole("link", { name: "Record the Ombudsman's remedy as met" })).toHaveCount(0);
  });
});
