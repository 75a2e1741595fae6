import type { TFunction } from "i18next";
import { renderEmail, type RenderedEmail } from "./layout";

export interface ReturnLinkData {
  link: string;
  expiresOn: string;
  councilName: string;
}

/**
 * "Save and come back later": the one-time link back to a person's answers. It says nothing
 * about what they wrote, since someone else may read this inbox.
 */
export function returnLinkEmail(t: TFunction, lang: string, dir: "ltr" | "rtl", d: ReturnLinkData): RenderedEmail {
  return renderEmail({
    lang,
    dir,
    subject: t("emails:returnLink.subject", { councilName: d.councilName }),
    paragraphs: [
      t("emails:returnLink.intro", { councilName: d.councilName }),
      t("emails:returnLink.howLong", { date: d.expiresOn }),
      t("emails:returnLink.keepSafe"),
      t("emails:returnLink.notYou"),
      t("emails:signOff", { councilName: d.councilName }),
    ],
    link: { href: d.link, text: t("emails:returnLink.linkText") },
  });
}
