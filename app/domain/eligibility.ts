import * as z from "zod/mini";
import { cleanLine, cleanMultiline } from "./form/fields";

/**
 * Who may use the statutory children's social care complaints procedure (section 26(3) Children
 * Act 1989) and what is routed elsewhere, as staff decide it at triage (db/seed-data/eligibility.json).
 * The rules are here and nowhere else: the triage page shows what they say, and the decision page
 * offers only what they allow.
 */

/** The child's position: the statutory procedure covers children looked after or in need. */
export const childStatuses = ["looked-after", "in-need", "care-leaver", "adoption-or-special-guardianship", "none"] as const;
export type ChildStatus = (typeof childStatuses)[number];

/** What must be routed elsewhere, or may be refused, whatever the complainant's standing. */
export const exclusions = [
  "court-proceedings",
  "criminal-proceedings",
  "tribunal-proceedings",
  "disciplinary-proceedings",
  "section-47",
  "other-statutory-route",
  "another-council",
  "repeat",
] as const;
export type Exclusion = (typeof exclusions)[number];
export const NO_EXCLUSIONS = "none";

const yesNo = ["yes", "no"] as const;
export const consentAnswers = ["yes", "no", "cannot-give"] as const;

/**
 * How a "received from" value (reference list "received-from") stands under section 26(3).
 * `listed`: may complain in their own right (parents, foster carers, special guardians, people
 * involved in adoption). `child`: the child or care leaver. `advocate`: acts for the child, with
 * their agreement. Anyone else needs parental responsibility or a decision on sufficient interest.
 * Read from the value's code (db/seed-data/received-from.json), never its label: a council may
 * rename "Parent", and that must not change who has to show parental responsibility.
 */
export type Standing = "child" | "listed" | "advocate" | "other";

/** Received-from codes of the child or young person themselves (the report counts their complaints apart). */
export const childCodes = ["child", "young-person-in-care", "care-leaver"] as const;
const CHILD = new Set<string>(childCodes);
const LISTED = new Set(["parent", "non-resident-parent", "adopter", "special-guardian", "foster-carer", "prospective-adopter-or-foster-carer", "birth-parent-of-adopted-child"]);

export function standingOf(a: Pick<EligibilityAnswers, "receivedFrom" | "receivedFromCode">): Standing | null {
  if (!a.receivedFrom) return null;
  const code = a.receivedFromCode;
  if (code && CHILD.has(code)) return "child";
  if (code && LISTED.has(code)) return "listed";
  if (code === "advocate") return "advocate";
  // Includes values a council adds later (their generated codes, decision record 048, are none of
  // these): the safe default is to ask about standing.
  return "other";
}

export interface EligibilityAnswers {
  receivedFrom?: string;
  /** The chosen value's code, recorded by the service when the checklist is saved (never from the form). */
  receivedFromCode?: string;
  childStatus?: ChildStatus[];
  parentalResponsibility?: "yes" | "no";
  sufficientInterest?: "yes" | "no";
  sufficientInterestReason?: string;
  childConsent?: (typeof consentAnswers)[number];
  childConsentNote?: string;
  withinTwelveMonths?: "yes" | "no";
  discretion?: "yes" | "no";
  discretionReason?: string;
  exclusions?: Array<Exclusion | typeof NO_EXCLUSIONS>;
}

/** Ways a representation can be decided at triage. */
export const decisions = ["statutory-stage1", "early-resolution", "case-concern", "corporate", "refuse"] as const;
export type Decision = (typeof decisions)[number];

/** A question still to answer before a process can be chosen (field names of the checklist). */
export type Missing =
  | "receivedFrom"
  | "childStatus"
  | "parentalResponsibility"
  | "sufficientInterest"
  | "sufficientInterestReason"
  | "childConsent"
  | "childConsentNote"
  | "withinTwelveMonths"
  | "discretion"
  | "discretionReason"
  | "exclusions";

/** Why the statutory (or any) process is closed, for staff to read. */
export type Blocker =
  | "not-social-care"
  | "no-standing"
  | "no-consent"
  | "out-of-time"
  | Exclusion;

export interface Assessment {
  standing: Standing | null;
  /** Questions to answer (in checklist order) before the statutory process can be chosen. */
  missing: Missing[];
  /** Reasons the statutory process is closed. */
  statutoryBlockers: Blocker[];
  /** Reasons the corporate process is closed too. */
  corporateBlockers: Blocker[];
  allowed: Decision[];
  /** Labels from the refusal-reason lists that fit what was found. */
  suggestedRefusalReasons: { statutory: string[]; corporate: string[] };
}

const SOCIAL_CARE: readonly ChildStatus[] = ["looked-after", "in-need", "care-leaver", "adoption-or-special-guardianship"];

/** The person must agree to early resolution or a case concern instead of a formal complaint. */
export const NEEDS_PERSON_AGREEMENT: readonly Decision[] = ["early-resolution", "case-concern"];

/**
 * Reads the checklist and says what may be decided. Refusal is always open (with a reason);
 * the statutory process needs every question answered and nothing against it; the corporate
 * process needs the time limit and exclusions answered and nothing against those.
 */
export function assessEligibility(a: EligibilityAnswers): Assessment {
  const standing = standingOf(a);
  const missing: Missing[] = [];
  const statutory: Blocker[] = [];
  const corporate: Blocker[] = [];

  if (!standing) missing.push("receivedFrom");

  const statuses = a.childStatus ?? [];
  if (statuses.length === 0) missing.push("childStatus");
  else if (!statuses.some((s) => SOCIAL_CARE.includes(s))) statutory.push("not-social-care");

  // Someone who is neither the child nor on the statutory list: parental responsibility, or the
  // council's decision on sufficient interest (with its reason, since a refusal is put in writing).
  let actsForChild = standing === "advocate";
  if (standing === "other") {
    if (!a.parentalResponsibility) missing.push("parentalResponsibility");
    else if (a.parentalResponsibility === "no") {
      actsForChild = true;
      if (!a.sufficientInterest) missing.push("sufficientInterest");
      else if (a.sufficientInterest === "no") statutory.push("no-standing");
      if (a.sufficientInterest && !a.sufficientInterestReason) missing.push("sufficientInterestReason");
    }
  }

  // An advocate or other adult acting for a child should have the child's agreement.
  if (actsForChild) {
    if (!a.childConsent) missing.push("childConsent");
    else if (a.childConsent === "no") statutory.push("no-consent");
    else if (a.childConsent === "cannot-give" && !a.childConsentNote) missing.push("childConsentNote");
  }

  // 12 months from the matter, unless the council uses its discretion (and says why).
  if (!a.withinTwelveMonths) missing.push("withinTwelveMonths");
  else if (a.withinTwelveMonths === "no") {
    if (!a.discretion) missing.push("discretion");
    else {
      if (!a.discretionReason) missing.push("discretionReason");
      if (a.discretion === "no") {
        statutory.push("out-of-time");
        corporate.push("out-of-time");
      }
    }
  }

  const excluded = (a.exclusions ?? []).filter((e): e is Exclusion => e !== NO_EXCLUSIONS);
  if ((a.exclusions ?? []).length === 0) missing.push("exclusions");
  statutory.push(...excluded);
  corporate.push(...excluded);

  const corporateMissing = missing.some((m) => m === "withinTwelveMonths" || m === "discretion" || m === "discretionReason" || m === "exclusions");
  const statutoryOpen = missing.length === 0 && statutory.length === 0;
  const corporateOpen = !corporateMissing && corporate.length === 0;
  const allowed: Decision[] = [
    ...(statutoryOpen ? (["statutory-stage1", "early-resolution", "case-concern"] as const) : []),
    ...(corporateOpen ? (["corporate"] as const) : []),
    "refuse",
  ];
  return {
    standing,
    missing,
    statutoryBlockers: statutory,
    corporateBlockers: corporate,
    allowed,
    suggestedRefusalReasons: suggestions(statutory),
  };
}

// Labels as in db/seed-data/refusal-reasons.json; a council that renames them loses only the hint.
const STATUTORY_REASON: Partial<Record<Blocker, string>> = {
  "court-proceedings": "Court proceedings",
  "criminal-proceedings": "Criminal proceedings",
  "tribunal-proceedings": "Court proceedings",
  "no-standing": "No parental responsibility",
  "no-consent": "Not in the best interest of the child / age of child or young person",
  "out-of-time": "Out of time",
  repeat: "Repeat complaint",
  "section-47": "Outside of remit",
  "other-statutory-route": "Outside of remit",
  "another-council": "Outside of remit",
  "disciplinary-proceedings": "Outside of remit",
  "not-social-care": "Outside of remit",
};
const CORPORATE_REASON: Partial<Record<Blocker, string>> = {
  "court-proceedings": "Tribunal or court proceedings",
  "tribunal-proceedings": "Tribunal or court proceedings",
  "no-standing": "No parental responsibility",
  "no-consent": "Not in the best interest of the child / age of child or young person",
  "out-of-time": "Out of time",
  repeat: "Repeat complaint",
  "other-statutory-route": "Out of remit (appeal route exists)",
};

function suggestions(blockers: Blocker[]) {
  const pick = (map: Partial<Record<Blocker, string>>) => [...new Set(blockers.flatMap((b) => (map[b] ? [map[b]] : [])))];
  return { statutory: pick(STATUTORY_REASON), corporate: pick(CORPORATE_REASON) };
}

/** Which decisions are open, given the checklist and the decision's own answers. */
export function mayDecide(decision: Decision, assessment: Assessment): boolean {
  return assessment.allowed.includes(decision);
}

// The checklist form, shared by the server and the browser. Every question is optional here: a
// checklist can be saved part-done, and assessEligibility says what is still missing.
const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.optional(z.enum(values, { error: "casework:errors.invalidChoice" }));
const reason = (key: string) =>
  z.optional(z.string().check(z.overwrite(cleanMultiline), z.maxLength(1000, `casework:errors.${key}.tooLong`)));

export const eligibilitySchema = z.object({
  receivedFrom: z.optional(z.string().check(z.overwrite(cleanLine), z.maxLength(200, "casework:errors.invalidChoice"))),
  childStatus: z.optional(z.array(z.enum(childStatuses, { error: "casework:errors.invalidChoice" }))),
  parentalResponsibility: optionalChoice(yesNo),
  sufficientInterest: optionalChoice(yesNo),
  sufficientInterestReason: reason("sufficientInterestReason"),
  childConsent: optionalChoice(consentAnswers),
  childConsentNote: reason("childConsentNote"),
  withinTwelveMonths: optionalChoice(yesNo),
  discretion: optionalChoice(yesNo),
  discretionReason: reason("discretionReason"),
  exclusions: z.optional(z.array(z.enum([...exclusions, NO_EXCLUSIONS], { error: "casework:errors.invalidChoice" }))),
});

const storedEligibilitySchema = z.extend(eligibilitySchema, { receivedFromCode: z.optional(z.string()) });

/** Reads a stored checklist defensively (it is JSON from the database). */
export function readEligibility(value: unknown): EligibilityAnswers {
  const parsed = storedEligibilitySchema.safeParse(value ?? {});
  return parsed.success ? (parsed.data as EligibilityAnswers) : {};
}
