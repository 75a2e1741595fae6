import type { TFunction } from "i18next";
import { renderEmail, type RenderedEmail } from "./layout";

/**
 * Emails about a staff account: an invitation, and a password reset. Each carries a one-time link
 * and nothing else about the account. Their words are in the staff namespace, under "emails".
 */
export function invitationEmail(t: TFunction, d: { name: string; councilName: string; link: string; expiresInDays: number }): RenderedEmail {
  return renderEmail({
    lang: "en",
    dir: "ltr",
    subject: t("staff:emails.invitation.subject", { councilName: d.councilName }),
    paragraphs: [
      t("staff:emails.invitation.greeting", { name: d.name }),
      t("staff:emails.invitation.body", { councilName: d.councilName }),
      t("staff:emails.invitation.expiry", { count: d.expiresInDays }),
      t("staff:emails.notYou"),
    ],
    link: { href: d.link, text: t("staff:emails.invitation.link") },
  });
}

export function passwordResetEmail(t: TFunction, d: { councilName: string; link: string; expiresInMinutes: number }): RenderedEmail {
  return renderEmail({
    lang: "en",
    dir: "ltr",
    subject: t("staff:emails.passwordReset.subject", { councilName: d.councilName }),
    paragraphs: [
      t("staff:emails.passwordReset.body"),
      t("staff:emails.passwordReset.expiry", { count: d.expiresInMinutes }),
      t("staff:emails.notYou"),
    ],
    link: { href: d.link, text: t("staff:emails.passwordReset.link") },
  });
}
