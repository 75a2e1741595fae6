import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

// The words of a case stay on the case: the audit log and a case's trail, read as Remix runs their
// loaders against a real SQLite file, never show a note, a letter or a reason staff typed; and a
// case's trail is "not found" to anyone who may not see the case, an administrator included.

type Args = { request: Request; params: Record<string, string>; context: { clientAddress: string } };
type Loader = (args: Args) => Promise<unknown>;

const SECRET = "secret about the child";
const CASE = "SU-DEM2-AB3C";
const cookies = new Map<string, string>();
let adminAudit: Loader;
let caseTrail: Loader;

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-audit-pages-"));
  process.env.DATABASE_FILE = path.join(dir, "audit.sqlite");
  const { getDb, migrateDatabase } = await import("~/services/db.server");
  const { seedDatabase } = await import("../../db/seed");
  const { createSession, staffSessionCookie } = await import("~/services/auth.server");
  const schema = await import("../../db/schema");
  const { addNote, recordCorrespondence } = await import("~/services/case.server");
  const { saveTriage } = await import("~/services/case-triage.server");
  const { addRestriction } = await import("~/services/case-restrictions.server");
  const { flagConcern, recordReferral } = await import("~/services/case-safeguarding.server");
  const db = getDb();
  migrateDatabase(db);
  await seedDatabase(db, { demo: true });
  for (const role of ["administrator", "complaints-manager", "complaints-officer", "team-manager"]) {
    const user = db.insert(schema.staffUsers).values({ email: `${role}@audit.example`, name: role, role, passwordHash: "x", passwordSetAt: new Date() }).returning().get();
    db.insert(schema.staffRoles).values({ staffUserId: user.id, role }).run();
    cookies.set(role, (await staffSessionCookie.serialize(createSession(db, user.id))).split(";")[0]!);
  }
  const officer = { id: db.select().from(schema.staffUsers).all().find((u) => u.email === "complaints-officer@audit.example")!.id, role: "complaints-officer" };
  const done = [
    addNote(db, officer, CASE, SECRET),
    recordCorrespondence(db, officer, CASE, { direction: "in", channel: "letter", summary: SECRET }),
    saveTriage(db, officer, CASE, {
      representationType: "Complaint",
      process: "statutory",
      eligibility: { receivedFrom: "Parent", discretion: "yes", discretionReason: SECRET, sufficientInterestReason: SECRET, childConsentNote: SECRET },
    }),
    addRestriction(db, officer, CASE, { restricted: SECRET, reason: SECRET, reviewOn: "2027-05-01" }),
    flagConcern(db, officer, CASE, SECRET),
  ];
  const concern = db.select().from(schema.safeguardingConcerns).all().at(-1)!;
  done.push(recordReferral(db, officer, CASE, { concernId: concern.id, referredTo: "mash", referredToName: SECRET, referredOn: "2026-11-23" }));
  expect(done.map((d) => d.ok)).toEqual([true, true, true, true, true, true]);
  adminAudit = ((await import("~/routes/staff.admin.audit")) as { loader: Loader }).loader;
  caseTrail = ((await import("~/routes/staff.cases.$reference_.audit")) as { loader: Loader }).loader;
}, 60_000);

function args(path: string, who: string, params: Record<string, string> = {}): Args {
  return { request: new Request(`http://localhost${path}`, { headers: { Cookie: cookies.get(who)! } }), params, context: { clientAddress: "127.0.0.1" } };
}

async function status(loader: Loader, a: Args): Promise<number | "ok"> {
  try {
    const result = await loader(a);
    return result instanceof Response ? result.status : "ok";
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

type Change = { field: string; from: string | null; to: string };
type Page = { rows: Array<{ action: string; sentence: string; changes: Change[]; detailsWithheld: boolean }> };

describe("the audit log", () => {
  it("shows a complaints manager, in sentences, which fields changed on a case, never what was written", async () => {
    const page = (await adminAudit(args("/staff/admin/audit?entity=representation", "complaints-manager"))) as Page;
    expect(JSON.stringify(page)).not.toContain(SECRET);
    const note = page.rows.find((r) => r.action === "case.note-added");
    expect(note?.sentence).toMatch(new RegExp(`^complaints-officer added a note to case ${CASE}, `));
    expect(note?.changes).toEqual([{ field: "note", from: null, to: "(not kept in the audit)" }]);
    expect(page.rows.find((r) => r.action === "case.correspondence-recorded")?.changes).toContainEqual(expect.objectContaining({ field: "channel", to: "Letter" }));
    expect(page.rows.find((r) => r.action === "case.safeguarding-referred")?.changes).toContainEqual(expect.objectContaining({ field: "referred to", to: expect.stringContaining("MASH") }));
  });

  it("shows an administrator who did what to which case record, and nothing about the case", async () => {
    const page = (await adminAudit(args("/staff/admin/audit", "administrator"))) as Page;
    expect(JSON.stringify(page)).not.toContain(SECRET);
    expect(JSON.stringify(page)).not.toContain(CASE);
    const about = page.rows.filter((r) => r.action.startsWith("case."));
    expect(about.map((r) => r.action)).toEqual(expect.arrayContaining(["case.note-added", "case.correspondence-recorded", "case.triaged"]));
    expect(about.every((r) => r.detailsWithheld && r.changes.length === 0 && r.sentence.includes("a case you cannot see"))).toBe(true);
  });
});

describe("a case's audit trail", () => {
  it("is shown to a complaints manager, who may see the case, without its words", async () => {
    const page = (await caseTrail(args(`/staff/cases/${CASE}/audit`, "complaints-manager", { reference: CASE }))) as Page;
    expect(JSON.stringify(page)).not.toContain(SECRET);
    expect(page.rows.map((r) => r.action)).toEqual(expect.arrayContaining(["case.note-added", "case.correspondence-recorded", "case.restriction-added"]));
    expect(page.rows.find((r) => r.action === "case.restriction-added")?.sentence).toMatch(/^complaints-officer added a contact restriction to the case, /);
  });

  it("is not found for an administrator with no case role, as the case is", async () => {
    expect(await status(caseTrail, args(`/staff/cases/${CASE}/audit`, "administrator", { reference: CASE }))).toBe(404);
    expect(await status(caseTrail, args("/staff/cases/SU-ZZZZ-ZZZZ/audit", "administrator", { reference: "SU-ZZZZ-ZZZZ" }))).toBe(404);
  });
});
