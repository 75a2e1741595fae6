import * as z from "zod/mini";
import { offeredOutcomeCodes } from "../outcomes-offered";
import { relationships, representationKinds } from "../representation";
import {
  EMAIL,
  LIMITS,
  PHONE,
  choice,
  cleanEmail,
  cleanLine,
  looseLine,
  looseText,
  optionalEmail,
  optionalLine,
  optionalText,
  requiredLine,
  requiredText,
  UNEXPECTED,
} from "./fields";
import { dateParts, readDateParts } from "./dates";
import { answerOf, contactMethods, contactMethodsFor, DONT_KNOW, type DraftAnswers, type StepId } from "./step-ids";

// The steps' names and the plain rules pages share are in step-ids.ts, which has no schemas: the
// browser's question pages use them without bringing zod along (docs/decisions/036).
export { answerOf, contactMethods, contactMethodsFor, DONT_KNOW, isStepId, stepIds, type DraftAnswers, type StepId } from "./step-ids";

// One schema per question page, shared by the server (the judge) and the browser. A few depend
// on what the council has set up (its teams) or on earlier answers; those are built by a
// function of that context, on both sides alike.

const yesNo = ["yes", "no"] as const;
const yesNoNotSure = ["yes", "no", "not-sure"] as const;

type Issue = { path: string; message: string };

/** Adds issues found by `find` to the object's fields, so each error sits on its own field. */
function fieldIssues<T>(find: (value: T) => Issue[]) {
  return z.superRefine((value: T, ctx) => {
    for (const issue of find(value)) {
      ctx.addIssue({ code: "custom", message: issue.message, path: [issue.path], input: value });
    }
  });
}

/** Drops answers to conditional questions that do not apply, so hidden boxes are never kept. */
function keepOnly<T extends Record<string, unknown>>(decide: (value: T) => ReadonlyArray<keyof T>) {
  return z.overwrite((value: T) => {
    const keep = new Set(decide(value));
    return Object.fromEntries(Object.entries(value).filter(([key]) => keep.has(key))) as T;
  });
}

export const kindSchema = z.object({ kind: choice("kind", representationKinds) });

export const whoAreYouSchema = z.object({ relationship: choice("relationship", relationships) });

export const aboutTheChildSchema = z
  .object({
    childName: requiredLine("childName", LIMITS.name),
    ...dateParts("childDob"),
    childAge: z.optional(
      z.string({ error: UNEXPECTED }).check(z.overwrite(cleanLine), z.regex(/^\d{1,2}$/, "errors.childAge.invalid")),
    ),
    childOtherNames: optionalLine("childOtherNames", LIMITS.name),
  })
  .check(
    fieldIssues((v) => {
      const date = readDateParts(v, "childDob");
      if (date.kind === "invalid") return [{ path: "childDobDay", message: `errors.childDob.${date.reason}` }];
      return [];
    }),
  );

export const childAgreesSchema = z
  .object({
    childAgrees: choice("childAgrees", yesNoNotSure),
    childAgreesWhyNot: optionalText("childAgreesWhyNot", LIMITS.shortText),
  })
  .check(
    fieldIssues((v) =>
      v.childAgrees !== "yes" && !v.childAgreesWhyNot ? [{ path: "childAgreesWhyNot", message: "errors.childAgreesWhyNot.required" }] : [],
    ),
    keepOnly((v) => (v.childAgrees === "yes" ? ["childAgrees"] : ["childAgrees", "childAgreesWhyNot"])),
  );

export const advocateDetailsSchema = z.object({
  advocateOrganisation: requiredLine("advocateOrganisation", LIMITS.name),
  advocateRole: requiredLine("advocateRole", LIMITS.name),
});

export const advocateOfferSchema = z
  .object({
    wantsAdvocate: choice("wantsAdvocate", yesNo),
    advocacyConsent: z.optional(z.literal("yes", { error: "errors.advocacyConsent.required" })),
  })
  .check(
    fieldIssues((v) =>
      v.wantsAdvocate === "yes" && v.advocacyConsent !== "yes" ? [{ path: "advocacyConsent", message: "errors.advocacyConsent.required" }] : [],
    ),
    keepOnly((v) => (v.wantsAdvocate === "yes" ? ["wantsAdvocate", "advocacyConsent"] : ["wantsAdvocate"])),
  );

export const yourDetailsSchema = z.object({ fullName: requiredLine("fullName", LIMITS.name) });


const contactDetail: Record<(typeof contactMethods)[number], "email" | "phone" | "address" | "advocateReach"> = {
  email: "email",
  phone: "phone",
  post: "address",
  advocate: "advocateReach",
};

/** The detail for the chosen way of contact is required and checked; the others are dropped. */
export const contactSchema = z
  .object({
    contactMethod: choice("contactMethod", contactMethods),
    email: looseLine(),
    phone: looseLine(),
    address: looseText(),
    advocateReach: looseLine(),
  })
  .check(
    fieldIssues((v) => {
      const field = contactDetail[v.contactMethod];
      const value = v[field];
      if (!value) return [{ path: field, message: `errors.${field}.required` }];
      if (field === "email" && value.length > LIMITS.email) return [{ path: field, message: "errors.email.tooLong" }];
      if (field === "email" && !EMAIL.test(value)) return [{ path: field, message: "errors.email.invalid" }];
      if (field === "phone" && value.length > LIMITS.phone) return [{ path: field, message: "errors.phone.tooLong" }];
      if (field === "phone" && !PHONE.test(value)) return [{ path: field, message: "errors.phone.invalid" }];
      if (field === "address" && value.length > LIMITS.shortText) return [{ path: field, message: "errors.address.tooLong" }];
      if (field === "advocateReach" && value.length > LIMITS.name) return [{ path: field, message: "errors.advocateReach.tooLong" }];
      return [];
    }),
    z.overwrite((v) => {
      const field = contactDetail[v.contactMethod];
      const value = v[field];
      return { contactMethod: v.contactMethod, [field]: field === "email" && value ? cleanEmail(value) : value };
    }),
  );

export const contactSafetySchema = z.object({
  safeToCall: z.optional(choice("safeToCall", yesNo)),
  safeToLeaveMessage: z.optional(choice("safeToLeaveMessage", yesNo)),
  safeToWrite: z.optional(choice("safeToWrite", yesNo)),
  timesToAvoid: optionalLine("timesToAvoid", LIMITS.shortText),
});

/** Which safety questions apply depends on how the person asked to be contacted. */
export function contactSafetyFor(method: string | undefined) {
  return contactSafetySchema.check(
    fieldIssues((v) => [
      ...(method === "phone" && !v.safeToCall ? [{ path: "safeToCall", message: "errors.safeToCall.required" }] : []),
      ...(method === "phone" && !v.safeToLeaveMessage ? [{ path: "safeToLeaveMessage", message: "errors.safeToLeaveMessage.required" }] : []),
      ...(method === "post" && !v.safeToWrite ? [{ path: "safeToWrite", message: "errors.safeToWrite.required" }] : []),
    ]),
  );
}

export const supportNeedsSchema = z.object({
  adjustments: optionalText("adjustments", LIMITS.shortText),
  languageNeeds: optionalLine("languageNeeds", LIMITS.name),
});

export const whatHappenedSchema = z.object({ description: requiredText("description", LIMITS.longText) });

export const whenItHappenedSchema = z
  .object({
    whenKind: choice("whenKind", ["date", "about"] as const),
    ...dateParts("when"),
    whenAbout: optionalLine("whenAbout", LIMITS.name),
  })
  .check(
    fieldIssues((v) => {
      if (v.whenKind === "about") return v.whenAbout ? [] : [{ path: "whenAbout", message: "errors.whenAbout.required" }];
      const date = readDateParts(v, "when");
      if (date.kind === "empty") return [{ path: "whenDay", message: "errors.when.required" }];
      if (date.kind === "invalid") return [{ path: "whenDay", message: `errors.when.${date.reason}` }];
      return [];
    }),
    keepOnly((v) => (v.whenKind === "about" ? ["whenKind", "whenAbout"] : ["whenKind", "whenDay", "whenMonth", "whenYear"])),
  );

export const whyNowSchema = z.object({ whyNow: requiredText("whyNow", LIMITS.shortText * 4) });

/** The council's teams, or "I don't know". */
export function teamSchemaFor(teams: readonly string[]) {
  return z.object({
    team: z.string({ error: "errors.team.required" }).check(
      z.refine((value) => value === DONT_KNOW || teams.includes(value), "errors.team.required"),
    ),
    workerName: optionalLine("workerName", LIMITS.name),
  });
}

export const putRightSchema = z
  .object({
    outcomes: z.optional(z.array(z.enum(offeredOutcomeCodes, { error: "errors.outcomes.required" }))),
    outcomeOther: optionalText("outcomeOther", LIMITS.shortText * 2),
  })
  .check(
    fieldIssues((v) => ((v.outcomes?.length ?? 0) === 0 && !v.outcomeOther ? [{ path: "outcomes", message: "errors.outcomes.required" }] : [])),
  );

export const complainedBeforeSchema = z
  .object({
    complainedBefore: choice("complainedBefore", yesNoNotSure),
    previousReference: looseLine(),
  })
  .check(
    fieldIssues((v) =>
      v.complainedBefore === "yes" && (v.previousReference?.length ?? 0) > 50 ? [{ path: "previousReference", message: "errors.previousReference.tooLong" }] : [],
    ),
    keepOnly((v) => (v.complainedBefore === "yes" ? ["complainedBefore", "previousReference"] : ["complainedBefore"])),
  );

export const courtCaseSchema = z.object({ courtCase: choice("courtCase", yesNoNotSure) });

/** Files live in their own table; this step only records that the page was passed. */
export const attachmentsSchema = z.object({});

export const complimentWhatSchema = z.object({ whatWentWell: requiredText("whatWentWell", LIMITS.longText) });

export const complimentShareSchema = z.object({ mayShare: choice("mayShare", yesNo) });

export const commentAboutSchema = z.object({ commentAbout: requiredLine("commentAbout", LIMITS.shortText) });

export const commentWhatSchema = z.object({ comment: requiredText("comment", LIMITS.longText) });

/** Compliments and comments may be anonymous. */
export const optionalContactSchema = z.object({
  fullName: optionalLine("fullName", LIMITS.name),
  email: optionalEmail("email"),
});


/** What the schemas need besides the page's own answers. */
export interface StepContext {
  answers: DraftAnswers;
  teams: readonly string[];
}

export function stepSchema(step: StepId, context: StepContext) {
  switch (step) {
    case "kind":
      return kindSchema;
    case "who-are-you":
      return whoAreYouSchema;
    case "about-the-child":
      return aboutTheChildSchema;
    case "child-agrees":
      return childAgreesSchema;
    case "advocate-details":
      return advocateDetailsSchema;
    case "advocate-offer":
      return advocateOfferSchema;
    case "your-details":
      return yourDetailsSchema;
    case "contact": {
      const allowed = contactMethodsFor(context.answers);
      return contactSchema.check(
        fieldIssues((v) => (allowed.includes(v.contactMethod) ? [] : [{ path: "contactMethod", message: "errors.contactMethod.required" }])),
      );
    }
    case "contact-safety":
      return contactSafetyFor(answerOf(context.answers, "contact", "contactMethod"));
    case "support-needs":
      return supportNeedsSchema;
    case "what-happened":
      return whatHappenedSchema;
    case "when-it-happened":
      return whenItHappenedSchema;
    case "why-now":
      return whyNowSchema;
    case "team":
    case "compliment-team":
      return teamSchemaFor(context.teams);
    case "put-right":
      return putRightSchema;
    case "complained-before":
      return complainedBeforeSchema;
    case "court-case":
      return courtCaseSchema;
    case "attachments":
      return attachmentsSchema;
    case "compliment-what":
      return complimentWhatSchema;
    case "compliment-share":
      return complimentShareSchema;
    case "comment-about":
      return commentAboutSchema;
    case "comment-what":
      return commentWhatSchema;
    case "compliment-contact":
    case "comment-contact":
      return optionalContactSchema;
  }
}


/** One answer from a step, if it is a string (answers come from the database as JSON). */

