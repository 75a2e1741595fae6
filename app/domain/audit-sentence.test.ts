import { describe, expect, it } from "vitest";
import { fixedT } from "~/i18n/i18n";
import { auditDetails, NOT_KEPT } from "./audit";
import { describeAuditEntry, type AuditNames } from "./audit-sentence";

const t = fixedT("en", "staff");
const names: AuditNames = {
  staff: new Map([
    [4, "Taylor Teamlead"],
    [6, "Casey Otherteam"],
  ]),
  teams: new Map([
    [1, "Fostering"],
    [2, "Children in care"],
  ]),
  values: new Map([["parent", "Parent or someone with parental responsibility"]]),
};
const at = "30 Nov 2026, 14:02";

describe("an audit entry as a sentence", () => {
  it("says a single change in one sentence, codes turned into today's names", () => {
    const details = auditDetails("representation", { before: { teamId: 1 }, after: { teamId: 2 } });
    const view = describeAuditEntry(t, { who: "Sam Officer", action: "case.assigned", record: "case SU-DEM5-LATE", at, details }, names);
    expect(view.sentence).toBe("Sam Officer changed the team of case SU-DEM5-LATE from Fostering to Children in care, 30 Nov 2026, 14:02");
    expect(view.changes).toEqual([{ field: "team", from: "Fostering", to: "Children in care" }]);
  });

  it("names the action and lists several changes in the table, dates and statuses in words", () => {
    const details = auditDetails("representation", {
      before: { stageId: 8, state: "open", nextDueOn: "2026-10-19", status: "open" },
      after: { stageId: 8, state: "responded", respondedOn: "2026-10-16", nextDueOn: null, status: "open" },
    });
    const view = describeAuditEntry(t, { who: "Taylor Teamlead", action: "case.stage-responded", record: "the case", at, details }, names);
    expect(view.sentence).toBe("Taylor Teamlead recorded the response on the case, 30 Nov 2026, 14:02");
    expect(view.changes).toEqual([
      { field: "state of the stage", from: "Open", to: "Responded" },
      { field: "day of the response", from: "nothing", to: "Friday 16 October 2026" },
      { field: "next deadline", from: "Monday 19 October 2026", to: "nothing" },
    ]);
  });

  it("resolves staff ids and reference-list codes to names", () => {
    const details = auditDetails("representation", {
      before: { respondingManagerId: 4, receivedFrom: null },
      after: { respondingManagerId: 6, receivedFrom: "parent" },
    });
    const view = describeAuditEntry(t, { who: "Sam Officer", action: "case.triaged", record: "the case", at, details }, names);
    expect(view.changes).toEqual([
      { field: "responding manager", from: "Taylor Teamlead", to: "Casey Otherteam" },
      { field: "received from", from: "nothing", to: "Parent or someone with parental responsibility" },
    ]);
  });

  it("never shows case content: words the audit did not keep stay 'not kept'", () => {
    const secret = "Child said the carer hit them";
    const details = auditDetails("representation", { before: null, after: { restrictionId: 1, reason: secret, reviewOn: "2026-12-02" } });
    const view = describeAuditEntry(t, { who: "Sam Officer", action: "case.restriction-added", record: "the case", at, details }, names);
    const all = JSON.stringify(view);
    expect(all).not.toContain(secret);
    expect(view.sentence).toBe("Sam Officer added a contact restriction to the case, 30 Nov 2026, 14:02");
    expect(view.changes).toContainEqual({ field: "reason", from: null, to: NOT_KEPT });
    expect(view.changes).toContainEqual({ field: "review date", from: null, to: "Wednesday 2 December 2026" });
  });

  it("reads an entry with no details, and one nobody signed in made", () => {
    expect(describeAuditEntry(t, { who: "Sam Officer", action: "case.viewed", record: "case SU-DEM2-AB3C", at, details: null }, names)).toEqual({
      sentence: "Sam Officer opened case SU-DEM2-AB3C, 30 Nov 2026, 14:02",
      changes: [],
    });
    const failed = describeAuditEntry(t, { who: null, action: "staff.sign-in-failed", record: "Sam Officer", at, details: null }, names);
    expect(failed.sentence).toBe("Someone not signed in failed to sign in as Sam Officer, 30 Nov 2026, 14:02");
  });

  it("lists facts beside before and after (a retention run's counts)", () => {
    const details = auditDetails("retention", { deleted: { "statutory-complaint": 2 }, emailBodies: 20 });
    const view = describeAuditEntry(t, { who: null, action: "retention.run", record: "retention", at, details }, names);
    expect(view.sentence).toBe("Someone not signed in ran the retention clean-up, 30 Nov 2026, 14:02");
    expect(view.changes).toEqual([
      { field: "deleted: statutory-complaint", from: null, to: "2" },
      { field: "emailBodies", from: null, to: "20" },
    ]);
  });

  it("still reads an action it has no words for, by its code", () => {
    const view = describeAuditEntry(t, { who: "Sam Officer", action: "case.something-new", record: "the case", at, details: null }, names);
    expect(view.sentence).toBe("Sam Officer: case.something-new on the case, 30 Nov 2026, 14:02");
  });
});
