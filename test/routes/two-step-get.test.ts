import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { getDb } from "~/services/db.server";

// Opening a page must change nothing: a link prefetched, a mail scanner or a reload would
// otherwise write (here: a new TOTP secret). The two-step pages' loaders run as Remix runs them,
// against a real SQLite file, and every row of the database is compared before and after.

type Args = { request: Request; params: Record<string, string>; context: { clientAddress: string } };
type Loader = (args: Args) => Promise<unknown>;

let db: ReturnType<typeof getDb>;
let accountLoader: Loader;
let setUpLoader: Loader;
let cookieFor: (staffUserId: number, pending: "totp-enrol" | null) => Promise<string>;
let addUser: (email: string) => number;
let startEnrolment: (db: ReturnType<typeof getDb>, staffUserId: number) => void;

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-two-step-get-"));
  process.env.DATABASE_FILE = path.join(dir, "two-step.sqlite");
  const dbModule = await import("~/services/db.server");
  const { createSession, staffSessionCookie } = await import("~/services/auth.server");
  const { staffRoles, staffUsers } = await import("../../db/schema");
  db = dbModule.getDb();
  dbModule.migrateDatabase(db);
  addUser = (email) => {
    const user = db
      .insert(staffUsers)
      .values({ email, name: "Gee Tee", role: "complaints-officer", passwordHash: "!invited", passwordSetAt: new Date(), totpRequired: false })
      .returning()
      .get();
    db.insert(staffRoles).values({ staffUserId: user.id, role: "complaints-officer" }).run();
    return user.id;
  };
  cookieFor = async (id, pending) => (await staffSessionCookie.serialize(createSession(db, id, new Date(), pending))).split(";")[0]!;
  ({ startEnrolment } = await import("~/services/totp.server"));
  accountLoader = ((await import("~/routes/staff.account.two-step")) as unknown as { loader: Loader }).loader;
  setUpLoader = ((await import("~/routes/staff.sign-in_.set-up")) as unknown as { loader: Loader }).loader;
});

/** Every row of every table except the sessions' last-seen time (which a GET keeps fresh). */
function snapshot() {
  const tables = (db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>).map((t) => t.name);
  return Object.fromEntries(
    tables.map((name) => {
      const rows = db.$client.prepare(`SELECT * FROM "${name}"`).all() as Array<Record<string, unknown>>;
      return [name, name === "staff_sessions" ? rows.map(({ last_seen_at: _seen, ...rest }) => rest) : rows];
    }),
  );
}

async function get(loader: Loader, url: string, cookie: string) {
  const request = new Request(url, { headers: { Cookie: cookie } });
  return loader({ request, params: {}, context: { clientAddress: "192.0.2.1" } }).catch((thrown: unknown) => thrown);
}

describe("the two-step pages", () => {
  it("GET /staff/account/two-step writes nothing, before and after enrolment starts", async () => {
    const id = addUser("account@example.org");
    const cookie = await cookieFor(id, null);
    let before = snapshot();
    await get(accountLoader, "http://localhost/staff/account/two-step", cookie);
    await get(accountLoader, "http://localhost/staff/account/two-step", cookie);
    expect(snapshot()).toEqual(before);
    startEnrolment(db, id);
    before = snapshot();
    const shown = (await get(accountLoader, "http://localhost/staff/account/two-step", cookie)) as { started: boolean };
    expect(shown.started).toBe(true);
    expect(snapshot()).toEqual(before);
  });

  it("GET /staff/sign-in/set-up writes nothing", async () => {
    const cookie = await cookieFor(addUser("set-up@example.org"), "totp-enrol");
    const before = snapshot();
    await get(setUpLoader, "http://localhost/staff/sign-in/set-up", cookie);
    expect(snapshot()).toEqual(before);
  });
});
