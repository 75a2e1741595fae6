import type { TFunction } from "i18next";

export interface ExtensionLetterData {
  reference: string;
  /** Why, as a code (app/domain/stage-clocks.ts extensionReasons): the person reads it in their words. */
  reason: string;
  /** The new date, already written out in the person's language. */
  newDate: string;
  councilName: string;
  complaintsTeamPhone: string;
  complaintsTeamEmail: string;
}

/**
 * Tells the person their reply will come later, why and by when (Children Act 1989 Representations
 * Procedure (England) Regulations 2006, regulation 14: the person is told of an extension).
 * `t` is already in the person's language and mode.
 */
export function extensionLetter(t: TFunction, d: ExtensionLetterData): { subject: string; body: string } {
  const paragraphs = [
    t("emails:extension.intro", { reference: d.reference }),
    t(`emails:extension.reasons.${d.reason}`),
    t("emails:extension.newDate", { date: d.newDate }),
    t("emails:acknowledgement.help", { phone: d.complaintsTeamPhone, email: d.complaintsTeamEmail }),
    t("emails:signOff", { councilName: d.councilName }),
  ];
  return { subject: t("emails:extension.subject", { reference: d.reference }), body: paragraphs.join("\n\n") };
}
