import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { addWorkingDays, isWorkingDay, londonDate, workingDaysUntil } from "../app/domain/calendar";
import { ragStatus, stageClocks, statementOverdue, workingDaysLeft } from "../app/domain/stage-clocks";
import { allowedActions, checkPanel, checkStageHandler, feedbackStateOf, type StageKind, type StageState } from "../app/domain/stages";
import { findCaseFor, viewerOf } from "../app/services/case.server";
import { activeRestrictions } from "../app/services/case-restrictions.server";
import { concernsOf } from "../app/services/case-safeguarding.server";
import { migrateDatabase, openDatabase, type Db } from "../app/services/db.server";
import { caseOutcomes } from "../app/services/outcomes.server";
import { listLearningActions } from "../app/services/learning.server";
import { listRepresentations } from "../app/services/representations.server";
import { clockSettings } from "../app/services/settings.server";
import { clockFactsOf, peopleOfStages, staffNamedOn, stagesOf, storedClock } from "../app/services/stages.server";
import { DEMO_CASES, demoReferences } from "./demo-cases";
import { caseEntries, outbox, representations, staffUsers } from "./schema";
import { seedDatabase } from "./seed";

// The README promises a newcomer a complaint in every state of its life in the demo, whenever it
// is started. Each promise is checked here through the domain and the services, for several
// "now"s: a Monday, a Saturday, between Christmas and New Year, early on the Tuesday after
// Easter, and the real now.

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

async function demoDb(now: Date) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-demo-"));
  dirs.push(dir);
  const db = openDatabase(path.join(dir, "demo.sqlite"));
  migrateDatabase(db);
  await seedDatabase(db, { demo: true, now });
  return db;
}

function theCase(db: Db, reference: string) {
  const row = db.select().from(representations).where(eq(representations.reference, reference)).get();
  if (!row) throw new Error(`no demo case ${reference}`);
  const history = stagesOf(db, row.id);
  return { row, history, current: history.at(-1) ?? null };
}

function staffId(db: Db, email: string) {
  return db.select().from(staffUsers).where(eq(staffUsers.email, email)).get()!.id;
}

const nows = [
  ["a Monday", new Date("2026-11-30T08:30:00Z")],
  ["a Saturday", new Date("2026-11-28T15:00:00Z")],
  ["between Christmas and New Year", new Date("2026-12-29T10:00:00Z")],
  ["early on the Tuesday after Easter", new Date("2027-03-30T07:05:00Z")],
  ["now", new Date()],
] as const;

describe.each(nows)("the demo started on %s", (_label, now) => {
  const today = londonDate(now);
  const seeded = demoDb(now);

  it("holds every demo case and nothing else", async () => {
    const db = await seeded;
    const references = db.select({ reference: representations.reference }).from(representations).all().map((r) => r.reference);
    expect(references.sort()).toEqual([...demoReferences].sort());
  });

  it("has new cases not yet triaged, one from a young person in easy read, their Stage 1 clock running from receipt", async () => {
    const db = await seeded;
    const young = theCase(db, DEMO_CASES.newYoungPerson);
    expect(young.row.status).toBe("new");
    expect(young.row.mode).toBe("easy-read");
    expect(young.row.methodReceived).toBe("Young person's e-form");
    expect(young.current).toMatchObject({ kind: "statutory-stage1", state: "open" });
    const soon = theCase(db, DEMO_CASES.newDueSoon);
    expect(soon.row.status).toBe("new");
    expect(ragStatus(today, soon.current!.nextDueOn!).rag).toBe("amber");
  });

  it("has Stage 1 in time (in Polish), overdue (received 14 working days ago) and extended (in Urdu, told by post)", async () => {
    const db = await seeded;
    const due = theCase(db, DEMO_CASES.stage1Due);
    expect(due.row).toMatchObject({ status: "open", process: "statutory", language: "pl" });
    expect(due.current).toMatchObject({ kind: "statutory-stage1", state: "open" });
    expect(ragStatus(today, due.current!.nextDueOn!).label).toBe("on-track");

    const late = theCase(db, DEMO_CASES.stage1Overdue);
    expect(workingDaysUntil(late.row.receivedOn, today)).toBe(14);
    expect(late.current).toMatchObject({ kind: "statutory-stage1", state: "open" });
    expect(ragStatus(today, late.current!.nextDueOn!)).toMatchObject({ rag: "red", label: "overdue", workingDaysLeft: -4 });

    const extended = theCase(db, DEMO_CASES.stage1Extended);
    expect(extended.row.language).toBe("ur");
    expect(extended.current).toMatchObject({ kind: "statutory-stage1", state: "open", extendedTo: addWorkingDays(extended.row.receivedOn, 18) });
    expect(extended.current!.nextDueOn).toBe(extended.current!.extendedTo);
    expect(extended.current!.extendedTo! > extended.current!.dueOn!).toBe(true);
    expect(workingDaysLeft(today, extended.current!.nextDueOn!)).toBeGreaterThan(0);
    // Told by post: the letter saying how the complaint is dealt with, then the extension.
    const letters = db.select().from(caseEntries).where(eq(caseEntries.representationId, extended.row.id)).all().filter((e) => e.channel === "letter");
    expect(letters.map((l) => (l.details as { letter?: string } | null)?.letter)).toEqual(["stage-decided", "extension"]);
  });

  it("has a Stage 1 answered with the window to ask for Stage 2 still open, and one closed", async () => {
    const db = await seeded;
    const responded = theCase(db, DEMO_CASES.stage1Responded);
    expect(responded.current).toMatchObject({ kind: "statutory-stage1", state: "responded", finding: "partially-upheld", nextDueOn: null });
    // The young person asked online for Stage 2 yesterday; staff have not confirmed it yet.
    const asked = responded.current?.nextStageAskedOn ?? "";
    expect(asked > (responded.current?.respondedOn ?? "") && asked < today).toBe(true);
    const window = stageClocks(clockFactsOf(responded.current!), clockSettings(db)).escalationWindowEndsOn!;
    expect(window >= today).toBe(true);

    const closed = theCase(db, DEMO_CASES.closed);
    expect(closed.row.status).toBe("closed");
    expect(closed.row.closedAt).not.toBeNull();
    expect(closed.current).toMatchObject({ kind: "statutory-stage1", state: "closed", finding: "upheld" });
  });

  it("has learning actions: one overdue on the answered Stage 1, two done with a public summary", async () => {
    const db = await seeded;
    const officer = db.select().from(staffUsers).where(eq(staffUsers.email, "officer@northshire.example")).get()!;
    const all = listLearningActions(db, { id: officer.id, role: "complaints-officer" }, {}, now);
    expect(all.filter((a) => a.overdue).map((a) => a.reference)).toEqual([DEMO_CASES.stage1Responded]);
    expect(all.filter((a) => a.state === "done" && a.publicHeard && a.publicChanged).map((a) => a.reference).sort()).toEqual([DEMO_CASES.closed, DEMO_CASES.commentClosed].sort());
  });

  it("has outcomes to show: points and actual outcomes on an answered Stage 1, compensation paid on the closed one, Stage 2 answered point by point", async () => {
    const db = await seeded;
    const responded = caseOutcomes(db, theCase(db, DEMO_CASES.stage1Responded).row.id);
    expect(responded.overall).toBe("Partially upheld");
    expect(responded.stages[0]).toMatchObject({ rule: "some-upheld", points: [{ finding: "Upheld" }, { finding: "Not upheld" }] });
    expect(responded.stages[0]?.actualOutcomes.map((o) => o.label)).toContain("Apology and explanation");
    const closed = caseOutcomes(db, theCase(db, DEMO_CASES.closed).row.id);
    expect(closed.totals).toMatchObject({ paidPence: 4_500, owedPence: 0 });
    const later = caseOutcomes(db, theCase(db, DEMO_CASES.ombudsman).row.id);
    expect(later.stages.find((st) => st.kind === "statutory-stage2")?.points).toHaveLength(2);
  });

  it("has a Stage 2 with the demo investigator named, who sees exactly that case", async () => {
    const db = await seeded;
    const s2 = theCase(db, DEMO_CASES.stage2Investigator);
    expect(s2.history.map((s) => [s.kind, s.state])).toEqual([
      ["statutory-stage1", "escalated"],
      ["statutory-stage2", "open"],
    ]);
    expect(s2.current!.statementAgreedOn).not.toBeNull();
    const investigator = staffId(db, "investigator@northshire.example");
    expect(staffNamedOn(db, s2.current!.id, "investigating-officer")).toEqual([investigator]);
    expect(peopleOfStages(db, [s2.current!.id]).map((p) => p.role)).toContain("independent-person");

    const viewer = viewerOf(db, { id: investigator, role: "investigator" });
    const inbox = listRepresentations(db, viewer, {}, today);
    expect(inbox.rows.map((r) => r.reference)).toEqual([DEMO_CASES.stage2Investigator]);
    for (const reference of demoReferences) {
      expect(findCaseFor(db, { id: investigator, role: "investigator" }, reference) !== null, reference).toBe(reference === DEMO_CASES.stage2Investigator);
    }
  });

  it("has a Stage 2 whose statement of complaint is still not agreed after 10 working days", async () => {
    const db = await seeded;
    const waiting = theCase(db, DEMO_CASES.stage2StatementWaiting);
    expect(waiting.current).toMatchObject({ kind: "statutory-stage2", state: "open", statementAgreedOn: null });
    expect(statementOverdue(stageClocks(clockFactsOf(waiting.current!), clockSettings(db)), null, today)).toBe(true);
  });

  it("has a Stage 3 with its review panel booked: three members, one chair, not Stage 2's Independent Person", async () => {
    const db = await seeded;
    const s3 = theCase(db, DEMO_CASES.stage3PanelBooked);
    expect(s3.history.map((s) => s.kind)).toEqual(["statutory-stage1", "statutory-stage2", "statutory-stage3"]);
    expect(s3.current!.state).toBe("open");
    expect(s3.current!.panelOn! >= today).toBe(true);
    const people = peopleOfStages(db, [s3.current!.id]);
    const panel = people.filter((p) => p.role === "panel-chair" || p.role === "panel-member").map((p) => ({ person: p.name!, chair: p.role === "panel-chair" }));
    const independent = peopleOfStages(db, [s3.history[1]!.id]).find((p) => p.role === "independent-person")!.name;
    expect(checkPanel(panel, independent)).toBeNull();
  });

  it("has a case with the Ombudsman after every council stage, its enquiry due soon", async () => {
    const db = await seeded;
    const lgsco = theCase(db, DEMO_CASES.ombudsman);
    expect(lgsco.history.map((s) => [s.kind, s.state])).toEqual([
      ["statutory-stage1", "escalated"],
      ["statutory-stage2", "escalated"],
      ["statutory-stage3", "escalated"],
      ["ombudsman", "open"],
    ]);
    expect(lgsco.current!.ombudsmanReference).toBeTruthy();
    expect(lgsco.current!.nextDueOn).toBe(lgsco.current!.ombudsmanEnquiryDueOn);
    expect(ragStatus(today, lgsco.current!.nextDueOn!).rag).toBe("amber");
    expect(lgsco.history[2]!.panelReportOn! > lgsco.history[2]!.panelOn!).toBe(true);
  });

  it("has a Stage 1 on hold, its clock still running", async () => {
    const db = await seeded;
    const held = theCase(db, DEMO_CASES.stage1OnHold);
    expect(held.current).toMatchObject({ kind: "statutory-stage1", state: "open", onHold: true });
    expect(held.current!.onHoldReason).toBeTruthy();
    expect(held.current!.nextDueOn).toBe(held.current!.dueOn);
    expect(workingDaysLeft(today, held.current!.nextDueOn!)).toBeGreaterThan(0);
  });

  it("has a Stage 3 with the chair's report in and the council's response due, and one answered that may go to the Ombudsman", async () => {
    const db = await seeded;
    const reportIn = theCase(db, DEMO_CASES.stage3ReportIn);
    expect(reportIn.history.map((s) => [s.kind, s.state])).toEqual([
      ["statutory-stage1", "escalated"],
      ["statutory-stage2", "escalated"],
      ["statutory-stage3", "open"],
    ]);
    expect(reportIn.current!.panelReportOn! > reportIn.current!.panelOn!).toBe(true);
    const clocks = stageClocks(clockFactsOf(reportIn.current!), clockSettings(db));
    expect(reportIn.current!.nextDueOn).toBe(clocks.councilResponseBy);
    expect(workingDaysLeft(today, reportIn.current!.nextDueOn!)).toBeGreaterThan(0);

    const answered = theCase(db, DEMO_CASES.stage3Answered);
    expect(answered.current).toMatchObject({ kind: "statutory-stage3", state: "responded", finding: "partially-upheld" });
    expect(allowedActions({ kind: answered.current!.kind as StageKind, state: answered.current!.state as StageState }, "complaints-manager")).toContain("refer-to-ombudsman");
  });

  it("has an Ombudsman's decision with a remedy still to meet, due after today", async () => {
    const db = await seeded;
    const remedy = theCase(db, DEMO_CASES.ombudsmanRemedy);
    expect(remedy.history.map((s) => s.kind)).toEqual(["statutory-stage1", "statutory-stage2", "statutory-stage3", "ombudsman"]);
    expect(remedy.current).toMatchObject({ state: "responded", remedyMetOn: null, remedyPence: 50_000 });
    expect(remedy.current!.remedyDueOn! > today).toBe(true);
    expect(remedy.current!.nextDueOn).toBe(remedy.current!.remedyDueOn);
  });

  it("has corporate Stage 1 and Stage 2, Stage 2 held by someone other than Stage 1's handler", async () => {
    const db = await seeded;
    const c1 = theCase(db, DEMO_CASES.corporateStage1);
    expect(c1.row.process).toBe("corporate");
    expect(c1.current).toMatchObject({ kind: "corporate-stage1", state: "open" });
    expect(c1.current!.acknowledgedOn).not.toBeNull();
    const c2 = theCase(db, DEMO_CASES.corporateStage2);
    expect(c2.history.map((s) => s.kind)).toEqual(["corporate-stage1", "corporate-stage2"]);
    expect(c2.current!.state).toBe("open");
    expect(c2.current!.handlerId).not.toBeNull();
    expect(checkStageHandler("corporate-stage2", c2.current!.handlerId, c2.history[0]!.handlerId)).toBeNull();
  });

  it("has an early resolution, a compliment to pass on and a closed comment", async () => {
    const db = await seeded;
    expect(theCase(db, DEMO_CASES.earlyResolution).current).toMatchObject({ kind: "early-resolution", state: "open" });
    const thanks = theCase(db, DEMO_CASES.compliment);
    expect(thanks.row.kind).toBe("compliment");
    expect(feedbackStateOf(thanks.row.status)).toBe("new");
    expect(thanks.current).toBeNull();
    const comment = theCase(db, DEMO_CASES.commentClosed);
    expect(comment.row.kind).toBe("comment");
    expect(feedbackStateOf(comment.row.status)).toBe("closed");
  });

  it("has a safeguarding concern flagged more than one working day ago and not referred, and a contact restriction due for review soon", async () => {
    const db = await seeded;
    const safe = theCase(db, DEMO_CASES.safeguarding);
    expect(safe.row.safeguarding).toBe("flagged");
    const [concern] = concernsOf(db, safe.row.id);
    expect(concern!.referralRecordedAt).toBeNull();
    expect(workingDaysUntil(londonDate(concern!.flaggedAt), today)).toBeGreaterThan(1);

    const restricted = theCase(db, DEMO_CASES.corporateStage1);
    const [restriction] = activeRestrictions(db, restricted.row);
    expect(workingDaysLeft(today, restriction!.reviewOn)).toBeGreaterThanOrEqual(0);
    expect(workingDaysLeft(today, restriction!.reviewOn)).toBeLessThanOrEqual(3);
  });

  it("covers every kind of stage but a case concern, and every state but withdrawn", async () => {
    const db = await seeded;
    const all = demoReferences.flatMap((reference) => theCase(db, reference).history);
    expect(new Set(all.map((s) => s.kind))).toEqual(
      new Set<StageKind>(["early-resolution", "statutory-stage1", "statutory-stage2", "statutory-stage3", "corporate-stage1", "corporate-stage2", "ombudsman"]),
    );
    expect(new Set(all.map((s) => s.state))).toEqual(new Set(["open", "responded", "escalated", "closed"]));
  });

  it("keeps every stored date equal to the clock computed from the stage's facts, every day staff acted a working day, and everything in the past", async () => {
    const db = await seeded;
    const settings = clockSettings(db);
    for (const reference of demoReferences) {
      for (const stage of theCase(db, reference).history) {
        expect({ dueOn: stage.dueOn, latestOn: stage.latestOn, nextDueOn: stage.nextDueOn }, `${reference} ${stage.kind}`).toEqual(
          storedClock(clockFactsOf(stage), stage.state as never, settings),
        );
        for (const date of [stage.startedOn, stage.respondedOn, stage.statementAgreedOn, stage.closedOn].filter((x): x is string => x !== null)) {
          expect(isWorkingDay(date), `${reference} ${stage.kind} ${date}`).toBe(true);
          expect(date <= today).toBe(true);
        }
      }
    }
    for (const entry of db.select().from(caseEntries).all()) expect(entry.at.getTime()).toBeLessThanOrEqual(now.getTime());
  });

  it("sends nothing when the demo starts: its emails are its past", async () => {
    const db = await seeded;
    const mail = db.select().from(outbox).all();
    expect(mail.length).toBeGreaterThan(0);
    expect(mail.filter((m) => m.status !== "sent")).toEqual([]);
  });
});

describe("the README", () => {
  const readme = fs.readFileSync("README.md", "utf8");
  /** The demo table's rows: reference → the accounts besides the complaints team that see the case. */
  const table = new Map(
    [...readme.matchAll(/^\| `(SU-DEM[^`]+)` \| [^|]+ \|([^|]*)\|$/gm)].map((m) => [m[1]!, m[2]!.split(",").map((a) => a.trim()).filter(Boolean)]),
  );

  it("lists every demo case", () => {
    expect([...table.keys()].sort()).toEqual([...demoReferences].sort());
  });

  it("says rightly which demo accounts besides the complaints team see each case", async () => {
    const db = await demoDb(new Date("2026-11-30T08:30:00Z"));
    const accounts = {
      "team manager": { id: staffId(db, "team.manager@northshire.example"), role: "team-manager" },
      "other team manager": { id: staffId(db, "other.team.manager@northshire.example"), role: "team-manager" },
      investigator: { id: staffId(db, "investigator@northshire.example"), role: "investigator" },
    };
    for (const [reference, named] of table) {
      const seeing = Object.entries(accounts)
        .filter(([, actor]) => findCaseFor(db, actor, reference) !== null)
        .map(([name]) => name);
      expect(seeing, reference).toEqual(named);
    }
  });
});

it("seeds the demo cases once: a second start adds nothing", async () => {
  const db = await demoDb(new Date("2026-11-30T08:30:00Z"));
  await seedDatabase(db, { demo: true, now: new Date("2026-12-07T08:30:00Z") });
  expect(db.select().from(representations).all()).toHaveLength(demoReferences.length);
});
