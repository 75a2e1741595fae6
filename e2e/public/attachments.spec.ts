import type { APIRequestContext, Page } from "@playwright/test";
import { sampleCfb, sampleDocx, sampleExe, sampleJpeg, samplePdf, samplePng } from "../../test/sample-files";
import { arrived, expect, test, visit } from "../fixtures";
import { answerComplaintOverHttp } from "../journey";

// The optional "add documents or pictures" page, reached after a complaint's questions are
// answered over HTTP (the question pages have their own tests).

const TEN_MB = 10 * 1024 * 1024;

async function reachAttachments(page: Page) {
  await answerComplaintOverHttp(page.request, { fullName: "Robin Parent", description: "Visits were cancelled.", phone: "01632 960002" });
  await visit(page, "/form/attachments");
}

async function uploadInPage(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.locator("#file").setInputFiles(file);
  await page.getByRole("button", { name: "Upload file" }).click();
}

/** Posts a file as a browser without JavaScript would. */
async function postFile(request: APIRequestContext, name: string, buffer: Buffer) {
  return request.post("/form/attachments", {
    multipart: { file: { name, mimeType: "application/octet-stream", buffer }, intent: "upload" },
    maxRedirects: 0,
  });
}

const uploaded = (page: Page) => page.getByTestId("uploaded-files").locator(".govuk-summary-list__key");

test.describe("attachments", () => {
  // Uploads of up to 10 MB and an axe scan after each step: slower than a question page.
  test.slow();

  test("adds, lists and removes files, then continues to check answers", async ({ page }) => {
    await reachAttachments(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add documents or pictures (optional)");
    await expect(page.getByTestId("uploaded-files")).toHaveCount(0);

    await uploadInPage(page, { name: "Letter from school.pdf", mimeType: "application/pdf", buffer: samplePdf });
    await arrived(page, /\/form\/attachments$/);
    await uploadInPage(page, { name: "photo.png", mimeType: "image/png", buffer: samplePng });
    await arrived(page, /\/form\/attachments$/);
    await uploadInPage(page, { name: "Minutes.doc", mimeType: "application/msword", buffer: sampleCfb });
    await arrived(page, /\/form\/attachments$/);
    await expect(uploaded(page)).toHaveText(["Letter from school.pdf", "photo.png", "Minutes.doc"]);

    await page.getByRole("button", { name: "Remove photo.png" }).click();
    await arrived(page, /\/form\/attachments$/);
    await expect(uploaded(page)).toHaveText(["Letter from school.pdf", "Minutes.doc"]);

    // Choosing a file and pressing Continue adds it too, then moves on.
    await page.locator("#file").setInputFiles({ name: "plan.docx", mimeType: "application/octet-stream", buffer: sampleDocx });
    await page.getByRole("button", { name: "Continue" }).click();
    await arrived(page, /\/form\/check-answers$/);

    await visit(page, "/form/attachments");
    await expect(uploaded(page)).toHaveText(["Letter from school.pdf", "Minutes.doc", "plan.docx"]);
  });

  test("refuses wrong, empty and oversized files with a linked error, keeping nothing", async ({ page }) => {
    await reachAttachments(page);
    const cases = [
      { file: { name: "holiday.jpg", mimeType: "image/jpeg", buffer: sampleExe }, message: "The selected file must be a PDF, a Word document (.doc or .docx), a JPG or a PNG" },
      { file: { name: "budget.xls.doc.xls", mimeType: "application/msword", buffer: sampleCfb }, message: "The selected file must be a PDF" },
      { file: { name: "empty.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(0) }, message: "The selected file is empty" },
      {
        file: { name: "huge.jpg", mimeType: "image/jpeg", buffer: Buffer.concat([sampleJpeg, Buffer.alloc(TEN_MB, 1)]) },
        message: "The selected file must be smaller than 10MB",
      },
    ];
    for (const c of cases) {
      await uploadInPage(page, c.file);
      const summary = page.getByTestId("error-summary");
      await expect(summary).toContainText(c.message);
      await expect(summary.getByRole("link")).toHaveAttribute("href", "#file");
      await expect(page.locator("#file-error")).toContainText(c.message);
      await expect(page).toHaveTitle(/^Error: /);
      await arrived(page, /\/form\/attachments(\?.*)?$/);
    }
    await page.getByRole("button", { name: "Upload file" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("Select a file to upload");

    await visit(page, "/form/attachments");
    await expect(page.getByTestId("uploaded-files")).toHaveCount(0);
  });

  test("takes at most five files", async ({ page }) => {
    await answerComplaintOverHttp(page.request, { fullName: "Robin Parent", description: "Visits were cancelled.", phone: "01632 960002" });
    for (let i = 1; i <= 5; i += 1) expect((await postFile(page.request, `scan-${i}.jpg`, sampleJpeg)).status()).toBe(302);
    const sixth = await postFile(page.request, "scan-6.jpg", sampleJpeg);
    expect(sixth.status()).toBe(400);
    expect(await sixth.text()).toContain("You can add up to 5 files");

    await visit(page, "/form/attachments");
    await expect(uploaded(page)).toHaveCount(5);
    await expect(page.locator("#file")).toHaveCount(0);
    await expect(page.getByText("You have added 5 files, which is the most you can add.")).toBeVisible();
    await page.getByRole("button", { name: "Continue" }).click();
    await arrived(page, /\/form\/check-answers$/);
  });

  test("malformed, oversized and unexpected bodies get a 4xx, never a 5xx", async ({ page }) => {
    await answerComplaintOverHttp(page.request, { fullName: "Robin Parent", description: "Visits were cancelled.", phone: "01632 960002" });
    const cases: Array<{ name: string; headers: Record<string, string>; data: string | Buffer }> = [
      { name: "broken multipart", headers: { "Content-Type": "multipart/form-data; boundary=xyz" }, data: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF' },
      { name: "no boundary", headers: { "Content-Type": "multipart/form-data" }, data: "--\r\n" },
      { name: "JSON", headers: { "Content-Type": "application/json" }, data: '{"intent":"continue"}' },
      { name: "no content type", headers: {}, data: "%%%" },
      {
        name: "over the total limit",
        headers: { "Content-Type": "multipart/form-data; boundary=xyz" },
        data: Buffer.concat([Buffer.from('--xyz\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n\r\n'), Buffer.alloc(12 * 1024 * 1024, 0x41), Buffer.from("\r\n--xyz--\r\n")]),
      },
      { name: "unknown intent", headers: { "Content-Type": "application/x-www-form-urlencoded" }, data: "intent=explode" },
    ];
    for (const c of cases) {
      const response = await page.request.post("/form/attachments", { headers: c.headers, data: c.data, maxRedirects: 0 });
      expect(response.status(), c.name).toBeGreaterThanOrEqual(400);
      expect(response.status(), c.name).toBeLessThan(500);
    }
    await visit(page, "/form/attachments");
    await expect(page.getByTestId("uploaded-files")).toHaveCount(0);
  });

  test("without a draft, the page sends people to the start", async ({ page }) => {
    await page.goto("/form/attachments");
    await arrived(page, /\/form\/kind$/);
    const upload = await postFile(page.request, "a.pdf", samplePdf);
    expect(upload.status()).toBe(302);
  });

  test("staff cannot open a file still on a draft, and the public cannot open any", async ({ page, playwright, baseURL }) => {
    await answerComplaintOverHttp(page.request, { fullName: "Robin Parent", description: "Visits were cancelled.", phone: "01632 960002" });
    expect((await postFile(page.request, "draft.pdf", samplePdf)).status()).toBe(302);
    // The id of the file just uploaded, from its "Remove" button on the draft's own page.
    await visit(page, "/form/attachments");
    await expect(uploaded(page)).toHaveText(["draft.pdf"]);
    const id = (await page.getByTestId("uploaded-files").locator('input[name="id"]').getAttribute("value")) ?? "";
    expect(id).toMatch(/^\d+$/);

    // A member of the public (no staff session) is sent to sign in.
    const anonymous = await page.request.get(`/staff/attachments/${id}`, { maxRedirects: 0 });
    expect(anonymous.status()).toBe(302);
    expect(anonymous.headers()["location"]).toMatch(/^\/staff\/sign-in\?redirectTo=/);

    const staff = await playwright.request.newContext({ baseURL });
    const signIn = await staff.post("/staff/sign-in", {
      form: { email: "officer@northshire.example", password: "demo-password-please-change" },
      maxRedirects: 0,
    });
    expect(signIn.status()).toBe(302);
    // The file exists, but on a draft: not found, like an unknown or malformed id.
    for (const asked of [id, "999999999", "abc"]) {
      expect((await staff.get(`/staff/attachments/${asked}`, { maxRedirects: 0 })).status(), asked).toBe(404);
    }
    await staff.dispose();
  });
});
