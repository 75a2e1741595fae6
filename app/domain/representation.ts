/** What the person is sending. */
export const representationKinds = ["complaint", "compliment", "comment"] as const;
export type RepresentationKind = (typeof representationKinds)[number];

/** Who is making the representation, as the portal asks it ("who are you?"). */
export const relationships = [
  "young-person",
  "parent",
  "foster-carer",
  "special-guardian",
  "relative",
  "advocate",
  "professional",
  "someone-else",
] as const;
export type Relationship = (typeof relationships)[number];

/** The procedure a complaint is handled under, decided by staff at triage. */
export const processes = ["statutory", "corporate", "other"] as const;
export type Process = (typeof processes)[number];

/** How the council received it, in the words of the annual report (methods-received list). */
export const METHOD_EFORM = "E-form";
export const METHOD_YOUNG_PERSONS_EFORM = "Young person's e-form";
