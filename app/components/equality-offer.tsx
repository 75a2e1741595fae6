import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** On the confirmation page: the optional equality questions, clearly separate from the case. */
export function EqualityOffer() {
  const { t } = useTranslation();
  return (
    <section className="speakup-equality-offer" aria-labelledby="equality-offer">
      <h2 className="govuk-heading-m" id="equality-offer">
        {t("equality.offer.heading")}
      </h2>
      <p className="govuk-body">{t("equality.offer.body")}</p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/equality" data-testid="equality-link">
          {t("equality.offer.link")}
        </Link>
      </p>
    </section>
  );
}
