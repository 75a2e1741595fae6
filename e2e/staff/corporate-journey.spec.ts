import type { Browser, Page } from "@playwright/test";
import { addWorkingDays, londonDate } from "../../app/domain/calendar";
import { formatLongDate } from "../../app/domain/dates";
import { arrived, exclusively, expect, landed, test, visit, waitForMail } from "../fixtures";
import { sendComplaintOverHttp } from "../journey";

const PASSWORD = "demo-password-please-change";
const STAGE1_REPLY =
  "Corporate Stage 1: reply within (from the acknowledgement)";
const STAGE2_REPLY =
  "Corporate Stage 2: reply within (from the acknowledgement)";

/** A signed-in page of its own for each person in the journey. */
async function signedIn(browser: Browser, email: string, redirectTo: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await visit(
    page,
    `/staff/sign-in?redirectTo=${encodeURIComponent(redirectTo)}`
  );
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  return page;
}

async function setTimescales(page: Page, values: Record<string, string>) {
  await visit(page, "/staff/admin/timescales");
  for (const [label, value] of Object.entries(values))
    await page.getByLabel(label).fill(value);
  await page.getByRole("button", { name: "Save changes" }).click();
  await landed(page, /\/staff\/admin\/timescales\?done=saved$/);
}

async function action(
  page: Page,
  reference: string,
  link: string,
  path: string
) {
  await page
    .getByTestId("case-actions")
    .getByRole("link", { name: link })
    .click();
  await landed(page, new RegExp(`/staff/cases/${reference}/${path}$`));
}

test.describe("a corporate complaint's whole life", () => {
  test.describe.configure({ timeout: 240_000 });

  test("with the council's own timescales: Stage 1, the person asks for Stage 2, someone else handles it, response, close, reopen and withdraw", async ({
    browser,
    baseURL,
    playwright,
    request,
  }) => {
    // The administrator gives corporate Stage 1 12 working days and Stage 2 15 (the defaults are 10
    // and 20). No other test may change the timescales meanwhile.
    await exclusively("timescales", async () => {
      const admin = await signedIn(
        browser,
        "admin@northshire.example",
        "/staff/admin/timescales"
      );
      await landed(admin, /\/staff\/admin\/timescales$/);
      const before = {
        [STAGE1_REPLY]: await admin.getByLabel(STAGE1_REPLY).inputValue(),
        [STAGE2_REPLY]: await admin.getByLabel(STAGE2_REPLY).inputValue(),
      };
      await setTimescales(admin, {
        [STAGE1_REPLY]: "12",
        [STAGE2_REPLY]: "15",
      });

      try {
        const email = `corporate.${Date.now()}@example.com`;
        const publicSide = await playwright.request.newContext({ baseURL });
        const reference = await sendComplaintOverHttp(publicSide, {
          fullName: "Cora Corporate",
          description: "The library van stopped coming to our road.",
          email,
        });
        await publicSide.dispose();
        // Accepted and acknowledged today: each reply is counted from today's acknowledgement.
        const today = londonDate(new Date());
        const stage1Due = formatLongDate(addWorkingDays(today, 12), "en");
        const stage2Due = formatLongDate(addWorkingDays(today, 15), "en");

        const officer = await signedIn(
          browser,
          "officer@northshire.example",
          `/staff/cases/${reference}/triage`
        );
        await landed(officer, new RegExp(`/staff/cases/${reference}/triage$`));
        await officer
          .getByLabel("Type of representation")
          .selectOption("Complaint");
        await officer
          .getByRole("group", { name: "Process" })
          .getByLabel("Corporate")
          .check();
        await officer
          .getByLabel("Who is complaining (received from)")
          .selectOption("Parent / adopter: Parent");
        await officer
          .getByRole("group", { name: "The child is" })
          .getByLabel("None of these")
          .check();
        await officer
          .getByRole("group", {
            name: "Was it made within 12 months of the matter?",
          })
          .getByLabel("Yes")
          .check();
        await officer
          .getByRole("group", { name: "Does any of these apply?" })
          .getByLabel("None of these")
          .check();
        await officer.getByRole("button", { name: "Save triage" }).click();
        await landed(officer, new RegExp(`/staff/cases/${reference}/triage$`));
        await officer
          .getByRole("link", { name: "Go on to the decision" })
          .click();
        await landed(
          officer,
          new RegExp(`/staff/cases/${reference}/decision$`)
        );
        await officer
          .getByLabel("Accept into the corporate process at Stage 1")
          .check();
        await officer.getByRole("button", { name: "Continue" }).click();
        await landed(officer, new RegExp(`/staff/cases/${reference}$`));
        await expect(officer.getByTestId("current-stage")).toContainText(
          "Now: Corporate Stage 1, Open"
        );
        await expect(officer.getByTestId("current-stage")).toContainText(
          `Next deadline: ${stage1Due}`
        );

        // Stage 1 is held by the Children in care team's manager.
        await action(
          officer,
          reference,
          "Assign to a team and a responding manager",
          "assign"
        );
        await officer
          .getByLabel("Team or service")
          .selectOption({ label: "Children in care" });
        await officer.getByRole("button", { name: "Continue" }).click();
        await officer
          .getByLabel("Responding manager")
          .selectOption({ label: "Taylor Teamlead" });
        await officer.getByRole("button", { name: "Assign" }).click();
        await landed(officer, new RegExp(`/staff/cases/${reference}$`));

        await action(officer, reference, "Record the response", "respond");
        await officer.getByLabel("Finding").selectOption("Not upheld");
        await officer.getByRole("button", { name: "Draft the letter" }).click();
        await landed(
          officer,
          new RegExp(`/staff/cases/${reference}/respond\\?finding=not-upheld`)
        );
        await officer
          .getByRole("button", {
            name: "Record the response and send the email",
          })
          .click();
        await landed(officer, new RegExp(`/staff/cases/${reference}$`));
        await waitForMail(
          request,
          (m) =>
            m.to.includes(email) &&
            m.subject ===
              `Our response to your complaint – reference ${reference}`
        );

        // The person asks for Stage 2 today: within the 20 working days after the response.
        await action(
          officer,
          reference,
          "Record that the person asked for the next stage",
          "escalate"
        );
        await expect(
          officer.locator(".govuk-summary-list__row", {
            hasText: "Last day to ask without a reason",
          })
        ).toContainText(formatLongDate(addWorkingDays(today, 20), "en"));
        await expect(
          officer.locator(".govuk-summary-list__row", { hasText: "Next stage" })
        ).toContainText("Corporate Stage 2");
        // Today is filled in; Stage 1's handler may not hold Stage 2.
        await expect(
          officer
            .getByRole("group", { name: "The day the person asked" })
            .getByLabel("Year")
        ).toHaveValue(today.slice(0, 4));
        await officer
          .getByLabel("Who handles Stage 2")
          .selectOption({ label: "Taylor Teamlead" });
        await officer
          .getByRole("button", {
            name: "Open the next stage and email the person",
          })
          .click();
        await expect(officer.getByTestId("error-summary")).toContainText(
          "Choose someone other than whoever handled Stage 1"
        );
        await arrived(
          officer,
          new RegExp(`/staff/cases/${reference}/escalate$`)
        );
        await officer
          .getByLabel("Who handles Stage 2")
          .selectOption({ label: "Morgan Manager" });
        await officer
          .getByRole("button", {
            name: "Open the next stage and email the person",
          })
          .click();
        await landed(officer, new RegExp(`/staff/cases/${reference}$`));
        await expect(officer.getByTestId("current-stage")).toContainText(
          "Now: Corporate Stage 2, Open"
        );
        await expect(officer.getByTestId("current-stage")).toContainText(
          `Next deadline: ${stage2Due}`
        );
        await expect(officer.getByTestId("current-stage")).toContainText(
          "Held by: Morgan Manager"
        );
        await expect(officer.getByTestId("stage-history")).toContainText(
          `Asked for on ${formatLongDate(today, "en")}`
        );
        await expect(officer.getByTestId("timeline")).toContainText(
          "Corporate Stage 1 to Corporate Stage 2"
        );

        const accepted = await waitForMail(
          request,
          (m) =>
            m.to.includes(email) &&
            m.subject ===
              `Your complaint is now at Stage 2, a review by a senior manager – reference ${reference}`
        );
        expect(accepted.text).toContain(`We will reply by ${stage2Due}.`);

        // On hold: recorded with its reason, and the deadline does not move.
        await action(officer, reference, "Put on hold", "put-on-hold");
        await expect(officer.getByTestId("clock-runs")).toContainText(
          `the deadline stays ${stage2Due}`
        );
        await officer.getByRole("button", { name: "Put on hold" }).click();
        await expect(officer.getByTestId("error-summary")).toContainText(
          "Enter why it is on hold"
        );
        await officer
          .getByLabel("Why it is on hold")
          .fill("Waiting for the library service's records.");
        await officer.getByRole("button", { name: "Put on hold" }).click();
        await landed(officer, new RegExp(`/staff/cases/${reference}$`));
        await expect(officer.getByTestId("current-stage")).toContainText(
          "Waiting for the library service's records."
        );
        await expect(officer.getByTestId("current-stage")).toContainText(
          `Next deadline: ${stage2Due}`
        );
        await action(officer, reference, "Take off hold", "take-off-hold");
        await officer.getByRole("button", { name: "Take off hold" }).click();
        await landed(officer, new RegExp(`/staff/cases/${reference}$`));
        await expect(officer.getByTestId("current-stage")).not.toContainText(
          "On hold"
        );

        // Stage 2's handler answers it and closes the complaint.
        const manager = await signedIn(
          browser,
          "manager@northshire.example",
          `/staff/cases/${reference}`
        );
        await landed(manager, new RegExp(`/staff/cases/${reference}$`));
        await action(manager, reference, "Record the response", "respond");
        await manager.getByLabel("Finding").selectOption("Upheld");
        await manager.getByRole("button", { name: "Draft the letter" }).click();
        await landed(
          manager,
          new RegExp(`/staff/cases/${reference}/respond\\?finding=upheld`)
        );
        await manager
          .getByRole("button", {
            name: "Record the response and send the email",
          })
          .click();
        await landed(manager, new RegExp(`/staff/cases/${reference}$`));
        // Going on from corporate Stage 2 means the Ombudsman, which is not this page.
        await expect(
          manager
            .getByTestId("case-actions")
            .getByRole("link", {
              name: "Record that the person asked for the next stage",
            })
        ).toHaveCount(0);

        await action(manager, reference, "Close the complaint", "close");
        await manager
          .getByRole("button", { name: "Close and email the person" })
          .click();
        await landed(manager, new RegExp(`/staff/cases/${reference}$`));
        await expect(manager.getByTestId("current-stage")).toContainText(
          "Now: Corporate Stage 2, Closed"
        );
        await expect(
          manager.locator(".govuk-summary-list").first()
        ).toContainText("Closed");
        const closed = await waitForMail(
          request,
          (m) =>
            m.to.includes(email) &&
            m.subject ===
              `We have closed your complaint – reference ${reference}`
        );
        expect(closed.text).toContain("www.lgo.org.uk");

        // Reopened with a reason, then the person withdraws it.
        await action(manager, reference, "Reopen the complaint", "reopen");
        await manager
          .getByLabel("Why it is reopened")
          .fill("The person rang: the van has still not come.");
        await manager.getByRole("button", { name: "Reopen" }).click();
        await landed(manager, new RegExp(`/staff/cases/${reference}$`));
        await expect(manager.getByTestId("current-stage")).toContainText(
          "Now: Corporate Stage 2, Open"
        );
        await action(
          manager,
          reference,
          "Record that the person withdrew the complaint",
          "withdraw"
        );
        await manager
          .getByLabel("What the person said")
          .fill("The van came back; they are happy now.");
        await manager
          .getByRole("button", { name: "Record the withdrawal" })
          .click();
        await landed(manager, new RegExp(`/staff/cases/${reference}$`));
        await expect(manager.getByTestId("current-stage")).toContainText(
          "Now: Corporate Stage 2, Withdrawn"
        );
        const history = manager.getByTestId("stage-history");
        await expect(history).toContainText(
          "Withdrawn: The van came back; they are happy now."
        );
        await expect(history).toContainText(
          "Reopened: The person rang: the van has still not come."
        );
        await expect(manager.getByTestId("timeline")).toContainText(
          "Withdrawn by the person"
        );
        await expect(manager.getByTestId("timeline")).toContainText(
          "Corporate Stage 2 closed on"
        );
        await manager.context().close();
        await officer.context().close();
      } finally {
        // Other journeys on this server count corporate dates from the defaults.
        await setTimescales(admin, before);
        await admin.context().close();
      }
    });
  });
});
