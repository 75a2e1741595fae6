import { describe, expect, it } from "vitest";
import { auditDetails, NOT_KEPT } from "./audit";

const SECRET = "secret about the child";

describe("auditDetails", () => {
  it("keeps a note's and a letter's field names, never their words", () => {
    expect(auditDetails("representation", { before: null, after: { note: SECRET } })).toEqual({ before: null, after: { note: NOT_KEPT } });
    expect(auditDetails("representation", { before: null, after: { direction: "in", channel: "letter", summary: SECRET } })).toEqual({
      before: null,
      after: { direction: "in", channel: "letter", summary: NOT_KEPT },
    });
  });

  it("keeps coded values before and after, and names every field that changed, text included", () => {
    const details = auditDetails("representation", {
      before: { status: "triaged", eligibility: null, refusalReason: null },
      after: { status: "refused", eligibility: { childStatus: ["in-need"], discretion: "yes", discretionReason: SECRET }, refusalReason: "Out of time" },
    });
    expect(details).toEqual({
      before: { status: "triaged", eligibility: null, refusalReason: null },
      after: { status: "refused", eligibility: { childStatus: ["in-need"], discretion: "yes", discretionReason: NOT_KEPT }, refusalReason: "Out of time" },
      changed: ["status", "eligibility", "refusalReason"],
    });
    const sameText = auditDetails("representation", { before: { reason: SECRET, status: "open" }, after: { reason: "something else", status: "open" } });
    expect(sameText?.changed).toEqual(["reason"]);
  });

  it("keeps nothing it has not been told is a code, wherever it sits", () => {
    const details = auditDetails("representation", { surprise: SECRET, after: { newField: SECRET, list: [SECRET], nested: { deep: SECRET }, personAgreed: true } });
    expect(JSON.stringify(details)).not.toContain(SECRET);
    expect(details).toEqual({ surprise: NOT_KEPT, after: { newField: NOT_KEPT, list: NOT_KEPT, nested: { deep: NOT_KEPT }, personAgreed: true } });
    // A code field holding something that is not a code (an object of words) is not kept either.
    expect(auditDetails("representation", { after: { status: { words: SECRET } } })).toEqual({ after: { status: { words: NOT_KEPT } } });
  });

  it("keeps a member of staff's access changes, not their name or email", () => {
    expect(
      auditDetails("staff_user", {
        before: { name: "Sam Old", roles: ["investigator"], totpRequired: true },
        after: { name: "Sam New", email: "sam@council.example", roles: ["team-manager"], totpRequired: true },
      }),
    ).toEqual({
      before: { name: NOT_KEPT, roles: ["investigator"], totpRequired: true },
      after: { name: NOT_KEPT, email: NOT_KEPT, roles: ["team-manager"], totpRequired: true },
      changed: ["name", "roles", "email"],
    });
    expect(auditDetails("staff_user", { locked: false, sessions: 2 })).toEqual({ locked: false, sessions: 2 });
  });

  it("keeps the council's own configuration as it was set", () => {
    expect(auditDetails("settings", { before: { councilName: "Northshire Council" }, after: { councilName: "Southshire Council" } })).toEqual({
      before: { councilName: "Northshire Council" },
      after: { councilName: "Southshire Council" },
      changed: ["councilName"],
    });
    expect(auditDetails("team", { after: { name: "Leaving care", email: null } })).toEqual({ after: { name: "Leaving care", email: null } });
    expect(auditDetails("reference_value", { list: "finding", label: "Upheld" })).toEqual({ list: "finding", label: "Upheld" });
  });

  it("stores nothing when there are no details", () => {
    expect(auditDetails("representation", undefined)).toBeNull();
  });
});
