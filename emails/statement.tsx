import type { TFunction } from "i18next";

export interface StatementSharedLetterData {
  reference: string;
  /** Kept to post: the letter carries the statement's words and asks for an answer by phone or letter. */
  byPost: boolean;
  statement: string;
  councilName: string;
  complaintsTeamPhone: string;
  complaintsTeamEmail: string;
}

/**
 * Tells the person the statement of complaint waits for them (decision record 041). By email it
 * says to read it and answer online (the check link is added to every emailed letter); a letter to
 * post carries the words themselves. `t` is in the person's language and mode.
 */
export function statementSharedLetter(t: TFunction, d: StatementSharedLetterData): { subject: string; body: string } {
  const paragraphs = [
    t("emails:statementShared.intro", { reference: d.reference }),
    t("emails:statementShared.why"),
    ...(d.byPost ? [t("emails:statementShared.byPost"), d.statement, t("emails:statementShared.answerByPost")] : [t("emails:statementShared.online")]),
    t("emails:acknowledgement.help", { phone: d.complaintsTeamPhone, email: d.complaintsTeamEmail }),
    t("emails:signOff", { councilName: d.councilName }),
  ];
  return { subject: t("emails:statementShared.subject", { reference: d.reference }), body: paragraphs.join("\n\n") };
}
