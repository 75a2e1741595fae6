import { expect, expectAccessible, ready, test } from "../fixtures";
import { answerComplaintOverHttp } from "../journey";

// Whatever arrives, the answer is a clear 4xx page, never a 5xx.
test.describe("bad input", () => {
  const pages = ["/form/who-are-you", "/form/check-answers", "/staff/sign-in"];

  for (const path of pages) {
    test(`${path}: malformed, oversized and unexpected bodies get a 4xx`, async ({ request }) => {
      const cases: Array<{ name: string; headers: Record<string, string>; data: string }> = [
        { name: "oversized", headers: { "Content-Type": "application/x-www-form-urlencoded" }, data: `fullName=${"x".repeat(200_000)}` },
        { name: "JSON", headers: { "Content-Type": "application/json" }, data: '{"fullName": ' },
        { name: "broken multipart", headers: { "Content-Type": "multipart/form-data; boundary=xyz" }, data: "--xyz\r\nContent-Disposition: form-data; name=" },
        { name: "no content type", headers: {}, data: "%%%" },
        { name: "bad percent-encoding", headers: { "Content-Type": "application/x-www-form-urlencoded" }, data: "fullName=%E0%A4%A&relationship=%%" },
      ];
      for (const c of cases) {
        const response = await request.post(path, { headers: c.headers, data: c.data, maxRedirects: 0 });
        expect(response.status(), `${c.name} to ${path}`).toBeGreaterThanOrEqual(300);
        expect(response.status(), `${c.name} to ${path}`).toBeLessThan(500);
      }
    });
  }

  test("text that looks like HTML is shown as text, never run", async ({ page }) => {
    const payload = `<img src=x onerror="document.body.dataset.owned='yes'"><script>document.body.dataset.owned='yes'</script>`;
    await answerComplaintOverHttp(page.request, { fullName: payload, description: payload, childName: payload, phone: "01632 960001" });
    await page.goto("/form/check-answers");
    await ready(page);
    await expect(page.locator(".govuk-summary-list")).toContainText(payload);
    await expect(page.locator("body")).not.toHaveAttribute("data-owned", "yes");
    await expect(page.locator(".govuk-summary-list img")).toHaveCount(0);
    await expectAccessible(page);
  });

  test("a refused request gets a friendly page", async ({ page }) => {
    const response = await page.request.post("/form/who-are-you", { headers: { "Content-Type": "application/json" }, data: "{}" });
    expect(response.status()).toBe(415);
    const html = await response.text();
    expect(html).toContain("Sorry, we could not read what was sent");
    expect(html).not.toMatch(/at .*\.(js|ts):\d+/);
  });
});
