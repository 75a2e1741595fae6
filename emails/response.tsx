import type { TFunction } from "i18next";
import { reasonKey } from "./refusal";

export interface ResponseLetterData {
  reference: string;
  /** A label from the "finding" list; the seeded ones have words in each language, others are quoted. */
  finding: string;
  /** Its code (decision record 028), which chooses the words, so a renamed label still reads well. */
  findingCode?: string | null;
  /** The last day to ask for the next stage, written in the person's language, when there is a next council stage. */
  askBy: string | null;
  /** After the council's final stage (statutory Stage 3, corporate Stage 2): who the person may go to next. */
  ombudsman?: { name: string; website: string; phone: string } | null;
  councilName: string;
  complaintsTeamPhone: string;
  complaintsTeamEmail: string;
}

/**
 * The response letter's first draft, in the person's language and mode (`t` is already in them):
 * what was found, a place for the manager's own account, and how to ask for the next stage and
 * by when (after the council's final stage: the Ombudsman's details). Staff edit it before it goes; paragraphs are separated by blank lines.
 */
export function responseLetterDraft(t: TFunction, d: ResponseLetterData): { subject: string; body: string } {
  const found = t(`emails:response.findings.${d.findingCode ?? reasonKey(d.finding)}`, { defaultValue: "" }) || t("emails:response.findingFallback", { finding: d.finding });
  const paragraphs = [
    t("emails:response.intro", { reference: d.reference }),
    found,
    t("emails:response.details"),
    ...(d.askBy ? [t("emails:response.nextStage", { date: d.askBy, phone: d.complaintsTeamPhone, email: d.complaintsTeamEmail })] : []),
    ...(d.ombudsman ? [t("emails:response.ombudsman", d.ombudsman)] : []),
    t("emails:acknowledgement.help", { phone: d.complaintsTeamPhone, email: d.complaintsTeamEmail }),
    t("emails:signOff", { councilName: d.councilName }),
  ];
  return { subject: t("emails:response.subject", { reference: d.reference }), body: paragraphs.join("\n\n") };
}
