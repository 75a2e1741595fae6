import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

// Every back office route that part A made, for every role and for someone signed out: a person
// without the permission gets 404 from the loader AND the action (never 403, never the page), a
// person with it does not, and a signed-out visitor is sent to sign in. The routes run as Remix
// runs them, against a real SQLite file.

type Args = { request: Request; params: Record<string, string>; context: { clientAddress: string } };
type RouteModule = { loader?: (args: Args) => Promise<unknown>; action?: (args: Args) => Promise<unknown> };

const ALL = ["complaints-officer", "complaints-manager", "team-manager", "investigator", "administrator"] as const;
const ADMIN = ["administrator"] as const;
const AUDIT = ["administrator", "complaints-manager"] as const;

interface RouteCase {
  file: string;
  path: string;
  params: () => Record<string, string>;
  allowed: readonly string[];
}

let ids: { team: number; value: number; list: string; user: number };
const routes: RouteCase[] = [
  { file: "staff.account._index", path: "/staff/account", params: () => ({}), allowed: ALL },
  { file: "staff.account.two-step", path: "/staff/account/two-step", params: () => ({}), allowed: ALL },
  { file: "staff.admin.users._index", path: "/staff/admin/users", params: () => ({}), allowed: ADMIN },
  { file: "staff.admin.users.new", path: "/staff/admin/users/new", params: () => ({}), allowed: ADMIN },
  { file: "staff.admin.users.$id", path: "/staff/admin/users/x", params: () => ({ id: String(ids.user) }), allowed: ADMIN },
  { file: "staff.admin.teams._index", path: "/staff/admin/teams", params: () => ({}), allowed: ADMIN },
  { file: "staff.admin.teams.$id", path: "/staff/admin/teams/x", params: () => ({ id: String(ids.team) }), allowed: ADMIN },
  { file: "staff.admin.settings", path: "/staff/admin/settings", params: () => ({}), allowed: ADMIN },
  { file: "staff.admin.timescales", path: "/staff/admin/timescales", params: () => ({}), allowed: ADMIN },
  { file: "staff.admin.lists._index", path: "/staff/admin/lists", params: () => ({}), allowed: ADMIN },
  { file: "staff.admin.lists.$list._index", path: "/staff/admin/lists/x", params: () => ({ list: ids.list }), allowed: ADMIN },
  { file: "staff.admin.lists.$list.$id", path: "/staff/admin/lists/x/y", params: () => ({ list: ids.list, id: String(ids.value) }), allowed: ADMIN },
  { file: "staff.admin.audit", path: "/staff/admin/audit", params: () => ({}), allowed: AUDIT },
  { file: "staff.cases.$reference_.audit", path: "/staff/cases/SU-DEM2-AB3C/audit", params: () => ({ reference: "SU-DEM2-AB3C" }), allowed: AUDIT },
];

const cookies = new Map<string, string>();
const modules = new Map<string, RouteModule>();

beforeAll(async () => {
  // The routes use the app's own database: point it at a fresh file before anything opens it.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-matrix-"));
  process.env.DATABASE_FILE = path.join(dir, "matrix.sqlite");
  const { getDb, migrateDatabase } = await import("~/services/db.server");
  const { seedDatabase } = await import("../../db/seed");
  const { createSession, staffSessionCookie } = await import("~/services/auth.server");
  const schema = await import("../../db/schema");
  const db = getDb();
  migrateDatabase(db);
  await seedDatabase(db, { demo: true });
  const people: Array<[string, string[]]> = [...ALL.map((r) => [r, [r]] as [string, string[]]), ["administrator+complaints-manager", ["administrator", "complaints-manager"]]];
  for (const [key, roles] of people) {
    const user = db
      .insert(schema.staffUsers)
      .values({ email: `${key.replace("+", ".")}@matrix.example`, name: key, role: roles[0]!, passwordHash: "x", passwordSetAt: new Date() })
      .returning()
      .get();
    for (const role of roles) db.insert(schema.staffRoles).values({ staffUserId: user.id, role }).run();
    cookies.set(key, (await staffSessionCookie.serialize(createSession(db, user.id))).split(";")[0]!);
  }
  const value = db.select().from(schema.referenceValues).get()!;
  ids = { team: db.select().from(schema.teams).get()!.id, value: value.id, list: value.list, user: db.select().from(schema.staffUsers).get()!.id };
  for (const r of routes) modules.set(r.file, (await import(`../../app/routes/${r.file}.tsx`)) as RouteModule);
}, 60_000);

function request(route: RouteCase, who: string | null, method: "GET" | "POST") {
  const headers = new Headers();
  if (who) headers.set("Cookie", cookies.get(who)!);
  if (method === "POST") headers.set("Content-Type", "application/x-www-form-urlencoded");
  return new Request(`http://localhost${route.path}`, { method, headers, body: method === "POST" ? "intent=nothing-in-particular" : undefined });
}

/** What the handler did: the status of a thrown or returned Response, or "ok" for data. */
async function outcome(handler: (args: Args) => Promise<unknown>, args: Args): Promise<number | "ok"> {
  try {
    const result = await handler(args);
    if (result instanceof Response) return result.status;
    if (result && typeof result === "object" && "init" in result) return (result as { init: { status?: number } | null }).init?.status ?? 200;
    return "ok";
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    if (thrown && typeof thrown === "object" && "init" in thrown) return (thrown as { init: { status?: number } | null }).init?.status ?? 200;
    throw thrown;
  }
}

describe.each(routes)("$path", (route) => {
  const people = [...ALL, "administrator+complaints-manager"];
  it.each(people)("loader and action as %s", async (who) => {
    const mod = modules.get(route.file)!;
    const allowed = who.split("+").some((r) => route.allowed.includes(r));
    for (const [method, handler] of [["GET", mod.loader], ["POST", mod.action]] as const) {
      if (!handler) continue;
      const status = await outcome(handler, { request: request(route, who, method), params: route.params(), context: { clientAddress: "127.0.0.1" } });
      if (allowed) expect(status, `${method} ${route.path} as ${who}`).not.toBe(404);
      else expect(status, `${method} ${route.path} as ${who}`).toBe(404);
    }
  });

  it("sends someone signed out to sign in", async () => {
    const mod = modules.get(route.file)!;
    for (const [method, handler] of [["GET", mod.loader], ["POST", mod.action]] as const) {
      if (!handler) continue;
      const args = { request: request(route, null, method), params: route.params(), context: { clientAddress: "127.0.0.1" } };
      let location: string | null = null;
      try {
        const r = await handler(args);
        location = r instanceof Response ? r.headers.get("Location") : null;
      } catch (thrown) {
        location = thrown instanceof Response ? thrown.headers.get("Location") : null;
      }
      expect(location, `${method} ${route.path}`).toMatch(/^\/staff\/sign-in\?redirectTo=/);
    }
  });
});

it("covers every staff route part A made", () => {
  const mine = fs
    .readdirSync("app/routes")
    .filter((f) => /^staff\.(account|admin)\./.test(f) || f === "staff.cases.$reference_.audit.tsx")
    .map((f) => f.replace(/\.tsx$/, ""))
    .sort();
  expect(mine).toEqual(routes.map((r) => r.file).sort());
});
