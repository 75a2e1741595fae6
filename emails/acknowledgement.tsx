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

/** Sent to the person who made the representation, if they gave an email address. */
export function acknowledgementEmail(t: TFunction, lang: string, dir: "ltr" | "rtl", d: AcknowledgementData): RenderedEmail {
  const k = `emails:acknowledgement.${d.kind}`;
  return renderEmail({
    lang,
    dir,
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
  });
}
