import { useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RouteHandle } from "~/components/page-title";
import type { loader as publicLoader } from "./_public";

export const handle: RouteHandle = { title: (t) => t("privacy.title") };

export default function PrivacyPage() {
  const { t } = useTranslation();
  const council = useRouteLoaderData<typeof publicLoader>("routes/_public");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("privacy.title")}</h1>
        <p className="govuk-body">{t("privacy.intro", { councilName: council?.councilName })}</p>
        <p className="govuk-body">{t("privacy.who")}</p>
        <p className="govuk-body">{t("privacy.keep")}</p>
        <p className="govuk-body">{t("privacy.equality")}</p>
        <p className="govuk-body">{t("privacy.rights", { phone: council?.complaintsTeamPhone, email: council?.complaintsTeamEmail })}</p>
      </div>
    </div>
  );
}
