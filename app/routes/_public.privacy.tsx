import { useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RouteHandle } from "~/components/page-title";
import { DRAFT_IDLE_DAYS } from "~/services/drafts.server";
import { getDb } from "~/services/db.server";
import { getRetentionSettings } from "~/services/retention.server";
import type { loader as publicLoader } from "./_public";

export const handle: RouteHandle = { title: (t) => t("privacy.title") };

// The periods come from the administrator's retention settings, so the notice changes with them.
export async function loader() {
  return { retention: getRetentionSettings(getDb()), draftDays: DRAFT_IDLE_DAYS };
}

const whatWeKeep = ["whatAnswers", "whatFiles", "whatCase", "whatEquality"] as const;
const whoSees = ["whoTeam", "whoManager", "whoInvestigator", "whoPanel", "whoAdvocacy", "whoOmbudsman", "whoSafeguarding"] as const;

export default function PrivacyPage() {
  const { t } = useTranslation();
  const { retention: r, draftDays } = useLoaderData<typeof loader>();
  const council = useRouteLoaderData<typeof publicLoader>("routes/_public");
  const years = (count: number) => t("privacy.units.years", { count });
  const howLong = [
    t("privacy.keepDrafts", { period: t("privacy.units.days", { count: draftDays }) }),
    t("privacy.keepStatutory", { period: years(r.statutoryComplaintYears) }),
    t("privacy.keepLookedAfter", { period: years(r.lookedAfterComplaintYears) }),
    t("privacy.keepCorporate", { period: years(r.corporateComplaintYears) }),
    t("privacy.keepRefused", { period: years(r.refusedYears) }),
    t("privacy.keepCompliments", { period: years(r.complimentCommentYears) }),
    t("privacy.keepEquality", { period: t("privacy.units.months", { count: r.equalityMonthsAfterYear }) }),
    t("privacy.keepEmails", { period: t("privacy.units.days", { count: r.sentEmailDays }) }),
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("privacy.title")}</h1>
        <p className="govuk-body">{t("privacy.intro", { councilName: council?.councilName })}</p>

        <h2 className="govuk-heading-m">{t("privacy.whatHeading")}</h2>
        <ul className="govuk-list govuk-list--bullet">
          {whatWeKeep.map((key) => (
            <li key={key}>{t(`privacy.${key}`)}</li>
          ))}
        </ul>

        <h2 className="govuk-heading-m">{t("privacy.whyHeading")}</h2>
        <p className="govuk-body">{t("privacy.whyLaw")}</p>
        <p className="govuk-body">{t("privacy.whySpecial")}</p>

        <h2 className="govuk-heading-m">{t("privacy.howLongHeading")}</h2>
        <p className="govuk-body">{t("privacy.howLongIntro")}</p>
        <ul className="govuk-list govuk-list--bullet" data-testid="retention-periods">
          {howLong.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>

        <h2 className="govuk-heading-m">{t("privacy.whoHeading")}</h2>
        <ul className="govuk-list govuk-list--bullet">
          {whoSees.map((key) => (
            <li key={key}>{t(`privacy.${key}`, { advocacy: council?.advocacyProviderName })}</li>
          ))}
        </ul>
        <p className="govuk-body">{t("privacy.whoNever")}</p>

        <h2 className="govuk-heading-m">{t("privacy.rightsHeading")}</h2>
        <p className="govuk-body">{t("privacy.rights", { phone: council?.complaintsTeamPhone, email: council?.complaintsTeamEmail })}</p>
        <p className="govuk-body">{t("privacy.ico")}</p>
      </div>
    </div>
  );
}
