import { useTranslation } from "react-i18next";
import type { RouteHandle } from "~/components/page-title";

export const handle: RouteHandle = { title: (t) => t("browsingSafely.title") };

const tips = ["exit", "private", "history", "shared"] as const;

export default function BrowsingSafelyPage() {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("browsingSafely.title")}</h1>
        <p className="govuk-body">{t("browsingSafely.intro")}</p>
        <ul className="govuk-list govuk-list--bullet">
          {tips.map((tip) => (
            <li key={tip}>{t(`browsingSafely.${tip}`)}</li>
          ))}
        </ul>
        <p className="govuk-body govuk-!-font-weight-bold">{t("browsingSafely.help")}</p>
      </div>
    </div>
  );
}
