import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
      {t("skipLink")}
    </a>
  );
}

/** `container` swaps the public reading column for another width (the back office's full width). */
export function Header({ councilName, homeHref, children, container = "govuk-width-container" }: { councilName: string; homeHref: string; children?: ReactNode; container?: string }) {
  const { t } = useTranslation();
  return (
    <header className="govuk-generic-header speakup-header">
      <div className={`govuk-generic-header__container ${container} speakup-header__container`}>
        <div className="govuk-generic-header__logo">
          <Link to={homeHref} className="govuk-generic-header__homepage-link speakup-header__link">
            <span className="speakup-header__council">{councilName}</span>
            <span className="speakup-header__service">{t("serviceName")}</span>
          </Link>
        </div>
        {children}
      </div>
    </header>
  );
}

export function Footer({ children, container = "govuk-width-container" }: { children?: ReactNode; container?: string }) {
  const { t } = useTranslation();
  return (
    <footer className="govuk-footer">
      <div className={container}>
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">{t("footer.heading")}</h2>
            {children}
          </div>
        </div>
      </div>
    </footer>
  );
}

export function BackLink({ to }: { to: string }) {
  const { t } = useTranslation();
  return (
    <Link to={to} className="govuk-back-link">
      {t("back")}
    </Link>
  );
}
