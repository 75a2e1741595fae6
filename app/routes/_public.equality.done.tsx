import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RouteHandle } from "~/components/page-title";
import { getDb } from "~/services/db.server";
import { sentRepresentationId } from "~/services/equality.server";

export const handle: RouteHandle = { title: (t) => t("equality.done.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  if ((await sentRepresentationId(getDb(), request)) === null) throw redirect("/");
  return null;
}

export default function EqualityDonePage() {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("equality.done.title")}</h1>
        <p className="govuk-body">{t("equality.done.body")}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/">
            {t("equality.done.home")}
          </Link>
        </p>
      </div>
    </div>
  );
}
