import { describe, expect, it } from "vitest";
import { pictureForQuestion } from "~/domain/form/pictures";
import { DONT_KNOW, stepIds, stepSchema, type DraftAnswers, type StepId } from "~/domain/form/steps";
import { offeredOutcomeCodes } from "~/domain/outcomes-offered";
import { createI18n } from "~/i18n/i18n";
import { fieldNames, questionName, questionsFor, type PageContext, type Question } from "./question-pages";

const TEAMS = [
  ["1", "Children's social work"],
  ["2", "Fostering"],
] as const;
const page = (answers: DraftAnswers = {}): PageContext => ({ answers, teams: TEAMS });
const youngPersonWithAdvocate: DraftAnswers = {
  "who-are-you": { relationship: "young-person" },
  "advocate-offer": { wantsAdvocate: "yes", advocacyConsent: "yes" },
};
/** Answers that change what some pages ask. */
const CONTEXTS: DraftAnswers[] = [
  {},
  { contact: { contactMethod: "phone" } },
  { contact: { contactMethod: "post" } },
  { contact: { contactMethod: "email" } },
  youngPersonWithAdvocate,
];

function flatten(questions: Question[]): Question[] {
  return questions.flatMap((q) => (q.type === "radios" && q.conditional ? [q, ...flatten(Object.values(q.conditional).flat())] : [q]));
}

function shapeKeys(step: StepId, answers: DraftAnswers): string[] {
  return Object.keys(stepSchema(step, { answers, teams: TEAMS.map(([id]) => id) }).shape);
}

describe("questionsFor", () => {
  it("posts exactly the fields each page's schema reads", () => {
    for (const answers of CONTEXTS) {
      for (const step of stepIds) {
        const posted = fieldNames(questionsFor(step, page(answers)));
        const read = shapeKeys(step, answers);
        // contact-safety's schema knows every safety question, and contact's every way of contact;
        // the page shows those that apply.
        if (step === "contact-safety" || step === "contact") expect(read, step).toEqual(expect.arrayContaining(posted));
        else expect([...posted].sort(), `${step} ${JSON.stringify(answers)}`).toEqual([...read].sort());
      }
    }
  });

  it("has words in form.json for every title, label and option", () => {
    const i18n = createI18n("en");
    const missing: string[] = [];
    const need = (key: string) => {
      if (!i18n.exists(`form:${key}`)) missing.push(key);
    };
    for (const answers of CONTEXTS) {
      for (const step of stepIds) {
        need(`titles.${step}`);
        for (const q of flatten(questionsFor(step, page(answers)))) {
          need(`questions.${q.type === "date" ? q.prefix : q.name}.label`);
          if (q.type === "radios" || q.type === "checkboxes") for (const option of q.options) need(`options.${q.name}.${option}`);
          if (q.type === "checkbox") need(`options.${q.name}.${q.value}`);
          if (q.type === "select") need(`options.${q.name}.${DONT_KNOW}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("gives each textarea the limit its schema enforces", () => {
    const textareas = stepIds.flatMap((step) =>
      flatten(questionsFor(step, page())).flatMap((q) => (q.type === "textarea" ? [{ step, name: q.name, max: q.maxLength }] : [])),
    );
    expect(textareas.map((t) => t.name)).toEqual(
      expect.arrayContaining(["childAgreesWhyNot", "address", "adjustments", "description", "whyNow", "outcomeOther", "whatWentWell", "comment"]),
    );
    for (const { step, name, max } of textareas) {
      const schema = stepSchema(step, { answers: {}, teams: [] });
      const errorsOn = (value: string) =>
        (schema.safeParse({ [name]: value, ...(name === "address" ? { contactMethod: "post" } : {}) }).error?.issues ?? []).filter((i) => i.path.join(".") === name).map((i) => i.message);
      expect(errorsOn("a".repeat(max)), name).not.toContain(`errors.${name}.tooLong`);
      expect(errorsOn("a".repeat(max + 1)), name).toContain(`errors.${name}.tooLong`);
    }
  });

  it("offers 'through my advocate' only to a young person who asked for one", () => {
    const options = (answers: DraftAnswers) => {
      const [q] = questionsFor("contact", page(answers));
      return q?.type === "radios" ? q.options : [];
    };
    expect(options({})).toEqual(["email", "phone", "post"]);
    expect(options({ ...youngPersonWithAdvocate, "advocate-offer": { wantsAdvocate: "no" } })).toEqual(["email", "phone", "post"]);
    expect(options(youngPersonWithAdvocate)).toEqual(["email", "phone", "post", "advocate"]);
  });

  it("asks the safety questions that fit the contact method", () => {
    const names = (contactMethod?: string) => fieldNames(questionsFor("contact-safety", page(contactMethod ? { contact: { contactMethod } } : {})));
    expect(names("phone")).toEqual(["safeToCall", "safeToLeaveMessage", "timesToAvoid"]);
    expect(names("post")).toEqual(["safeToWrite", "timesToAvoid"]);
    expect(names("email")).toEqual(["timesToAvoid"]);
    expect(names()).toEqual(["timesToAvoid"]);
  });

  it("lists the council's teams by id, then I don't know", () => {
    for (const step of ["team", "compliment-team"] as const) {
      const [select] = questionsFor(step, page());
      expect(select).toEqual({ type: "select", name: "team", options: ["1", "2", DONT_KNOW] });
    }
  });

  it("offers the outcomes in the order of the offered list", () => {
    const [outcomes] = questionsFor("put-right", page());
    expect(outcomes).toEqual({ type: "checkboxes", name: "outcomes", options: offeredOutcomeCodes });
  });

  it("asks nothing on the attachments page", () => {
    expect(questionsFor("attachments", page())).toEqual([]);
  });
});

describe("fieldNames", () => {
  it("expands dates into three boxes, in page order", () => {
    expect(fieldNames(questionsFor("about-the-child", page()))).toEqual([
      "childName",
      "childDobDay",
      "childDobMonth",
      "childDobYear",
      "childAge",
      "childOtherNames",
    ]);
  });

  it("includes conditional questions after their radios", () => {
    expect(fieldNames(questionsFor("when-it-happened", page()))).toEqual(["whenKind", "whenDay", "whenMonth", "whenYear", "whenAbout"]);
    expect(fieldNames(questionsFor("contact", page()))).toEqual(["contactMethod", "email", "phone", "address"]);
    expect(fieldNames(questionsFor("advocate-offer", page()))).toEqual(["wantsAdvocate", "advocacyConsent"]);
    expect(fieldNames(questionsFor("complained-before", page()))).toEqual(["complainedBefore", "previousReference"]);
  });
});

describe("easy read's pictures and teams", () => {
  it("gives every main question of every page a picture", () => {
    const without = new Set<string>();
    for (const answers of CONTEXTS) {
      for (const step of stepIds) {
        for (const easyRead of [false, true]) {
          for (const q of questionsFor(step, { ...page(answers), easyRead })) {
            if (!pictureForQuestion(questionName(q))) without.add(`${step}: ${questionName(q)}`);
          }
        }
      }
    }
    expect([...without]).toEqual([]);
  });

  it("asks for the team with radios in easy read, \"I don't know\" first, and a list otherwise", () => {
    const [easy] = questionsFor("team", { ...page(), easyRead: true });
    expect(easy).toEqual({ type: "radios", name: "team", options: [DONT_KNOW, "1", "2"], teamNames: true });
    const [standard] = questionsFor("team", page());
    expect(standard).toEqual({ type: "select", name: "team", options: ["1", "2", DONT_KNOW] });
    expect(questionsFor("compliment-team", { ...page(), easyRead: true })[0]).toEqual(easy);
  });
});
