/**
 * Which picture sits beside what in easy read, as data. Pictures are Phosphor icons (MIT, the
 * `@phosphor-icons/core` package), named as Phosphor names them; the "fill" weight is drawn,
 * because solid shapes read more clearly than outlines at 48 px (see decision 027).
 *
 * Every main question (each question a page asks at the top level, which easy read shows one
 * per page) has a picture; questions that open inside an answer (the email box under "Email")
 * belong to their answer and have none.
 */
export const questionPictures = {
  kind: "chats-circle",
  relationship: "user-circle",
  childName: "identification-card",
  childDob: "calendar-blank",
  childAge: "cake",
  childOtherNames: "tag",
  childAgrees: "thumbs-up",
  childAgreesWhyNot: "chat-dots",
  advocateOrganisation: "buildings",
  advocateRole: "identification-badge",
  wantsAdvocate: "users-three",
  fullName: "user",
  contactMethod: "address-book",
  safeToCall: "phone",
  safeToLeaveMessage: "voicemail",
  safeToWrite: "envelope-simple",
  timesToAvoid: "clock",
  adjustments: "hand-heart",
  languageNeeds: "translate",
  description: "note-pencil",
  whenKind: "calendar-dots",
  whyNow: "hourglass",
  team: "users-four",
  workerName: "user-list",
  outcomes: "wrench",
  outcomeOther: "pencil-simple",
  complainedBefore: "arrow-counter-clockwise",
  courtCase: "gavel",
  whatWentWell: "star",
  mayShare: "share-network",
  commentAbout: "signpost",
  comment: "chat-centered-text",
  email: "envelope-simple",
  // The files page is its own route, not drawn from question data; its one question is this.
  attachments: "paperclip",
} as const;

/** The main points told before starting (the start page) and before equality monitoring. */
export const pointPictures = {
  noTrouble: "shield-check",
  advocate: "users-three",
  helper: "hand-heart",
  whatNext: "clock",
  equalityOptional: "chat-circle-text",
  equalityApart: "shield-check",
} as const;

export type QuestionWithPicture = keyof typeof questionPictures;
export type Point = keyof typeof pointPictures;
export type PictureName = (typeof questionPictures)[QuestionWithPicture] | (typeof pointPictures)[Point];

/** The picture for a main question, if it has one. */
export function pictureForQuestion(name: string): PictureName | null {
  return Object.hasOwn(questionPictures, name) ? questionPictures[name as QuestionWithPicture] : null;
}

/** One drawn picture: Phosphor's 256-unit square and the shapes to fill. */
export interface Picture {
  viewBox: string;
  paths: string[];
}
