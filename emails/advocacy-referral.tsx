import type { TFunction } from "i18next";
import { renderEmail, type RenderedEmail } from "./layout";

export interface AdvocacyReferralData {
  reference: string;
  councilName: string;
  name: string;
  contactMethod: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  advocateReach: string | null;
  safeToCall: string | null;
  safeToLeaveMessage: string | null;
  timesToAvoid: string | null;
  complaintsTeamPhone: string;
}

/**
 * A young person asked for an advocate and agreed to this referral (section 26A Children Act
 * 1989). It says how to reach them safely, and nothing about the complaint itself.
 */
export function advocacyReferralEmail(t: TFunction, d: AdvocacyReferralData): RenderedEmail {
  const none = t("emails:advocacyReferral.notGiven");
  const yesNo = (v: string | null) => (v === "yes" ? t("emails:advocacyReferral.yes") : v === "no" ? t("emails:advocacyReferral.no") : none);
  return renderEmail({
    lang: "en",
    dir: "ltr",
    subject: t("emails:advocacyReferral.subject", { reference: d.reference, councilName: d.councilName }),
    paragraphs: [
      t("emails:advocacyReferral.intro", { councilName: d.councilName, reference: d.reference }),
      t("emails:advocacyReferral.name", { value: d.name }),
      t("emails:advocacyReferral.contactMethod", { value: t(`form:options.contactMethod.${d.contactMethod}`) }),
      t("emails:advocacyReferral.email", { value: d.email ?? none }),
      t("emails:advocacyReferral.phone", { value: d.phone ?? none }),
      t("emails:advocacyReferral.address", { value: d.address ?? none }),
      ...(d.advocateReach ? [t("emails:advocacyReferral.reach", { value: d.advocateReach })] : []),
      t("emails:advocacyReferral.safeToCall", { value: yesNo(d.safeToCall) }),
      t("emails:advocacyReferral.safeToLeaveMessage", { value: yesNo(d.safeToLeaveMessage) }),
      t("emails:advocacyReferral.timesToAvoid", { value: d.timesToAvoid ?? none }),
      t("emails:advocacyReferral.consent"),
      t("emails:advocacyReferral.questions", { phone: d.complaintsTeamPhone }),
    ],
  });
}
