import type { TFunction } from "i18next";
import { renderEmail, type RenderedEmail } from "./layout";

/** The one-time code for "Check your complaint", in the person's language and mode. Never logged. */
export function checkCodeEmail(t: TFunction, lang: string, dir: "ltr" | "rtl", d: { code: string; minutes: number; councilName: string }): RenderedEmail {
  return renderEmail({
    lang,
    dir,
    subject: t("emails:checkCode.subject", { councilName: d.councilName }),
    paragraphs: [
      t("emails:checkCode.code", { code: d.code }),
      t("emails:checkCode.once", { minutes: d.minutes }),
      t("emails:checkCode.notYou"),
      t("emails:signOff", { councilName: d.councilName }),
    ],
  });
}

/**
 * Tells the complaints team the person asked online for the next stage. Like every email to
 * staff it carries no personal data and none of the person's words: staff read them on the case.
 */
export function nextStageAskedEmail(t: TFunction, d: { reference: string; nextStage: string; askedOn: string; late: boolean; caseUrl: string; restricted?: boolean }): RenderedEmail {
  return renderEmail({
    lang: "en",
    dir: "ltr",
    subject: t("casework:nextStageAskedEmail.subject", { reference: d.reference, stage: d.nextStage }),
    paragraphs: [
      t("casework:nextStageAskedEmail.asked", { reference: d.reference, stage: d.nextStage, date: d.askedOn }),
      ...(d.late ? [t("casework:nextStageAskedEmail.late")] : []),
      t("casework:nextStageAskedEmail.confirm"),
      ...(d.restricted ? [t("casework:personWroteEmail.restricted")] : []),
    ],
    link: { href: d.caseUrl, text: t("casework:nextStageAskedEmail.open") },
  });
}

/** Tells the complaints team the person withdrew, or sent something, online. No personal data. */
export function personWroteEmail(
  t: TFunction,
  d: { reference: string; what: "withdrew" | "sent" | "statement-agreed" | "statement-changes"; caseUrl: string; restricted?: boolean },
): RenderedEmail {
  return renderEmail({
    lang: "en",
    dir: "ltr",
    subject: t(`casework:personWroteEmail.${d.what}.subject`, { reference: d.reference }),
    // A contact restriction's words stay on the case; the email only says there is one (decision record 042).
    paragraphs: [t(`casework:personWroteEmail.${d.what}.body`, { reference: d.reference }), ...(d.restricted ? [t("casework:personWroteEmail.restricted")] : [])],
    link: { href: d.caseUrl, text: t("casework:personWroteEmail.open") },
  });
}
