import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { attachments, auditLog, outbox, representations, staffUsers } from "../../db/schema";
import { createTestDb } from "../../test/db";
import { REFERENCE_ALPHABET } from "../domain/reference-number";
import { addNote, recordCorrespondence, viewCase, type Actor } from "./case.server";
import type { Db } from "./db.server";
import { saveEqualityAnswer } from "./equality.server";
import { exportSubjectAccess, findSubjectRecords } from "./subject-access.server";

const NOW = new Date("2026-11-23T10:15:00Z");

let counter = 0;
function addStaff(db: Db, role: string): Actor & { name: string } {
  counter += 1;
  const user = db
    .insert(staffUsers)
    .values({ email: `${role}-${counter}@northshire.example`, name: `${role} ${counter}`, role, passwordHash: "not-used" })
    .returning()
    .get();
  return { id: user.id, role, name: user.name };
}

function addCase(db: Db, values: Partial<typeof representations.$inferInsert> = {}) {
  counter += 1;
  const reference = `SU-TEST-${[0, 1, 2, 3].map((i) => REFERENCE_ALPHABET[Math.floor(counter / 31 ** i) % 31]).join("")}`;
  return db
    .insert(representations)
    .values({
      reference,
      kind: "complaint",
      methodReceived: "E-form",
      receivedAt: NOW,
      receivedOn: "2026-11-23",
      personName: "Wilhelmina Quarterbridge",
      personRelationship: "parent",
      personEmail: "wilhelmina.q@example.com",
      childName: "Bartholomew Quarterbridge",
      answers: {
        "your-details": { fullName: "Wilhelmina Quarterbridge" },
        contact: { contactMethod: "phone", phone: "07700 900123" },
        "what-happened": { description: "Nobody told me about the review meeting." },
      },
      ...values,
    })
    .returning()
    .get();
}

/** Two cases of one person, with everything a case can hold, and someone else's case. */
async function world() {
  const db = await createTestDb();
  const manager = addStaff(db, "complaints-manager");
  const officer = addStaff(db, "complaints-officer");
  const first = addCase(db);
  const second = addCase(db, {
    receivedAt: new Date("2026-11-25T09:00:00Z"),
    personEmail: "Wilhelmina.Q@Example.com",
    answers: { "what-happened": { description: "The second time it happened." } },
  });
  const other = addCase(db, {
    personName: "Ottoline Stranger",
    personEmail: "ottoline@example.com",
    childName: "Peregrine Stranger",
    answers: { contact: { contactMethod: "phone", phone: "01632 960001" }, "what-happened": { description: "Someone else's worries entirely." } },
  });
  expect(addNote(db, officer, first.reference, "Rang Mrs Quarterbridge back.").ok).toBe(true);
  expect(recordCorrespondence(db, officer, first.reference, { direction: "in", channel: "letter", summary: "Her letter about the meeting." }).ok).toBe(true);
  expect(addNote(db, officer, other.reference, "A note on the stranger's case.").ok).toBe(true);
  viewCase(db, officer, first.reference);
  db.insert(outbox)
    .values({ representationId: first.id, template: "acknowledgement", toAddress: "wilhelmina.q@example.com", subject: "We have your complaint", textBody: "Dear Wilhelmina, thank you.", htmlBody: "<p>Dear Wilhelmina</p>", nextAttemptAt: NOW, status: "sent", sentAt: NOW })
    .run();
  const file = db
    .insert(attachments)
    .values({ representationId: first.id, storageKey: "0123456789abcdef0123456789abcdef", originalName: "meeting-letter.pdf", contentType: "application/pdf", sizeBytes: 2048, sha256: "x" })
    .returning()
    .get();
  db.insert(auditLog).values({ at: NOW, staffUserId: officer.id, action: "attachment.downloaded", entity: "attachment", entityId: String(file.id), details: { representationId: first.id } }).run();
  saveEqualityAnswer(db, first.id, "age", "25-to-59");
  saveEqualityAnswer(db, first.id, "sex", "prefer-not-to-say");
  saveEqualityAnswer(db, other.id, "age", "60-to-64");
  return { db, manager, officer, first, second, other, file };
}

describe("finding a person's records", () => {
  it("finds both cases of one person by email address, in any case, and not someone else's", async () => {
    const { db, manager, first, second } = await world();
    const found = findSubjectRecords(db, manager, { by: "email", email: " WILHELMINA.Q@example.com " });
    expect(found.map((m) => [m.id, m.role])).toEqual([
      [second.id, "complainant"],
      [first.id, "complainant"],
    ]);
  });

  it("finds by phone number written another way", async () => {
    const { db, manager, first } = await world();
    expect(findSubjectRecords(db, manager, { by: "phone", phone: "+44 (0)7700-900-123" }).map((m) => m.id)).toEqual([first.id]);
    expect(findSubjectRecords(db, manager, { by: "phone", phone: "07700 900124" })).toEqual([]);
  });

  it("finds by name with a case reference: the child's name gives the cases about the child", async () => {
    const { db, manager, first, second } = await world();
    const found = findSubjectRecords(db, manager, { by: "name", name: "bartholomew  quarterbridge", reference: first.reference.toLowerCase() });
    expect(found.map((m) => [m.id, m.role])).toEqual([
      [second.id, "child"],
      [first.id, "child"],
    ]);
    // A name that is not on the case named finds nothing, so a reference alone reveals nothing.
    expect(findSubjectRecords(db, manager, { by: "name", name: "Ottoline Stranger", reference: first.reference })).toEqual([]);
  });

  it("compares names beyond ASCII, as SQLite's lower() does not", async () => {
    const { db, manager } = await world();
    const polish = addCase(db, { personName: "Łucja Żółkiewska", personEmail: null, childName: "Öykü Żółkiewska" });
    const later = addCase(db, { receivedAt: new Date("2026-11-26T09:00:00Z"), personName: "ŁUCJA ŻÓŁKIEWSKA", personEmail: null, childName: "ÖYKÜ ŻÓŁKIEWSKA" });
    expect(findSubjectRecords(db, manager, { by: "name", name: "łucja żółkiewska", reference: polish.reference }).map((m) => [m.id, m.role])).toEqual([
      [later.id, "complainant"],
      [polish.id, "complainant"],
    ]);
    expect(findSubjectRecords(db, manager, { by: "name", name: "Öykü Żółkiewska", reference: polish.reference }).map((m) => [m.id, m.role])).toEqual([
      [later.id, "child"],
      [polish.id, "child"],
    ]);
  });

  it("finds only cases the member of staff may see", async () => {
    const { db, first } = await world();
    const teamManager = addStaff(db, "team-manager");
    expect(findSubjectRecords(db, teamManager, { by: "name", name: "Wilhelmina Quarterbridge", reference: first.reference })).toEqual([]);
  });
});

describe("the export", () => {
  it("holds what they sent, the timeline, emails, files, equality answers and who viewed it, and nothing of anyone else", async () => {
    const { db, manager, officer, first, second, other, file } = await world();
    const result = exportSubjectAccess(db, manager, [second, first].map((c) => ({ id: c.id, asChild: false })), "json");
    expect(result).not.toBeNull();
    const [a, b] = result!.representations;
    expect([a!.reference, b!.reference]).toEqual([first.reference, second.reference]);
    expect(a!.person).toEqual({ name: "Wilhelmina Quarterbridge", relationship: "parent", email: "wilhelmina.q@example.com" });
    expect(a!.answers).toContainEqual({ question: expect.any(String), answer: "Nobody told me about the review meeting." });
    expect(a!.answers).toContainEqual({ question: expect.any(String), answer: "07700 900123" });
    expect(b!.answers).toContainEqual({ question: expect.any(String), answer: "The second time it happened." });
    expect(a!.timeline.map((i) => i.text)).toEqual(expect.arrayContaining(["Rang Mrs Quarterbridge back.", "Her letter about the meeting.", "meeting-letter.pdf", "We have your complaint"]));
    expect(a!.timeline.find((i) => i.text === "Rang Mrs Quarterbridge back.")).toMatchObject({ what: "Note", by: officer.name });
    expect(a!.emails).toEqual([expect.objectContaining({ to: "wilhelmina.q@example.com", subject: "We have your complaint", text: "Dear Wilhelmina, thank you." })]);
    expect(a!.files).toEqual([{ id: file.id, name: "meeting-letter.pdf", type: "application/pdf", sizeBytes: 2048, addedAt: expect.any(String), download: `/staff/attachments/${file.id}` }]);
    expect(a!.equality).toEqual([
      { question: "How old are you?", answer: "25 to 59" },
      { question: "What is your sex or gender?", answer: "Prefer not to say" },
    ]);
    expect(b!.equality).toEqual([]);
    const actions = a!.accessLog.map((r) => [r.staff, r.action]);
    expect(actions).toContainEqual([officer.name, "Added a note"]);
    expect(actions).toContainEqual([officer.name, "Viewed the case"]);
    expect(actions).toContainEqual([officer.name, "Downloaded a file"]);
    // The trail ends with this export.
    expect(actions.at(-1)).toEqual([manager.name, "Exported it for a subject access request"]);

    const text = JSON.stringify(result);
    for (const theirs of ["Ottoline", "Peregrine", "Someone else's worries", "A note on the stranger's case", "60 to 64", "01632 960001"]) expect(text).not.toContain(theirs);
    expect(text).not.toContain(`"${other.reference}"`);
  });

  it("leaves out the equality answers when the person asking is only the child: they are the maker's", async () => {
    const { db, manager, first } = await world();
    const [record] = exportSubjectAccess(db, manager, [{ id: first.id, asChild: true }], "json")!.representations;
    expect(record!.equality).toBeNull();
    expect(JSON.stringify(record)).not.toContain("25 to 59");
    expect(record!.answers).toContainEqual({ question: expect.any(String), answer: "Nobody told me about the review meeting." });
  });

  it("is audited with ids and the format only, one row per record", async () => {
    const { db, manager, first, second } = await world();
    exportSubjectAccess(db, manager, [first, second].map((c) => ({ id: c.id, asChild: false })), "html", NOW);
    const rows = db.select().from(auditLog).where(and(eq(auditLog.action, "subject-access.exported"), eq(auditLog.staffUserId, manager.id))).all();
    expect(rows.map((r) => [r.entity, r.entityId])).toEqual([
      ["representation", String(first.id)],
      ["representation", String(second.id)],
    ]);
    for (const row of rows) expect(row.details).toEqual({ format: "html", representationIds: [first.id, second.id] });
  });

  it("refuses, writing nothing, an unknown id or a case the person may not see", async () => {
    const { db, manager, first } = await world();
    const before = db.select().from(auditLog).all().length;
    expect(exportSubjectAccess(db, manager, [first.id, 999_999].map((id) => ({ id, asChild: false })), "json")).toBeNull();
    expect(exportSubjectAccess(db, addStaff(db, "team-manager"), [{ id: first.id, asChild: false }], "json")).toBeNull();
    expect(exportSubjectAccess(db, manager, [], "json")).toBeNull();
    expect(db.select().from(auditLog).all().length).toBe(before);
  });
});
