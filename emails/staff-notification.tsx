import type { TFunction } from "i18next";
import { renderEmail, type RenderedEmail } from "./layout";

export interface StaffNotificationData {
  reference: string;
  kind: string;
  dueOn: string | null;
  caseUrl: string;
}

/**
 * Tells the complaints team something has arrived. It carries no personal data: email leaves
 * the council's systems, so staff read the details in the back office.
 */
export function staffNotificationEmail(t: TFunction, d: StaffNotificationData): RenderedEmail {
  return renderEmail({
    lang: "en",
    dir: "ltr",
    subject: t("emails:staffNotification.subject", { reference: d.reference, kind: d.kind }),
    paragraphs: [
      t("emails:staffNotification.received", { reference: d.reference, kind: d.kind }),
      ...(d.dueOn ? [t("emails:staffNotification.dueBy", { date: d.dueOn })] : []),
    ],
    link: { href: d.caseUrl, text: t("emails:staffNotification.open") },
  });
}
