import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog, staffUsers } from "../../db/schema";
import { NOT_KEPT } from "~/domain/audit";
import { migrateDatabase, openDatabase } from "~/services/db.server";
import { migrationsBefore } from "../migrations";

// A database from before the audit kept only field names and codes: its rows hold the words of
// notes, letters and reasons, and staff names. The migration takes the words out and leaves
// everything else as it was.

const SECRET = "secret about the child";
it("replaces the words in existing audit rows, keeping field names, codes and every other column", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-audit-migration-"));
  try {
    const db = openDatabase(path.join(dir, "old.sqlite"));
    migrateDatabase(db, migrationsBefore("_audit_without_case_text"));
    const staff = db.insert(staffUsers).values({ email: "officer@example.org", name: "Officer", role: "complaints-officer", passwordHash: "x" }).returning().get();
    const at = new Date("2026-11-02T10:00:00Z");
    const old: Array<{ action: string; entity: string; details: Record<string, unknown> | null }> = [
      { action: "case.note-added", entity: "representation", details: { before: null, after: { note: SECRET } } },
      { action: "case.correspondence-recorded", entity: "representation", details: { before: null, after: { direction: "in", channel: "letter", summary: SECRET } } },
      { action: "case.restriction-added", entity: "representation", details: { before: null, after: { restrictionId: 1, personId: 2, restricted: SECRET, reason: SECRET, reviewOn: "2027-01-01" } } },
      { action: "case.safeguarding-referred", entity: "representation", details: { before: { safeguarding: "flagged", concernId: 1, referredTo: null }, after: { safeguarding: "referred", concernId: 1, referredTo: "mash", referredToName: SECRET, referredOn: "2026-11-02" } } },
      {
        action: "case.triaged",
        entity: "representation",
        details: {
          before: { representationType: null, eligibility: null },
          after: { representationType: "Complaint", eligibility: { discretion: "yes", discretionReason: SECRET, sufficientInterestReason: SECRET, childConsentNote: SECRET, childConsent: "yes" } },
        },
      },
      { action: "case.refused", entity: "representation", details: { before: { status: "triaged", refusalReason: null }, after: { status: "refused", refusalReason: "Out of time" } } },
      { action: "staff.updated", entity: "staff_user", details: { before: { name: "Sam Old", roles: ["investigator"] }, after: { name: "Sam New", roles: ["team-manager"] } } },
      { action: "staff.invited", entity: "staff_user", details: { after: { email: "sam@example.org", name: "Sam", roles: [], teamIds: [], totpRequired: true } } },
      { action: "team.updated", entity: "team", details: { before: { name: "Fostering", email: null }, after: { name: "Fostering and adoption", email: "fa@council.example" } } },
      { action: "case.viewed", entity: "representation", details: null },
    ];
    for (const row of old) db.insert(auditLog).values({ at, staffUserId: staff.id, entityId: "7", ...row }).run();
    const before = db.select().from(auditLog).orderBy(asc(auditLog.id)).all();
    expect(JSON.stringify(before)).toContain(SECRET);

    migrateDatabase(db);

    const after = db.select().from(auditLog).orderBy(asc(auditLog.id)).all();
    expect(JSON.stringify(after)).not.toContain(SECRET);
    expect(JSON.stringify(after)).not.toContain("Sam");
    expect(after.map(({ details: _, ...rest }) => rest)).toEqual(before.map(({ details: _, ...rest }) => rest));
    expect(after.map((r) => r.details)).toEqual([
      { before: null, after: { note: NOT_KEPT } },
      { before: null, after: { direction: "in", channel: "letter", summary: NOT_KEPT } },
      { before: null, after: { restrictionId: 1, personId: 2, restricted: NOT_KEPT, reason: NOT_KEPT, reviewOn: "2027-01-01" } },
      { before: { safeguarding: "flagged", concernId: 1, referredTo: null }, after: { safeguarding: "referred", concernId: 1, referredTo: "mash", referredToName: NOT_KEPT, referredOn: "2026-11-02" } },
      {
        before: { representationType: null, eligibility: null },
        after: { representationType: "Complaint", eligibility: { discretion: "yes", discretionReason: NOT_KEPT, sufficientInterestReason: NOT_KEPT, childConsentNote: NOT_KEPT, childConsent: "yes" } },
      },
      old[5]!.details,
      { before: { name: NOT_KEPT, roles: ["investigator"] }, after: { name: NOT_KEPT, roles: ["team-manager"] } },
      { after: { email: NOT_KEPT, name: NOT_KEPT, roles: [], teamIds: [], totpRequired: true } },
      old[8]!.details,
      null,
    ]);
    db.$client.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
