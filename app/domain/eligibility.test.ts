import { describe, expect, it } from "vitest";
import { assessEligibility, readEligibility, standingOf, type EligibilityAnswers } from "./eligibility";

const parentInTime: EligibilityAnswers = {
  receivedFrom: "Parent",
  receivedFromCode: "parent",
  childStatus: ["in-need"],
  withinTwelveMonths: "yes",
  exclusions: ["none"],
};

describe("assessEligibility", () => {
  it("opens every process to a parent of a child in need, in time, with nothing excluded", () => {
    const a = assessEligibility(parentInTime);
    expect(a.missing).toEqual([]);
    expect(a.allowed).toEqual(["statutory-stage1", "early-resolution", "case-concern", "corporate", "refuse"]);
  });

  it("allows only refusal while the checklist is empty, and lists what to answer", () => {
    const a = assessEligibility({});
    expect(a.allowed).toEqual(["refuse"]);
    expect(a.missing).toEqual(["receivedFrom", "childStatus", "withinTwelveMonths", "exclusions"]);
  });

  it("sends a matter that is not about a child looked after or in need to the corporate process", () => {
    const a = assessEligibility({ ...parentInTime, childStatus: ["none"] });
    expect(a.statutoryBlockers).toEqual(["not-social-care"]);
    expect(a.allowed).toEqual(["corporate", "refuse"]);
  });

  it("asks someone not on the statutory list about parental responsibility, then sufficient interest with a reason", () => {
    const base = { ...parentInTime, receivedFrom: "Grandparent", receivedFromCode: "grandparent" };
    expect(assessEligibility(base).missing).toEqual(["parentalResponsibility"]);
    expect(assessEligibility({ ...base, parentalResponsibility: "yes" }).allowed).toContain("statutory-stage1");

    const noPr = { ...base, parentalResponsibility: "no" as const };
    expect(assessEligibility(noPr).missing).toEqual(["sufficientInterest", "childConsent"]);
    const decidedWithoutReason = assessEligibility({ ...noPr, sufficientInterest: "yes", childConsent: "yes" });
    expect(decidedWithoutReason.missing).toEqual(["sufficientInterestReason"]);
    expect(decidedWithoutReason.allowed).not.toContain("statutory-stage1");

    const interested = assessEligibility({ ...noPr, sufficientInterest: "yes", sufficientInterestReason: "Cares for the child daily", childConsent: "yes" });
    expect(interested.allowed).toContain("statutory-stage1");

    const notInterested = assessEligibility({ ...noPr, sufficientInterest: "no", sufficientInterestReason: "No contact for years", childConsent: "yes" });
    expect(notInterested.statutoryBlockers).toEqual(["no-standing"]);
    expect(notInterested.allowed).not.toContain("statutory-stage1");
    expect(notInterested.suggestedRefusalReasons.statutory).toEqual(["No parental responsibility"]);
  });

  it("needs the child's agreement when an advocate acts for them, and a note when the child cannot give it", () => {
    const advocate = { ...parentInTime, receivedFrom: "Advocate", receivedFromCode: "advocate" };
    expect(assessEligibility(advocate).missing).toEqual(["childConsent"]);
    expect(assessEligibility({ ...advocate, childConsent: "no" }).statutoryBlockers).toEqual(["no-consent"]);
    expect(assessEligibility({ ...advocate, childConsent: "cannot-give" }).missing).toEqual(["childConsentNote"]);
    expect(assessEligibility({ ...advocate, childConsent: "cannot-give", childConsentNote: "Aged 2" }).allowed).toContain("statutory-stage1");
  });

  it("does not ask a parent or the child themselves for consent or standing", () => {
    expect(assessEligibility({ ...parentInTime, receivedFrom: "Child or young person (under 18)", receivedFromCode: "child" }).missing).toEqual([]);
    expect(assessEligibility({ ...parentInTime, receivedFrom: "Foster carer", receivedFromCode: "foster-carer" }).missing).toEqual([]);
  });

  it("applies the 12-month limit, with discretion whose reason must be recorded either way", () => {
    const late = { ...parentInTime, withinTwelveMonths: "no" as const };
    expect(assessEligibility(late).missing).toEqual(["discretion"]);
    expect(assessEligibility({ ...late, discretion: "yes" }).missing).toEqual(["discretionReason"]);
    expect(assessEligibility({ ...late, discretion: "yes", discretionReason: "Could not complain while in hospital" }).allowed).toContain("statutory-stage1");
    const refused = assessEligibility({ ...late, discretion: "no", discretionReason: "Records no longer held" });
    expect(refused.allowed).toEqual(["refuse"]);
    expect(refused.suggestedRefusalReasons).toEqual({ statutory: ["Out of time"], corporate: ["Out of time"] });
  });

  it("routes excluded matters elsewhere and suggests the matching refusal reasons", () => {
    const a = assessEligibility({ ...parentInTime, exclusions: ["court-proceedings", "repeat"] });
    expect(a.allowed).toEqual(["refuse"]);
    expect(a.statutoryBlockers).toEqual(["court-proceedings", "repeat"]);
    expect(a.suggestedRefusalReasons.statutory).toEqual(["Court proceedings", "Repeat complaint"]);
    expect(a.suggestedRefusalReasons.corporate).toEqual(["Tribunal or court proceedings", "Repeat complaint"]);
    expect(assessEligibility({ ...parentInTime, exclusions: ["section-47"] }).statutoryBlockers).toEqual(["section-47"]);
  });
});

describe("standingOf", () => {
  it("reads the value's code, so a renamed label keeps its standing and a value a council added needs a decision", () => {
    expect(standingOf({ receivedFrom: "Parent", receivedFromCode: "parent" })).toBe("listed");
    expect(standingOf({ receivedFrom: "Parent or step-parent", receivedFromCode: "parent" })).toBe("listed");
    expect(standingOf({ receivedFrom: "Advocate", receivedFromCode: "advocate" })).toBe("advocate");
    expect(standingOf({ receivedFrom: "Care leaver, now an adult", receivedFromCode: "care-leaver" })).toBe("child");
    expect(standingOf({ receivedFrom: "Neighbour's cousin" })).toBe("other");
    // A label alone, even an old one, is never trusted for standing.
    expect(standingOf({ receivedFrom: "Parent" })).toBe("other");
    expect(standingOf({})).toBeNull();
  });
});

describe("readEligibility", () => {
  it("reads a stored checklist and drops one that does not parse", () => {
    expect(readEligibility(parentInTime)).toEqual(parentInTime);
    expect(readEligibility({ childStatus: ["on-the-moon"] })).toEqual({});
    expect(readEligibility(null)).toEqual({});
  });
});
