import { defineConfig, devices } from "@playwright/test";

// Ports can be moved so that several runs can share a machine (E2E_PORT=3300 npx playwright test).
const PORT = Number(process.env.E2E_PORT || 3210);
const SMTP_PORT = Number(process.env.MAIL_CATCHER_SMTP_PORT || PORT + 1);
const MAIL_HTTP_PORT = Number(process.env.MAIL_CATCHER_HTTP_PORT || PORT + 2);
process.env.MAIL_CATCHER_URL = `http://127.0.0.1:${MAIL_HTTP_PORT}`;
const NU_CHECKER_PORT = Number(process.env.NU_CHECKER_PORT || PORT + 3);
process.env.NU_CHECKER_URL = `http://127.0.0.1:${NU_CHECKER_PORT}`;
const artifacts = `e2e/.artifacts/${PORT}`;

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    // Debian's Chromium: Playwright cannot download its own browsers on these machines.
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  },
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: process.env.CI ? 2 : 3,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  // Journeys scan every page with axe; on a 2-core machine a long one takes a minute or more.
  timeout: 120_000,
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
  },
  projects: [
    // Every public journey runs twice: with JavaScript and without it.
    { name: "public-js", testMatch: /public\/.*\.spec\.ts/, use: { ...chromium, javaScriptEnabled: true } },
    { name: "public-no-js", testMatch: /public\/.*\.spec\.ts/, use: { ...chromium, javaScriptEnabled: false } },
    { name: "staff", testMatch: /staff\/.*\.spec\.ts/, use: { ...chromium, javaScriptEnabled: true } },
  ],
  webServer: [
    {
      // The W3C Nu HTML checker as a service: one JVM checks every page the tests visit
      // (e2e/nu-checker.ts). vnu-jar's own postinstall is disabled; the machine's Java runs it.
      // A deep stack: its schema matcher recurses further than Java's default allows.
      command: `java -Xss8m -Dnu.validator.servlet.bind-address=127.0.0.1 -cp node_modules/vnu-jar/build/dist/vnu.jar nu.validator.servlet.Main ${NU_CHECKER_PORT}`,
      url: `http://127.0.0.1:${NU_CHECKER_PORT}/`,
      reuseExistingServer: false,
      // The JVM takes 10 to 30 seconds to start on a busy two-core machine.
      timeout: 120_000,
    },
    {
      command: "tsx scripts/e2e-mail-catcher.ts",
      url: `http://127.0.0.1:${MAIL_HTTP_PORT}/health`,
      reuseExistingServer: false,
      env: { MAIL_CATCHER_SMTP_PORT: String(SMTP_PORT), MAIL_CATCHER_HTTP_PORT: String(MAIL_HTTP_PORT) },
    },
    {
      // The same server `npm start` runs, on a fresh database, using the build made just before.
      command: `rm -rf ${artifacts} && tsx server/index.ts`,
      url: `http://localhost:${PORT}/`,
      reuseExistingServer: false,
      env: {
        PORT: String(PORT),
        DATABASE_FILE: `${artifacts}/e2e.sqlite`,
        ATTACHMENTS_DIR: `${artifacts}/attachments`,
        DEMO_MODE: "true",
        SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        OUTBOX_INTERVAL_MS: "250",
        PUBLIC_URL: `http://localhost:${PORT}`,
        NODE_ENV: "production",
        // Every test sends from 127.0.0.1; the limit itself is proven in test/routes/send-limit.test.ts.
        SENDS_PER_HOUR_PER_ADDRESS: "10000",
        // The same for "save and come back later" links: proven in test/routes/save-limit.test.ts.
        RETURN_LINKS_PER_DAY_PER_CLIENT: "10000",
        // The same for "Check your complaint" codes: proven in app/services/check.server.test.ts.
        CHECK_CODES_PER_HOUR_PER_CLIENT: "10000",
      },
    },
  ],
});
