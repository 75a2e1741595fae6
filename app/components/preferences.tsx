import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { languageNames, supportedLanguages, textDirection, type Language, type Mode } from "~/i18n/i18n";
import { ReadAloud } from "./read-aloud";

/** The same page with one setting changed: ?lang= or ?mode= is remembered, then dropped. */
export function switchHref(pathname: string, search: string, name: "lang" | "mode", value: string): string {
  const params = new URLSearchParams(search);
  params.delete("lang");
  params.delete("mode");
  params.set(name, value);
  return `${pathname}?${params.toString()}`;
}

/**
 * GOV.UK language navigation: each language named in its own language, with its `lang`. These are
 * plain links (a full page load) so the whole page, and the browser's i18n, change together.
 */
export function LanguageSwitcher({ current }: { current: Language }) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  return (
    <nav className="govuk-language-navigation speakup-language-navigation" aria-label={t("languageSwitcher.label")}>
      <ul className="govuk-language-navigation__list">
        {supportedLanguages.map((code) => (
          <li className="govuk-language-navigation__list-item" key={code}>
            {code === current ? (
              <span className="govuk-language-navigation__text" aria-current="true" lang={code} dir={textDirection(code)}>
                {languageNames[code]}
              </span>
            ) : (
              <a
                className="govuk-language-navigation__link"
                href={switchHref(pathname, search, "lang", code)}
                rel="alternate"
                lang={code}
                hrefLang={code}
                dir={textDirection(code)}
              >
                {languageNames[code]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Easy read on or off, on every public page; remembered like the language. */
export function EasyReadSwitch({ mode }: { mode: Mode }) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const easy = mode === "easy-read";
  return (
    <p className="govuk-body speakup-mode-switch">
      <a className="govuk-link" href={switchHref(pathname, search, "mode", easy ? "standard" : "easy-read")} data-testid="mode-switch">
        {easy ? t("mode.switchToStandard") : t("mode.switchToEasyRead")}
      </a>
    </p>
  );
}

/** The bar above every public page: languages, easy read, and (in easy read) read aloud. */
export function PreferencesBar({ language, mode, easyReadUnavailable }: { language: Language; mode: Mode; easyReadUnavailable: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="speakup-preferences">
      <LanguageSwitcher current={language} />
      <EasyReadSwitch mode={mode} />
      {easyReadUnavailable ? (
        <p className="govuk-body speakup-preferences__note" data-testid="easy-read-unavailable">
          {t("mode.notInThisLanguage")}
        </p>
      ) : null}
      {mode === "easy-read" ? <ReadAloud /> : null}
    </div>
  );
}
