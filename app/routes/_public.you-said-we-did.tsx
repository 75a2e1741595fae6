import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RouteHandle } from "~/components/page-title";
import { getDb } from "~/services/db.server";
import { publishedImprovements } from "~/services/learning.server";
import { getSettings } from "~/services/settings.server";

export const handle: RouteHandle = { title: (t) => t("youSaid.title") };

/**
 * "You said, we did" (decision record 029): what people told the council and what it changed, as
 * staff wrote it for publication, in their words (the page around it is translated). Not found
 * unless the council switched it on in its settings.
 */
export async function loader() {
  const db = getDb();
  if (getSettings(db).publishImprovements !== "yes") throw new Response("Not found", { status: 404 });
  return { improvements: publishedImprovements(db) };
}

export default function YouSaidWeDidPage() {
  const { t } = useTranslation();
  const { improvements } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("youSaid.title")}</h1>
        <p className="govuk-body-l">{t("youSaid.intro")}</p>
        {improvements.length === 0 ? (
          <p className="govuk-body">{t("youSaid.none")}</p>
        ) : (
          <ul className="govuk-list" data-testid="improvements">
            {improvements.map((i) => (
              <li key={i.id} className="govuk-!-margin-bottom-6">
                <dl className="govuk-summary-list">
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">{t("youSaid.heard")}</dt>
                    <dd className="govuk-summary-list__value speakup-preserve-lines" lang="en">
                      {i.heard}
                    </dd>
                  </div>
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">{t("youSaid.changed")}</dt>
                    <dd className="govuk-summary-list__value speakup-preserve-lines" lang="en">
                      {i.changed}
                    </dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
