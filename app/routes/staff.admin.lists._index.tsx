import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RouteHandle } from "~/components/page-title";
import { requireStaff } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { listNames } from "~/services/reference-lists.server";

export const handle: RouteHandle = { title: (t) => t("staff:lists.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  await requireStaff(db, request, "admin.settings");
  return { lists: listNames(db) };
}

export default function ListsPage() {
  const { lists } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  return (
    <>
      <h1 className="govuk-heading-l">{t("lists.title")}</h1>
      <p className="govuk-body">{t("lists.intro")}</p>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{t("lists.caption")}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("lists.list")}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("lists.current")}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("lists.retired")}</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {lists.map((l) => (
            <tr className="govuk-table__row" key={l.list}>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`/staff/admin/lists/${l.list}`}>
                  {t(`lists.names.${l.list}`, { defaultValue: l.list })}
                </Link>
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{l.current}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{l.retired}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
