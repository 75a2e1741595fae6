import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { fieldNames, questionsFor, type Question } from "~/components/question-pages";
import { createI18n } from "~/i18n/i18n";
import { offeredOutcomeCodes } from "../outcomes-offered";
import { relationships } from "../representation";
import { LIMITS } from "./fields";
import {
  DONT_KNOW,
  answerOf,
  contactMethodsFor,
  isStepId,
  stepIds,
  stepSchema,
  type DraftAnswers,
  type StepContext,
  type StepId,
} from "./steps";

const TEAMS = ["1", "2", "3"];
const context = (answers: DraftAnswers = {}): StepContext => ({ answers, teams: TEAMS });
const youngPersonWithAdvocate: DraftAnswers = {
  "who-are-you": { relationship: "young-person" },
  "advocate-offer": { wantsAdvocate: "yes", advocacyConsent: "yes" },
};
const NEXT_YEAR = String(new Date().getFullYear() + 1);

/** The i18n keys of the issues, by field path. */
function errorKeys(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const keys: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) (keys[issue.path.join(".")] ??= []).push(issue.message);
  return keys;
}

function check(step: StepId, values: unknown, answers: DraftAnswers = {}) {
  return errorKeys(stepSchema(step, context(answers)).safeParse(values));
}

function parsed(step: StepId, values: unknown, answers: DraftAnswers = {}) {
  const result = stepSchema(step, context(answers)).safeParse(values);
  if (!result.success) throw new Error(`${step} failed: ${JSON.stringify(errorKeys(result))}`);
  return result.data;
}

function form(entries: Array<[string, string]>): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe("stepIds and stepSchema", () => {
  it("has a schema for every step, and isStepId knows them all", () => {
    for (const step of stepIds) {
      expect(isStepId(step)).toBe(true);
      expect(typeof stepSchema(step, context()).safeParse).toBe("function");
    }
    expect(isStepId("check-answers")).toBe(false);
    expect(isStepId("__proto__")).toBe(false);
  });

  it("drops fields a page does not ask", () => {
    expect(parsed("kind", { kind: "complaint", website: "spam", extra: "x" })).toEqual({ kind: "complaint" });
  });
});

describe("answerOf", () => {
  it("reads a string answer and nothing else", () => {
    const answers = { kind: { kind: "complaint" }, contact: { email: 3 }, "who-are-you": "parent" } as DraftAnswers;
    expect(answerOf(answers, "kind", "kind")).toBe("complaint");
    expect(answerOf(answers, "contact", "email")).toBeUndefined();
    expect(answerOf(answers, "who-are-you", "relationship")).toBeUndefined();
    expect(answerOf(answers, "team", "team")).toBeUndefined();
    expect(answerOf({ team: null } as DraftAnswers, "team", "team")).toBeUndefined();
  });
});

describe("kind and who-are-you", () => {
  it("accept the listed choices", () => {
    for (const kind of ["complaint", "compliment", "comment"]) expect(parsed("kind", { kind })).toEqual({ kind });
    for (const relationship of relationships) expect(parsed("who-are-you", { relationship })).toEqual({ relationship });
  });

  it("require a choice from the list", () => {
    expect(check("kind", {})).toEqual({ kind: ["errors.kind.required"] });
    expect(check("kind", { kind: "complain" })).toEqual({ kind: ["errors.kind.required"] });
    expect(check("who-are-you", { relationship: "landlord" })).toEqual({ relationship: ["errors.relationship.required"] });
  });
});

describe("about-the-child", () => {
  it("needs only the name", () => {
    expect(parsed("about-the-child", { childName: " Sam\u0000 Tester " })).toEqual({ childName: "Sam Tester" });
    expect(check("about-the-child", {})).toEqual({ childName: ["errors.childName.required"] });
  });

  it("takes a date of birth, or an age in years", () => {
    expect(parsed("about-the-child", { childName: "Sam", childDobDay: "27", childDobMonth: "3", childDobYear: "2012", childAge: "14" })).toMatchObject({
      childDobDay: "27",
      childAge: "14",
    });
    expect(check("about-the-child", { childName: "Sam", childAge: "twelve" })).toEqual({ childAge: ["errors.childAge.invalid"] });
    expect(check("about-the-child", { childName: "Sam", childAge: "123" })).toEqual({ childAge: ["errors.childAge.invalid"] });
  });

  it("reports a bad date of birth on the day box", () => {
    const dob = (d: string, m: string, y: string) => ({ childName: "Sam", childDobDay: d, childDobMonth: m, childDobYear: y });
    expect(check("about-the-child", dob("27", "", "2012"))).toEqual({ childDobDay: ["errors.childDob.incomplete"] });
    expect(check("about-the-child", dob("31", "2", "2012"))).toEqual({ childDobDay: ["errors.childDob.invalid"] });
    expect(check("about-the-child", dob("1", "1", NEXT_YEAR))).toEqual({ childDobDay: ["errors.childDob.future"] });
  });
});

describe("child-agrees", () => {
  it("needs no reason when the child agrees", () => {
    expect(parsed("child-agrees", { childAgrees: "yes" })).toEqual({ childAgrees: "yes" });
  });

  it("needs a reason for no or not sure", () => {
    for (const childAgrees of ["no", "not-sure"]) {
      expect(check("child-agrees", { childAgrees }), childAgrees).toEqual({ childAgreesWhyNot: ["errors.childAgreesWhyNot.required"] });
      expect(check("child-agrees", { childAgrees, childAgreesWhyNot: " \r\n\u0000 " }), childAgrees).toEqual({
        childAgreesWhyNot: ["errors.childAgreesWhyNot.required"],
      });
      expect(parsed("child-agrees", { childAgrees, childAgreesWhyNot: "She is two." })).toEqual({ childAgrees, childAgreesWhyNot: "She is two." });
    }
  });

  it("requires the answer itself", () => {
    expect(check("child-agrees", {})).toEqual({ childAgrees: ["errors.childAgrees.required"] });
  });
});

describe("advocate-details", () => {
  it("needs the organisation and the role", () => {
    expect(check("advocate-details", {})).toEqual({
      advocateOrganisation: ["errors.advocateOrganisation.required"],
      advocateRole: ["errors.advocateRole.required"],
    });
    expect(parsed("advocate-details", { advocateOrganisation: "Coram Voice", advocateRole: "Advocate" })).toEqual({
      advocateOrganisation: "Coram Voice",
      advocateRole: "Advocate",
    });
  });
});

describe("advocate-offer", () => {
  it("needs consent only for yes", () => {
    expect(parsed("advocate-offer", { wantsAdvocate: "no" })).toEqual({ wantsAdvocate: "no" });
    expect(check("advocate-offer", { wantsAdvocate: "yes" })).toEqual({ advocacyConsent: ["errors.advocacyConsent.required"] });
    expect(parsed("advocate-offer", { wantsAdvocate: "yes", advocacyConsent: "yes" })).toEqual({ wantsAdvocate: "yes", advocacyConsent: "yes" });
  });

  it("requires the answer itself", () => {
    expect(check("advocate-offer", {})).toEqual({ wantsAdvocate: ["errors.wantsAdvocate.required"] });
  });
});

describe("your-details", () => {
  it("needs a name, within the limit", () => {
    expect(check("your-details", { fullName: "  " })).toEqual({ fullName: ["errors.fullName.required"] });
    expect(check("your-details", { fullName: "a".repeat(LIMITS.name + 1) })).toEqual({ fullName: ["errors.fullName.tooLong"] });
    expect(parsed("your-details", { fullName: "a".repeat(LIMITS.name) })).toEqual({ fullName: "a".repeat(LIMITS.name) });
  });
});

describe("contact", () => {
  it("needs the detail for the chosen method", () => {
    expect(check("contact", { contactMethod: "email" })).toEqual({ email: ["errors.email.required"] });
    expect(check("contact", { contactMethod: "phone" })).toEqual({ phone: ["errors.phone.required"] });
    expect(check("contact", { contactMethod: "post" })).toEqual({ address: ["errors.address.required"] });
    expect(check("contact", { contactMethod: "post", address: " \u0000 " })).toEqual({ address: ["errors.address.required"] });
  });

  it("accepts each method with its detail, cleaned", () => {
    expect(parsed("contact", { contactMethod: "email", email: " Robin@Example.COM " })).toEqual({ contactMethod: "email", email: "robin@example.com" });
    expect(parsed("contact", { contactMethod: "phone", phone: "07700 900 982" })).toEqual({ contactMethod: "phone", phone: "07700 900 982" });
    expect(parsed("contact", { contactMethod: "post", address: "1 High Street\r\nNorthtown" })).toEqual({
      contactMethod: "post",
      address: "1 High Street\nNorthtown",
    });
  });

  it("requires a method", () => {
    expect(check("contact", { email: "robin@example.com" })).toEqual({ contactMethod: ["errors.contactMethod.required"] });
  });

  it("reports an invalid email or phone", () => {
    expect(check("contact", { contactMethod: "email", email: "robin@" })).toEqual({ email: ["errors.email.invalid"] });
    expect(check("contact", { contactMethod: "phone", phone: "call me" })).toEqual({ phone: ["errors.phone.invalid"] });
  });

  it("offers 'through my advocate' only to a young person who asked for an advocate", () => {
    expect(contactMethodsFor({})).toEqual(["email", "phone", "post"]);
    expect(contactMethodsFor({ "who-are-you": { relationship: "young-person" }, "advocate-offer": { wantsAdvocate: "no" } })).toEqual(["email", "phone", "post"]);
    expect(contactMethodsFor({ "who-are-you": { relationship: "advocate" }, "advocate-offer": { wantsAdvocate: "yes" } })).toEqual(["email", "phone", "post"]);
    expect(contactMethodsFor(youngPersonWithAdvocate)).toEqual(["email", "phone", "post", "advocate"]);

    const viaAdvocate = { contactMethod: "advocate", advocateReach: "07700 900123" };
    expect(check("contact", viaAdvocate)).toEqual({ contactMethod: ["errors.contactMethod.required"] });
    expect(check("contact", viaAdvocate, { "who-are-you": { relationship: "parent" } })).toEqual({
      contactMethod: ["errors.contactMethod.required"],
    });
    expect(parsed("contact", viaAdvocate, youngPersonWithAdvocate)).toEqual(viaAdvocate);
    // The advocate needs a way to reach the young person.
    expect(check("contact", { contactMethod: "advocate" }, youngPersonWithAdvocate)).toEqual({ advocateReach: ["errors.advocateReach.required"] });
  });

  it("limits the length of the detail chosen", () => {
    expect(check("contact", { contactMethod: "phone", phone: "1".repeat(41) })).toEqual({ phone: ["errors.phone.tooLong"] });
    expect(check("contact", { contactMethod: "email", email: `${"a".repeat(250)}@example.com` })).toEqual({ email: ["errors.email.tooLong"] });
  });

  it("keeps only the detail for the way of contact chosen, and checks only that one", () => {
    expect(parsed("contact", { contactMethod: "phone", phone: "07700 900982", email: "robin@" })).toEqual({ contactMethod: "phone", phone: "07700 900982" });
    expect(parsed("contact", { contactMethod: "email", email: " Robin@Example.COM ", phone: "x" })).toEqual({ contactMethod: "email", email: "robin@example.com" });
  });
});

describe("contact-safety", () => {
  const after = (contactMethod: string): DraftAnswers => ({ contact: { contactMethod } });

  it("asks whether it is safe to call and to leave a message, for phone", () => {
    expect(check("contact-safety", {}, after("phone"))).toEqual({
      safeToCall: ["errors.safeToCall.required"],
      safeToLeaveMessage: ["errors.safeToLeaveMessage.required"],
    });
    expect(check("contact-safety", { safeToCall: "yes" }, after("phone"))).toEqual({ safeToLeaveMessage: ["errors.safeToLeaveMessage.required"] });
    expect(parsed("contact-safety", { safeToCall: "yes", safeToLeaveMessage: "no", timesToAvoid: "after 3pm" }, after("phone"))).toEqual({
      safeToCall: "yes",
      safeToLeaveMessage: "no",
      timesToAvoid: "after 3pm",
    });
  });

  it("asks whether it is safe to write, for post", () => {
    expect(check("contact-safety", {}, after("post"))).toEqual({ safeToWrite: ["errors.safeToWrite.required"] });
    expect(parsed("contact-safety", { safeToWrite: "no" }, after("post"))).toEqual({ safeToWrite: "no" });
  });

  it("asks nothing required otherwise", () => {
    expect(parsed("contact-safety", {}, after("email"))).toEqual({});
    expect(parsed("contact-safety", {}, {})).toEqual({});
  });

  it("still checks the answers given", () => {
    expect(check("contact-safety", { safeToCall: "maybe", safeToLeaveMessage: "yes" }, after("phone"))).toEqual({
      safeToCall: ["errors.safeToCall.required"],
    });
  });
});

describe("support-needs", () => {
  it("is all optional", () => {
    expect(parsed("support-needs", {})).toEqual({});
    expect(parsed("support-needs", { adjustments: "Large print", languageNeeds: "BSL" })).toEqual({ adjustments: "Large print", languageNeeds: "BSL" });
  });
});

describe("what-happened", () => {
  it("needs a description, up to 5,000 characters", () => {
    expect(check("what-happened", {})).toEqual({ description: ["errors.description.required"] });
    expect(parsed("what-happened", { description: "a".repeat(LIMITS.longText) })).toEqual({ description: "a".repeat(LIMITS.longText) });
    expect(check("what-happened", { description: "a".repeat(LIMITS.longText + 1) })).toEqual({ description: ["errors.description.tooLong"] });
  });
});

describe("when-it-happened", () => {
  const date = (d: string, m: string, y: string) => ({ whenKind: "date", whenDay: d, whenMonth: m, whenYear: y });

  it("needs to know whether there is a date", () => {
    expect(check("when-it-happened", {})).toEqual({ whenKind: ["errors.whenKind.required"] });
  });

  it("accepts a real date in the past", () => {
    expect(parsed("when-it-happened", date("14", "6", "2026"))).toEqual(date("14", "6", "2026"));
  });

  it("needs the date when 'on a date' is chosen", () => {
    expect(check("when-it-happened", { whenKind: "date" })).toEqual({ whenDay: ["errors.when.required"] });
    expect(check("when-it-happened", date("", "", ""))).toEqual({ whenDay: ["errors.when.required"] });
  });

  it("explains an incomplete, impossible, early or future date", () => {
    expect(check("when-it-happened", date("14", "", "2026"))).toEqual({ whenDay: ["errors.when.incomplete"] });
    expect(check("when-it-happened", date("31", "2", "2025"))).toEqual({ whenDay: ["errors.when.invalid"] });
    expect(check("when-it-happened", date("1", "1", "1899"))).toEqual({ whenDay: ["errors.when.invalid"] });
    expect(check("when-it-happened", date("1", "1", NEXT_YEAR))).toEqual({ whenDay: ["errors.when.future"] });
    expect(check("when-it-happened", date("12345", "1", "2026"))).toEqual({ whenDay: ["errors.when.invalid"] });
  });

  it("needs some words when the date is not known", () => {
    expect(check("when-it-happened", { whenKind: "about" })).toEqual({ whenAbout: ["errors.whenAbout.required"] });
    expect(check("when-it-happened", { whenKind: "about", whenAbout: " \t " })).toEqual({ whenAbout: ["errors.whenAbout.required"] });
    expect(parsed("when-it-happened", { whenKind: "about", whenAbout: "Since last summer" })).toEqual({ whenKind: "about", whenAbout: "Since last summer" });
  });
});

describe("why-now", () => {
  it("needs a reason, up to 2,000 characters", () => {
    expect(check("why-now", {})).toEqual({ whyNow: ["errors.whyNow.required"] });
    expect(parsed("why-now", { whyNow: "a".repeat(2000) })).toEqual({ whyNow: "a".repeat(2000) });
    expect(check("why-now", { whyNow: "a".repeat(2001) })).toEqual({ whyNow: ["errors.whyNow.tooLong"] });
  });
});

describe("team and compliment-team", () => {
  it("accept one of the council's teams, or I don't know", () => {
    for (const step of ["team", "compliment-team"] as const) {
      expect(parsed(step, { team: "2" })).toEqual({ team: "2" });
      expect(parsed(step, { team: DONT_KNOW, workerName: "Jo" })).toEqual({ team: DONT_KNOW, workerName: "Jo" });
    }
  });

  it("refuse anything else", () => {
    for (const team of ["4", "", "Fostering", "dont know"]) {
      expect(check("team", { team }), team).toEqual({ team: ["errors.team.required"] });
    }
    expect(check("team", {})).toEqual({ team: ["errors.team.required"] });
    expect(errorKeys(stepSchema("team", { answers: {}, teams: [] }).safeParse({ team: "1" }))).toEqual({ team: ["errors.team.required"] });
  });
});

describe("put-right", () => {
  it("needs at least one outcome or some words", () => {
    expect(check("put-right", {})).toEqual({ outcomes: ["errors.outcomes.required"] });
    expect(check("put-right", { outcomes: [] })).toEqual({ outcomes: ["errors.outcomes.required"] });
    expect(check("put-right", { outcomeOther: " \r\n " })).toEqual({ outcomes: ["errors.outcomes.required"] });
    expect(parsed("put-right", { outcomes: ["apology"] })).toEqual({ outcomes: ["apology"] });
    expect(parsed("put-right", { outcomeOther: "Move my son's review meeting" })).toEqual({ outcomeOther: "Move my son's review meeting" });
  });

  it("accepts only the offered outcomes", () => {
    expect(parsed("put-right", { outcomes: [...offeredOutcomeCodes] })).toEqual({ outcomes: [...offeredOutcomeCodes] });
    expect(check("put-right", { outcomes: ["apology", "sack-the-manager"] })).toEqual({ "outcomes.1": ["errors.outcomes.required"] });
  });

  it("reads one ticked box from form data as a list", () => {
    const submission = parseWithZod(form([["outcomes", "apology"], ["outcomeOther", ""]]), { schema: stepSchema("put-right", context()) });
    expect(submission.status === "success" && submission.value).toEqual({ outcomes: ["apology"] });
  });

  it("reads several ticked boxes from form data, in order, with cleaned words", () => {
    const submission = parseWithZod(
      form([
        ["outcomes", "apology"],
        ["outcomes", "meeting"],
        ["outcomes", "not-again"],
        ["outcomeOther", "\u202EA new\r\nworker\u0000"],
      ]),
      { schema: stepSchema("put-right", context()) },
    );
    expect(submission.status === "success" && submission.value).toEqual({ outcomes: ["apology", "meeting", "not-again"], outcomeOther: "A new\nworker" });
  });

  it("reports nothing ticked from form data on the outcomes field", () => {
    const submission = parseWithZod(form([["outcomeOther", ""]]), { schema: stepSchema("put-right", context()) });
    expect(submission.status).toBe("error");
    expect(submission.reply().error).toEqual({ outcomes: ["errors.outcomes.required"] });
  });
});

describe("complained-before, court-case", () => {
  it("need yes, no or not sure", () => {
    expect(parsed("complained-before", { complainedBefore: "yes", previousReference: "SU-ABCD-EFGH" })).toEqual({
      complainedBefore: "yes",
      previousReference: "SU-ABCD-EFGH",
    });
    expect(check("complained-before", { complainedBefore: "maybe" })).toEqual({ complainedBefore: ["errors.complainedBefore.required"] });
    expect(check("complained-before", { complainedBefore: "yes", previousReference: "a".repeat(51) })).toEqual({
      previousReference: ["errors.previousReference.tooLong"],
    });
    expect(parsed("court-case", { courtCase: "not-sure" })).toEqual({ courtCase: "not-sure" });
    expect(check("court-case", {})).toEqual({ courtCase: ["errors.courtCase.required"] });
  });
});

describe("attachments", () => {
  it("is passed by an empty answer, and not passed without one", () => {
    expect(parsed("attachments", {})).toEqual({});
    expect(stepSchema("attachments", context()).safeParse(undefined).success).toBe(false);
  });
});

describe("compliments and comments", () => {
  it("need the words", () => {
    expect(check("compliment-what", {})).toEqual({ whatWentWell: ["errors.whatWentWell.required"] });
    expect(check("compliment-share", {})).toEqual({ mayShare: ["errors.mayShare.required"] });
    expect(check("comment-about", {})).toEqual({ commentAbout: ["errors.commentAbout.required"] });
    expect(check("comment-what", {})).toEqual({ comment: ["errors.comment.required"] });
  });

  it("may be anonymous, but check an email address if one is given", () => {
    for (const step of ["compliment-contact", "comment-contact"] as const) {
      expect(parsed(step, {})).toEqual({});
      expect(parsed(step, { fullName: "Robin", email: "ROBIN@example.com" })).toEqual({ fullName: "Robin", email: "robin@example.com" });
      expect(check(step, { email: "robin" })).toEqual({ email: ["errors.email.invalid"] });
    }
  });
});

describe("error messages", () => {
  const i18n = createI18n("en");

  /** Answers that make each step's context-dependent rules apply. */
  const contexts: DraftAnswers[] = [
    {},
    { contact: { contactMethod: "phone" } },
    { contact: { contactMethod: "post" } },
    youngPersonWithAdvocate,
  ];

  function flatten(questions: Question[]): Question[] {
    return questions.flatMap((q) => (q.type === "radios" && q.conditional ? [q, ...flatten(Object.values(q.conditional).flat())] : [q]));
  }

  /** Posted values that fail in every way a page can fail: nothing, blanks, too long, off the list, bad dates. */
  function failingPosts(step: StepId, answers: DraftAnswers): FormData[] {
    const questions = questionsFor(step, { answers, teams: TEAMS.map((id) => [id, `Team ${id}`] as const) });
    const names = fieldNames(questions);
    // A single checkbox posts its own value or nothing (see the report on advocacyConsent).
    const checkboxes = new Map(flatten(questions).flatMap((q) => (q.type === "checkbox" ? [[q.name, q.value] as const] : [])));
    const all = (value: string) => form(names.map((name) => [name, checkboxes.get(name) ?? value]));
    const posts = [form([]), all(""), all(" \u0000 "), all("x"), all("x".repeat(LIMITS.longText * 2)), all("12345"), all("no"), all("not-sure")];
    // Each choice in turn, with everything else left blank, to reach the rules that depend on it.
    for (const q of flatten(questions)) {
      if (q.type !== "radios") continue;
      for (const option of q.options) posts.push(form(names.map((name) => [name, name === q.name ? option : ""])));
    }
    const dateFields = names.filter((n) => /(Day|Month|Year)$/.test(n));
    if (dateFields.length > 0) {
      const choices = names.filter((n) => !dateFields.includes(n));
      const date = (d: string, m: string, y: string) =>
        form([
          ...choices.map((name): [string, string] => [name, name === "whenKind" ? "date" : "Sam"]),
          ...dateFields.map((name): [string, string] => [name, name.endsWith("Day") ? d : name.endsWith("Month") ? m : y]),
        ]);
      posts.push(date("1", "", "2020"), date("31", "2", "2025"), date("1", "1", "1899"), date("1", "1", NEXT_YEAR), date("", "", ""));
    }
    if (step === "when-it-happened") posts.push(form([["whenKind", "about"]]));
    if (step === "put-right") posts.push(form([["outcomes", "apology"], ["outcomes", "x"]]));
    return posts;
  }

  it("are keys in form.json for every way a page can fail", () => {
    const seen = new Set<string>();
    for (const answers of contexts) {
      for (const step of stepIds) {
        const schema = stepSchema(step, context(answers));
        for (const post of failingPosts(step, answers)) {
          const reply = parseWithZod(post, { schema }).reply();
          for (const message of Object.values(reply.error ?? {}).flat()) {
            if (message) seen.add(message);
          }
        }
      }
    }
    const missing = [...seen].filter((message) => !i18n.exists(`form:${message}`));
    expect(missing).toEqual([]);
    // The walk reaches the conditional rules too, not only "required".
    for (const key of [
      "errors.childAgreesWhyNot.required",
      "errors.advocacyConsent.required",
      "errors.email.required",
      "errors.phone.required",
      "errors.address.required",
      "errors.safeToCall.required",
      "errors.safeToWrite.required",
      "errors.when.required",
      "errors.when.incomplete",
      "errors.when.invalid",
      "errors.when.future",
      "errors.childDob.invalid",
      "errors.whenAbout.required",
      "errors.team.required",
      "errors.outcomes.required",
      "errors.description.tooLong",
      "errors.childAge.invalid",
      "errors.email.invalid",
    ]) {
      expect(seen, key).toContain(key);
    }
  });
});
