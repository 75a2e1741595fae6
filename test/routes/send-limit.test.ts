import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

// The end-to-end suite sends every form from 127.0.0.1, so it raises the limit; this proves the
// limit on the route itself, as Remix runs it, against a real SQLite file.

type Args = { request: Request; params: Record<string, string>; context: { clientAddress: string } };
let action: (args: Args) => Promise<unknown>;

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-send-limit-"));
  process.env.DATABASE_FILE = path.join(dir, "send-limit.sqlite");
  process.env.SENDS_PER_HOUR_PER_ADDRESS = "2";
  const { getDb, migrateDatabase } = await import("~/services/db.server");
  migrateDatabase(getDb());
  ({ action } = (await import("~/routes/_public.form.check-answers")) as unknown as { action: typeof action });
});

function send(clientAddress: string) {
  const request = new Request("http://localhost/form/check-answers", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ declaration: "yes" }).toString(),
  });
  return action({ request, params: {}, context: { clientAddress } }).then(
    (value) => (value instanceof Response ? value.status : "data"),
    (thrown: unknown) => (thrown instanceof Response ? thrown.status : (thrown as { init?: { status?: number } }).init?.status),
  );
}

describe("sending a form", () => {
  it("refuses a third send from one address within the hour with 429, and still serves another address", async () => {
    expect(await send("203.0.113.7")).toBe(302);
    expect(await send("203.0.113.7")).toBe(302);
    expect(await send("203.0.113.7")).toBe(429);
    expect(await send("203.0.113.8")).toBe(302);
  });
});
