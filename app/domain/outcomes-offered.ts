/**
 * What the e-form offers under "what would put it right". The full outcome-sought list (52
 * entries, db/seed-data/outcomes.json) is for staff coding; the public sees the entries a person
 * is likely to ask for, in plain words (form.json "putRight.options"), each tied to the list's
 * own label so staff coding starts from what was asked.
 */
export const offeredOutcomes = [
  { code: "apology", label: "Apology" },
  { code: "explanation", label: "Explanation" },
  { code: "better-communication", label: "Better communication" },
  { code: "kept-informed", label: "Kept informed" },
  { code: "meeting", label: "Meeting" },
  { code: "decision-review", label: "Case or decision review" },
  { code: "change-worker", label: "Change of social worker or worker" },
  { code: "contact-arrangements", label: "Change to contact arrangements" },
  { code: "more-support", label: "Increase in support" },
  { code: "assessment", label: "Assessment or reassessment" },
  { code: "record-view", label: "Point of view recorded on the child's record" },
  { code: "not-again", label: "Assurance of non-recurrence" },
  { code: "compensation", label: "Compensation" },
  { code: "not-sure", label: "Not specified" },
] as const;

export type OfferedOutcomeCode = (typeof offeredOutcomes)[number]["code"];

export const offeredOutcomeCodes = offeredOutcomes.map((o) => o.code) as [OfferedOutcomeCode, ...OfferedOutcomeCode[]];
