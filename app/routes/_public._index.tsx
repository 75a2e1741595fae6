import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { YoungPersonPoints } from "~/components/easy-read";
import type { RouteHandle } from "~/components/page-title";
import { pointPictures } from "~/domain/form/pictures";
import { representationKinds } from "~/domain/representation";
import { getMode } from "~/i18n/language.server";
import { picturesFor } from "~/services/pictures.server";
import type { loader as rootLoader } from "~/root";
import type { loader as publicLoader } from "./_public";

export const handle: RouteHandle = { title: (t) => t("start.title") };

/** Easy read's pictures come with the page's data, drawn into the HTML (no icon code in the browser). */
export async function loader({ request }: LoaderFunctionArgs) {
  if ((await getMode(request)) !== "easy-read") return { pictures: {} };
  const { noTrouble, advocate, helper, whatNext } = pointPictures;
  return { pictures: picturesFor({ noTrouble, advocate, helper, whatNext }) };
}

export default function StartPage() {
  const { t } = useTranslation();
  const { pictures } = useLoaderData<typeof loader>();
  const council = useRouteLoaderData<typeof publicLoader>("routes/_public");
  const easyRead = useRouteLoaderData<typeof rootLoader>("root")?.mode === "easy-read";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{t("start.title")}</h1>
        <p className="govuk-body-l">{t("start.lead")}</p>
        {easyRead ? (
          <YoungPersonPoints pictures={pictures} advocacyProvider={council?.advocacyProviderName} advocacyPhone={council?.advocacyProviderPhone} />
        ) : (
          <div className="govuk-inset-text speakup-young-person-entry">
            <h2 className="govuk-heading-s">{t("start.youngPerson.heading")}</h2>
            <p className="govuk-body">
              <a className="govuk-link" href="/?mode=easy-read" data-testid="easy-read-entry">
                {t("start.youngPerson.link")}
              </a>
            </p>
          </div>
        )}
        <p className="govuk-body">{t("start.youCan")}</p>
        <ul className="govuk-list govuk-list--bullet">
          {representationKinds.map((kind) => (
            <li key={kind}>{t(`start.kinds.${kind}`)}</li>
          ))}
        </ul>
        <p className="govuk-body">{t("start.takes")}</p>
        <Link to="/form/kind" role="button" draggable="false" className="govuk-button govuk-button--start" data-module="govuk-button">
          {t("start.button")}
          <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
            <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
          </svg>
        </Link>
        <p className="govuk-body">
          <Link className="govuk-link" to="/check" data-testid="check-entry">
            {t("check:start.link")}
          </Link>
        </p>

        <h2 className="govuk-heading-m">{t("start.whoHeading")}</h2>
        <p className="govuk-body">{t("start.whoBody")}</p>
        <p className="govuk-body">{t("start.whoOthers")}</p>
        <div className="govuk-inset-text">{t("start.noTrouble")}</div>

        <h2 className="govuk-heading-m">{t("start.timesHeading")}</h2>
        <p className="govuk-body">{t("start.times")}</p>

        <h2 className="govuk-heading-m">{t("start.advocateHeading")}</h2>
        <p className="govuk-body">
          {t("start.advocate", {
            provider: council?.advocacyProviderName,
            phone: council?.advocacyProviderPhone,
            email: council?.advocacyProviderEmail,
          })}
        </p>

        <h2 className="govuk-heading-m" id="other-ways">
          {t("start.otherWaysHeading")}
        </h2>
        <p className="govuk-body">{t("start.otherWays", { phone: council?.complaintsTeamPhone, email: council?.complaintsTeamEmail })}</p>
        {council?.publishImprovements ? (
          <p className="govuk-body">
            <Link className="govuk-link" to="/you-said-we-did">
              {t("youSaid.startLink")}
            </Link>
          </p>
        ) : null}
        <p className="govuk-body">
          <Link className="govuk-link" to="/privacy">
            {t("start.privacy")}
          </Link>
        </p>
      </div>
    </div>
  );
}
