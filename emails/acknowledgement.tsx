import type { TFunction } from "i18next";
import type { RepresentationKind } from "../app/domain/representation";
import { renderEmail, type RenderedEmail } from "./layout";

export interface AcknowledgementData {
  kind: RepresentationKind;
  reference: string;
  dueOn: string | null;
  councilName: string;
  complaintsTeamPhone: string;
  complaintsTeamEmail: string;
  /** Set when a young person asked for an advocate. */
  advocacyProviderName: string | null;
}

/**
 * The acknowledgement's words: emailed to the person who made the representation, or kept as a
 * letter to print and post when they asked for post or gave no email (decision record 023).
 */
export function acknowledgementLetter(t: TFunction, d: AcknowledgementData): { subject: string; paragraphs: string[] } {
  const k = `emails:acknowledgement.${d.kind}`;
  return {
    subject: t(`${k}.subject`, { reference: d.reference, councilName: d.councilName }),
    paragraphs: [
      t(`${k}.thanks`),
      t("emails:acknowledgement.reference", { reference: d.reference }),
      ...(d.dueOn ? [t("emails:acknowledgement.dueBy", { date: d.dueOn })] : []),
      t(`${k}.whatNext`),
      ...(d.advocacyProviderName ? [t("emails:acknowledgement.advocate", { provider: d.advocacyProviderName })] : []),
      t("emails:acknowledgement.help", { phone: d.complaintsTeamPhone, email: d.complaintsTeamEmail }),
      t("emails:signOff", { councilName: d.councilName }),
    ],
  };
}

/** Sent to the person who made the representation, when they want email and gave an address. */
export function acknowledgementEmail(t: TFunction, lang: string, dir: "ltr" | "rtl", d: AcknowledgementData): RenderedEmail {
  return renderEmail({ lang, dir, ...acknowledgementLetter(t, d) });
}
