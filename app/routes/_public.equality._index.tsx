import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EasyReadIcon } from "~/components/easy-read";
import type { RouteHandle } from "~/components/page-title";
import { RichText } from "~/components/rich-text";
import { equalityQuestions } from "~/domain/equality";
import { pointPictures } from "~/domain/form/pictures";
import { getDb } from "~/services/db.server";
import { sentRepresentationId } from "~/services/equality.server";
import { picturesFor } from "~/services/pictures.server";

export const handle: RouteHandle = { title: (t) => t("equality.title") };

/** Optional equality questions, offered only after something has been sent from this browser. */
export async function loader({ request }: LoaderFunctionArgs) {
  if ((await sentRepresentationId(getDb(), request)) === null) throw redirect("/");
  const { equalityOptional, equalityApart } = pointPictures;
  return { pictures: picturesFor({ equalityOptional, equalityApart }) };
}

export default function EqualityStartPage() {
  const { t } = useTranslation();
  const { pictures } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("equality.title")}</h1>
        <ul className="speakup-points__list">
          <li className="speakup-point">
            <EasyReadIcon picture={pictures.equalityOptional} />
            <p className="govuk-body speakup-point__text">
              <RichText text={t("equality.optional")} />
            </p>
          </li>
          <li className="speakup-point">
            <EasyReadIcon picture={pictures.equalityApart} />
            <p className="govuk-body speakup-point__text">
              <RichText text={t("equality.apart")} />
            </p>
          </li>
        </ul>
        <p className="govuk-body">
          <Link to="/privacy" className="govuk-link">
            {t("equality.privacyLink")}
          </Link>
        </p>
        <div className="govuk-button-group">
          <Link to={`/equality/${equalityQuestions[0]}`} role="button" draggable="false" className="govuk-button" data-module="govuk-button">
            {t("equality.start")}
          </Link>
          <Link to="/equality/done" className="govuk-link">
            {t("equality.skip")}
          </Link>
        </div>
      </div>
    </div>
  );
}
