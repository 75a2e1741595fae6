import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

// A stage's money page: compensation in three steps and the costs of the people named on the
// stage, posted as a browser posts it; the domain's order rules come back as a field's error.
// The route's loader and action run as Remix runs them, against a real SQLite file.

type Args = { request: Request; params: Record<string, string>; context: { clientAddress: string } };
type Page = { people: Array<{ id: number; role: string; name: string }>; defaults: Record<string, unknown> };

/** The demo's Stage 2 with its investigator named (DEMO_CASES.stage2Investigator; importing db/demo-cases here would open the database before DATABASE_FILE is set). */
const CASE = "SU-DEM6-STG2";
let loader: (a: Args) => Promise<unknown>;
let action: (a: Args) => Promise<unknown>;
let cookie: string;
let stageOf: (sequence: number) => Record<string, unknown>;

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-money-page-"));
  process.env.DATABASE_FILE = path.join(dir, "money.sqlite");
  const { getDb, migrateDatabase } = await import("~/services/db.server");
  const { seedDatabase } = await import("../../db/seed");
  const { createSession, staffSessionCookie } = await import("~/services/auth.server");
  const { findRepresentationByReference } = await import("~/services/representations.server");
  const { stagesOf } = await import("~/services/stages.server");
  const schema = await import("../../db/schema");
  const db = getDb();
  migrateDatabase(db);
  await seedDatabase(db, { demo: true });
  const officer = db.select().from(schema.staffUsers).all().find((u) => u.email === "officer@northshire.example")!;
  cookie = (await staffSessionCookie.serialize(createSession(db, officer.id))).split(";")[0]!;
  const row = findRepresentationByReference(db, CASE)!;
  stageOf = (sequence) => stagesOf(db, row.id).find((s) => s.sequence === sequence)!;
  ({ loader, action } = (await import("~/routes/staff.cases.$reference.money.$stage")) as unknown as { loader: typeof loader; action: typeof action });
}, 60_000);

const context = { clientAddress: "127.0.0.1" };

async function post(stage: string, form: Record<string, string>): Promise<{ status: number; errors?: Record<string, string[] | null> }> {
  const request = new Request(`http://localhost/staff/cases/${CASE}/money/${stage}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });
  try {
    const result = await action({ request, params: { reference: CASE, stage }, context });
    if (result instanceof Response) return { status: result.status };
    const r = result as { init: { status?: number } | null; data: { error?: Record<string, string[] | null> } };
    return { status: r.init?.status ?? 200, errors: r.data.error };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status };
    throw thrown;
  }
}

describe("the money page of a stage", () => {
  it("records compensation and the Investigating Officer's cost on Stage 2, and shows them when opened again", async () => {
    const page = (await loader({ request: new Request(`http://localhost/staff/cases/${CASE}/money/2`, { headers: { Cookie: cookie } }), params: { reference: CASE, stage: "2" }, context })) as Page;
    const io = page.people.find((p) => p.role === "investigating-officer")!;
    expect(io.name).toBe("Indira Investigator");
    const costs = Object.fromEntries(page.people.flatMap((p, i) => [[`costs[${i}].personId`, String(p.id)], [`costs[${i}].cost`, p.id === io.id ? "£1,250.50" : ""], [`costs[${i}].paidTo`, ""]]));
    const result = await post("2", {
      offeredAmount: "150",
      compensationOfferedOnDay: "2",
      compensationOfferedOnMonth: "3",
      compensationOfferedOnYear: "2026",
      agreedAmount: "150.00",
      compensationAgreedOnDay: "9",
      compensationAgreedOnMonth: "3",
      compensationAgreedOnYear: "2026",
      ...costs,
    });
    expect(result.status).toBe(302);
    expect(stageOf(2)).toMatchObject({ compensationOfferedPence: 15000, compensationOfferedOn: "2026-03-02", compensationAgreedPence: 15000, compensationAgreedOn: "2026-03-09", compensationPaidPence: null });
    const again = (await loader({ request: new Request(`http://localhost/staff/cases/${CASE}/money/2`, { headers: { Cookie: cookie } }), params: { reference: CASE, stage: "2" }, context })) as Page;
    expect(again.defaults).toMatchObject({ offeredAmount: "150.00", compensationAgreedOnDay: "9" });
    expect(again.defaults.costs).toContainEqual({ personId: String(io.id), cost: "1,250.50", paidTo: "" });
  });

  it("shows the domain's refusal on the step's date: paying more than was agreed", async () => {
    const result = await post("1", {
      offeredAmount: "100",
      compensationOfferedOnDay: "2",
      compensationOfferedOnMonth: "3",
      compensationOfferedOnYear: "2026",
      agreedAmount: "100",
      compensationAgreedOnDay: "3",
      compensationAgreedOnMonth: "3",
      compensationAgreedOnYear: "2026",
      paidAmount: "120",
      compensationPaidOnDay: "4",
      compensationPaidOnMonth: "3",
      compensationPaidOnYear: "2026",
    });
    expect(result).toEqual({ status: 400, errors: { compensationPaidOnDay: ["casework:errors.compensation.paid-more-than-agreed"] } });
    expect(stageOf(1)).toMatchObject({ compensationPaidPence: null });
  });

  it("refuses an amount that is not money and a day in the future, before the service is asked", async () => {
    const result = await post("1", { offeredAmount: "lots", compensationOfferedOnDay: "1", compensationOfferedOnMonth: "1", compensationOfferedOnYear: "2999" });
    expect(result.status).toBe(400);
    expect(result.errors).toMatchObject({ offeredAmount: ["casework:errors.compensation.invalid"], compensationOfferedOnDay: ["casework:errors.compensationOfferedOn.future"] });
  });

  it("is not found for a stage the case never had", async () => {
    expect((await post("7", {})).status).toBe(404);
  });
});
