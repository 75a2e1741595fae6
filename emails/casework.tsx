import type { TFunction } from "i18next";
import { renderEmail, type RenderedEmail } from "./layout";

/** To a responding manager: no personal data, they read the case in the back office. */
export function assignmentEmail(t: TFunction, d: { reference: string; team: string; dueOn: string | null; caseUrl: string }): RenderedEmail {
  return renderEmail({
    lang: "en",
    dir: "ltr",
    subject: t("casework:emails.assigned.subject", { reference: d.reference }),
    paragraphs: [
      t("casework:emails.assigned.body", { reference: d.reference, team: d.team }),
      ...(d.dueOn ? [t("casework:emails.assigned.dueBy", { date: d.dueOn })] : []),
    ],
    link: { href: d.caseUrl, text: t("casework:emails.assigned.open") },
  });
}

/** A compliment passed on to the team it praises; sent only when the person agreed to sharing. */
export function complimentEmail(t: TFunction, d: { reference: string; team: string; words: string; worker: string | null }): RenderedEmail {
  return renderEmail({
    lang: "en",
    dir: "ltr",
    subject: t("casework:emails.compliment.subject", { team: d.team }),
    paragraphs: [
      t("casework:emails.compliment.intro", { team: d.team, reference: d.reference }),
      ...(d.worker ? [t("casework:emails.compliment.worker", { worker: d.worker })] : []),
      d.words,
      t("casework:emails.compliment.thanks"),
    ],
  });
}
