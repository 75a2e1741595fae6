import { useTranslation } from "react-i18next";

/**
 * GOV.UK "Exit this page": a real link that works without JavaScript. With JavaScript, GOV.UK
 * Frontend's component (app/browser/exit-this-page.ts) also leaves on Shift pressed three times,
 * saying so to screen readers in the page's language, and the page is replaced in history so Back
 * does not return.
 */
export function ExitThisPage({ href }: { href: string }) {
  const { t } = useTranslation();
  const i18n = {
    "data-i18n.activated": t("exitThisPage.activated"),
    "data-i18n.timed-out": t("exitThisPage.timedOut"),
    "data-i18n.press-two-more-times": t("exitThisPage.pressTwoMoreTimes"),
    "data-i18n.press-one-more-time": t("exitThisPage.pressOneMoreTime"),
  };
  return (
    <div className="govuk-exit-this-page speakup-exit-this-page" data-module="govuk-exit-this-page" {...i18n}>
      <a
        href={href}
        role="button"
        draggable="false"
        className="govuk-button govuk-button--warning govuk-exit-this-page__button govuk-js-exit-this-page-button"
        rel="nofollow noreferrer"
        data-testid="exit-this-page"
      >
        <span className="govuk-visually-hidden">{t("exitThisPage.emergency")}</span> {t("exitThisPage.label")}
      </a>
    </div>
  );
}
