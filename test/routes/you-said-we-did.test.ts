import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

// The public "you said, we did" page is not found until the council switches it on in its settings.

let loader: () => Promise<unknown>;
let publish: (on: boolean) => void;

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-you-said-"));
  process.env.DATABASE_FILE = path.join(dir, "you-said.sqlite");
  const { getDb, migrateDatabase } = await import("~/services/db.server");
  const { seedDatabase } = await import("../../db/seed");
  const schema = await import("../../db/schema");
  const db = getDb();
  migrateDatabase(db);
  await seedDatabase(db, { demo: false });
  publish = (on) => db.update(schema.settings).set({ value: on ? "yes" : "no" }).where(eq(schema.settings.key, "publishImprovements")).run();
  ({ loader } = (await import("~/routes/_public.you-said-we-did")) as unknown as { loader: typeof loader });
}, 60_000);

describe("the you said, we did page", () => {
  it("is off in a council's new database: not found", async () => {
    const thrown = await loader().catch((e: unknown) => e);
    expect(thrown instanceof Response ? thrown.status : thrown).toBe(404);
  });

  it("lists the published improvements once switched on", async () => {
    publish(true);
    expect(await loader()).toEqual({ improvements: [] });
  });
});
