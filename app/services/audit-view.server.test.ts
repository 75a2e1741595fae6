import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { staffTeamMembers, teams } from "../../db/schema";
import { fixedT } from "../i18n/i18n";
import { acceptedComplaint, staffOf } from "../../test/cases";
import { createTestDb } from "../../test/db";
import { caseAudit, readAudit } from "./audit-log.server";
import { auditEntries } from "./audit-view.server";
import { assignCase } from "./case-assignment.server";
import { addNote } from "./case.server";

const t = fixedT("en", "staff");

describe("auditEntries", () => {
  it("reads a case's trail as sentences, in today's names, with no case content", async () => {
    const db = await createTestDb();
    const officer = staffOf(db, "complaints-officer", { name: "Sam Officer" });
    const manager = staffOf(db, "team-manager", { name: "Taylor Teamlead", email: "tm@northshire.example" });
    const fostering = db.insert(teams).values({ name: "Edge of care" }).returning().get();
    const inCare = db.insert(teams).values({ name: "Leaving care" }).returning().get();
    for (const team of [fostering, inCare]) db.insert(staffTeamMembers).values({ staffUserId: manager.id, teamId: team.id }).run();
    const c = acceptedComplaint(db, officer, { now: new Date() });
    for (const team of [fostering, inCare]) {
      expect(assignCase(db, officer, c.reference, { teamId: team.id, respondingManagerId: manager.id }, { publicUrl: "http://localhost" }).ok).toBe(true);
    }
    const secret = "The carer shouted at the child";
    expect(addNote(db, officer, c.reference, secret).ok).toBe(true);
    // Renamed after the fact: the trail reads with the council's name for it today.
    db.update(teams).set({ name: "Leaving care (16 and over)" }).where(eq(teams.id, inCare.id)).run();

    const page = caseAudit(db, officer, c.reference);
    if (!page) throw new Error("no trail");
    const entries = auditEntries(db, t, page.rows, page.caseId);
    const sentences = entries.map((e) => e.sentence);
    expect(sentences).toContainEqual(expect.stringMatching(/^Sam Officer changed the team of the case from Edge of care to Leaving care \(16 and over\), \d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/));
    expect(sentences).toContainEqual(expect.stringMatching(/^Sam Officer added a note to the case, /));
    const first = entries.find((e) => e.sentence.startsWith("Sam Officer assigned the case"));
    expect(first?.changes).toEqual([
      { field: "team", from: "nothing", to: "Edge of care" },
      { field: "responding manager", from: "nothing", to: "Taylor Teamlead" },
    ]);
    expect(JSON.stringify(entries)).not.toContain(secret);

    // In the whole log, by someone who may not see the case: its reference and details stay hidden.
    const outsider = staffOf(db, "team-manager", { name: "Other Manager", email: "other@northshire.example" });
    const log = readAudit(db, outsider, { entity: "representation" });
    const hidden = auditEntries(db, t, log.rows);
    expect(hidden.length).toBeGreaterThan(0);
    for (const entry of hidden) {
      expect(entry.sentence).toContain("a case you cannot see");
      expect(entry.sentence).not.toContain(c.reference);
      expect(entry.changes).toEqual([]);
    }
    // The officer, who may see it, reads its reference.
    expect(auditEntries(db, t, readAudit(db, officer, { entity: "representation" }).rows).map((e) => e.sentence)).toContainEqual(expect.stringContaining(`case ${c.reference}`));
  });
});
