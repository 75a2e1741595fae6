import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

// Assign: the team is chosen first (a GET step, so it works without JavaScript), and the managers
// offered are then that team's only; the action still refuses a manager from another team. The
// route's loader and action run as Remix runs them, against a real SQLite file.

type Args = { request: Request; params: Record<string, string>; context: { clientAddress: string } };
type Page = {
  team: { value: string; label: string } | null;
  teams: Array<{ value: string; label: string }>;
  managers: Array<{ value: string; label: string }>;
  teamResult: { error?: Record<string, string[] | null> } | null;
};

const CASE = "SU-DEM2-AB3C";
let loader: (a: Args) => Promise<unknown>;
let action: (a: Args) => Promise<unknown>;
let cookie: string;
let teamIds: Map<string, number>;
let people: Map<string, number>;

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-assign-page-"));
  process.env.DATABASE_FILE = path.join(dir, "assign.sqlite");
  const { getDb, migrateDatabase } = await import("~/services/db.server");
  const { seedDatabase } = await import("../../db/seed");
  const { createSession, staffSessionCookie } = await import("~/services/auth.server");
  const schema = await import("../../db/schema");
  const db = getDb();
  migrateDatabase(db);
  await seedDatabase(db, { demo: true });
  const officer = db.select().from(schema.staffUsers).all().find((u) => u.email === "officer@northshire.example")!;
  cookie = (await staffSessionCookie.serialize(createSession(db, officer.id))).split(";")[0]!;
  teamIds = new Map(db.select().from(schema.teams).all().map((t) => [t.name, t.id]));
  people = new Map(db.select().from(schema.staffUsers).all().map((u) => [u.name, u.id]));
  ({ loader, action } = (await import("~/routes/staff.cases.$reference.assign")) as unknown as { loader: typeof loader; action: typeof action });
}, 60_000);

function get(query: string): Promise<Page> {
  const request = new Request(`http://localhost/staff/cases/${CASE}/assign${query}`, { headers: { Cookie: cookie } });
  return loader({ request, params: { reference: CASE }, context: { clientAddress: "127.0.0.1" } }) as Promise<Page>;
}

async function post(teamId: number, managerId: number): Promise<number> {
  const request = new Request(`http://localhost/staff/cases/${CASE}/assign?team=${teamId}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ teamId: String(teamId), managerId: String(managerId) }).toString(),
  });
  try {
    const result = await action({ request, params: { reference: CASE }, context: { clientAddress: "127.0.0.1" } });
    if (result instanceof Response) return result.status;
    return (result as { init: { status?: number } | null }).init?.status ?? 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

describe("assigning a case", () => {
  it("first asks for the team, offering no managers yet", async () => {
    const page = await get("");
    expect(page.team).toBeNull();
    expect(page.teamResult).toBeNull();
    expect(page.teams.map((t) => t.label)).toEqual(expect.arrayContaining(["Children in care", "Fostering"]));
    expect(page.managers).toEqual([]);
  });

  it("then offers that team's managers only", async () => {
    const inCare = await get(`?team=${teamIds.get("Children in care")}`);
    expect(inCare.team?.label).toBe("Children in care");
    expect(inCare.managers.map((m) => m.label)).toContain("Taylor Teamlead");
    expect(inCare.managers.map((m) => m.label)).not.toContain("Casey Otherteam");
    const fostering = await get(`?team=${teamIds.get("Fostering")}`);
    expect(fostering.managers.map((m) => m.label)).toContain("Casey Otherteam");
    expect(fostering.managers.map((m) => m.label)).not.toContain("Taylor Teamlead");
  });

  it("says so when no team, or no current team, was chosen", async () => {
    expect((await get("?team=")).teamResult?.error?.team).toEqual(["casework:errors.team.required"]);
    expect((await get("?team=999999")).teamResult?.error?.team).toEqual(["casework:errors.invalid-team"]);
    expect((await get("?team=999999")).team).toBeNull();
  });

  it("refuses a manager from another team, and assigns one from the team", async () => {
    const inCare = teamIds.get("Children in care")!;
    expect(await post(inCare, people.get("Casey Otherteam")!)).toBe(400);
    expect(await post(inCare, people.get("Taylor Teamlead")!)).toBe(302);
  });
});
