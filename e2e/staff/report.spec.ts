import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { parse } from "csv-parse/sync";
import { arrived, expect, landed, test, visit } from "../fixtures";

const PASSWORD = "demo-password-please-change";
const ADMIN = "admin@northshire.example";
const DB_FILE = path.resolve(`e2e/.artifacts/${Number(process.env.E2E_PORT || 3210)}/e2e.sqlite`);

test.describe("the annual report", () => {
  test.describe.configure({ timeout: 150_000 });

  test("an administrator imports historic records (a bad file first), reads the year's report, saves its summary and downloads a table that matches the page", async ({ page }) => {
    await visit(page, `/staff/sign-in?redirectTo=${encodeURIComponent("/staff/admin/import")}`);
    await page.getByLabel("Email address").fill(ADMIN);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await landed(page, /\/staff\/admin\/import$/);

    // A file with one bad row imports nothing and names the line and column.
    const run = Math.random().toString(36).slice(2, 8);
    const example = fs.readFileSync("docs/import-example.csv", "utf8").replace(/OLD-2021-/g, `OLD-${run}-`);
    const bad = example.replace(`OLD-${run}-0002,complaint,statutory,2021-06-10,E-form`, `OLD-${run}-0002,complaint,statutory,2021-06-10,Carrier pigeon`);
    await page.getByLabel("CSV file").setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    await page.getByRole("button", { name: "Check and import" }).click();
    await landed(page, /\/staff\/admin\/import$/);
    await expect(page.getByTestId("error-summary")).toContainText("Nothing was imported");
    const problems = page.getByTestId("import-problems");
    await expect(problems.getByRole("row")).toHaveCount(2);
    await expect(problems.getByRole("row").nth(1)).toContainText(/3\s*method_received\s*"Carrier pigeon" is not a code or label/);

    await page.getByLabel("CSV file").setInputFiles({ name: "good.csv", mimeType: "text/csv", buffer: Buffer.from(example) });
    await page.getByRole("button", { name: "Check and import" }).click();
    await landed(page, /\/staff\/admin\/import$/);
    await expect(page.getByTestId("import-done")).toContainText("5 of 5 records imported");

    await page.getByRole("link", { name: "Annual report" }).click();
    await landed(page, /\/staff\/report$/);
    await page.getByLabel("Financial year").selectOption("2021");
    await page.getByRole("button", { name: "Show" }).click();
    await landed(page, /\/staff\/report\?year=2021$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Annual report 2021/22");
    // It says which suppression threshold it used (an administrator's setting, 5 unless changed).
    await expect(page.getByTestId("suppression-note")).toContainText("hides counts from 1 to 4 (shown as <5)");
    // The charts are drawn on the server, beside their tables.
    await expect(page.getByRole("img", { name: "Chart of complaints received over five years" })).toBeVisible();

    // The summary is drafted from the numbers; staff edit and save it for the year.
    const summary = page.getByLabel("Summary for 2021/22");
    await expect(summary).toHaveValue(/Statutory complaints (rose|fell|numbered|stayed)/);
    await summary.fill("Complaints about children's services in 2021/22, edited by the complaints team.");
    await page.getByRole("button", { name: "Save the summary" }).click();
    await landed(page, /\/staff\/report\?year=2021&saved=1/);
    await expect(page.getByRole("heading", { name: "Summary saved." })).toBeVisible();
    await expect(page.getByLabel("Summary for 2021/22")).toHaveValue("Complaints about children's services in 2021/22, edited by the complaints team.");

    // The refusals table's CSV holds what its HTML table shows, cell for cell (suppression included).
    const section = page.getByTestId("report-refusals");
    const download = page.waitForEvent("download");
    await section.getByRole("link", { name: /Download this table \(CSV\)/ }).click();
    const file = await (await download).path();
    const csv = parse(fs.readFileSync(file, "utf8")) as string[][];
    const html = await section.locator("table tr").evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").trim())));
    // A heading row is one cell across the table in HTML, and a row of empty cells after it in the CSV.
    expect(csv.map((r) => r.slice(0, r.findLastIndex((c) => c !== "") + 1))).toEqual(html);
    await arrived(page, /\/staff\/report\?year=2021&saved=1/);

    // The managers' dashboard: today's open stages and deadlines, this year's months against last.
    await page.getByRole("link", { name: "Dashboard" }).click();
    await landed(page, /\/staff\/dashboard$/);
    await expect(page.getByTestId("open-by-stage")).toContainText("All open stages");
    await expect(page.getByRole("img", { name: /received per month/ })).toBeVisible();

    // An imported record's Stage 2 as the complaints manager sees it (administrators see no cases):
    // its counted points, outcomes and compensation without a day (decision 051).
    const db = new Database(DB_FILE, { readonly: true });
    const { reference } = db.prepare("SELECT reference FROM representations WHERE source_reference = ?").get(`OLD-${run}-0001`) as { reference: string };
    db.close();
    await page.context().clearCookies();
    await visit(page, `/staff/sign-in?redirectTo=${encodeURIComponent(`/staff/cases/${reference}`)}`);
    await page.getByLabel("Email address").fill("manager@northshire.example");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await landed(page, new RegExp(`/staff/cases/${reference}$`));
    const stage2 = page.getByTestId("outcomes-2");
    await expect(stage2).toContainText("Point 3: Not upheld");
    await expect(stage2).toContainText("Apology and explanation");
    await expect(stage2).toContainText(/Paid\s+£150\.00(?! on)/);
    await expect(stage2).not.toContainText("Reasons:");
  });
});
