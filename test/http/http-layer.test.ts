import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import http, { type Server } from "node:http";
import zlib from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DEMO_STAFF, seedDatabase } from "../../db/seed";
import { createApp } from "../../server/app";
import { migrateDatabase, openDatabase } from "~/services/db.server";
import { getSettings } from "~/services/settings.server";
import { buildApp } from "./built-app";

// The HTTP layer as `npm start` runs it: the real Remix build, the Express app of server/app.ts
// on a port of its own, a real SQLite file, plain HTTP requests, and every line the logger
// writes. A console.error in any test fails it (test/setup.ts): no request here may log an error.

const PUBLIC_URL = "https://speakup.northshire.example";
const PASSWORD = DEMO_STAFF.password;
const ADMIN = "admin@northshire.example";
const OFFICER = "officer@northshire.example";
const CASE = "SU-DEM2-AB3C";

let server: Server;
let base: string;
let db: ReturnType<typeof openDatabase>;
let dir: string;
let built: Awaited<ReturnType<typeof buildApp>>;
const logged: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-http-"));
  // The build reads its settings from the environment on first use: set them before it loads.
  Object.assign(process.env, {
    DATABASE_FILE: path.join(dir, "http.sqlite"),
    ATTACHMENTS_DIR: path.join(dir, "attachments"),
    MAIL_DIR: path.join(dir, "mail"),
    PUBLIC_URL,
    // The demo accounts sign in without a TOTP code only in demo mode.
    DEMO_MODE: "true",
  });
  db = openDatabase(process.env.DATABASE_FILE as string);
  migrateDatabase(db);
  await seedDatabase(db, { demo: true });
  built = await buildApp();
  ({ server, base } = await listen(false));
}, 180_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
  if (built) fs.rmSync(built.dir, { recursive: true, force: true });
});

async function listen(production: boolean) {
  const app = createApp({ build: built.build, settings: { production, publicUrl: PUBLIC_URL, trustProxy: false }, publicDir: built.publicDir });
  const listening = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  return { server: listening, base: `http://127.0.0.1:${(listening.address() as AddressInfo).port}` };
}

beforeEach(() => {
  logged.length = 0;
  const capture = (...args: unknown[]) => void logged.push(args.map(String).join(" "));
  vi.spyOn(console, "log").mockImplementation(capture);
  vi.spyOn(console, "warn").mockImplementation(capture);
});

interface Sent {
  method?: string;
  form?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  cookie?: string;
}

async function send(url: string, { method, form, headers = {}, cookie }: Sent = {}) {
  const body = form ? new URLSearchParams() : undefined;
  for (const [k, v] of Object.entries(form ?? {})) for (const item of Array.isArray(v) ? v : [v]) body?.append(k, item);
  const response = await fetch(base + url, {
    method: method ?? (form ? "POST" : "GET"),
    headers: { ...(form ? { "Content-Type": "application/x-www-form-urlencoded" } : {}), ...(cookie ? { Cookie: cookie } : {}), ...headers },
    body: body?.toString(),
    redirect: "manual",
  });
  // The log line is written when the response has been sent: let it finish.
  const text = await response.text();
  await new Promise((resolve) => setTimeout(resolve, 20));
  return { status: response.status, headers: response.headers, text, cookies: response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") };
}

async function signIn(email: string) {
  const signedIn = await send("/staff/sign-in", { form: { email, password: PASSWORD } });
  expect(signedIn.status).toBe(302);
  expect(signedIn.headers.get("location")).not.toMatch(/sign-in/);
  return signedIn.cookies;
}

/** The newest one-time link of this kind in the outbox (only its row ever holds it). */
function linkInOutbox(pathPrefix: string): string {
  const rows = db.$client.prepare("select text_body from outbox order by id desc").all() as { text_body: string }[];
  const pattern = new RegExp(`${pathPrefix.replace(/\//g, "\\/")}([A-Za-z0-9_-]+)`);
  for (const row of rows) {
    const token = pattern.exec(row.text_body)?.[1];
    if (token) return token;
  }
  throw new Error(`no ${pathPrefix} link in the outbox`);
}

describe("requests from other websites (hole 1)", () => {
  const EVIL = "http://evil.example";

  it("refuses a cross-origin change in every URL form with a 403 page before any route runs", async () => {
    const admin = await signIn(ADMIN);
    logged.length = 0;
    const before = getSettings(db);
    const changed = { ...before, advocacyProviderEmail: "attacker@evil.example" };
    const attempts: [string, Record<string, string>][] = [
      ["/staff/admin/settings?_data=routes%2Fstaff.admin.settings", { Origin: EVIL }],
      ["/staff/admin/settings", { Origin: EVIL }],
      ["/staff/admin/settings.data", { Origin: EVIL }],
      // Another port of the same host is another site's page: the browser says "same-site".
      ["/staff/admin/settings", { Origin: "http://127.0.0.1:9", "Sec-Fetch-Site": "same-site" }],
      ["/staff/admin/settings", { "Sec-Fetch-Site": "cross-site" }],
      // A sandboxed frame or a data: page.
      ["/staff/admin/settings", { Origin: "null" }],
      ["/staff/admin/settings", { Referer: `${EVIL}/page` }],
    ];
    for (const [url, headers] of attempts) {
      const refused = await send(url, { form: changed, cookie: admin, headers });
      expect(refused.status, `${url} ${JSON.stringify(headers)}`).toBe(403);
      expect(getSettings(db).advocacyProviderEmail).toBe(before.advocacyProviderEmail);
      // A page a person can read and leave: language, title, heading, a way back.
      expect(refused.headers.get("content-type")).toMatch(/^text\/html/);
      expect(refused.text).toMatch(/<html lang="en"/);
      expect(refused.text).toMatch(/<title>Sorry, we could not accept that – Speak Up<\/title>/);
      expect(refused.text).toMatch(/<h1 class="govuk-heading-l">Sorry, we could not accept that<\/h1>/);
      expect(refused.text).toMatch(/<a class="govuk-link" href="\/">/);
    }
    // One short line each, saying why; nothing else.
    expect(logged).toHaveLength(attempts.length);
    for (const line of logged) expect(line).toMatch(/ info POST \/staff\/admin\/settings(\.data)? 403 \d+ms \(refused: [a-z -]+\)$/);

    // The same form from the app's own page is accepted, so the refusals above were the check's.
    const own = await send("/staff/admin/settings", { form: changed, cookie: admin, headers: { Origin: PUBLIC_URL, "Sec-Fetch-Site": "same-origin" } });
    expect(own.status).toBe(302);
    expect(getSettings(db).advocacyProviderEmail).toBe("attacker@evil.example");
  });

  it("refuses a cross-origin sign-out, and keeps the session", async () => {
    const officer = await signIn(OFFICER);
    expect((await send("/staff/sign-out", { method: "POST", cookie: officer, headers: { Origin: EVIL } })).status).toBe(403);
    expect((await send("/staff", { cookie: officer })).status).toBe(200);
  });

  it("accepts the app's own forms: under no-referrer a browser sends Origin: null with Sec-Fetch-Site: same-origin", async () => {
    const officer = await signIn(OFFICER);
    const out = await send("/staff/sign-out", { method: "POST", cookie: officer, headers: { Origin: "null", "Sec-Fetch-Site": "same-origin" } });
    expect(out.status).toBe(302);
    expect(out.headers.get("location")).toBe("/staff/sign-in");
    expect((await send("/staff", { cookie: officer })).status).toBe(302);
    // A page's form (not only a resource route): Remix's own check would have answered 500.
    const form = await send("/form/kind", { form: { kind: "complaint" }, headers: { Origin: "null", "Sec-Fetch-Site": "same-origin" } });
    expect(form.status).toBe(302);
  });

  it("accepts the request's own origin and PUBLIC_URL's (behind a proxy the Host may differ)", async () => {
    const own = await send("/form/kind", { form: { kind: "complaint" }, headers: { Origin: base } });
    expect(own.status).toBe(302);
    const publicUrl = await send("/form/kind", { form: { kind: "complaint" }, headers: { Origin: PUBLIC_URL } });
    expect(publicUrl.status).toBe(302);
  });
});

describe("headers (hole 4)", () => {
  it("sends a nonce-based Content-Security-Policy, and every inline script carries the nonce (the rest are our own files)", async () => {
    for (const url of ["/", "/form/kind", "/staff/sign-in"]) {
      const page = await send(url);
      expect(page.status).toBe(200);
      const csp = page.headers.get("content-security-policy") ?? "";
      const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
      expect(nonce, url).toBeTruthy();
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("style-src 'self';");
      expect(csp).not.toContain("unsafe-inline");
      const scripts = page.text.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, url).toBeGreaterThan(0);
      // 'self' lets our own files run; anything written into the page runs only with the nonce.
      for (const tag of scripts) {
        if (/\ssrc="/.test(tag)) expect(tag, url).toMatch(/\ssrc="\/[^/]/);
        else expect(tag, url).toContain(`nonce="${nonce}"`);
      }
      expect(page.text, url).not.toMatch(/\sstyle="/);
      // Remix's streamed data (its own nonced scripts) inside the document, never after </html>;
      // public pages are not hydrated and carry none (docs/decisions/046).
      if (url.startsWith("/staff")) expect(page.text, url).toContain("streamController.enqueue");
      else expect(page.text, url).not.toContain("streamController");
      expect(page.text.indexOf("</body></html>"), url).toBe(page.text.length - "</body></html>".length);
    }
    const second = await send("/");
    expect(second.headers.get("content-security-policy")).not.toBe((await send("/")).headers.get("content-security-policy"));
  });

  it("sends Referrer-Policy: no-referrer, and Cache-Control: no-store on pages and data that can carry personal data", async () => {
    const officer = await signIn(OFFICER);
    const form = await send("/form/kind", { form: { kind: "complaint" } });
    const draft = form.cookies;
    for (const [url, cookie] of [
      ["/", ""],
      ["/form/who-are-you", draft],
      ["/form/who-are-you.data", draft],
      ["/form/check-answers", draft],
      ["/staff", officer],
      [`/staff/cases/${CASE}`, officer],
      [`/staff/cases/${CASE}.data`, officer],
    ] as const) {
      const response = await send(url, { cookie });
      expect(response.status, url).toBeLessThan(400);
      expect(response.headers.get("cache-control"), url).toBe("no-store");
      expect(response.headers.get("referrer-policy"), url).toBe("no-referrer");
      // HSTS only in production (next test): this app runs with production off.
      expect(response.headers.get("strict-transport-security"), url).toBeNull();
    }
  });

  it("sends Strict-Transport-Security in production", async () => {
    const production = await listen(true);
    try {
      const page = await fetch(`${production.base}/`);
      expect(page.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
      await page.text();
    } finally {
      await new Promise((resolve) => production.server.close(resolve));
    }
  });
});

/** A GET as sent on the wire: status, headers and the bytes before any decoding. */
function raw(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(base + url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

describe("compression and caching (issue 13)", () => {
  it("compresses pages, data, the stylesheet and scripts, gzip or brotli as the browser asks, streamed pages whole", async () => {
    // A page React hydrates: the document streams (Remix's inline data scripts).
    const page = await raw("/staff/sign-in", { "Accept-Encoding": "gzip" });
    expect(page.headers["content-encoding"]).toBe("gzip");
    const html = zlib.gunzipSync(page.body).toString();
    // It still arrives to its last byte.
    expect(html).toContain("streamController.enqueue");
    expect(html.endsWith("</body></html>")).toBe(true);
    expect(page.body.length).toBeLessThan(html.length / 2);
    expect(page.headers["cache-control"]).toBe("no-store");

    const brotli = await raw("/form/kind", { "Accept-Encoding": "br, gzip" });
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(brotli.body).toString()).toContain("</html>");

    const data = await raw("/form/kind.data", { "Accept-Encoding": "gzip" });
    expect(data.status).toBe(200);
    expect(data.headers["content-encoding"]).toBe("gzip");

    const plain = await raw("/", {});
    expect(plain.headers["content-encoding"]).toBeUndefined();

    const stylesheet = /<link rel="stylesheet" href="(\/build\/[^"]+\.css)"/.exec(html)?.[1];
    const scripts = [...html.matchAll(/<link rel="modulepreload" href="(\/build\/[^"]+\.js)"/g)].map((m) => m[1] as string);
    expect(scripts.length).toBeGreaterThan(0);
    for (const url of [stylesheet as string, ...scripts]) {
      const asset = await raw(url, { "Accept-Encoding": "gzip" });
      expect(asset.status, url).toBe(200);
      // Under 1 KB, compressing saves nothing worth the work (the middleware's threshold).
      if (Number(asset.headers["content-length"] ?? Infinity) >= 1024) expect(asset.headers["content-encoding"], url).toBe("gzip");
      expect(asset.headers["cache-control"], url).toBe("public, max-age=31536000, immutable");
    }
  });

  it("sends public pages one script of our own, not React: compressed, named by its content and cached for good", async () => {
    const html = (await send("/form/kind")).text;
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toHaveLength(1);
    expect(html).not.toContain("modulepreload");
    const src = /<script type="module" src="(\/scripts\/public-page-[0-9a-f]{12}\.js)"/.exec(html)?.[1] as string;
    expect(src).toBeTruthy();
    const script = await raw(src, { "Accept-Encoding": "gzip" });
    expect(script.status).toBe(200);
    expect(script.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(script.headers["content-encoding"]).toBe("gzip");
    expect(script.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const code = zlib.gunzipSync(script.body).toString();
    // GOV.UK Frontend's components, and no React.
    expect(code).toContain("govuk-exit-this-page");
    expect(code).not.toMatch(/react-dom|__reactContainer|__remixContext/);
    // Any other name, such as last release's, is not found (it is never served stale).
    expect((await raw("/scripts/public-page-000000000000.js", {})).status).toBe(404);
  });

  it("serves public/'s own files by name, cached for an hour, and never a page's path from disk", async () => {
    // This build's public/ holds only the browser build: files put there for the test.
    fs.writeFileSync(path.join(built.publicDir, "icon-test.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
    fs.writeFileSync(path.join(built.publicDir, "privacy"), "not the privacy page");
    try {
      const file = await raw("/icon-test.svg", {});
      expect(file.status).toBe(200);
      expect(file.headers["cache-control"]).toBe("public, max-age=3600");
      // A file named like a page stays unseen: pages come from the routes.
      const page = await send("/privacy");
      expect(page.status).toBe(200);
      expect(page.text).not.toContain("not the privacy page");
    } finally {
      fs.rmSync(path.join(built.publicDir, "icon-test.svg"));
      fs.rmSync(path.join(built.publicDir, "privacy"));
    }
  });

  it("sends fonts as they are (woff2 is compressed already), fingerprinted and cached for good", async () => {
    const html = (await send("/")).text;
    const stylesheet = /<link rel="stylesheet" href="(\/build\/[^"]+\.css)"/.exec(html)?.[1] as string;
    const css = (await send(stylesheet)).text;
    const fonts = [...css.matchAll(/url\(([^)]+\.woff2)\)/g)].map((m) => m[1] as string);
    expect(fonts.length).toBeGreaterThan(0);
    for (const url of fonts) {
      const font = await raw(url, { "Accept-Encoding": "br, gzip" });
      expect(font.status, url).toBe(200);
      expect(font.headers["content-encoding"], url).toBeUndefined();
      expect(font.headers["cache-control"], url).toBe("public, max-age=31536000, immutable");
    }
  });
});

describe("the browser's script (issue 13, docs/decisions/036)", () => {
  interface Output {
    inputs: Record<string, unknown>;
    imports: { path: string; kind: string }[];
    entryPoint?: string;
  }
  const outputs = () => (JSON.parse(fs.readFileSync(path.join(built.dir, "metafile.js.json"), "utf8")) as { outputs: Record<string, Output> }).outputs;

  it("never carries the bank holidays, the emails' words, or two languages' words in one file", () => {
    const all = outputs();
    expect(Object.keys(all).length).toBeGreaterThan(10);
    for (const [file, output] of Object.entries(all)) {
      const inputs = Object.keys(output.inputs);
      expect(inputs.filter((i) => /node_modules\/(date-holidays|moment|moment-timezone|astronomia)\//.test(i)), file).toEqual([]);
      expect(inputs.filter((i) => /locales\/[^/]+\/emails\.json$/.test(i)), file).toEqual([]);
      const languages = new Set(inputs.flatMap((i) => /locales\/([^/]+)\/[^/]+\.json$/.exec(i)?.[1] ?? []));
      expect(languages.size, `${file}: ${[...languages].join(", ")}`).toBeLessThanOrEqual(1);
    }
  });

  it("sends no validation library to the public pages, which the server checks", () => {
    const all = outputs();
    const closure = (file: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(file) || !all[file]) return seen;
      seen.add(file);
      for (const i of all[file].imports) if (i.kind !== "dynamic-import") closure(i.path, seen);
      return seen;
    };
    const entries = Object.entries(all).filter(([, o]) => /routes\/_public|root\.tsx|entry\.client/.test(o.entryPoint ?? ""));
    expect(entries.length).toBeGreaterThan(10);
    for (const [entry, output] of entries) {
      const inputs = [...closure(entry)].flatMap((file) => Object.keys(all[file]?.inputs ?? {}));
      expect(inputs.filter((i) => /node_modules\/(zod|@conform-to\/zod)\//.test(i)), output.entryPoint).toEqual([]);
    }
  });
});

describe("the request log (hole 5)", () => {
  it("never holds a one-time link, a draft id, or a name or email address that was sent", async () => {
    const secrets: string[] = [];
    const personal = ["Philippa Marchbanks", "philippa.marchbanks@example.org", "Zebedee Quillfeather", "Octavia Brightwater", "octavia.brightwater@northshire.example"];

    // A public form up to "save and come back later", then the emailed link, used.
    const kind = await send("/form/kind", { form: { kind: "complaint" } });
    const draft = kind.cookies;
    secrets.push(decodeURIComponent(draft.split("=")[1] ?? "").replace(/^"|"$/g, ""));
    await send("/form/who-are-you", { form: { relationship: "parent" }, cookie: draft });
    await send("/form/about-the-child", { form: { childName: "Zebedee Quillfeather", childAge: "11" }, cookie: draft });
    await send("/form/your-details", { form: { fullName: "Philippa Marchbanks" }, cookie: draft });
    await send("/form/contact", { form: { contactMethod: "email", email: "philippa.marchbanks@example.org", phone: "", address: "" }, cookie: draft });
    expect((await send("/form/save", { form: { email: "philippa.marchbanks@example.org" }, cookie: draft })).status).toBe(302);
    const returnToken = linkInOutbox("/form/return/");
    secrets.push(returnToken);
    expect((await send(`/form/return/${returnToken}`)).status).toBe(200);
    expect((await send(`/form/return/${returnToken}.data`)).status).toBe(200);
    expect((await send(`/form/return/${returnToken}`, { form: {} })).status).toBe(302);

    // An invitation, as an administrator sends it, then its link, used.
    const admin = await signIn(ADMIN);
    const invited = await send("/staff/admin/users/new", {
      form: { name: "Octavia Brightwater", email: "octavia.brightwater@northshire.example", roles: "complaints-officer", totp: "not-required" },
      cookie: admin,
    });
    expect(invited.status).toBe(302);
    const invitation = linkInOutbox("/staff/invitation/");
    secrets.push(invitation);
    expect((await send(`/staff/invitation/${invitation}`)).status).toBe(200);
    const newPassword = "correct horse battery staple 42";
    expect((await send(`/staff/invitation/${invitation}`, { form: { password: newPassword, confirm: newPassword } })).status).toBe(302);

    // A password reset link, used; and one mistyped into a path no route has.
    expect((await send("/staff/password-reset", { form: { email: "octavia.brightwater@northshire.example" } })).status).toBeLessThan(400);
    const reset = linkInOutbox("/staff/password-reset/");
    secrets.push(reset);
    expect((await send(`/staff/password-reset/${reset}`)).status).toBe(200);
    expect((await send(`/staff/password-reset/${reset}`, { form: { password: `${newPassword}!`, confirm: `${newPassword}!` } })).status).toBe(302);
    expect((await send(`/staff/password-resets/${reset}`)).status).toBe(404);

    const log = logged.join("\n");
    for (const secret of [...secrets, ...personal]) {
      expect(secret.length).toBeGreaterThan(8);
      expect(log, secret).not.toContain(secret);
    }
    // The requests were logged, keys redacted, so the absence above means something.
    expect(log).toMatch(/ GET \/form\/return\/… 200 /);
    expect(log).toMatch(/ GET \/form\/return\/…\.data 200 /);
    expect(log).toMatch(/ POST \/staff\/invitation\/… 302 /);
    expect(log).toMatch(/ POST \/staff\/password-reset\/… 302 /);
    expect(log).toMatch(/ GET \/staff\/password-resets\/… 404 /);
  });
});

describe("errors (hole 9)", () => {
  it("answers ?_data requests with 400 and one log line, signed in or not", async () => {
    const officer = await signIn(OFFICER);
    logged.length = 0;
    const requests: [string, string][] = [
      [`/staff/cases/${CASE}?_data=routes%2Fstaff.cases.%24reference._index`, officer],
      [`/staff/cases/${CASE}?_data=routes%2Fstaff.cases.%24reference._index`, ""],
      ["/staff?_data=routes%2Fstaff._index", ""],
      ["/?_data=root", ""],
      ["/no-such-page?_data=routes%2Fx", ""],
    ];
    for (const [url, cookie] of requests) {
      const response = await send(url, { cookie });
      expect(response.status, url).toBe(400);
      expect(response.text).toContain("Sorry, we could not read what was sent");
    }
    expect(logged).toHaveLength(requests.length);
    for (const line of logged) expect(line).toMatch(/ info GET \/\S* 400 \d+ms \(refused: _data\)$/);
  });

  it("answers a refused cross-origin POST with 403 and one line, never a 500 or a stack trace", async () => {
    // Remix's own check answered this with a 500 and a stack trace.
    const response = await send("/staff/sign-in", { form: { email: OFFICER, password: PASSWORD }, headers: { Origin: "http://evil.example" } });
    expect(response.status).toBe(403);
    expect(logged).toHaveLength(1);
    expect(logged[0]).not.toMatch(/\n|Error/);
  });

  it("draws a refusal in the person's language, with the Urdu font's stylesheet on Urdu pages only", async () => {
    const sheets = (html: string) => [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
    const english = await send("/%");
    expect(english.status).toBe(400);
    expect(sheets(english.text)).toHaveLength(1);
    const chosen = await send("/?lang=ur");
    const urdu = await send("/%", { cookie: chosen.cookies });
    expect(urdu.status).toBe(400);
    expect(urdu.text).toContain('lang="ur" dir="rtl"');
    expect(sheets(urdu.text)).toEqual([...sheets(english.text), expect.stringMatching(/^\/build\/_assets\/urdu-[A-Z0-9]+\.css$/)]);
  });

  it("answers a path that is not valid percent-encoding with 400 and one line", async () => {
    for (const url of ["/%", "/form/%E0%A4%A"]) {
      const response = await send(url);
      expect(response.status, url).toBe(400);
    }
    expect(logged).toHaveLength(2);
    for (const line of logged) expect(line).toMatch(/ 400 \d+ms \(refused: malformed request\)$/);
  });
});
