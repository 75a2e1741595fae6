import { spawn } from "node:child_process";
import path from "node:path";
import { eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox, representations, scheduledRuns, settings, stages, staffRoles, staffTeamMembers, staffUsers, teams } from "../../db/schema";
import { createTestDb } from "../../test/db";
import { assignCase } from "./case-assignment.server";
import { addRestriction } from "./case-restrictions.server";
import { flagConcern } from "./case-safeguarding.server";
import type { Actor } from "./case.server";
import { createRepresentation } from "./create-representation.server";
import { openDatabase, type Db } from "./db.server";
import { runningDeadlines } from "./deadlines.server";
import { raiseLearningAction } from "./learning.server";
import { planReminders, REMINDERS_JOB, remindersJob } from "./reminders.server";
import { nextRun, runDailyJobIfDue } from "./scheduler.server";
import { namePerson, openStage } from "./stages.server";

// Monday 30 November 2026, 08:00 in England (GMT). Working days before it: Fri 27 (-1), Thu 26,
// Wed 25, Tue 24, Mon 23 (-5), Fri 20 … Mon 16 (-10); after it: Tue 1 Dec (+1) … Mon 7 (+5).
const NOW = new Date("2026-11-30T08:00:00Z");
const URL = "https://speakup.example";
const TEAM_ADDRESS = "childrens.complaints@northshire.example";

function staff(db: Db, email: string, role: string, teamNames: string[] = []): Actor {
  const user = db
    .insert(staffUsers)
    .values({ email, name: `Name of ${email}`, role, passwordHash: "x" })
    .returning()
    .get();
  db.insert(staffRoles).values({ staffUserId: user.id, role }).run();
  for (const name of teamNames) {
    const team = db.select().from(teams).where(eq(teams.name, name)).get()!;
    db.insert(staffTeamMembers).values({ staffUserId: user.id, teamId: team.id }).run();
  }
  return { id: user.id, role };
}

const teamId = (db: Db, name: string) => db.select().from(teams).where(eq(teams.name, name)).get()!.id;

/** A complaint received on `receivedOn`: statutory Stage 1 is due 10 working days later. */
function complaint(db: Db, receivedOn: string, personName = "Robin Private") {
  return createRepresentation(db, {
    kind: "complaint",
    methodReceived: "Email",
    receivedAt: new Date(`${receivedOn}T10:00:00Z`),
    receivedOn,
    personName,
    personRelationship: "parent",
    personEmail: "robin@example.com",
    childName: "Kit Private",
    answers: { "what-happened": { description: "Secret details of the complaint" } },
  });
}

/**
 * The scene: two team managers (Children in care, Fostering), an investigator, a disabled team
 * manager, the complaints officer; cases due today, overdue, soon, later; a Stage 2 with an
 * investigator and a statement not agreed; a safeguarding concern; a restriction to review.
 */
async function scene() {
  const db = await createTestDb();
  const officer = staff(db, "officer@northshire.example", "complaints-officer");
  const care = staff(db, "care.manager@northshire.example", "team-manager", ["Children in care"]);
  const fostering = staff(db, "fostering.manager@northshire.example", "team-manager", ["Fostering"]);
  const gone = staff(db, "gone.manager@northshire.example", "team-manager", ["Fostering"]);
  const investigator = staff(db, "investigator@northshire.example", "investigator");
  const assign = (reference: string, team: string, manager: Actor) =>
    expect(assignCase(db, officer, reference, { teamId: teamId(db, team), respondingManagerId: manager.id }, { publicUrl: URL, now: NOW })).toEqual({ ok: true });

  const dueToday = complaint(db, "2026-11-16"); // due Mon 30 Nov
  assign(dueToday.reference, "Children in care", care);
  const overdue = complaint(db, "2026-11-13"); // due Fri 27 Nov
  assign(overdue.reference, "Fostering", fostering);
  const soon = complaint(db, "2026-11-18"); // due Wed 2 Dec: 2 working days; nobody holds it
  const later = complaint(db, "2026-11-23"); // due Mon 7 Dec: 5 working days, no reminder
  assign(later.reference, "Children in care", care);
  const disabledHolder = complaint(db, "2026-11-17"); // due Tue 1 Dec, held by a disabled account
  assign(disabledHolder.reference, "Fostering", gone);
  // Then the account was disabled: nothing more goes to it.
  db.update(staffUsers).set({ disabledAt: NOW }).where(eq(staffUsers.id, gone.id)).run();
  // Held (as the stage's handler) by the Children in care manager, but in Fostering: not theirs to see.
  const notVisible = complaint(db, "2026-11-16");
  db.update(representations).set({ teamId: teamId(db, "Fostering") }).where(eq(representations.id, notVisible.id)).run();
  db.update(stages).set({ handlerId: care.id }).where(eq(stages.representationId, notVisible.id)).run();

  // Stage 2 asked for on Mon 2 Nov: its statement was due by Mon 16 Nov and is not agreed.
  const stage2 = complaint(db, "2026-09-01");
  const s2 = openStage(db, { representationId: stage2.id, kind: "statutory-stage2", startedOn: "2026-11-02", requestedOn: "2026-11-02" });
  namePerson(db, { stageId: s2.id, role: "investigating-officer", staffUserId: investigator.id });

  // Raised Thursday 26 November: the referral was due by Friday; raised today: not yet late.
  expect(flagConcern(db, officer, soon.reference, "Concern words", new Date("2026-11-26T11:00:00Z")).ok).toBe(true);
  expect(flagConcern(db, officer, later.reference, "Other concern words", NOW).ok).toBe(true);
  // A restriction due for review today, one next week.
  expect(addRestriction(db, officer, later.reference, { restricted: "Phone calls", reason: "Reason words", reviewOn: "2026-11-30" }, NOW).ok).toBe(true);
  expect(addRestriction(db, officer, overdue.reference, { restricted: "Visits", reason: "Reason words", reviewOn: "2026-12-07" }, NOW).ok).toBe(true);
  // The assignment emails are not what these tests are about.
  db.delete(outbox).run();
  return { db, officer, care, fostering, investigator, cases: { dueToday, overdue, soon, later, disabledHolder, notVisible, stage2 } };
}

const digests = (db: Db) => db.select().from(outbox).where(isNull(outbox.representationId)).all();
const allMail = (db: Db) => db.select().from(outbox).all();

describe("the daily reminder digests", () => {
  it("go to each holder with only the cases they hold and may see, and to the complaints team with everything", async () => {
    const { db, cases } = await scene();
    const plan = planReminders(db, NOW, URL);
    const byAddress = new Map(plan.map((d) => [d.toAddress, d.data.sections.filter((s) => s.lines.length).map((s) => `${s.key}: ${s.lines.map((l) => l.reference).join(" ")}`)]));
    expect([...byAddress.keys()].sort()).toEqual(["care.manager@northshire.example", TEAM_ADDRESS, "fostering.manager@northshire.example", "investigator@northshire.example"]);
    // Not the Fostering case they handle: they may not see it. Not the case due in 5 working days.
    expect(byAddress.get("care.manager@northshire.example")).toEqual([`due-today: ${cases.dueToday.reference}`]);
    expect(byAddress.get("fostering.manager@northshire.example")).toEqual([`overdue: ${cases.overdue.reference}`]);
    // The statement of complaint, due 16 November, is the Stage 2's overdue deadline.
    expect(byAddress.get("investigator@northshire.example")).toEqual([`overdue: ${cases.stage2.reference}`]);
    const sortedRefs = (...refs: string[]) => refs.sort((a, b) => a.localeCompare(b)).join(" ");
    expect(byAddress.get(TEAM_ADDRESS)).toEqual([
      `overdue: ${cases.stage2.reference} ${cases.overdue.reference}`,
      `due-today: ${sortedRefs(cases.dueToday.reference, cases.notVisible.reference)}`,
      // Tuesday 1 December, then Wednesday 2 December.
      `due-soon: ${cases.disabledHolder.reference} ${cases.soon.reference}`,
      `safeguarding: ${cases.soon.reference}`,
      `restrictions: ${cases.later.reference}`,
    ]);
  });

  it("carry references, stages, dates and links, never names or what the complaint says", async () => {
    const { db, cases } = await scene();
    await runDailyJobIfDue(db, remindersJob({ hour: 7, publicUrl: URL }), NOW);
    const team = digests(db).find((m) => m.toAddress === TEAM_ADDRESS)!;
    expect(team.template).toBe("reminder-digest-team");
    expect(team.subject).toBe("Complaints deadlines for Monday 30 November 2026: 8 to look at");
    expect(team.textBody).toContain(`Overdue (2)\n- ${cases.stage2.reference}: Stage 2, was due Monday 16 November 2026. ${URL}/staff/cases/${cases.stage2.reference}`);
    expect(team.textBody).toContain(`Safeguarding referral not recorded after a working day (1)\n- ${cases.soon.reference}: concern raised Thursday 26 November 2026; record the referral.`);
    expect(team.textBody).toContain(`Contact restrictions due for review (1)\n- ${cases.later.reference}: contact restriction to review since Monday 30 November 2026.`);
    expect(team.htmlBody).toContain(`<a href="${URL}/staff/cases/${cases.overdue.reference}">Open ${cases.overdue.reference}</a>`);
    const care = digests(db).find((m) => m.toAddress === "care.manager@northshire.example")!;
    expect(care.textBody).toBe(
      [
        "These cases you hold have a deadline that has passed or is near. Open each one in the back office.",
        `Due today (1)\n- ${cases.dueToday.reference}: Stage 1, due today, Monday 30 November 2026. ${URL}/staff/cases/${cases.dueToday.reference}`,
        `See every deadline in the back office: ${URL}/staff/deadlines`,
      ].join("\n\n") + "\n",
    );
    for (const mail of digests(db)) {
      for (const secret of ["Robin", "Kit Private", "robin@example.com", "Secret details", "Concern words", "Reason words", "Phone calls", "Name of"]) {
        expect(mail.textBody + mail.htmlBody + mail.subject, secret).not.toContain(secret);
      }
    }
  });

  it("tell the complaints team of learning actions past their due day (the reference, the day and a link; never what will change)", async () => {
    const { db, officer, care, cases } = await scene();
    const raise = (dueOn: string, change: string) => raiseLearningAction(db, officer, cases.later.reference, { change, teamId: teamId(db, "Children in care"), ownerId: care.id, dueOn }, new Date("2026-11-02T10:00:00Z"));
    const late = raise("2026-11-27", "Secret change words");
    raise("2026-11-30", "Due today: not yet overdue");
    if (!late.ok) throw new Error("not raised");
    await runDailyJobIfDue(db, remindersJob({ hour: 7, publicUrl: URL }), NOW);
    const team = digests(db).find((m) => m.toAddress === TEAM_ADDRESS)!;
    expect(team.textBody).toContain(`Learning actions overdue (1)\n- ${cases.later.reference}: a learning action was due Friday 27 November 2026. ${URL}/staff/learning/${late.id}`);
    expect(team.textBody + team.htmlBody).not.toContain("Secret change words");
    // Holders' digests are about their cases' deadlines only.
    expect(digests(db).find((m) => m.toAddress === "care.manager@northshire.example")?.textBody).not.toContain("learning action");
  });

  it("are written once a day: two processes racing, a second process trying while the first is mid-run, and a restart", async () => {
    const { db } = await scene();
    const file = db.$client.name;
    const second = openDatabase(file);
    // Give up at once on the lock (the server waits 5 s): the first process holds it mid-run.
    second.$client.pragma("busy_timeout = 50");
    const job = remindersJob({ hour: 7, publicUrl: URL });
    let secondMidRun: Promise<unknown> | undefined;
    const watched = {
      ...job,
      run: (tx: Db, now: Date) => {
        const result = job.run(tx, now);
        // The digests are written but not committed: the other process tries now.
        secondMidRun = runDailyJobIfDue(second, job, now);
        return result;
      },
    };
    const results = await Promise.all([runDailyJobIfDue(db, watched, NOW), runDailyJobIfDue(second, job, NOW)]);
    expect(await secondMidRun).toBeNull();
    expect(results.filter((r) => r !== null)).toEqual([{ staffDigests: 3, teamDigests: 1 }]);
    expect(digests(db)).toHaveLength(4);

    // A restarted process later in the day finds the day done.
    const restarted = openDatabase(file);
    expect(await runDailyJobIfDue(restarted, job, new Date("2026-11-30T17:00:00Z"))).toBeNull();
    expect(digests(restarted)).toHaveLength(4);
    expect(db.select().from(scheduledRuns).where(eq(scheduledRuns.job, REMINDERS_JOB)).all()).toEqual([
      expect.objectContaining({ runOn: "2026-11-30", result: { ok: true, staffDigests: 3, teamDigests: 1 } }),
    ]);
    // The next working day brings the next digests.
    await runDailyJobIfDue(second, job, new Date("2026-12-01T08:00:00Z"));
    expect(digests(db)).toHaveLength(8);
    second.$client.close();
    restarted.$client.close();
  });

  it("are written by the next start when a process is killed mid-run: the claim and the digests commit together", async () => {
    const { db } = await scene();
    const file = db.$client.name;
    // A real second process writes the digests inside the claim's transaction, says so, and waits
    // there until it is killed with SIGKILL.
    const child = spawn(process.execPath, ["--import", "tsx", path.resolve("test/reminders-killed-mid-run.ts"), file, NOW.toISOString()], { stdio: ["ignore", "pipe", "inherit"] });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("written")) resolve();
      });
      child.once("exit", () => reject(new Error("the child ended before writing")));
    });
    child.kill("SIGKILL");
    await exited;
    expect(allMail(db)).toHaveLength(0);
    expect(db.select().from(scheduledRuns).all()).toEqual([]);

    expect(await runDailyJobIfDue(db, remindersJob({ hour: 7, publicUrl: URL }), NOW)).toEqual({ staffDigests: 3, teamDigests: 1 });
    expect(digests(db)).toHaveLength(4);
  }, 30_000);

  it("wait for REMINDER_HOUR in England's time, and skip weekends and bank holidays", async () => {
    const { db } = await scene();
    const job = remindersJob({ hour: 9, publicUrl: URL });
    // 08:00 on a Monday: not yet.
    expect(await runDailyJobIfDue(db, job, NOW)).toBeNull();
    expect(nextRun(db, REMINDERS_JOB, 9, NOW)).toEqual({ on: "2026-11-30", hour: 9, dueNow: false });
    expect(await runDailyJobIfDue(db, job, new Date("2026-11-30T09:00:00Z"))).toEqual({ staffDigests: 3, teamDigests: 1 });
    // Saturday 5 December: the day is claimed and nothing is written.
    db.delete(outbox).run();
    expect(await runDailyJobIfDue(db, job, new Date("2026-12-05T10:00:00Z"))).toEqual({ staffDigests: 0, teamDigests: 0 });
    expect(allMail(db)).toHaveLength(0);
  });

  it("go to the complaints team's address from settings, and to nobody when it is blank", async () => {
    const { db } = await scene();
    db.update(settings).set({ value: "new.team@northshire.example" }).where(eq(settings.key, "complaintsTeamEmail")).run();
    expect(planReminders(db, NOW, URL).filter((d) => d.staffUserId === null).map((d) => d.toAddress)).toEqual(["new.team@northshire.example"]);
    db.update(settings).set({ value: " " }).where(eq(settings.key, "complaintsTeamEmail")).run();
    expect(planReminders(db, NOW, URL).filter((d) => d.staffUserId === null)).toEqual([]);
  });
});

describe("the deadlines the dashboard reads", () => {
  it("are scoped by the inbox's rule: a team manager sees their teams', an investigator their Stage 2", async () => {
    const { db, care, investigator, officer, cases } = await scene();
    const viewer = (a: Actor, teamIds: number[] = []) => ({ id: a.id, role: a.role, teamIds });
    const refs = (rows: Array<{ reference: string }>) => rows.map((r) => r.reference).sort();
    expect(refs(runningDeadlines(db, viewer(care, [teamId(db, "Children in care")]), "2026-12-07"))).toEqual(refs([cases.dueToday, cases.later]));
    expect(refs(runningDeadlines(db, viewer(investigator), "2026-12-07"))).toEqual([cases.stage2.reference]);
    expect(runningDeadlines(db, viewer(officer), "2026-12-07")).toHaveLength(7);
    expect(refs(runningDeadlines(db, viewer(officer), "2026-12-07", { stage: "statutory-stage2" }))).toEqual([cases.stage2.reference]);
    expect(refs(runningDeadlines(db, viewer(officer), "2026-12-07", { teamId: teamId(db, "Children in care") }))).toEqual(refs([cases.dueToday, cases.later]));
  });
});
