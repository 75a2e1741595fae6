import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, isNotNull } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { createTestDb } from "../../test/db";
import { importCsv } from "../../test/report-fixtures";
import {
  attachments,
  auditLog,
  caseCodes,
  caseEntries,
  contactRestrictions,
  drafts,
  equalityResponses,
  outbox,
  persons,
  referenceValues,
  representations,
  safeguardingConcerns,
  scheduledRuns,
  stages,
  statements,
  staffUsers,
} from "../../db/schema";
import type { Db } from "./db.server";
import { openDatabase } from "./db.server";
import { applyRetention, getRetentionSettings, planRetention, retentionJob, RETENTION_JOB, updateRetentionSettings } from "./retention.server";
import { annualReport } from "./report.server";
import { IMPORTED_PERSON, importHistoric } from "./report-import.server";
import { lastFinishedRun, nextRun, runDailyJobIfDue } from "./scheduler.server";

const NOW = new Date("2026-11-30T03:00:00Z");
const LONG_AGO = new Date("2019-06-01T10:00:00Z");
const RECENTLY = new Date("2025-06-01T10:00:00Z");

let n = 0;
function addCase(db: Db, dir: string, values: Partial<typeof representations.$inferInsert>) {
  n += 1;
  const name = `Persephone Windlesham ${n}`;
  const person = db.insert(persons).values({ name, email: `persephone${n}@example.com` }).returning().get();
  db.insert(contactRestrictions).values({ personId: person.id, restricted: "Phone calls", reason: "Shouted at staff", reviewOn: "2020-01-01" }).run();
  const row = db
    .insert(representations)
    .values({
      reference: `SU-RTN-${String(n).padStart(4, "2")}`,
      kind: "complaint",
      status: "refused",
      methodReceived: "E-form",
      receivedAt: LONG_AGO,
      receivedOn: "2019-05-20",
      personName: name,
      personRelationship: "parent",
      personEmail: `persephone${n}@example.com`,
      childName: `Ignatius Windlesham ${n}`,
      personId: person.id,
      answers: { "what-happened": { whatHappened: "A private account of what happened." } },
      eligibility: { childStatus: ["in-need"], receivedFromReason: "She is the mother" },
      representationType: "Complaint",
      refusalReason: "Out of time",
      closedAt: LONG_AGO,
      ...values,
    })
    .returning()
    .get();
  const storageKey = crypto.randomBytes(16).toString("hex");
  fs.writeFileSync(path.join(dir, storageKey), "a scanned letter");
  db.insert(attachments).values({ representationId: row.id, storageKey, originalName: "letter.pdf", contentType: "application/pdf", sizeBytes: 16, sha256: "x" }).run();
  const draftKey = crypto.randomBytes(16).toString("hex");
  fs.writeFileSync(path.join(dir, draftKey), "left on the sent draft");
  const draftId = crypto.randomUUID();
  db.insert(drafts).values({ id: draftId, answers: {}, representationId: row.id }).run();
  db.insert(attachments).values({ draftId, storageKey: draftKey, originalName: "old.pdf", contentType: "application/pdf", sizeBytes: 16, sha256: "y" }).run();
  db.insert(equalityResponses).values({ representationId: row.id, ageBand: "12-15", ethnicGroup: "white", createdAt: row.receivedAt }).run();
  db.insert(outbox)
    .values({ representationId: row.id, template: "refusal", toAddress: row.personEmail ?? "x@example.com", subject: "Your complaint", textBody: `Dear ${name}`, htmlBody: `<p>Dear ${name}</p>`, nextAttemptAt: LONG_AGO, status: "pending" })
    .run();
  db.insert(caseEntries).values({ representationId: row.id, kind: "note", body: `Spoke to ${name}`, at: LONG_AGO }).run();
  // A Stage 2 statement of complaint in the person's words (decision record 041).
  const stage = db.insert(stages).values({ representationId: row.id, sequence: 9, kind: "statutory-stage2", state: "closed", startedOn: "2019-06-03" }).returning().get();
  db.insert(statements).values({ stageId: stage.id, version: 1, body: `What ${name} complained about`, sharedAt: LONG_AGO, sharedBy: "letter" }).run();
  db.insert(safeguardingConcerns).values({ representationId: row.id, concern: "Bruise seen", flaggedAt: LONG_AGO }).run();
  const nature = db.select().from(referenceValues).get()!;
  db.insert(caseCodes).values({ representationId: row.id, list: nature.list, referenceValueId: nature.id, primary: true }).run();
  // The stage made the case's stored current stage (triggers): the case as it now is.
  const stored = db.select().from(representations).where(eq(representations.id, row.id)).get()!;
  return { row: stored, files: [path.join(dir, storageKey), path.join(dir, draftKey)], name, draftId };
}

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), "speakup-retention-"));
}

function snapshot(db: Db) {
  return {
    representations: db.select().from(representations).all(),
    attachments: db.select().from(attachments).all(),
    equality: db.select().from(equalityResponses).all(),
    outbox: db.select().from(outbox).all(),
    drafts: db.select().from(drafts).all(),
    entries: db.select().from(caseEntries).all(),
    persons: db.select().from(persons).all(),
  };
}

describe("the retention run", () => {
  it("anonymises an expired complaint and deletes an expired compliment, with their files, answers, emails and drafts; leaves the rest", async () => {
    const db = await createTestDb();
    const dir = tempDir();
    const refused = addCase(db, dir, {});
    const compliment = addCase(db, dir, { kind: "compliment", status: "closed", refusalReason: null });
    // Received this reporting year, so their equality answers are still wanted.
    const thisYear = new Date("2026-06-01T10:00:00Z");
    const recent = addCase(db, dir, { closedAt: RECENTLY, receivedAt: thisYear });
    const open = addCase(db, dir, { status: "open", closedAt: null, receivedAt: thisYear });

    const counts = await applyRetention(db, dir, NOW);

    expect(counts).toEqual({ deleted: { "compliment-or-comment": 1 }, anonymised: { refused: 1 }, equalityAnswers: 2, emailBodies: 0, drafts: 2, files: 4 });
    for (const file of [...refused.files, ...compliment.files]) expect(fs.existsSync(file)).toBe(false);
    for (const file of [...recent.files, ...open.files]) expect(fs.existsSync(file)).toBe(true);

    const kept = db.select().from(representations).where(eq(representations.id, refused.row.id)).get()!;
    expect(kept).toMatchObject({
      reference: refused.row.reference,
      kind: "complaint",
      status: "refused",
      personName: "",
      personEmail: null,
      childName: null,
      personId: null,
      answers: {},
      eligibility: { childStatus: ["in-need"] },
      representationType: "Complaint",
      refusalReason: "Out of time",
      personRelationship: "parent",
      receivedOn: "2019-05-20",
      closedAt: LONG_AGO,
      anonymisedAt: NOW,
    });
    expect(db.select().from(caseCodes).where(eq(caseCodes.representationId, refused.row.id)).all()).toHaveLength(1);
    expect(db.select().from(representations).where(eq(representations.id, compliment.row.id)).get()).toBeUndefined();
    for (const gone of [refused, compliment]) {
      const id = gone.row.id;
      expect(db.select().from(attachments).where(eq(attachments.representationId, id)).all()).toEqual([]);
      expect(db.select().from(equalityResponses).where(eq(equalityResponses.representationId, id)).all()).toEqual([]);
      expect(db.select().from(outbox).where(eq(outbox.representationId, id)).all()).toEqual([]);
      expect(db.select().from(caseEntries).where(eq(caseEntries.representationId, id)).all()).toEqual([]);
      expect(db.select({ id: statements.id }).from(statements).innerJoin(stages, eq(stages.id, statements.stageId)).where(eq(stages.representationId, id)).all()).toEqual([]);
      expect(db.select().from(safeguardingConcerns).where(eq(safeguardingConcerns.representationId, id)).all()).toEqual([]);
      expect(db.select().from(drafts).where(eq(drafts.id, gone.draftId)).get()).toBeUndefined();
      expect(db.select().from(persons).where(eq(persons.id, gone.row.personId!)).get()).toBeUndefined();
      expect(db.select().from(contactRestrictions).where(eq(contactRestrictions.personId, gone.row.personId!)).all()).toEqual([]);
    }
    for (const untouched of [recent, open]) {
      expect(db.select().from(representations).where(eq(representations.id, untouched.row.id)).get()).toEqual(untouched.row);
      expect(db.select().from(equalityResponses).where(eq(equalityResponses.representationId, untouched.row.id)).all()).toHaveLength(1);
      expect(db.select().from(outbox).where(eq(outbox.representationId, untouched.row.id)).all()).toHaveLength(1);
    }

    // One audit row of counts, with nothing that points to a person.
    const rows = db.select().from(auditLog).where(eq(auditLog.action, "retention.run")).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ staffUserId: null, entity: "retention", entityId: "2026-11-30", details: counts });
    const text = JSON.stringify(rows[0]);
    for (const c of [refused, compliment]) {
      for (const personal of [c.name, c.row.reference, c.row.personEmail!, c.row.childName!]) expect(text).not.toContain(personal);
    }
  });

  it("clears email bodies a set time after sending and equality answers after their reporting year, and follows the settings", async () => {
    const db = await createTestDb();
    const dir = tempDir();
    const c = addCase(db, dir, { status: "open", closedAt: null, receivedAt: new Date("2025-05-01T10:00:00Z") });
    db.delete(outbox).run();
    const old = db
      .insert(outbox)
      .values({ representationId: c.row.id, template: "acknowledgement", toAddress: "a@example.com", subject: "S", textBody: "T", htmlBody: "H", nextAttemptAt: LONG_AGO, status: "sent", sentAt: new Date("2026-10-01T10:00:00Z") })
      .returning()
      .get();
    const fresh = db
      .insert(outbox)
      .values({ template: "return-link", toAddress: "b@example.com", subject: "S", textBody: "T", htmlBody: "H", nextAttemptAt: LONG_AGO, status: "sent", sentAt: new Date("2026-11-20T10:00:00Z") })
      .returning()
      .get();
    const pending = db
      .insert(outbox)
      .values({ template: "return-link", toAddress: "c@example.com", subject: "S", textBody: "T", htmlBody: "H", nextAttemptAt: LONG_AGO, createdAt: LONG_AGO })
      .returning()
      .get();

    // Answers given in May 2025 belong to 2025-26; with 6 months they go from 1 October 2026.
    expect(await applyRetention(db, dir, NOW)).toMatchObject({ equalityAnswers: 1, emailBodies: 1, deleted: {}, anonymised: {} });
    expect(db.select().from(outbox).where(eq(outbox.id, old.id)).get()).toMatchObject({ toAddress: "", subject: "", textBody: "", htmlBody: "", status: "sent", template: "acknowledgement" });
    expect(db.select().from(outbox).where(eq(outbox.id, fresh.id)).get()).toMatchObject({ toAddress: "b@example.com", textBody: "T" });
    expect(db.select().from(outbox).where(eq(outbox.id, pending.id)).get()).toMatchObject({ toAddress: "c@example.com", textBody: "T" });
    expect(db.select().from(equalityResponses).all()).toEqual([]);
    expect(db.select().from(representations).where(eq(representations.id, c.row.id)).get()?.personName).toBe(c.name);

    const admin = db.insert(staffUsers).values({ email: "admin@example.com", name: "Admin", passwordHash: "x", role: "administrator" }).returning().get();
    updateRetentionSettings(db, { actorId: admin.id, values: { ...getRetentionSettings(db), sentEmailDays: 5 } });
    expect(planRetention(db, NOW).emailBodies).toEqual([fresh.id]);
  });

  it("lets the server answer between its transactions (a first run over years of history takes minutes)", async () => {
    const db = await createTestDb();
    const dir = tempDir();
    for (let i = 0; i < 250; i += 1) addCase(db, dir, { reference: `SU-RTN-B${String(i).padStart(3, "0")}` });
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 0);
    const counts = await applyRetention(db, dir, NOW);
    clearInterval(timer);
    expect(counts.anonymised).toEqual({ refused: 250 });
    // Three transactions of at most a hundred cases: timers ran between them.
    expect(ticks).toBeGreaterThanOrEqual(2);
    expect(planRetention(db, NOW).cases).toEqual([]);
  });

  it("a run that fails part way still writes its audit row of what it removed", async () => {
    const db = await createTestDb();
    const dir = tempDir();
    const first = addCase(db, dir, {});
    const second = addCase(db, dir, {});
    // A directory where the second case's file should be: removing it fails after its rows went.
    fs.rmSync(second.files[0]!);
    fs.mkdirSync(second.files[0]!);
    await expect(applyRetention(db, dir, NOW)).rejects.toThrow();
    for (const file of first.files) expect(fs.existsSync(file)).toBe(false);
    const rows = db.select().from(auditLog).where(eq(auditLog.action, "retention.run")).all();
    expect(rows.map((r) => r.details)).toEqual([{ deleted: {}, anonymised: { refused: 2 }, equalityAnswers: 2, emailBodies: 0, drafts: 2, files: 2, failed: true }]);
    // The next run finds nothing left of either case to take.
    expect(planRetention(db, NOW).cases).toEqual([]);
  });

  it("keeps imported history: it holds no personal data, and the five-year tables count it (decision 047)", async () => {
    const db = await createTestDb();
    const dir = tempDir();
    // A compliment and a refused complaint from the old case system, closed in 2019: a native
    // compliment closed then has been deleted and a native complaint anonymised.
    const csv = importCsv([
      { source_reference: "OLD-C1", kind: "compliment", received_on: "2019-05-01", method_received: "Letter", team: "Fostering" },
      { source_reference: "OLD-R1", kind: "complaint", process: "statutory", received_on: "2019-05-02", method_received: "Email", refusal_reason: "Out of time" },
    ]);
    expect(importHistoric(db, { csv, actorId: null, now: new Date("2020-01-01T10:00:00Z") }).status).toBe("imported");
    const native = addCase(db, dir, { kind: "compliment", status: "closed", refusalReason: null });
    const imported = () => db.select().from(representations).where(isNotNull(representations.importedAt)).orderBy(representations.id).all();
    const before = imported();
    const received2019 = () => annualReport(db, 2023).find((t) => t.id === "received")!.rows.map((r) => r.values[4]);
    const tableBefore = received2019();

    expect(planRetention(db, NOW).cases.map((c) => c.id)).toEqual([native.row.id]);
    const counts = await applyRetention(db, dir, NOW);

    expect(counts.deleted).toEqual({ "compliment-or-comment": 1 });
    expect(counts.anonymised).toEqual({});
    expect(imported()).toEqual(before);
    // Nothing personal to take: a placeholder name, no contact details, answers or child.
    for (const r of before) expect(r).toMatchObject({ personName: IMPORTED_PERSON, personEmail: null, childName: null, personId: null, answers: {} });
    expect(before.map((r) => [r.kind, r.anonymisedAt])).toEqual([
      ["compliment", null],
      ["complaint", null],
    ]);
    // 2019/20 is the oldest of the five years beside 2023/24 (statutory, corporate, other,
    // compliments, comments, total): the native compliment went, the imported one is still counted.
    expect(tableBefore).toEqual([1, 0, 0, 2, 0, 3]);
    expect(received2019()).toEqual([1, 0, 0, 1, 0, 2]);
  });

  it("a dry run lists what would go and changes nothing", async () => {
    const db = await createTestDb();
    const dir = tempDir();
    const refused = addCase(db, dir, {});
    addCase(db, dir, { closedAt: RECENTLY });
    const before = snapshot(db);
    const plan = planRetention(db, NOW);
    expect(plan.cases).toEqual([{ id: refused.row.id, reference: refused.row.reference, kind: "refused", closedOn: "2019-06-01", expiresOn: "2025-06-01", action: "anonymise" }]);
    expect(snapshot(db)).toEqual(before);
    for (const file of refused.files) expect(fs.existsSync(file)).toBe(true);
    expect(db.select().from(auditLog).where(eq(auditLog.action, "retention.run")).all()).toEqual([]);
  });
});

describe("the daily scheduler", () => {
  it("runs the job once a day across two processes on one database and across restarts", async () => {
    const first = await createTestDb();
    const file = first.$client.name;
    const second = openDatabase(file);
    const dir = tempDir();
    addCase(first, dir, {});
    let runs = 0;
    const job = retentionJob(dir);
    const counted = { ...job, run: (db: Db, now: Date) => (runs++, job.run(db, now)) };

    // 01:30 in England (GMT in November): not yet due.
    expect(await runDailyJobIfDue(first, counted, new Date("2026-11-30T01:30:00Z"))).toBeNull();
    expect(nextRun(first, RETENTION_JOB, 2, new Date("2026-11-30T01:30:00Z"))).toEqual({ on: "2026-11-30", hour: 2, dueNow: false });

    const at = new Date("2026-11-30T02:05:00Z");
    const results = await Promise.all([runDailyJobIfDue(first, counted, at), runDailyJobIfDue(second, counted, at)]);
    expect(runs).toBe(1);
    expect(results.filter((r) => r !== null)).toHaveLength(1);

    // A restarted process (a new connection) later the same day does not run it again.
    const restarted = openDatabase(file);
    expect(await runDailyJobIfDue(restarted, counted, new Date("2026-11-30T18:00:00Z"))).toBeNull();
    expect(runs).toBe(1);
    expect(nextRun(restarted, RETENTION_JOB, 2, new Date("2026-11-30T18:00:00Z"))).toEqual({ on: "2026-12-01", hour: 2, dueNow: false });
    expect(lastFinishedRun(second, RETENTION_JOB)).toMatchObject({ runOn: "2026-11-30", result: { ok: true, anonymised: { refused: 1 } } });

    // The next day it runs again, once.
    await Promise.all([runDailyJobIfDue(second, counted, new Date("2026-12-01T03:00:00Z")), runDailyJobIfDue(restarted, counted, new Date("2026-12-01T03:00:00Z"))]);
    expect(runs).toBe(2);
    expect(first.select().from(scheduledRuns).all().map((r) => r.runOn)).toEqual(["2026-11-30", "2026-12-01"]);
    second.$client.close();
    restarted.$client.close();
  });

  it("records a failed run without personal data and does not retry it the same day", async () => {
    const db = await createTestDb();
    const failing = { name: "failing", hour: 2, run: () => { throw new Error("disk full"); } };
    await expect(runDailyJobIfDue(db, failing, NOW)).rejects.toThrow("disk full");
    // The failure is logged once (test/setup.ts fails a test on an unexpected console.error).
    expect(vi.mocked(console.error).mock.calls.map((c) => String(c[0]))).toEqual([expect.stringContaining("scheduled job failing failed on 2026-11-30")]);
    vi.mocked(console.error).mockClear();
    expect(lastFinishedRun(db, "failing")).toMatchObject({ result: { ok: false, error: "Error" } });
    expect(await runDailyJobIfDue(db, failing, NOW)).toBeNull();
  });
});
