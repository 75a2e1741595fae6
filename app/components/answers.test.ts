import { describe, expect, it } from "vitest";
import type { DraftAnswers } from "~/domain/form/steps";
import { createI18n } from "~/i18n/i18n";
import { answerRows } from "./answers";

const { t } = createI18n("en");
const TEAMS = [
  ["1", "Children's social work"],
  ["2", "Fostering"],
] as const;

const complaint: DraftAnswers = {
  kind: { kind: "complaint" },
  "who-are-you": { relationship: "relative" },
  "about-the-child": { childName: "Sam Tester", childDobDay: "27", childDobMonth: "3", childDobYear: "2012" },
  "child-agrees": { childAgrees: "not-sure", childAgreesWhyNot: "He is in hospital." },
  "your-details": { fullName: "Robin Tester" },
  contact: { contactMethod: "phone", phone: "07700 900 982" },
  "contact-safety": { safeToCall: "yes", safeToLeaveMessage: "no" },
  "support-needs": { languageNeeds: "British Sign Language" },
  "what-happened": { description: "Nobody came to the meeting.\nTwice." },
  "when-it-happened": { whenKind: "date", whenDay: "14", whenMonth: "6", whenYear: "2026" },
  team: { team: "2", workerName: "Jo Bloggs" },
  "put-right": { outcomes: ["apology", "meeting"] },
  "complained-before": { complainedBefore: "no" },
  "court-case": { courtCase: "not-sure" },
  attachments: {},
};

function rows(answers: DraftAnswers, changeLinks = false) {
  return answerRows(t, answers, { changeLinks, teams: TEAMS, language: "en" });
}

/** Label → value, in order. */
function table(answers: DraftAnswers) {
  return rows(answers).map((r) => [r.label, r.value]);
}

describe("answerRows", () => {
  it("shows a full complaint in words, not codes", () => {
    expect(table(complaint)).toEqual([
      ["What would you like to do?", "Make a complaint"],
      ["Who are you?", "Another relative"],
      ["Child or young person's full name", "Sam Tester"],
      ["Date of birth (optional)", "Tuesday 27 March 2012"],
      ["Age, if you do not know the date of birth (optional)", "Not given"],
      ["Other names they use (optional)", "Not given"],
      ["Does the child or young person know about this complaint, and agree to it?", "Not sure"],
      ["If no or not sure, tell us why", "He is in hospital."],
      ["Your full name", "Robin Tester"],
      ["How should we contact you?", "Phone"],
      ["Phone number", "07700 900 982"],
      ["Is it safe for us to call you?", "Yes"],
      ["Is it safe for us to leave a voicemail or message?", "No"],
      ["Times we should not contact you (optional)", "Not given"],
      ["Anything we should do to help you take part (optional)", "Not given"],
      ["Language or interpreter you need (optional)", "British Sign Language"],
      ["What happened?", "Nobody came to the meeting.\nTwice."],
      ["When did it happen or start?", "On a date I know"],
      ["Date", "Sunday 14 June 2026"],
      ["Team", "Fostering"],
      ["Name of the worker, if you know it (optional)", "Jo Bloggs"],
      ["What would put things right?", "An apology\nA meeting"],
      ["Anything else that would put things right (optional)", "Not given"],
      ["Have you complained about this before?", "No"],
      ["Is there a court case going on about this?", "Not sure"],
    ]);
  });

  it("shows a conditional answer only for the option chosen", () => {
    const switched = rows({ ...complaint, contact: { contactMethod: "email", email: "robin@example.com", phone: "07700 900 982" } });
    const labels = switched.map((r) => r.label);
    expect(labels).toContain("Email address");
    expect(labels).not.toContain("Phone number");
    expect(labels).not.toContain("Postal address");

    const about = table({ ...complaint, "when-it-happened": { whenKind: "about", whenAbout: "Since last summer", whenDay: "1", whenMonth: "1", whenYear: "2020" } });
    expect(about).toContainEqual(["Roughly when", "Since last summer"]);
    expect(about.map(([label]) => label)).not.toContain("Date");

    expect(table({ ...complaint, "complained-before": { complainedBefore: "yes", previousReference: "SU-ABCD-EFGH" } })).toContainEqual([
      "Reference number, if you have it (optional)",
      "SU-ABCD-EFGH",
    ]);
    expect(table(complaint).map(([label]) => label)).not.toContain("Reference number, if you have it (optional)");
  });

  it("shows the young person's advocate choices", () => {
    const yes = table({ "advocate-offer": { wantsAdvocate: "yes", advocacyConsent: "yes" }, contact: { contactMethod: "advocate", advocateReach: "07700 900123" } });
    expect(yes).toEqual([
      ["Would you like an advocate to help you?", "Yes, please"],
      [
        "I agree to you giving my name and contact details to the advocacy service so they can get in touch with me",
        "Yes, I agree",
      ],
      ["How should we contact you?", "Through my advocate"],
      ["Phone number or email address for the advocate to reach you", "07700 900123"],
    ]);
    expect(table({ "advocate-offer": { wantsAdvocate: "no" } })).toEqual([["Would you like an advocate to help you?", "No, thank you"]]);
  });

  it("names 'I don't know' for the team, and a compliment's team by name", () => {
    expect(table({ team: { team: "dont-know" } })).toEqual([
      ["Team", "I don't know"],
      ["Name of the worker, if you know it (optional)", "Not given"],
    ]);
    expect(table({ kind: { kind: "compliment" }, "compliment-team": { team: "1" }, "compliment-share": { mayShare: "yes" } })).toEqual([
      ["What would you like to do?", "Give a compliment"],
      ["Team", "Children's social work"],
      ["Name of the worker, if you know it (optional)", "Not given"],
      ["May we pass your words on to the team or worker?", "Yes"],
    ]);
  });

  it("says 'Not given' for an anonymous comment's details", () => {
    expect(table({ "comment-contact": {} })).toEqual([
      ["Your full name", "Not given"],
      ["Email address", "Not given"],
    ]);
  });

  it("shows only the pages answered, and skips answers that are not objects", () => {
    expect(table({ kind: { kind: "comment" }, "comment-about": "oops", "comment-what": null } as DraftAnswers)).toEqual([
      ["What would you like to do?", "Make a comment or suggestion"],
    ]);
    expect(rows({})).toEqual([]);
  });

  it("adds change links back to each page only when asked", () => {
    const withLinks = rows(complaint, true);
    expect(withLinks.find((r) => r.key === "team-team")).toMatchObject({ changeHref: "/form/team?change=true", changeLabel: "team" });
    expect(withLinks.find((r) => r.key === "contact-phone")).toMatchObject({ changeHref: "/form/contact?change=true", changeLabel: "phone number" });
    expect(withLinks.find((r) => r.key === "about-the-child-childDob")?.changeHref).toBe("/form/about-the-child?change=true");
    expect(withLinks.every((r) => r.changeHref?.startsWith("/form/"))).toBe(true);
    expect(rows(complaint, false).every((r) => r.changeHref === undefined)).toBe(true);
  });

  it("gives every row its own key", () => {
    const keys = rows(complaint).map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
