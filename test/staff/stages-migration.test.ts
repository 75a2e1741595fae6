import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "~/services/db.server";
import { migrationsBefore } from "../migrations";

// A database from before stages were records: each case's stage was a text column beside its
// status, and its dates were stage1_due_on/stage1_latest_on (which also held the corporate and
// early-resolution dates). The migration gives each case with a stage its first stage row, keeps
// every date, names the Investigating Officer on the stage, and keeps everything that refers to
// the case (the rebuild of the representations table must not cascade).

// 10:00 UTC on Wednesday 25 November 2026.
const DECIDED = Date.UTC(2026, 10, 25, 10);
const CLOSED = Date.UTC(2026, 11, 1, 15);

it("gives each old case with a stage its stage row with every date kept, then drops the old columns", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-stages-migration-"));
  try {
    const db = openDatabase(path.join(dir, "old.sqlite"));
    migrateDatabase(db, migrationsBefore("_stages"));
    const sqlite = db.$client;
    sqlite.prepare("INSERT INTO staff_users (id, email, name, password_hash, role) VALUES (7, 'io@example.org', 'Ida Investigator', 'x', 'investigator')").run();
    const insert = sqlite.prepare(
      `INSERT INTO representations (id, reference, kind, status, process, stage, method_received, received_at, received_on, stage1_due_on, stage1_latest_on,
         person_name, person_relationship, answers, decided_at, closed_at, investigator_id)
       VALUES (@id, @reference, @kind, @status, @process, @stage, 'E-form', 0, '2026-11-23', @due, @latest, 'Someone', 'parent', '{}', @decided, @closed, @investigator)`,
    );
    const base = { process: null, stage: null, due: null, latest: null, decided: null, closed: null, investigator: null };
    const rows = [
      // Not yet decided: on the statutory Stage 1 clock from receipt.
      { ...base, id: 1, reference: "SU-AAAA-AAAA", kind: "complaint", status: "new", due: "2026-12-07", latest: "2026-12-21" },
      { ...base, id: 2, reference: "SU-AAAA-AAAB", kind: "complaint", status: "open", process: "statutory", stage: "stage1", due: "2026-12-07", latest: "2026-12-21", decided: DECIDED },
      { ...base, id: 3, reference: "SU-AAAA-AAAC", kind: "complaint", status: "open", process: "corporate", stage: "stage1", due: "2026-12-09", latest: "2026-12-23", decided: DECIDED },
      { ...base, id: 4, reference: "SU-AAAA-AAAD", kind: "complaint", status: "open", process: "statutory", stage: "early-resolution", due: "2026-11-30", latest: "2026-11-30", decided: DECIDED },
      { ...base, id: 5, reference: "SU-AAAA-AAAE", kind: "complaint", status: "open", process: "statutory", stage: "stage2", due: "2027-01-04", latest: "2027-03-01", decided: DECIDED, investigator: 7 },
      { ...base, id: 6, reference: "SU-AAAA-AAAF", kind: "complaint", status: "closed", process: "statutory", stage: "stage1", due: "2026-12-07", latest: "2026-12-21", decided: DECIDED, closed: CLOSED },
      { ...base, id: 7, reference: "SU-AAAA-AAAG", kind: "complaint", status: "refused", process: "statutory", decided: DECIDED, closed: DECIDED },
      { ...base, id: 8, reference: "SU-AAAA-AAAH", kind: "compliment", status: "closed", closed: CLOSED },
      { ...base, id: 9, reference: "SU-AAAA-AAAJ", kind: "comment", status: "new" },
    ];
    for (const row of rows) insert.run(row);
    // Rows that refer to cases: the rebuild must keep them all.
    sqlite.prepare("INSERT INTO case_entries (representation_id, kind, body, at) VALUES (5, 'note', 'kept', 0), (6, 'note', 'kept', 0)").run();
    sqlite.prepare("INSERT INTO outbox (representation_id, template, to_address, subject, text_body, html_body, next_attempt_at) VALUES (2, 't', 'a@example.org', 's', 't', 'h', 0)").run();
    const before = sqlite.prepare("SELECT id, reference, kind, status, process, received_on, decided_at, closed_at FROM representations ORDER BY id").all();

    migrateDatabase(db);

    const stages = sqlite
      .prepare("SELECT representation_id, sequence, kind, state, started_on, acknowledged_on, due_on, latest_on, next_due_on, closed_on FROM stages ORDER BY representation_id")
      .all();
    const s = (id: number, kind: string, state: string, startedOn: string, due: string, latest: string, extra: Record<string, unknown> = {}) => ({
      representation_id: id,
      sequence: 1,
      kind,
      state,
      started_on: startedOn,
      acknowledged_on: null,
      due_on: due,
      latest_on: latest,
      next_due_on: state === "open" ? due : null,
      closed_on: null,
      ...extra,
    });
    expect(stages).toEqual([
      s(1, "statutory-stage1", "open", "2026-11-23", "2026-12-07", "2026-12-21"),
      s(2, "statutory-stage1", "open", "2026-11-23", "2026-12-07", "2026-12-21"),
      // The corporate reply was counted from the acknowledgement, which was the decision.
      s(3, "corporate-stage1", "open", "2026-11-23", "2026-12-09", "2026-12-23", { acknowledged_on: "2026-11-25" }),
      // Early resolution runs from being passed on: the decision.
      s(4, "early-resolution", "open", "2026-11-25", "2026-11-30", "2026-11-30"),
      s(5, "statutory-stage2", "open", "2026-11-23", "2027-01-04", "2027-03-01"),
      s(6, "statutory-stage1", "closed", "2026-11-23", "2026-12-07", "2026-12-21", { closed_on: "2026-12-01" }),
    ]);
    expect(sqlite.prepare("SELECT s.representation_id, p.role, p.staff_user_id FROM stage_people p JOIN stages s ON s.id = p.stage_id").all()).toEqual([
      { representation_id: 5, role: "investigating-officer", staff_user_id: 7 },
    ]);
    // Every case is still there, with everything else as it was; the old columns are gone.
    expect(sqlite.prepare("SELECT id, reference, kind, status, process, received_on, decided_at, closed_at FROM representations ORDER BY id").all()).toEqual(before);
    const columns = (sqlite.prepare("PRAGMA table_info(representations)").all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns).not.toContain("stage");
    expect(columns).not.toContain("stage1_due_on");
    expect(columns).not.toContain("stage1_latest_on");
    expect(columns).not.toContain("investigator_id");
    expect(sqlite.prepare("SELECT count(*) AS n FROM case_entries").get()).toEqual({ n: 2 });
    expect(sqlite.prepare("SELECT count(*) AS n FROM outbox").get()).toEqual({ n: 1 });
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    // The CHECK constraints hold the domain's lists.
    expect(() => sqlite.prepare("INSERT INTO stages (representation_id, sequence, kind, started_on) VALUES (9, 1, 'stage1', '2026-11-23')").run()).toThrow(/CHECK/);
    expect(() => sqlite.prepare("INSERT INTO stages (representation_id, sequence, kind, state, started_on) VALUES (9, 1, 'statutory-stage1', 'on-hold', '2026-11-23')").run()).toThrow(/CHECK/);
    db.$client.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
