import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** GOV.UK's success notification banner, for "what you did worked" after a redirect. */
export function SuccessBanner({ children }: { children: ReactNode }) {
  const { t } = useTranslation("staff");
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="success-banner-title" data-module="govuk-notification-banner">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="success-banner-title">
          {t("signIn.successTitle")}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{children}</p>
      </div>
    </div>
  );
}
