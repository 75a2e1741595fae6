import { describe, expect, it } from "vitest";
import { personView, type CaseRecord, type RecordEntry } from "./person-view";
import type { StatementVersion } from "./statement";

const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 10, minute));
const entry = (id: number, kind: string, body: string, extra: Partial<RecordEntry> = {}): RecordEntry => ({ id, kind, channel: null, body, details: null, at: at(id), ...extra });

/** A case holding one of everything: what the person may see, and what only staff may. */
const record: CaseRecord = {
  mail: [
    { id: 1, template: "acknowledgement-complaint", toAddress: "sam@example.org", subject: "We got your complaint", textBody: "Thank you.", createdAt: at(1) },
    { id: 2, template: "staff-notification", toAddress: "team@council.example", subject: "STAFF-ONLY new case", textBody: "STAFF-ONLY", createdAt: at(2) },
    { id: 3, template: "case-assigned", toAddress: "manager@council.example", subject: "STAFF-ONLY assigned", textBody: "STAFF-ONLY", createdAt: at(3) },
    { id: 4, template: "advocacy-referral", toAddress: "advocacy@example.org", subject: "STAFF-ONLY referral", textBody: "STAFF-ONLY child's details", createdAt: at(4) },
    { id: 5, template: "response", toAddress: "sam@example.org", subject: "Our response", textBody: "We have looked into it.", createdAt: at(20) },
    { id: 6, template: "check-code", toAddress: "sam@example.org", subject: "STAFF-ONLY code", textBody: "STAFF-ONLY 123456", createdAt: at(21) },
    { id: 7, template: "next-stage-asked", toAddress: "team@council.example", subject: "STAFF-ONLY asked", textBody: "STAFF-ONLY", createdAt: at(22) },
  ],
  entries: [
    entry(10, "note", "STAFF-ONLY note about the family"),
    entry(11, "correspondence-in", "STAFF-ONLY phone call summary", { channel: "phone" }),
    entry(12, "correspondence-out", "STAFF-ONLY letter staff recorded by hand", { channel: "letter" }),
    entry(13, "restriction-added", "STAFF-ONLY restriction reason"),
    entry(14, "safeguarding-flagged", "STAFF-ONLY concern"),
    entry(15, "stage-extended", "STAFF-ONLY internal extension note"),
    entry(16, "correspondence-out", "Your complaint has more time\n\nWe need until May.", { channel: "letter", details: { letter: "extension" } }),
    entry(17, "correspondence-out", "STAFF-ONLY subject\n\nSTAFF-ONLY a kept letter of an unknown kind", { channel: "letter", details: { letter: "internal-memo" } }),
  ],
  files: [
    { id: 30, originalName: "my-letter.pdf", uploadedByStaffId: null, createdAt: at(0) },
    { id: 31, originalName: "STAFF-ONLY case file.pdf", uploadedByStaffId: 4, createdAt: at(5) },
  ],
  stages: [
    {
      sequence: 1,
      kind: "statutory-stage1",
      state: "responded",
      startedOn: "2026-03-02",
      replyDueOn: "2026-04-13",
      extendedTo: "2026-04-13",
      extensionReason: "The team needs to speak to your social worker.",
      respondedOn: "2026-04-01",
      closedOn: null,
      nextStageAskedOn: null,
    },
  ],
};

describe("what a person may see of their case", () => {
  const view = personView(record);

  it("never shows a staff-only entry, email or file", () => {
    expect(JSON.stringify(view)).not.toContain("STAFF-ONLY");
  });

  it("shows the letters sent to them, by email and kept to post, oldest first", () => {
    expect(view.letters.map((l) => [l.by, l.subject])).toEqual([
      ["email", "We got your complaint"],
      ["post", "Your complaint has more time"],
      ["email", "Our response"],
    ]);
    expect(view.letters[1]?.body).toBe("We need until May.");
  });

  it("shows the files they sent, not those staff added", () => {
    expect(view.files.map((f) => f.name)).toEqual(["my-letter.pdf"]);
  });

  it("shows each stage with the day its reply is due and any extension with its reason", () => {
    expect(view.stages).toEqual([
      expect.objectContaining({
        kind: "statutory-stage1",
        dueOn: "2026-04-13",
        extension: { to: "2026-04-13", reason: "The team needs to speak to your social worker." },
        respondedOn: "2026-04-01",
      }),
    ]);
  });
});

describe("the statement of complaint in the person's view (decision record 041)", () => {
  const version = (n: number, extra: Partial<StatementVersion> = {}): StatementVersion => ({
    version: n,
    body: `Version ${n} of what the complaint is about.`,
    sharedAt: at(30 + n),
    sharedBy: "email",
    answer: null,
    answeredAt: null,
    changes: null,
    ...extra,
  });
  const withStatement = (versions: StatementVersion[], agreedOn: string | null = null) => personView({ ...record, statement: { versions, agreedOn } });

  it("shows nothing until a version is shared, then only the latest, without who wrote it", () => {
    expect(personView(record).statement).toBeNull();
    expect(withStatement([]).statement).toBeNull();
    const staffRecord = { ...version(2), writtenById: 4, id: 99 } as StatementVersion;
    const view = withStatement([version(1, { answer: "changes-asked", changes: "Add the missed visits." }), staffRecord]);
    expect(view.statement).toEqual({ version: 2, body: "Version 2 of what the complaint is about.", sharedAt: at(32), status: "waiting-for-person", agreedOn: null, changes: null });
  });

  it("shows their own changes on the version they answered, and the agreed day once agreed", () => {
    expect(withStatement([version(1, { answer: "changes-asked", changes: "Add the missed visits." })]).statement).toMatchObject({ status: "changes-asked", changes: "Add the missed visits." });
    expect(withStatement([version(1, { answer: "agreed" })], "2026-03-09").statement).toMatchObject({ status: "agreed", agreedOn: "2026-03-09" });
    // Agreement staff recorded from a phone call counts too, whatever the version's own answer.
    expect(withStatement([version(1)], "2026-03-10").statement).toMatchObject({ status: "agreed", agreedOn: "2026-03-10" });
  });

  it("lists the letter saying a statement waits for them", () => {
    const view = personView({
      ...record,
      mail: [...record.mail, { id: 8, template: "statement-shared", toAddress: "sam@example.org", subject: "Your statement of complaint is ready", textBody: "Please read it.", createdAt: at(40) }],
    });
    expect(view.letters.map((l) => l.subject)).toContain("Your statement of complaint is ready");
  });
});

describe("a contact restriction in the person's view (decision record 042)", () => {
  it("keeps the view whole but stops messages online, and never shows the restriction", () => {
    expect(personView(record).mayMessage).toBe(true);
    const restricted = personView({ ...record, restricted: true });
    expect(restricted.mayMessage).toBe(false);
    // Everything else is as without one: the letters, files and stages they may see.
    expect({ ...restricted, mayMessage: true }).toEqual(personView(record));
    expect(JSON.stringify(restricted)).not.toContain("STAFF-ONLY");
  });
});
