import type { Page, Request } from "@playwright/test";
import { answerComplaintOverHttp } from "../journey";
import { expect, test, visit } from "../fixtures";

// What each public page costs a child on an old phone with little data (issue 13, decision record
// 036): the bytes on the wire with an empty cache, as the browser received them (compressed).
// Budgets: HTML + CSS at most 30 KB; scripts (none at all with JavaScript off) at most 110 KB;
// only the fonts the page's text uses, all woff2 (the Urdu font on Urdu pages only).
const KB = 1024;
const HTML_AND_CSS_BUDGET = 30 * KB;
// The 110 KB. React DOM, Remix and i18next alone weigh 106 KB gzipped, so public pages are
// not hydrated: they run one small script of GOV.UK Frontend's components (about 7 KB; decision
// record 046). A public page that asks for React (its route's handle) will fail this. Never raise it.
const SCRIPT_BUDGET = 110 * KB;

type Kind = "document" | "stylesheet" | "script" | "font" | "other";
interface Sent {
  url: string;
  kind: Kind;
  bytes: number;
}

const kindOf = (request: Request): Kind => {
  const type = request.resourceType();
  return type === "document" || type === "stylesheet" || type === "script" || type === "font" ? type : "other";
};

/** Loads `path` with nothing cached and returns every response it took, with its size as sent. */
async function weigh(page: Page, path: string): Promise<Sent[]> {
  const sent: Promise<Sent>[] = [];
  const record = (request: Request) =>
    void sent.push(request.sizes().then((sizes) => ({ url: new URL(request.url()).pathname, kind: kindOf(request), bytes: sizes.responseBodySize })));
  page.on("requestfinished", record);
  try {
    await visit(page, path);
    // Scripts the page loads once it runs (route modules found lazily) count too.
    await page.waitForLoadState("networkidle");
  } finally {
    page.off("requestfinished", record);
  }
  return Promise.all(sent);
}

const total = (sent: Sent[], ...kinds: Kind[]) => sent.filter((s) => kinds.includes(s.kind)).reduce((sum, s) => sum + s.bytes, 0);

test("every public page stays within its budget of bytes on the wire", async ({ page }, testInfo) => {
  const scripts = testInfo.project.use.javaScriptEnabled !== false;
  // An empty cache for every page, as for someone arriving for the first time.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });

  const pages: [string, string, () => Promise<unknown>][] = [
    ["start", "/", async () => undefined],
    ["a question page", "/form/kind", async () => undefined],
    ["check your answers", "/form/check-answers", () => answerComplaintOverHttp(page.request, { fullName: "Budget Person", description: "Weighing pages", email: "budget@example.com" })],
    [
      "confirmation",
      "/form/sent",
      () => page.request.post("/form/check-answers", { form: { declaration: "yes" } }).then((r) => expect(r.url()).toMatch(/\/form\/sent$/)),
    ],
    ["easy read: a question page", "/form/kind", () => page.request.get("/?mode=easy-read")],
    ["Urdu: a question page", "/form/kind", () => page.request.get("/?mode=standard&lang=ur")],
  ];
  const weighed: { name: string; path: string; htmlAndCss: number; script: number; fonts: string[] }[] = [];
  for (const [name, path, before] of pages) {
    await before();
    const sent = await weigh(page, path);
    weighed.push({
      name,
      path,
      htmlAndCss: total(sent, "document", "stylesheet"),
      script: total(sent, "script"),
      fonts: sent.filter((s) => s.kind === "font").map((s) => s.url.replace(/^.*\//, "")),
    });
  }
  await testInfo.attach("bytes on the wire", { body: JSON.stringify(weighed, null, 2), contentType: "application/json" });

  for (const { name, htmlAndCss, script, fonts } of weighed) {
    expect(htmlAndCss, `${name}: HTML and CSS, bytes on the wire`).toBeLessThanOrEqual(HTML_AND_CSS_BUDGET);
    if (scripts) expect(script, `${name}: scripts, bytes on the wire`).toBeLessThanOrEqual(SCRIPT_BUDGET);
    else expect(script, `${name}: scripts with JavaScript off`).toBe(0);
    for (const font of fonts) expect(font, name).toMatch(/\.woff2$/);
    const urdu = fonts.filter((f) => f.startsWith("noto-nastaliq-urdu"));
    if (name.startsWith("Urdu")) expect(urdu, `${name}: the Urdu font`).not.toEqual([]);
    else expect(urdu, `${name}: no Urdu font`).toEqual([]);
  }
});
