import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { outbox } from "../../db/schema";
import type { Db } from "~/services/db.server";

// "Save and come back later", as Remix runs its routes, against a real SQLite file. The
// end-to-end suite asks for every link from 127.0.0.1, so it raises the per-client limit; this
// proves the limit itself, and that the draft cookie lasts only for the browser session.

type Args = { request: Request; params: Record<string, string>; context: { clientAddress: string } };
type Action = (args: Args) => Promise<unknown>;
let stepAction: Action;
let saveAction: Action;
let returnAction: Action;
let db: Db;

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-save-limit-"));
  process.env.DATABASE_FILE = path.join(dir, "save-limit.sqlite");
  process.env.RETURN_LINKS_PER_DAY_PER_CLIENT = "2";
  const { getDb, migrateDatabase } = await import("~/services/db.server");
  const { seedDatabase } = await import("../../db/seed");
  db = getDb();
  migrateDatabase(db);
  await seedDatabase(db, { demo: false });
  ({ action: stepAction } = (await import("~/routes/_public.form.$step")) as unknown as { action: Action });
  ({ action: saveAction } = (await import("~/routes/_public.form.save")) as unknown as { action: Action });
  ({ action: returnAction } = (await import("~/routes/_public.form.return.$token")) as unknown as { action: Action });
});

/** What an action answered: a Response (returned or thrown) or Remix's `data()`. */
async function run(action: Action, args: Args): Promise<{ status: number; headers: Headers }> {
  try {
    const value = await action(args);
    if (value instanceof Response) return { status: value.status, headers: value.headers };
    const init = (value as { init?: { status?: number; headers?: HeadersInit } }).init;
    return { status: init?.status ?? 200, headers: new Headers(init?.headers) };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, headers: thrown.headers };
    throw thrown;
  }
}

function post(url: string, form: Record<string, string>, cookie?: string) {
  return new Request(`http://localhost${url}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(form).toString(),
  });
}

/** Answers the first question, as a new visitor would, and gives back the draft's Set-Cookie. */
async function startDraft(clientAddress = "198.51.100.1") {
  const answered = await run(stepAction, { request: post("/form/kind", { kind: "complaint" }), params: { step: "kind" }, context: { clientAddress } });
  expect(answered.status).toBe(302);
  const setCookie = answered.headers.get("Set-Cookie") ?? "";
  expect(setCookie).toMatch(/^speakup_draft=/);
  return setCookie;
}

const cookieFrom = (setCookie: string) => setCookie.split(";")[0] ?? "";

function save(cookie: string, email: string, clientAddress: string) {
  return run(saveAction, { request: post("/form/save", { email }, cookie), params: {}, context: { clientAddress } });
}

describe("the draft cookie", () => {
  it("lasts only as long as the browser session: no Expires or Max-Age", async () => {
    const setCookie = await startDraft();
    expect(setCookie).not.toMatch(/expires=/i);
    expect(setCookie).not.toMatch(/max-age=/i);
    expect(setCookie).toMatch(/HttpOnly/i);
  });

  it("is set again, session-only, when an emailed link is used on another browser", async () => {
    const cookie = cookieFrom(await startDraft());
    expect((await save(cookie, "carry.on@example.org", "198.51.100.50")).status).toBe(302);
    const text = db.select().from(outbox).all().at(-1)?.textBody ?? "";
    const token = /\/form\/return\/([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? "";
    expect(token).toHaveLength(43);

    // A new browser: no cookie at all.
    const used = await run(returnAction, { request: post(`/form/return/${token}`, {}), params: { token }, context: { clientAddress: "198.51.100.51" } });
    expect(used.status).toBe(302);
    const setCookie = used.headers.get("Set-Cookie") ?? "";
    expect(cookieFrom(setCookie)).toBe(cookie);
    expect(setCookie).not.toMatch(/expires=|max-age=/i);
  });
});

describe("asking for a link from one client address", () => {
  it("sends the set number a day, then says so on the email field and queues nothing", async () => {
    const before = db.select().from(outbox).all().length;
    const from = "203.0.113.7";
    expect((await save(cookieFrom(await startDraft(from)), "first@example.org", from)).status).toBe(302);
    expect((await save(cookieFrom(await startDraft(from)), "second@example.org", from)).status).toBe(302);
    const refused = await saveAction({ request: post("/form/save", { email: "third@example.org" }, cookieFrom(await startDraft(from))), params: {}, context: { clientAddress: from } });
    const { data: reply, init } = refused as { data: { error?: Record<string, string[]> }; init: { status: number } };
    expect(init.status).toBe(429);
    expect(reply.error).toEqual({ email: ["save.errors.tooMany"] });
    expect(db.select().from(outbox).all().length).toBe(before + 2);
    // Someone else is not affected.
    expect((await save(cookieFrom(await startDraft()), "fourth@example.org", "203.0.113.8")).status).toBe(302);
  });
});
