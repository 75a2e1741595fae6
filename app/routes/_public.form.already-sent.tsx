import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RouteHandle } from "~/components/page-title";
import { getDb } from "~/services/db.server";
import { draftIdFrom, findDraft } from "~/services/drafts.server";
import { findRepresentationById } from "~/services/representations.server";

export const handle: RouteHandle = { title: (t) => t("form:alreadySent.title") };

/** Where a second press of "Send" lands: nothing new is created. */
export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const draft = findDraft(db, await draftIdFrom(request));
  const representation = draft?.representationId ? findRepresentationById(db, draft.representationId) : null;
  if (!representation) throw redirect("/");
  return { reference: representation.reference };
}

export default function AlreadySentPage() {
  const { reference } = useLoaderData<typeof loader>();
  const { t } = useTranslation("form");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("alreadySent.title")}</h1>
        <p className="govuk-body">{t("alreadySent.body", { reference })}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/form/kind">
            {t("alreadySent.startAgain")}
          </Link>
        </p>
      </div>
    </div>
  );
}
