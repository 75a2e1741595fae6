import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import {
  expect,
  test as base,
  type APIRequestContext,
  type Page,
} from "@playwright/test";
import { checkHtml } from "./nu-checker";

export { expect };

/** The W3C Nu HTML checker's HTTP service, started by playwright.config.ts. */
const NU_CHECKER_URL = process.env.NU_CHECKER_URL || "http://127.0.0.1:3213";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

const jsOn = () => base.info().project.use.javaScriptEnabled !== false;

/**
 * Runs `fn` while no other test (in any worker) runs one under the same name: for tests that
 * change what every test shares, such as the council's timescales. The lock is a directory,
 * since making one is atomic; it lives beside this server's database.
 */
export async function exclusively<T>(
  name: string,
  fn: () => Promise<T>
): Promise<T> {
  const lock = path.resolve(
    `e2e/.artifacts/${process.env.E2E_PORT || 3210}/${name}.lock`
  );
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmdirSync(lock);
  }
}

/**
 * Checks that passed in this run, shared by every worker and project: a page whose HTML is the
 * same, scanned at the same size, gives the same answer, so it is scanned once (the persons'
 * journeys share most of their pages). Only passes are kept; the folder is emptied with the
 * server's database at the start of each run. `name` says which check, `content` is what it judged.
 */
const passedChecks = path.resolve(`e2e/.artifacts/${process.env.E2E_PORT || 3210}/passed-checks`);

function passedKey(name: string, content: string | Buffer) {
  return path.join(passedChecks, `${name}-${createHash("sha256").update(content).digest("hex")}`);
}

function passedBefore(key: string): string | null {
  // E2E_RESCAN=1 scans every page every time (to measure, or to rule the memory out).
  if (process.env.E2E_RESCAN) return null;
  try {
    return fs.readFileSync(key, "utf8");
  } catch {
    return null;
  }
}

function rememberPass(key: string, detail = "") {
  fs.mkdirSync(passedChecks, { recursive: true });
  fs.writeFileSync(key, detail);
}

/** The page as a check judges it: its markup without scripts (which neither axe nor layout reads). */
async function markupOf(page: Page) {
  return (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
}

/**
 * Runs `check` once per distinct page: the same markup at the same window size, with scripts on
 * or off, that passed `name` before (in any test of this run) is not checked again.
 */
async function oncePerPage(page: Page, name: string, check: (scriptable: Page) => Promise<void>) {
  const markup = await markupOf(page);
  const viewport = page.viewportSize();
  const key = passedKey(`${name}-${jsOn() ? "js" : "nojs"}-${viewport?.width}x${viewport?.height}`, markup);
  if (passedBefore(key) !== null) return;
  await onScriptablePage(page, check, markup);
  rememberPass(key);
}

/** One scripting tab per test page, kept for the whole test: a new context per scan is slow. */
const scriptableCopies = new Map<Page, Promise<Page>>();

function scriptableCopyOf(page: Page): Promise<Page> {
  let copy = scriptableCopies.get(page);
  if (!copy) {
    copy = (async () => {
      const browser = page.context().browser();
      if (!browser) throw new Error("no browser to check with");
      const copyContext = await browser.newContext({ javaScriptEnabled: true });
      return copyContext.newPage();
    })();
    scriptableCopies.set(page, copy);
  }
  return copy;
}

/**
 * Runs `check` on a page where scripts can run. With JavaScript off, axe and layout checks cannot
 * run in the page itself, so they run on a copy: its HTML without its scripts, served at the same
 * address in a scripting tab of the same size (stylesheets and fonts still come from the server).
 */
export async function onScriptablePage(
  page: Page,
  check: (scriptable: Page) => Promise<void>,
  markup?: string
) {
  if (jsOn()) return check(page);
  const html = markup ?? (await markupOf(page));
  const copy = await scriptableCopyOf(page);
  const viewport = page.viewportSize();
  if (viewport) await copy.setViewportSize(viewport);
  const url = page.url();
  await copy.unrouteAll();
  await copy.route(url, (route) =>
    route.fulfill({ body: html, contentType: "text/html; charset=utf-8" })
  );
  await copy.goto(url);
  await check(copy);
}

/** Scans the page as it is now with axe-core; any violation fails the test. */
export async function expectAccessible(page: Page) {
  await oncePerPage(page, "axe", (scanned) => expectNoViolations(scanned, page));
}

/** WCAG 1.4.10 reflow: nothing makes the page wider than the window (checked at 320px). */
export async function expectNoHorizontalScroll(page: Page) {
  await oncePerPage(page, "reflow", async (scriptable) => {
    await scriptable.evaluate(() => document.fonts.ready);
    const widths = await scriptable.evaluate(() => ({
      content: document.documentElement.scrollWidth,
      window: window.innerWidth,
    }));
    expect(
      widths.content,
      `horizontal scrolling on ${page.url()}`
    ).toBeLessThanOrEqual(widths.window);
  });
}

/**
 * At phone widths nothing a person can press sits on top of another such thing, and each lies
 * inside the window with room to spare at its edges (WCAG 2.4.11: focus not hidden; 2.5.8).
 */
export async function expectNothingOverlaps(page: Page) {
  await oncePerPage(page, "overlap", async (scriptable) => {
    await scriptable.evaluate(() => document.fonts.ready);
    const problems = await scriptable.evaluate(() => {
      const selector =
        "a[href], button, input:not([type=hidden]), select, textarea, summary";
      const boxes = [...document.querySelectorAll<HTMLElement>(selector)]
        .filter((el) => {
          const style = getComputedStyle(el);
          // GOV.UK radios and checkboxes lay the real input, see-through, over its drawn box.
          const hiddenInput = el.matches(
            ".govuk-radios__input, .govuk-checkboxes__input"
          );
          // A skip link is a 1-pixel clip until focused.
          const rect = el.getBoundingClientRect();
          return (
            !hiddenInput &&
            style.visibility !== "hidden" &&
            rect.width > 1 &&
            rect.height > 1
          );
        })
        .flatMap((el) =>
          [...el.getClientRects()].map((r) => ({
            el,
            r,
            name: `${el.tagName.toLowerCase()} "${(el.textContent ?? "")
              .trim()
              .slice(0, 30)}"`,
          }))
        );
      const found: string[] = [];
      const width = document.documentElement.clientWidth;
      for (const { r, name } of boxes)
        if (r.left < 1 || r.right > width - 1)
          found.push(
            `${name} reaches the edge of the window (${Math.round(
              r.left
            )}–${Math.round(r.right)} of ${width})`
          );
      for (let i = 0; i < boxes.length; i += 1)
        for (let j = i + 1; j < boxes.length; j += 1) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          if (a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el))
            continue;
          const overlap =
            Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left) > 1 &&
            Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top) > 1;
          if (overlap) found.push(`${a.name} overlaps ${b.name}`);
        }
      return found;
    });
    expect(
      problems,
      `overlapping controls on ${page.url()} at ${page.viewportSize()?.width}px`
    ).toEqual([]);
  });
}

/** Presses Tab until the element with this id has focus, as a keyboard user would. */
export async function tabTo(page: Page, id: string, { maxPresses = 80 } = {}) {
  for (let i = 0; i < maxPresses; i += 1) {
    await page.keyboard.press("Tab");
    if ((await page.locator(":focus").getAttribute("id")) === id) return;
  }
  throw new Error(`could not reach #${id} with the Tab key on ${page.url()}`);
}

/** Presses Tab until a link or button with this text has focus. */
export async function tabToText(
  page: Page,
  text: string,
  { maxPresses = 80 } = {}
) {
  for (let i = 0; i < maxPresses; i += 1) {
    await page.keyboard.press("Tab");
    const focused = page.locator(":focus");
    // Visually hidden words (such as "Emergency") come through innerText on a line of their own.
    if (
      (await focused.count()) &&
      (await focused.innerText()).replace(/\s+/g, " ").trim() === text
    )
      return;
  }
  throw new Error(
    `could not reach "${text}" with the Tab key on ${page.url()}`
  );
}

async function expectNoViolations(scanned: Page, page: Page) {
  const results = await new AxeBuilder({ page: scanned })
    // Beyond WCAG: all content inside a landmark, so none is missed by landmark users. (Before
    // withTags: options() replaces every option set so far.)
    .options({ rules: { region: { enabled: true } } })
    .withTags(WCAG_TAGS)
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(" "))
        .join(", ")})`
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * With JavaScript on, wait for the page's script to have run (React's hydration on staff pages;
 * the public script on public pages, which draws read-aloud and hides conditional questions):
 * both set the root's mark. Typing before React hydrates is lost.
 */
export async function ready(page: Page) {
  // The URL changes when the new page's first bytes arrive; a streamed, compressed page may still be
  // arriving. Checks (axe, the Nu checker) judge the whole page, so wait until it has all loaded.
  await page.waitForLoadState("load");
  if (jsOn()) {
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  }
}

/** Opens a page, waits until it can be used, and scans it. */
export async function visit(page: Page, path: string) {
  await page.goto(path);
  await ready(page);
  await expectAccessible(page);
}

/** After an action that navigates: wait for the new page, then scan it. */
export async function arrived(page: Page, path: string | RegExp) {
  await expect(page).toHaveURL(path);
  await ready(page);
  await expectAccessible(page);
}

/** After a form post: the machine may be busy, so allow the server time, then scan the page. */
export async function landed(page: Page, url: RegExp) {
  await page.waitForURL(url, { timeout: 30_000 });
  await arrived(page, url);
}

export interface CaughtMail {
  to: string[];
  subject: string;
  text: string;
}

/** Waits for an email to reach the test SMTP server. */
export async function waitForMail(
  request: APIRequestContext,
  match: (m: CaughtMail) => boolean
): Promise<CaughtMail> {
  let found: CaughtMail | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.get(
          `${process.env.MAIL_CATCHER_URL}/messages`
        );
        const messages = (await response.json()) as CaughtMail[];
        found = messages.find(match);
        return Boolean(found);
      },
      { timeout: 15_000 }
    )
    .toBe(true);
  return found as CaughtMail;
}

export const test = base.extend<{ closeScriptableCopies: void }>({
  // Any Content-Security-Policy violation on a page a test visits fails the test: the browser
  // reports each one as a console error, with JavaScript on or off.
  context: async ({ context }, run) => {
    const violations: string[] = [];
    context.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text()))
        violations.push(`${message.page()?.url() ?? "?"}: ${message.text()}`);
    });
    // No page may carry a NUL character (React 18's streaming renderer wrote them into Urdu pages;
    // the browser hides them, so the bytes as sent are read).
    const nulPages: string[] = [];
    // Every page is valid HTML as sent (the W3C Nu checker, zero errors): read from the response,
    // not the DOM, which the browser has already repaired.
    const htmlErrors: string[] = [];
    const htmlWarnings = new Set<string>();
    const reads: Promise<void>[] = [];
    context.on("response", (response) => {
      const status = response.status();
      if (
        response.request().resourceType() !== "document" ||
        (status >= 300 && status < 400)
      )
        return;
      const url = new URL(response.url());
      // Only this service's pages are judged (a test may stand in for another site, such as Exit this page's).
      const ours = url.origin === new URL(base.info().project.use.baseURL ?? url.origin).origin;
      const isHtml = ours && /^text\/html/.test(response.headers()["content-type"] ?? "");
      const page = `${response.request().method()} ${url.pathname}${url.search} (${status})`;
      reads.push(
        response.body().then(
          async (body) => {
            if (body.includes(0)) nulPages.push(response.url());
            if (!isHtml) return;
            // The same bytes pass or fail the same: only the scripts' nonce changes per request.
            const key = passedKey("nu", body.toString("utf8").replace(/ nonce="[^"]*"/g, ""));
            const warnings = passedBefore(key);
            if (warnings !== null) {
              for (const warning of JSON.parse(warnings) as string[]) htmlWarnings.add(warning);
              return;
            }
            const found = await checkHtml(NU_CHECKER_URL, page, body);
            htmlErrors.push(...found.errors);
            for (const warning of found.warnings) htmlWarnings.add(warning);
            if (found.errors.length === 0) rememberPass(key, JSON.stringify(found.warnings));
          },
          () => undefined // The page moved on before its body could be read: nothing to check.
        )
      );
    });
    await run(context);
    await Promise.all(reads);
    for (const warning of htmlWarnings)
      base.info().annotations.push({ type: "Nu HTML checker warning", description: warning });
    expect(violations, "Content-Security-Policy violations").toEqual([]);
    expect(nulPages, "pages sent with NUL characters").toEqual([]);
    expect(
      htmlErrors,
      "W3C Nu HTML checker errors (the HTML as sent: line, column, message, markup)"
    ).toEqual([]);
  },
  // Closed by the test that opened them, before Playwright gathers its traces.
  closeScriptableCopies: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern
    async ({}, use) => {
      await use();
      const copies = [...scriptableCopies.values()];
      scriptableCopies.clear();
      for (const copy of copies) await (await copy).context().close();
    },
    { auto: true },
  ],
});
