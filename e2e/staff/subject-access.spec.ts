import { arrived, expect, landed, test, visit } from "../fixtures";
import { sendComplaintOverHttp } from "../journey";

const PASSWORD = "demo-password-please-change";
const MANAGER = "manager@northshire.example";

test.describe("subject access requests", () => {
  test.describe.configure({ timeout: 150_000 });

  test("a complaints manager finds a person by phone, chooses their record, opens the export and downloads it as JSON", async ({ page, baseURL, playwright }) => {
    // Someone complains by phone and answers an equality question, from their own browser.
    const phone = `07700 9${String(Math.floor(Math.random() * 100_000)).padStart(5, "0")}`;
    const publicSide = await playwright.request.newContext({ baseURL });
    let reference: string;
    try {
      reference = await sendComplaintOverHttp(publicSide, { fullName: "Rosalind Access", phone, childName: "Tobias Access", description: "I want to see what you hold about us." });
      const answered = await publicSide.post("/equality/age", { form: { answer: "25-to-59" } });
      expect(answered.status()).toBeLessThan(400);
    } finally {
      await publicSide.dispose();
    }

    await visit(page, `/staff/sign-in?redirectTo=${encodeURIComponent(`/staff/cases/${reference}`)}`);
    await page.getByLabel("Email address").fill(MANAGER);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}$`));
    // Equality answers are never on the case page.
    await expect(page.getByText("25 to 59")).toHaveCount(0);

    await page.getByRole("link", { name: "Subject access requests" }).click();
    await landed(page, /\/staff\/subject-access$/);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("Choose how to search");
    await arrived(page, /\/staff\/subject-access$/);

    await page.getByRole("radio", { name: "Phone number" }).check();
    await page.getByRole("textbox", { name: "Phone number" }).fill(phone.replace(/^0/, "+44 "));
    await page.getByRole("button", { name: "Search" }).click();
    const matches = page.getByTestId("matches");
    await expect(matches).toContainText(reference);
    await expect(matches).toContainText("Made it");
    await arrived(page, /\/staff\/subject-access(\?index)?$/);

    await page.getByRole("button", { name: "Open the export" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("Choose at least one record");
    await arrived(page, /\/staff\/subject-access(\?index)?$/);
    await page.getByLabel(`Choose ${reference}`).check();
    await page.getByRole("button", { name: "Open the export" }).click();
    await landed(page, /\/staff\/subject-access\/export\?id=\d+$/);

    const record = page.getByTestId("representation");
    await expect(record).toHaveCount(1);
    await expect(record.getByRole("heading", { level: 2 })).toHaveText(`Complaint ${reference}`);
    await expect(record.getByTestId("answers")).toContainText("I want to see what you hold about us.");
    await expect(record.getByTestId("timeline")).toContainText("Received");
    await expect(record.getByTestId("equality")).toContainText("25 to 59");
    const access = record.getByTestId("access");
    await expect(access).toContainText("Viewed the case");
    await expect(access).toContainText("Exported it for a subject access request");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-json").click()]);
    expect(download.suggestedFilename()).toMatch(/^subject-access-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();
    const fs = await import("node:fs");
    const exported = JSON.parse(fs.readFileSync(file, "utf8")) as {
      representations: Array<{ reference: string; answers: Array<{ answer: string }>; equality: Array<{ answer: string }>; accessLog: Array<{ action: string }> }>;
    };
    expect(exported.representations.map((r) => r.reference)).toEqual([reference]);
    const [only] = exported.representations;
    expect(only!.answers.map((a) => a.answer)).toContain("I want to see what you hold about us.");
    expect(only!.equality.map((e) => e.answer)).toEqual(["25 to 59"]);
    expect(only!.accessLog.map((a) => a.action)).toContain("Exported it for a subject access request");

    const documentResponse = await page.request.get(page.url());
    expect(documentResponse.headers()["cache-control"]).toContain("no-store");
    const response = await page.request.get(await page.getByTestId("download-json").getAttribute("href").then((h) => h!));
    expect(response.headers()["content-disposition"]).toMatch(/^attachment;/);
    expect(response.headers()["cache-control"]).toContain("no-store");
  });
});
