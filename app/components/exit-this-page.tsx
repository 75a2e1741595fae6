import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

/**
 * GOV.UK "Exit this page": a real link that works without JavaScript. With JavaScript, pressing
 * Shift three times also leaves, and the page is replaced in history so Back does not return.
 */
export function ExitThisPage({ href }: { href: string }) {
  const { t } = useTranslation();
  const link = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    const leave = () => {
      document.body.classList.add("speakup-exiting");
      window.location.replace(href);
    };
    let presses = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key !== "Shift") {
        presses = 0;
        return;
      }
      presses += 1;
      clearTimeout(timer);
      timer = setTimeout(() => (presses = 0), 5000);
      if (presses >= 3) leave();
    };
    const onClick = (event: MouseEvent) => {
      event.preventDefault();
      leave();
    };
    const anchor = link.current;
    anchor?.addEventListener("click", onClick);
    document.addEventListener("keyup", onKeyUp);
    return () => {
      anchor?.removeEventListener("click", onClick);
      document.removeEventListener("keyup", onKeyUp);
      clearTimeout(timer);
    };
  }, [href]);

  return (
    <div className="govuk-exit-this-page speakup-exit-this-page">
      <a
        ref={link}
        href={href}
        role="button"
        draggable="false"
        className="govuk-button govuk-button--warning govuk-exit-this-page__button"
        rel="nofollow noreferrer"
        data-testid="exit-this-page"
      >
        <span className="govuk-visually-hidden">{t("exitThisPage.emergency")}</span> {t("exitThisPage.label")}
      </a>
    </div>
  );
}
