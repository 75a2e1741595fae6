import { describe, expect, it } from "vitest";
import { addYears, emailBodyCutoff, equalityExpiresOn, retentionDecision, retentionKindOf, type RetentionFacts } from "./retention";
import { defaultRetention, readRetention, retentionSchema } from "./retention-settings";

const closedComplaint: RetentionFacts = {
  kind: "complaint",
  status: "refused",
  process: "statutory",
  childStatus: [],
  closedAt: new Date("2020-03-10T10:00:00Z"),
  anonymisedAt: null,
};

describe("retention: which kind of record a case is", () => {
  it("tells the kinds apart, a looked-after child or care leaver first among complaints", () => {
    expect(retentionKindOf({ kind: "compliment", status: "closed", process: null, childStatus: ["looked-after"] })).toBe("compliment-or-comment");
    expect(retentionKindOf({ kind: "comment", status: "closed", process: null, childStatus: [] })).toBe("compliment-or-comment");
    expect(retentionKindOf({ kind: "complaint", status: "refused", process: "statutory", childStatus: ["care-leaver"] })).toBe("looked-after-complaint");
    expect(retentionKindOf({ kind: "complaint", status: "refused", process: "statutory", childStatus: ["in-need"] })).toBe("refused");
    expect(retentionKindOf({ kind: "complaint", status: "closed", process: "corporate", childStatus: [] })).toBe("corporate-complaint");
    expect(retentionKindOf({ kind: "complaint", status: "closed", process: "statutory", childStatus: [] })).toBe("statutory-complaint");
  });
});

describe("retention: when a closed case's personal data goes", () => {
  it("counts whole years from the day the case closed (England's date)", () => {
    const d = retentionDecision(closedComplaint, defaultRetention, new Date("2026-03-09T12:00:00Z"));
    expect(d).toEqual({ kind: "refused", action: "anonymise", closedOn: "2020-03-10", expiresOn: "2026-03-10", expired: false });
    expect(retentionDecision(closedComplaint, defaultRetention, new Date("2026-03-10T00:30:00Z"))?.expired).toBe(true);
  });

  it("follows the council's setting for the kind", () => {
    const shorter = { ...defaultRetention, refusedYears: 2 };
    expect(retentionDecision(closedComplaint, shorter, new Date("2022-03-10T12:00:00Z"))?.expired).toBe(true);
    expect(retentionDecision(closedComplaint, { ...defaultRetention, statutoryComplaintYears: 1 }, new Date("2022-03-10T12:00:00Z"))?.expired).toBe(false);
  });

  it("deletes compliments and comments, anonymises complaints", () => {
    const compliment = { ...closedComplaint, kind: "compliment", status: "closed" };
    expect(retentionDecision(compliment, defaultRetention, new Date("2022-03-10T12:00:00Z"))).toMatchObject({ action: "delete", expired: true });
  });

  it("keeps open, new and triaged cases, cases with no closing date, and anonymised ones", () => {
    const later = new Date("2100-01-01T00:00:00Z");
    expect(retentionDecision({ ...closedComplaint, status: "open" }, defaultRetention, later)).toBeNull();
    expect(retentionDecision({ ...closedComplaint, status: "new" }, defaultRetention, later)).toBeNull();
    expect(retentionDecision({ ...closedComplaint, closedAt: null }, defaultRetention, later)).toBeNull();
    expect(retentionDecision({ ...closedComplaint, anonymisedAt: later }, defaultRetention, later)).toBeNull();
    // Imported history holds no personal data: nothing to take (decision record 047).
    expect(retentionDecision({ ...closedComplaint, importedAt: new Date("2020-01-01T00:00:00Z") }, defaultRetention, later)).toBeNull();
    expect(retentionDecision({ ...closedComplaint, kind: "compliment", importedAt: new Date("2020-01-01T00:00:00Z") }, defaultRetention, later)).toBeNull();
  });

  it("a looked-after child's complaint is kept 75 years, never less than the care record", () => {
    const d = retentionDecision({ ...closedComplaint, childStatus: ["looked-after"] }, defaultRetention, new Date("2090-01-01T00:00:00Z"));
    expect(d).toMatchObject({ kind: "looked-after-complaint", expiresOn: "2095-03-10", expired: false });
  });

  it("adds years to 29 February as 1 March", () => {
    expect(addYears("2024-02-29", 1)).toBe("2025-03-01");
    expect(addYears("2024-02-28", 6)).toBe("2030-02-28");
  });
});

describe("retention: equality answers and email bodies", () => {
  it("equality answers go a set number of months after their reporting year (April to March) ends", () => {
    expect(equalityExpiresOn(new Date("2026-04-01T09:00:00Z"), 6)).toBe("2027-10-01");
    expect(equalityExpiresOn(new Date("2026-03-31T09:00:00Z"), 6)).toBe("2026-10-01");
    // 23:30 UTC on 31 March is already 1 April in England (BST).
    expect(equalityExpiresOn(new Date("2026-03-31T23:30:00Z"), 0)).toBe("2027-04-01");
  });

  it("email bodies are cleared a set number of days after sending", () => {
    expect(emailBodyCutoff(new Date("2026-05-31T12:00:00Z"), 30).toISOString()).toBe("2026-05-01T12:00:00.000Z");
  });
});

describe("retention settings", () => {
  it("reads stored values, falling back to the defaults for missing or out-of-range ones", () => {
    expect(readRetention({ refusedYears: 3, sentEmailDays: 0, equalityMonthsAfterYear: "x" })).toEqual({ ...defaultRetention, refusedYears: 3 });
  });

  it("the form accepts whole numbers in range and names the problem otherwise", () => {
    const form = Object.fromEntries(Object.entries(defaultRetention).map(([k, v]) => [k, String(v)]));
    expect(retentionSchema.safeParse(form).success).toBe(true);
    const bad = retentionSchema.safeParse({ ...form, sentEmailDays: "0", refusedYears: "six" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["refusedYears", "staff:errors.retention.invalid"],
      ["sentEmailDays", "staff:errors.retention.range.sentEmailDays"],
    ]);
  });
});
