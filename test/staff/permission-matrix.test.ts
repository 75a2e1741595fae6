import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

// Every back office route, for every role and for someone signed out: a person without the
// permission, or who may not see the case, gets 404 from the loader AND the action (never 403,
// never the page), a person with it does not, and a signed-out visitor is sent to sign in. The
// routes run as Remix runs them, against a real SQLite file. The case is assigned to one team:
// its team manager may see it, another team's manager may not.

type Args = { request: Request; params: Record<string, string>; context: { clientAddress: string } };
type RouteModule = { loader?: (args: Args) => Promise<unknown>; action?: (args: Args) => Promise<unknown> };

const ALL = ["complaints-officer", "complaints-manager", "team-manager", "investigator", "administrator"] as const;
const ADMIN = ["administrator"] as const;
const AUDIT = ["administrator", "complaints-manager"] as const;
/** A case's audit trail: the audit permission AND the case's visibility (an administrator alone sees no case). */
const CASE_AUDIT = ["complaints-manager"] as const;
/** Subject access exports hold every case's content: the complaints manager only (decision 014). */
const SUBJECT_ACCESS = ["complaints-manager"] as const;
/** The annual report: counts only, no case content (decision 032); the historic import is the administrator's. */
const REPORT = ["complaints-manager", "administrator"] as const;
/** The person's key: roles joined by "+", and ":team" for a team manager of the case's team. */
const TEAM_MANAGER_OF_THE_CASE = "team-manager:team";
const CASE_TEAM = ["complaints-officer", "complaints-manager", TEAM_MANAGER_OF_THE_CASE] as const;
const TRIAGE = ["complaints-officer", "complaints-manager"] as const;
const INBOX = ["complaints-officer", "complaints-manager", "team-manager", TEAM_MANAGER_OF_THE_CASE, "investigator"] as const;
/** Learning actions: the complaints team, and team managers (scoped to their teams' actions). */
const LEARNING = ["complaints-officer", "complaints-manager", "team-manager", TEAM_MANAGER_OF_THE_CASE] as const;
const LEARNING_OF_THE_TEAM = ["complaints-officer", "complaints-manager", TEAM_MANAGER_OF_THE_CASE] as const;
const CASE = "SU-DEM2-AB3C";
/** The other demo case, made a compliment for the compliment page. */
const COMPLIMENT = "SU-DEM4-XY7Z";

interface RouteCase {
  file: string;
  path: string;
  params: () => Record<string, string>;
  allowed: readonly string[];
}

let ids: { learning: number; team: number; value: number; list: string; user: number; concern: number; attachment: number; logDraft: string; case: number; letter: number };
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
  { file: "staff.admin.retention", path: "/staff/admin/retention", params: () => ({}), allowed: ADMIN },
  { file: "staff.admin.lists._index", path: "/staff/admin/lists", params: () => ({}), allowed: ADMIN },
  { file: "staff.admin.lists.$list._index", path: "/staff/admin/lists/x", params: () => ({ list: ids.list }), allowed: ADMIN },
  { file: "staff.admin.lists.$list.$id", path: "/staff/admin/lists/x/y", params: () => ({ list: ids.list, id: String(ids.value) }), allowed: ADMIN },
  { file: "staff.admin.audit", path: "/staff/admin/audit", params: () => ({}), allowed: AUDIT },
  { file: "staff.cases.$reference_.audit", path: "/staff/cases/SU-DEM2-AB3C/audit", params: () => ({ reference: CASE }), allowed: CASE_AUDIT },
  { file: "staff.subject-access._index", path: "/staff/subject-access", params: () => ({}), allowed: SUBJECT_ACCESS },
  { file: "staff.subject-access.export", path: "/staff/subject-access/export?id=CASE_ID", params: () => ({}), allowed: SUBJECT_ACCESS },
  { file: "staff.subject-access.export[.]json", path: "/staff/subject-access/export.json?id=CASE_ID", params: () => ({}), allowed: SUBJECT_ACCESS },
  { file: "staff.dashboard", path: "/staff/dashboard", params: () => ({}), allowed: REPORT },
  { file: "staff.report", path: "/staff/report", params: () => ({}), allowed: REPORT },
  { file: "staff.report[.]csv", path: "/staff/report.csv?year=2024", params: () => ({}), allowed: REPORT },
  { file: "staff.admin.import", path: "/staff/admin/import", params: () => ({}), allowed: ADMIN },
  { file: "staff._index", path: "/staff", params: () => ({}), allowed: INBOX },
  { file: "staff.deadlines", path: "/staff/deadlines", params: () => ({}), allowed: INBOX },
  // The learning register and an action (decision record 029): the complaints team and team managers (their teams' only).
  { file: "staff.learning._index", path: "/staff/learning", params: () => ({}), allowed: LEARNING },
  { file: "staff.learning.$id", path: "/staff/learning/x", params: () => ({ id: String(ids.learning) }), allowed: LEARNING_OF_THE_TEAM },
  { file: "staff.cases.$reference.learning", path: `/staff/cases/${CASE}/learning`, params: () => ({ reference: CASE }), allowed: CASE_TEAM },
  { file: "staff.cases.$reference._index", path: `/staff/cases/${CASE}`, params: () => ({ reference: CASE }), allowed: CASE_TEAM },
  { file: "staff.cases.$reference.correspondence", path: `/staff/cases/${CASE}/correspondence`, params: () => ({ reference: CASE }), allowed: CASE_TEAM },
  { file: "staff.cases.$reference.safeguarding", path: `/staff/cases/${CASE}/safeguarding`, params: () => ({ reference: CASE }), allowed: CASE_TEAM },
  {
    file: "staff.cases.$reference.referral.$concern",
    path: `/staff/cases/${CASE}/referral/x`,
    params: () => ({ reference: CASE, concern: String(ids.concern) }),
    allowed: CASE_TEAM,
  },
  { file: "staff.cases.$reference.triage", path: `/staff/cases/${CASE}/triage`, params: () => ({ reference: CASE }), allowed: TRIAGE },
  { file: "staff.cases.$reference.coding", path: `/staff/cases/${CASE}/coding`, params: () => ({ reference: CASE }), allowed: TRIAGE },
  { file: "staff.cases.$reference.decision", path: `/staff/cases/${CASE}/decision`, params: () => ({ reference: CASE }), allowed: TRIAGE },
  { file: "staff.cases.$reference.refusal", path: `/staff/cases/${CASE}/refusal`, params: () => ({ reference: CASE }), allowed: TRIAGE },
  { file: "staff.cases.$reference.restrictions", path: `/staff/cases/${CASE}/restrictions`, params: () => ({ reference: CASE }), allowed: TRIAGE },
  { file: "staff.cases.$reference.compliment", path: `/staff/cases/${COMPLIMENT}/compliment`, params: () => ({ reference: COMPLIMENT }), allowed: TRIAGE },
  { file: "staff.cases.$reference.close", path: `/staff/cases/${COMPLIMENT}/close`, params: () => ({ reference: COMPLIMENT }), allowed: TRIAGE },
  { file: "staff.cases.$reference.assign", path: `/staff/cases/${CASE}/assign`, params: () => ({ reference: CASE }), allowed: TRIAGE },
  // Extending is the complaints team's in the transition table (app/domain/stages.ts); the page needs "cases.respond".
  { file: "staff.cases.$reference.extend", path: `/staff/cases/${CASE}/extend`, params: () => ({ reference: CASE }), allowed: TRIAGE },
  // Correcting a stage's dates is the complaints team's in the transition table; the page needs "cases.respond".
  { file: "staff.cases.$reference.correct-dates", path: `/staff/cases/${CASE}/correct-dates`, params: () => ({ reference: CASE }), allowed: TRIAGE },
  // Responding is the complaints team's and the responding team manager's (of the case's team only).
  { file: "staff.cases.$reference.respond", path: `/staff/cases/${CASE}/respond`, params: () => ({ reference: CASE }), allowed: CASE_TEAM },
  // A stage's money (compensation and costs): whoever may respond on the case, for any of its stages.
  { file: "staff.cases.$reference.money.$stage", path: `/staff/cases/${CASE}/money/1`, params: () => ({ reference: CASE, stage: "1" }), allowed: CASE_TEAM },
  // The general moves (decision record 020): escalating, withdrawing and reopening are the complaints team's;
  // a hold is also the responding team manager's. Closing a complaint's stage shares the Close page above (the
  // complaints team's in the table, as closing a compliment is).
  { file: "staff.cases.$reference.escalate", path: `/staff/cases/${CASE}/escalate`, params: () => ({ reference: CASE }), allowed: TRIAGE },
  { file: "staff.cases.$reference.withdraw", path: `/staff/cases/${CASE}/withdraw`, params: () => ({ reference: CASE }), allowed: TRIAGE },
  { file: "staff.cases.$reference.reopen", path: `/staff/cases/${CASE}/reopen`, params: () => ({ reference: CASE }), allowed: TRIAGE },
  { file: "staff.cases.$reference.put-on-hold", path: `/staff/cases/${CASE}/put-on-hold`, params: () => ({ reference: CASE }), allowed: CASE_TEAM },
  { file: "staff.cases.$reference.take-off-hold", path: `/staff/cases/${CASE}/take-off-hold`, params: () => ({ reference: CASE }), allowed: CASE_TEAM },
  // Stage 2, Stage 3 and the Ombudsman: the complaints team's in the transition table. The named
  // investigator may also agree the statement, but only on a Stage 2 case they are named on (not this one).
  { file: "staff.cases.$reference.agree-statement", path: `/staff/cases/${CASE}/agree-statement`, params: () => ({ reference: CASE }), allowed: TRIAGE },
  { file: "staff.cases.$reference.share-statement", path: `/staff/cases/${CASE}/share-statement`, params: () => ({ reference: CASE }), allowed: TRIAGE },
  { file: "staff.cases.$reference.name-investigator", path: `/staff/cases/${CASE}/name-investigator`, params: () => ({ reference: CASE }), allowed: TRIAGE },
  { file: "staff.cases.$reference.book-panel", path: `/staff/cases/${CASE}/book-panel`, params: () => ({ reference: CASE }), allowed: TRIAGE },
  { file: "staff.cases.$reference.record-panel-report", path: `/staff/cases/${CASE}/record-panel-report`, params: () => ({ reference: CASE }), allowed: TRIAGE },
  { file: "staff.cases.$reference.record-council-response", path: `/staff/cases/${CASE}/record-council-response`, params: () => ({ reference: CASE }), allowed: TRIAGE },
  { file: "staff.cases.$reference.refer-to-ombudsman", path: `/staff/cases/${CASE}/refer-to-ombudsman`, params: () => ({ reference: CASE }), allowed: TRIAGE },
  { file: "staff.cases.$reference.answer-ombudsman-enquiry", path: `/staff/cases/${CASE}/answer-ombudsman-enquiry`, params: () => ({ reference: CASE }), allowed: TRIAGE },
  { file: "staff.cases.$reference.record-ombudsman-decision", path: `/staff/cases/${CASE}/record-ombudsman-decision`, params: () => ({ reference: CASE }), allowed: TRIAGE },
  { file: "staff.cases.$reference.record-remedy-met", path: `/staff/cases/${CASE}/record-remedy-met`, params: () => ({ reference: CASE }), allowed: TRIAGE },
  // A letter kept to post: whoever sees the case prints it; marking it posted needs "cases.respond" too.
  {
    file: "staff.cases.$reference.letters.$entryId",
    path: `/staff/cases/${CASE}/letters/x`,
    params: () => ({ reference: CASE, entryId: String(ids.letter) }),
    allowed: CASE_TEAM,
  },
  { file: "staff.attachments.$id", path: "/staff/attachments/x", params: () => ({ id: String(ids.attachment) }), allowed: CASE_TEAM },
  { file: "staff.log._index", path: "/staff/log", params: () => ({}), allowed: TRIAGE },
  { file: "staff.log.$draft.$step", path: "/staff/log/x/your-details", params: () => ({ draft: ids.logDraft, step: "your-details" }), allowed: TRIAGE },
  { file: "staff.log.$draft.attachments", path: "/staff/log/x/attachments", params: () => ({ draft: ids.logDraft }), allowed: TRIAGE },
  { file: "staff.log.$draft.check-answers", path: "/staff/log/x/check-answers", params: () => ({ draft: ids.logDraft }), allowed: TRIAGE },
];

const cookies = new Map<string, string>();
const modules = new Map<string, RouteModule>();

beforeAll(async () => {
  // The routes use the app's own database: point it at a fresh file before anything opens it.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-matrix-"));
  process.env.DATABASE_FILE = path.join(dir, "matrix.sqlite");
  process.env.ATTACHMENTS_DIR = path.join(dir, "attachments");
  const { getDb, migrateDatabase } = await import("~/services/db.server");
  const { seedDatabase } = await import("../../db/seed");
  const { createSession, staffSessionCookie } = await import("~/services/auth.server");
  const schema = await import("../../db/schema");
  const db = getDb();
  migrateDatabase(db);
  await seedDatabase(db, { demo: true });
  const { eq } = await import("drizzle-orm");
  const { flagConcern } = await import("~/services/case-safeguarding.server");
  const { startLog } = await import("~/services/case-log.server");
  const team = db.select().from(schema.teams).get()!;
  const people: Array<[string, string[]]> = [
    ...ALL.map((r) => [r, [r]] as [string, string[]]),
    ["administrator+complaints-manager", ["administrator", "complaints-manager"]],
    [TEAM_MANAGER_OF_THE_CASE, ["team-manager"]],
  ];
  for (const [key, roles] of people) {
    const user = db
      .insert(schema.staffUsers)
      .values({ email: `${key.replace(/[+:]/g, ".")}@matrix.example`, name: key, role: roles[0]!, passwordHash: "x", passwordSetAt: new Date() })
      .returning()
      .get();
    for (const role of roles) db.insert(schema.staffRoles).values({ staffUserId: user.id, role }).run();
    if (key === TEAM_MANAGER_OF_THE_CASE) db.insert(schema.staffTeamMembers).values({ staffUserId: user.id, teamId: team.id }).run();
    cookies.set(key, (await staffSessionCookie.serialize(createSession(db, user.id))).split(";")[0]!);
  }
  const value = db.select().from(schema.referenceValues).get()!;
  const officer = db.select().from(schema.staffUsers).where(eq(schema.staffUsers.email, "complaints-officer@matrix.example")).get()!;
  const theCase = db.update(schema.representations).set({ teamId: team.id }).where(eq(schema.representations.reference, CASE)).returning().get()!;
  db.update(schema.representations).set({ teamId: team.id, kind: "compliment" }).where(eq(schema.representations.reference, COMPLIMENT)).run();
  const flagged = flagConcern(db, { id: officer.id, role: "complaints-officer" }, CASE, "A worry to check access with");
  if (!flagged.ok) throw new Error("could not flag the concern");
  const concern = db.select().from(schema.safeguardingConcerns).where(eq(schema.safeguardingConcerns.representationId, theCase.id)).get()!;
  const storageKey = "0123456789abcdef0123456789abcdef";
  fs.mkdirSync(process.env.ATTACHMENTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(process.env.ATTACHMENTS_DIR, storageKey), "%PDF-1.4\n%%EOF\n");
  const attachment = db
    .insert(schema.attachments)
    .values({ representationId: theCase.id, storageKey, originalName: "letter.pdf", contentType: "application/pdf", sizeBytes: 15, sha256: "x" })
    .returning()
    .get();
  // A letter kept to post on the case, as sendLetterToPerson keeps one.
  const { addEntry } = await import("~/services/case.server");
  addEntry(db, { representationId: theCase.id, kind: "correspondence-out", channel: "letter", staffUserId: null, body: "Subject\n\nWords", details: { letter: "acknowledgement-complaint" } });
  const letter = db.select().from(schema.caseEntries).where(eq(schema.caseEntries.representationId, theCase.id)).all().at(-1)!;
  const logDraft = startLog(db, { id: officer.id, role: "complaints-officer" }, { kind: "complaint", relationship: "parent", method: "Letter", receivedOn: "2026-11-20" });
  // A learning action of the case's team, for the action's page.
  const { raiseLearningAction } = await import("~/services/learning.server");
  const raised = raiseLearningAction(db, { id: officer.id, role: "complaints-officer" }, CASE, { change: "A change", teamId: team.id, ownerId: officer.id, dueOn: "2999-01-01" });
  if (!raised.ok) throw new Error("could not raise the learning action");
  ids = {
    learning: raised.id,
    team: team.id,
    value: value.id,
    list: value.list,
    user: db.select().from(schema.staffUsers).get()!.id,
    concern: concern.id,
    attachment: attachment.id,
    logDraft,
    case: theCase.id,
    letter: letter.id,
  };
  for (const r of routes) modules.set(r.file, (await import(`../../app/routes/${r.file}.tsx`)) as RouteModule);
}, 60_000);

function request(route: RouteCase, who: string | null, method: "GET" | "POST") {
  const headers = new Headers();
  if (who) headers.set("Cookie", cookies.get(who)!);
  if (method === "POST") headers.set("Content-Type", "application/x-www-form-urlencoded");
  return new Request(`http://localhost${route.path.replace("CASE_ID", String(ids.case))}`, { method, headers, body: method === "POST" ? "intent=nothing-in-particular" : undefined });
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
  const people = [...ALL, "administrator+complaints-manager", TEAM_MANAGER_OF_THE_CASE];
  it.each(people)("loader and action as %s", async (who) => {
    const mod = modules.get(route.file)!;
    // The case's own team manager is listed by that name where it matters; otherwise roles decide.
    const allowed = route.allowed.includes(who) || who.split(":")[0]!.split("+").some((r) => route.allowed.includes(r));
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

it("covers every staff route that needs a permission", () => {
  // Signing in and out, invitations and password resets are for people not yet signed in; the
  // back office's "Page not found" (staff.$) answers everyone alike.
  const open = /^staff(\.tsx|\.\$\.tsx|\.sign-in|\.sign-out|\.invitation|\.password-reset)/;
  const all = fs
    .readdirSync("app/routes")
    .filter((f) => f.startsWith("staff") && !open.test(f))
    .map((f) => f.replace(/\.tsx$/, ""))
    .sort();
  expect(all).toEqual(routes.map((r) => r.file).sort());
});

it("has a page for every stage move staff can make, so the case page can offer whatever the transition table allows", async () => {
  const { stageActions, transitions } = await import("~/domain/stages");
  const pages = new Set(fs.readdirSync("app/routes").map((f) => f.replace(/\.tsx$/, "")));
  // A move only the person makes online ("Check your complaint") has its page there, not here.
  const staffMoves = stageActions.filter((move) => transitions.some((r) => r.action === move && r.roles.some((role) => role !== "person")));
  expect(staffMoves).toContain("share-statement");
  expect(staffMoves).not.toContain("ask-statement-changes");
  expect(staffMoves.filter((move) => !pages.has(`staff.cases.$reference.${move}`))).toEqual([]);
});
