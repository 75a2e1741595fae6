import { LIMITS } from "~/domain/form/limits";
import { contactMethodsFor, DONT_KNOW, type DraftAnswers, type StepId } from "~/domain/form/step-ids";
import { offeredOutcomes } from "~/domain/outcomes-offered";
import { relationships, representationKinds } from "~/domain/representation";

/**
 * What each question page shows, as data: the same definitions draw the page and the
 * check-your-answers rows. Words come from form.json: `questions.<name>.label`, `.hint`, and
 * `options.<name>.<value>`; a page with several questions takes its heading from `titles.<step>`.
 */
export type Question =
  | {
      type: "radios";
      name: string;
      options: readonly string[];
      conditional?: Record<string, Question[]>;
      inline?: boolean;
      /** The options are the council's teams (labelled with their names), not words from form.json. */
      teamNames?: boolean;
    }
  | { type: "checkboxes"; name: string; options: readonly string[] }
  | { type: "checkbox"; name: string; value: string }
  | { type: "text"; name: string; inputType?: "text" | "email" | "tel"; autoComplete?: string; width?: "4" | "10" | "20" | "30"; spellCheck?: boolean }
  | { type: "textarea"; name: string; maxLength: number; rows?: number }
  | { type: "date"; prefix: string }
  | { type: "select"; name: string; options: readonly string[] };

export interface PageContext {
  answers: DraftAnswers;
  /** The council's teams, as [value, label]. */
  teams: ReadonlyArray<readonly [string, string]>;
  /** Easy read: a few questions are asked in a simpler way. */
  easyRead?: boolean;
}

const yesNo = ["yes", "no"] as const;
const yesNoNotSure = ["yes", "no", "not-sure"] as const;

export function questionsFor(step: StepId, context: PageContext): Question[] {
  switch (step) {
    case "kind":
      return [{ type: "radios", name: "kind", options: representationKinds }];
    case "who-are-you":
      return [{ type: "radios", name: "relationship", options: relationships }];
    case "about-the-child":
      return [
        { type: "text", name: "childName", spellCheck: false },
        { type: "date", prefix: "childDob" },
        { type: "text", name: "childAge", width: "4" },
        { type: "text", name: "childOtherNames", spellCheck: false },
      ];
    case "child-agrees":
      return [
        { type: "radios", name: "childAgrees", options: yesNoNotSure },
        { type: "textarea", name: "childAgreesWhyNot", maxLength: LIMITS.shortText, rows: 3 },
      ];
    case "advocate-details":
      return [
        { type: "text", name: "advocateOrganisation", autoComplete: "organization" },
        { type: "text", name: "advocateRole", autoComplete: "organization-title" },
      ];
    case "advocate-offer":
      return [
        {
          type: "radios",
          name: "wantsAdvocate",
          options: yesNo,
          conditional: { yes: [{ type: "checkbox", name: "advocacyConsent", value: "yes" }] },
        },
      ];
    case "your-details":
      return [{ type: "text", name: "fullName", autoComplete: "name", spellCheck: false }];
    case "contact":
      return [
        {
          type: "radios",
          name: "contactMethod",
          options: contactMethodsFor(context.answers),
          conditional: {
            email: [{ type: "text", name: "email", inputType: "email", autoComplete: "email", spellCheck: false }],
            phone: [{ type: "text", name: "phone", inputType: "tel", autoComplete: "tel", width: "20" }],
            post: [{ type: "textarea", name: "address", maxLength: LIMITS.shortText, rows: 4 }],
            advocate: [{ type: "text", name: "advocateReach", spellCheck: false }],
          },
        },
      ];
    case "contact-safety": {
      const method = (context.answers.contact as { contactMethod?: string } | undefined)?.contactMethod;
      return [
        ...(method === "phone"
          ? ([
              { type: "radios", name: "safeToCall", options: yesNo, inline: true },
              { type: "radios", name: "safeToLeaveMessage", options: yesNo, inline: true },
            ] as const)
          : []),
        ...(method === "post" ? ([{ type: "radios", name: "safeToWrite", options: yesNo, inline: true }] as const) : []),
        { type: "text", name: "timesToAvoid" },
      ];
    }
    case "support-needs":
      return [
        { type: "textarea", name: "adjustments", maxLength: LIMITS.shortText, rows: 3 },
        { type: "text", name: "languageNeeds" },
      ];
    case "what-happened":
      return [{ type: "textarea", name: "description", maxLength: LIMITS.longText, rows: 10 }];
    case "when-it-happened":
      return [
        {
          type: "radios",
          name: "whenKind",
          options: ["date", "about"],
          conditional: { date: [{ type: "date", prefix: "when" }], about: [{ type: "text", name: "whenAbout" }] },
        },
      ];
    case "why-now":
      return [{ type: "textarea", name: "whyNow", maxLength: LIMITS.shortText * 4, rows: 5 }];
    case "team":
    case "compliment-team":
      return [
        // Easy read shows every team as a radio, "I don't know" first: a young person rarely knows.
        context.easyRead
          ? { type: "radios", name: "team", options: [DONT_KNOW, ...context.teams.map(([value]) => value)], teamNames: true }
          : { type: "select", name: "team", options: [...context.teams.map(([value]) => value), DONT_KNOW] },
        { type: "text", name: "workerName", spellCheck: false },
      ];
    case "put-right":
      return [
        { type: "checkboxes", name: "outcomes", options: offeredOutcomes.map((o) => o.code) },
        { type: "textarea", name: "outcomeOther", maxLength: LIMITS.shortText * 2, rows: 4 },
      ];
    case "complained-before":
      return [
        {
          type: "radios",
          name: "complainedBefore",
          options: yesNoNotSure,
          conditional: { yes: [{ type: "text", name: "previousReference", width: "20" }] },
        },
      ];
    case "court-case":
      return [{ type: "radios", name: "courtCase", options: yesNoNotSure }];
    case "attachments":
      return [];
    case "compliment-what":
      return [{ type: "textarea", name: "whatWentWell", maxLength: LIMITS.longText, rows: 8 }];
    case "compliment-share":
      return [{ type: "radios", name: "mayShare", options: yesNo }];
    case "comment-about":
      return [{ type: "text", name: "commentAbout" }];
    case "comment-what":
      return [{ type: "textarea", name: "comment", maxLength: LIMITS.longText, rows: 8 }];
    case "compliment-contact":
    case "comment-contact":
      return [
        { type: "text", name: "fullName", autoComplete: "name", spellCheck: false },
        { type: "text", name: "email", inputType: "email", autoComplete: "email", spellCheck: false },
      ];
  }
}

/** A question's name: its field's, or a date's prefix (the key of its words and of its picture). */
export function questionName(q: Question): string {
  return q.type === "date" ? q.prefix : q.name;
}

/** Every field name a question posts, conditionals included, in page order (for the error summary). */
export function fieldNames(questions: Question[]): string[] {
  return questions.flatMap((q) => {
    if (q.type === "date") return [`${q.prefix}Day`, `${q.prefix}Month`, `${q.prefix}Year`];
    const own = [q.name];
    if (q.type === "radios" && q.conditional) {
      const conditional = q.conditional;
      return [...own, ...q.options.flatMap((option) => fieldNames(conditional[option] ?? []))];
    }
    return own;
  });
}
