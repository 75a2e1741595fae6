import { describe, expect, it } from "vitest";
import { relationships } from "../representation";
import {
  CHECK_ANSWERS,
  completeAnswers,
  firstIncompleteStep,
  happenedOverAYearAgo,
  isStepComplete,
  mayVisit,
  needsChildAgreement,
  nextStep,
  nextStepAfterChange,
  previousStep,
  stepNumber,
  stepsFor,
  type JourneyContext,
} from "./journey";
import type { DraftAnswers, StepId } from "./steps";

const TODAY = "2026-11-23";
const TEAMS = ["1", "2", "3"];
const ctx = (answers: DraftAnswers, today = TODAY): JourneyContext => ({ answers, teams: TEAMS, today });

const when = (day: string, month: string, year: string) => ({ whenKind: "date", whenDay: day, whenMonth: month, whenYear: year });

/** A parent's complaint, every page answered, contacted by email, about something recent. */
const parentComplaint: DraftAnswers = {
  kind: { kind: "complaint" },
  "who-are-you": { relationship: "parent" },
  "about-the-child": { childName: "Sam Tester", childAge: "9" },
  "your-details": { fullName: "Robin Tester" },
  contact: { contactMethod: "email", email: "robin@example.com" },
  "support-needs": {},
  "what-happened": { description: "Nobody returned my calls about my daughter's care plan." },
  "when-it-happened": when("14", "6", "2026"),
  team: { team: "2" },
  "put-right": { outcomes: ["apology", "meeting"] },
  "complained-before": { complainedBefore: "no" },
  "court-case": { courtCase: "no" },
  attachments: {},
};

const youngPersonComplaint: DraftAnswers = {
  ...parentComplaint,
  "who-are-you": { relationship: "young-person" },
  "about-the-child": undefined,
  "advocate-offer": { wantsAdvocate: "yes", advocacyConsent: "yes" },
  contact: { contactMethod: "advocate", advocateReach: "07700 900123" },
};

const compliment: DraftAnswers = {
  kind: { kind: "compliment" },
  "compliment-team": { team: "1", workerName: "Jo" },
  "compliment-what": { whatWentWell: "Jo listened." },
  "compliment-share": { mayShare: "yes" },
  "compliment-contact": {},
};

const comment: DraftAnswers = {
  kind: { kind: "comment" },
  "comment-about": { commentAbout: "Letters" },
  "comment-what": { comment: "Use plainer words." },
  "comment-contact": { email: "robin@example.com" },
};

const withRelationship = (relationship: string, extra: DraftAnswers = {}): DraftAnswers => ({
  ...parentComplaint,
  "who-are-you": { relationship },
  ...extra,
});

const TAIL: StepId[] = ["support-needs", "what-happened", "when-it-happened", "team", "put-right", "complained-before", "court-case", "attachments"];

describe("stepsFor", () => {
  it("routes a young person to the advocate offer, without questions about the child", () => {
    expect(stepsFor({ "who-are-you": { relationship: "young-person" } }, TODAY)).toEqual([
      "kind",
      "who-are-you",
      "advocate-offer",
      "your-details",
      "contact",
      ...TAIL,
    ]);
  });

  it.each(["parent", "foster-carer", "special-guardian"])("asks a %s about the child but not for the child's agreement", (relationship) => {
    expect(stepsFor({ kind: { kind: "complaint" }, "who-are-you": { relationship } }, TODAY)).toEqual([
      "kind",
      "who-are-you",
      "about-the-child",
      "your-details",
      "contact",
      ...TAIL,
    ]);
  });

  it.each(["relative", "professional", "someone-else"])("asks a %s whether the child agrees", (relationship) => {
    expect(stepsFor({ "who-are-you": { relationship } }, TODAY)).toEqual([
      "kind",
      "who-are-you",
      "about-the-child",
      "child-agrees",
      "your-details",
      "contact",
      ...TAIL,
    ]);
  });

  it("asks an advocate whether the child agrees and about their organisation", () => {
    expect(stepsFor({ "who-are-you": { relationship: "advocate" } }, TODAY)).toEqual([
      "kind",
      "who-are-you",
      "about-the-child",
      "child-agrees",
      "advocate-details",
      "your-details",
      "contact",
      ...TAIL,
    ]);
  });

  it("has a short route for compliments and for comments", () => {
    expect(stepsFor({ kind: { kind: "compliment" } }, TODAY)).toEqual(["kind", "compliment-team", "compliment-what", "compliment-share", "compliment-contact"]);
    expect(stepsFor({ kind: { kind: "comment" } }, TODAY)).toEqual(["kind", "comment-about", "comment-what", "comment-contact"]);
  });

  it("ignores complaint answers on the compliment and comment routes", () => {
    expect(stepsFor({ ...parentComplaint, kind: { kind: "compliment" } }, TODAY)).toEqual(stepsFor(compliment, TODAY));
    expect(stepsFor({ ...parentComplaint, kind: { kind: "comment" } }, TODAY)).toEqual(stepsFor(comment, TODAY));
  });

  it("asks about contacting safely only for phone and post", () => {
    const after = (contactMethod: string) => stepsFor({ ...parentComplaint, contact: { contactMethod } }, TODAY);
    expect(after("phone")).toContain("contact-safety");
    expect(after("post")).toContain("contact-safety");
    expect(after("phone").indexOf("contact-safety")).toBe(after("phone").indexOf("contact") + 1);
    expect(after("email")).not.toContain("contact-safety");
    expect(after("advocate")).not.toContain("contact-safety");
    expect(stepsFor({}, TODAY)).not.toContain("contact-safety");
  });

  it("asks why now only for a date more than 12 months ago, straight after the date", () => {
    const steps = (value: Record<string, string>) => stepsFor({ ...parentComplaint, "when-it-happened": value }, TODAY);
    expect(steps(when("22", "11", "2025"))).toContain("why-now");
    expect(steps(when("22", "11", "2025")).indexOf("why-now")).toBe(steps(when("22", "11", "2025")).indexOf("when-it-happened") + 1);
    expect(steps(when("23", "11", "2025"))).not.toContain("why-now");
    expect(steps({ whenKind: "about", whenAbout: "Years ago" })).not.toContain("why-now");
    expect(steps(when("31", "2", "2020"))).not.toContain("why-now");
  });

  it("assumes the most common route before the answers that change it, so 'Step N of M' is a fair estimate", () => {
    expect(stepsFor({}, TODAY)).toEqual(["kind", "who-are-you", "about-the-child", "your-details", "contact", ...TAIL]);
    expect(stepNumber("kind", {}, TODAY)).toEqual({ number: 1, of: 13 });
    expect(stepNumber("who-are-you", { kind: { kind: "complaint" } }, TODAY)).toEqual({ number: 2, of: 13 });
    expect(stepNumber("attachments", parentComplaint, TODAY)).toEqual({ number: 13, of: 13 });
  });

  it("counts the steps again once the route is known", () => {
    expect(stepNumber("compliment-team", { kind: { kind: "compliment" } }, TODAY)).toEqual({ number: 2, of: 5 });
    expect(stepNumber("comment-contact", { kind: { kind: "comment" } }, TODAY)).toEqual({ number: 4, of: 4 });
    expect(stepNumber("advocate-details", { "who-are-you": { relationship: "advocate" } }, TODAY)).toEqual({ number: 5, of: 15 });
    expect(stepNumber("contact-safety", { ...parentComplaint, contact: { contactMethod: "post" } }, TODAY)).toEqual({ number: 6, of: 14 });
    expect(stepNumber("why-now", { ...parentComplaint, "when-it-happened": when("1", "1", "2020") }, TODAY)).toEqual({ number: 9, of: 14 });
  });
});

describe("needsChildAgreement", () => {
  it("is needed from everyone acting for a child without their own standing", () => {
    const needing = relationships.filter((r) => needsChildAgreement(r));
    expect(needing).toEqual(["relative", "advocate", "professional", "someone-else"]);
    expect(needsChildAgreement(undefined)).toBe(false);
  });
});

describe("happenedOverAYearAgo", () => {
  const over = (day: string, month: string, year: string, today: string) => happenedOverAYearAgo({ "when-it-happened": when(day, month, year) }, today);

  it("is false up to exactly 12 months, true from the day before", () => {
    expect(over("23", "11", "2025", "2026-11-23")).toBe(false);
    expect(over("22", "11", "2025", "2026-11-23")).toBe(true);
    expect(over("23", "11", "2026", "2026-11-23")).toBe(false);
  });

  it("treats a leap day's anniversary as the end of February", () => {
    // On 29 February 2024, 12 months back is 28 February 2023 at the latest …
    expect(over("28", "2", "2023", "2024-02-29")).toBe(true);
    expect(over("1", "3", "2023", "2024-02-29")).toBe(false);
    // … and a leap day is exactly 12 months old on 28 February, more than that on 1 March.
    expect(over("29", "2", "2024", "2025-02-28")).toBe(false);
    expect(over("28", "2", "2024", "2025-02-28")).toBe(false);
    expect(over("27", "2", "2024", "2025-02-28")).toBe(true);
    expect(over("29", "2", "2024", "2025-03-01")).toBe(true);
    expect(over("1", "3", "2024", "2025-03-01")).toBe(false);
  });

  it("is false without a readable date", () => {
    expect(happenedOverAYearAgo({}, TODAY)).toBe(false);
    expect(happenedOverAYearAgo({ "when-it-happened": "2020-01-01" } as DraftAnswers, TODAY)).toBe(false);
    expect(happenedOverAYearAgo({ "when-it-happened": { whenKind: "about", whenAbout: "ages ago" } }, TODAY)).toBe(false);
    expect(over("31", "2", "2020", TODAY)).toBe(false);
    expect(over("1", "", "2020", TODAY)).toBe(false);
  });
});

describe("mayVisit", () => {
  it("lets anyone start at the first page", () => {
    expect(mayVisit("kind", ctx({}))).toBe(true);
  });

  it("does not let a person skip ahead", () => {
    expect(mayVisit("who-are-you", ctx({}))).toBe(false);
    expect(mayVisit("contact", ctx({ kind: { kind: "complaint" }, "who-are-you": { relationship: "parent" } }))).toBe(false);
    expect(mayVisit("attachments", ctx({ ...parentComplaint, "your-details": undefined }))).toBe(false);
  });

  it("opens each page once every page before it on the route is answered", () => {
    const steps = stepsFor(parentComplaint, TODAY);
    steps.forEach((step, index) => {
      const answered = Object.fromEntries(steps.slice(0, index).map((s) => [s, parentComplaint[s]]));
      expect(mayVisit(step, ctx(answered)), step).toBe(true);
    });
  });

  it("lets a person go back to any earlier page", () => {
    for (const step of stepsFor(parentComplaint, TODAY)) expect(mayVisit(step, ctx(parentComplaint)), step).toBe(true);
  });

  it("refuses pages that are not on this person's route", () => {
    expect(mayVisit("advocate-details", ctx(parentComplaint))).toBe(false);
    expect(mayVisit("advocate-offer", ctx(parentComplaint))).toBe(false);
    expect(mayVisit("why-now", ctx(parentComplaint))).toBe(false);
    expect(mayVisit("compliment-team", ctx(parentComplaint))).toBe(false);
    expect(mayVisit("about-the-child", ctx(youngPersonComplaint))).toBe(false);
  });

  it("does not count an answer that fails validation as done", () => {
    expect(mayVisit("contact", ctx({ ...parentComplaint, "your-details": { fullName: "  " } }))).toBe(false);
    expect(mayVisit("who-are-you", ctx({ kind: { kind: "complain" } }))).toBe(false);
    // Valid on its own, but the team has since been retired.
    expect(mayVisit("put-right", { ...ctx(parentComplaint), teams: ["1", "3"] })).toBe(false);
  });
});

describe("nextStep and previousStep", () => {
  it("walks forward along the route, then to check answers", () => {
    const steps = stepsFor(parentComplaint, TODAY);
    steps.slice(0, -1).forEach((step, index) => expect(nextStep(step, ctx(parentComplaint))).toBe(steps[index + 1]));
    expect(nextStep("attachments", ctx(parentComplaint))).toBe(CHECK_ANSWERS);
    expect(nextStep("comment-contact", ctx(comment))).toBe(CHECK_ANSWERS);
    expect(CHECK_ANSWERS).toBe("check-answers");
  });

  it("leads to the first page an answer opens", () => {
    expect(nextStep("kind", ctx({ kind: { kind: "compliment" } }))).toBe("compliment-team");
    expect(nextStep("who-are-you", ctx({ "who-are-you": { relationship: "young-person" } }))).toBe("advocate-offer");
    expect(nextStep("about-the-child", ctx(withRelationship("professional")))).toBe("child-agrees");
    expect(nextStep("child-agrees", ctx(withRelationship("advocate")))).toBe("advocate-details");
    expect(nextStep("contact", ctx({ ...parentComplaint, contact: { contactMethod: "phone", phone: "07700 900 982" } }))).toBe("contact-safety");
    expect(nextStep("when-it-happened", ctx({ ...parentComplaint, "when-it-happened": when("1", "1", "2020") }))).toBe("why-now");
    expect(nextStep("why-now", ctx({ ...parentComplaint, "when-it-happened": when("1", "1", "2020") }))).toBe("team");
  });

  it("walks back to the start, and no further", () => {
    expect(previousStep("your-details", parentComplaint, TODAY)).toBe("about-the-child");
    expect(previousStep("your-details", youngPersonComplaint, TODAY)).toBe("advocate-offer");
    expect(previousStep("your-details", withRelationship("advocate"), TODAY)).toBe("advocate-details");
    expect(previousStep("support-needs", { ...parentComplaint, contact: { contactMethod: "post" } }, TODAY)).toBe("contact-safety");
    expect(previousStep("compliment-team", compliment, TODAY)).toBe("kind");
    expect(previousStep("kind", parentComplaint, TODAY)).toBeNull();
  });
});

describe("firstIncompleteStep and isStepComplete", () => {
  it("is the first page on the route without a valid answer", () => {
    expect(firstIncompleteStep(ctx({}))).toBe("kind");
    expect(firstIncompleteStep(ctx({ kind: { kind: "comment" } }))).toBe("comment-about");
    expect(firstIncompleteStep(ctx({ ...parentComplaint, "what-happened": undefined }))).toBe("what-happened");
    // A later answer does not make up for a missing earlier one.
    expect(firstIncompleteStep(ctx({ ...parentComplaint, kind: undefined }))).toBe("kind");
  });

  it("is null when everything on the route is answered", () => {
    for (const answers of [parentComplaint, youngPersonComplaint, compliment, comment]) expect(firstIncompleteStep(ctx(answers))).toBeNull();
  });

  it("points at a page whose stored answer is no longer valid", () => {
    const answers = { ...parentComplaint, contact: { contactMethod: "email" } };
    expect(isStepComplete("contact", ctx(answers))).toBe(false);
    expect(firstIncompleteStep(ctx(answers))).toBe("contact");
  });
});

describe("nextStepAfterChange", () => {
  it("goes back to check answers after a change that opens nothing new", () => {
    expect(nextStepAfterChange(ctx({ ...parentComplaint, "what-happened": { description: "Something else." } }))).toBe(CHECK_ANSWERS);
    expect(nextStepAfterChange(ctx({ ...parentComplaint, "who-are-you": { relationship: "foster-carer" } }))).toBe(CHECK_ANSWERS);
    expect(nextStepAfterChange(ctx({ ...parentComplaint, "when-it-happened": when("23", "11", "2025") }))).toBe(CHECK_ANSWERS);
  });

  it("goes to 'why now?' after the date moves back more than 12 months", () => {
    expect(nextStepAfterChange(ctx({ ...parentComplaint, "when-it-happened": when("22", "11", "2025") }))).toBe("why-now");
    const answered = { ...parentComplaint, "when-it-happened": when("22", "11", "2025"), "why-now": { whyNow: "I was scared to." } };
    expect(nextStepAfterChange(ctx(answered))).toBe(CHECK_ANSWERS);
  });

  it("goes to the safety questions after choosing phone or post", () => {
    expect(nextStepAfterChange(ctx({ ...parentComplaint, contact: { contactMethod: "phone", phone: "07700 900 982" } }))).toBe("contact-safety");
    // Answers given for phone do not answer the question asked for post.
    const wasPhone = { ...parentComplaint, "contact-safety": { safeToCall: "yes", safeToLeaveMessage: "yes" } };
    expect(nextStepAfterChange(ctx({ ...wasPhone, contact: { contactMethod: "post", address: "1 High Street" } }))).toBe("contact-safety");
    expect(nextStepAfterChange(ctx({ ...wasPhone, contact: { contactMethod: "email", email: "robin@example.com" } }))).toBe(CHECK_ANSWERS);
  });

  it("goes to the pages a new relationship needs", () => {
    expect(nextStepAfterChange(ctx(withRelationship("relative")))).toBe("child-agrees");
    expect(nextStepAfterChange(ctx(withRelationship("advocate", { "child-agrees": { childAgrees: "yes" } })))).toBe("advocate-details");
    expect(nextStepAfterChange(ctx(withRelationship("young-person")))).toBe("advocate-offer");
  });

  it("goes to contact when the method chosen is no longer offered", () => {
    expect(nextStepAfterChange(ctx(youngPersonComplaint))).toBe(CHECK_ANSWERS);
    expect(nextStepAfterChange(ctx({ ...youngPersonComplaint, "advocate-offer": { wantsAdvocate: "no" } }))).toBe("contact");
  });

  it("goes to the first page of a new kind's route", () => {
    expect(nextStepAfterChange(ctx({ ...parentComplaint, kind: { kind: "comment" } }))).toBe("comment-about");
  });
});

describe("completeAnswers", () => {
  it("gives every page's answers on the route, parsed and cleaned", () => {
    const answers = completeAnswers(
      ctx({
        ...parentComplaint,
        "your-details": { fullName: "  Robin\u202E Tester " },
        "what-happened": { description: "Line one\r\nLine two\u0000" },
        contact: { contactMethod: "email", email: "Robin@Example.COM" },
      }),
    );
    expect(answers).toEqual({
      ...parentComplaint,
      "your-details": { fullName: "Robin Tester" },
      "what-happened": { description: "Line one\nLine two" },
      contact: { contactMethod: "email", email: "robin@example.com" },
    });
  });

  it("is null until the attachments page is passed", () => {
    expect(completeAnswers(ctx({ ...parentComplaint, attachments: undefined }))).toBeNull();
    expect(completeAnswers(ctx({}))).toBeNull();
    expect(completeAnswers(ctx(parentComplaint))).not.toBeNull();
  });

  it("is null while any page on the route is missing or invalid", () => {
    expect(completeAnswers(ctx({ ...parentComplaint, "about-the-child": undefined }))).toBeNull();
    expect(completeAnswers(ctx({ ...parentComplaint, "what-happened": { description: "   " } }))).toBeNull();
    expect(completeAnswers(ctx(withRelationship("relative")))).toBeNull();
    expect(completeAnswers(ctx({ ...parentComplaint, "when-it-happened": when("1", "1", "2020") }))).toBeNull();
    expect(completeAnswers({ ...ctx(parentComplaint), teams: ["1"] })).toBeNull();
  });

  it("leaves out stale answers from a route no longer taken", () => {
    const switchedToParent = {
      ...parentComplaint,
      "child-agrees": { childAgrees: "no", childAgreesWhyNot: "He is a baby." },
      "advocate-details": { advocateOrganisation: "Coram Voice", advocateRole: "Advocate" },
      "advocate-offer": { wantsAdvocate: "yes", advocacyConsent: "yes" },
      "contact-safety": { safeToCall: "no", safeToLeaveMessage: "no" },
      "why-now": { whyNow: "Left over from an older date." },
      "compliment-what": { whatWentWell: "Left over from a compliment." },
    };
    expect(completeAnswers(ctx(switchedToParent))).toEqual(parentComplaint);
  });

  it("gives a compliment or comment only its own pages", () => {
    expect(completeAnswers(ctx({ ...parentComplaint, ...compliment }))).toEqual(compliment);
    expect(completeAnswers(ctx({ ...parentComplaint, ...comment }))).toEqual(comment);
  });

  it("includes the young person's advocate offer and the advocate contact method", () => {
    const answers = completeAnswers(ctx(youngPersonComplaint));
    expect(answers?.["advocate-offer"]).toEqual({ wantsAdvocate: "yes", advocacyConsent: "yes" });
    expect(answers?.contact).toEqual({ contactMethod: "advocate", advocateReach: "07700 900123" });
    expect(answers).not.toHaveProperty("about-the-child");
  });
});
