import { useTranslation } from "react-i18next";

/**
 * Where "Read this page to me" goes: app/browser/read-aloud.ts draws the button here once
 * JavaScript runs, and only where the browser can speak the page's language.
 */
export function ReadAloud() {
  const { t } = useTranslation();
  return <div className="speakup-read-aloud-slot" data-module="speakup-read-aloud" data-start={t("readAloud.start")} data-stop={t("readAloud.stop")} />;
}
