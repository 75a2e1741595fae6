import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export interface SummaryRow {
  key: string;
  label: ReactNode;
  value: ReactNode;
  changeHref?: string;
  changeLabel?: string;
}

/** GOV.UK summary list; values are text, so line breaks are kept with CSS, never as HTML. */
export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  const { t } = useTranslation();
  const withActions = rows.some((r) => r.changeHref);
  return (
    <dl className="govuk-summary-list">
      {rows.map((row) => (
        <div className={withActions && !row.changeHref ? "govuk-summary-list__row govuk-summary-list__row--no-actions" : "govuk-summary-list__row"} key={row.key}>
          <dt className="govuk-summary-list__key">{row.label}</dt>
          <dd className="govuk-summary-list__value speakup-preserve-lines">{row.value}</dd>
          {row.changeHref ? (
            <dd className="govuk-summary-list__actions">
              <Link className="govuk-link" to={row.changeHref}>
                {t("change")}
                <span className="govuk-visually-hidden"> {row.changeLabel}</span>
              </Link>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
