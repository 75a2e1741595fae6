import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

// A page that answers a POST before reading its body leaves the body unread, and the server then
// resets the connection: the person's browser shows a network error instead of the redirect.
// Found by the resilience fuzzing (scripts/resilience) on the equality questions.

type Args = { request: Request; params: Record<string, string>; context: { clientAddress: string } };
let action: (args: Args) => Promise<unknown>;

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-read-body-"));
  process.env.DATABASE_FILE = path.join(dir, "read-body.sqlite");
  const { getDb, migrateDatabase } = await import("~/services/db.server");
  migrateDatabase(getDb());
  ({ action } = (await import("~/routes/_public.equality.$question")) as unknown as { action: typeof action });
});

describe("an equality question posted from a browser with nothing sent", () => {
  it("reads the body before sending the person back to the start", async () => {
    const request = new Request("http://localhost/equality/age", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `answer=${"x".repeat(30_000)}`,
    });
    const thrown = await action({ request, params: { question: "age" }, context: { clientAddress: "203.0.113.9" } }).catch((e: unknown) => e);
    expect(thrown instanceof Response ? thrown.status : null).toBe(302);
    expect(request.bodyUsed).toBe(true);
  });
});
