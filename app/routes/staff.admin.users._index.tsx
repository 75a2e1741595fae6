import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CardCell } from "~/components/card-label";
import { SuccessBanner } from "~/components/notification-banner";
import type { RouteHandle } from "~/components/page-title";
import { listStaff } from "~/services/accounts.server";
import { requireStaff } from "~/services/auth.server";
import { getDb } from "~/services/db.server";

export const handle: RouteHandle = { title: (t) => t("staff:users.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  await requireStaff(db, request, "admin.users");
  return { users: listStaff(db) };
}

export default function UsersPage() {
  const { users } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  const [searchParams] = useSearchParams();
  return (
    <>
      {searchParams.get("done") === "invited" ? <SuccessBanner>{t("users.invited")}</SuccessBanner> : null}
      <h1 className="govuk-heading-l">{t("users.title")}</h1>
      <Link to="/staff/admin/users/new" role="button" draggable="false" className="govuk-button" data-module="govuk-button">
        {t("users.invite")}
      </Link>
      {/* Below the tablet width each user is a summary card, as in the inbox. */}
      <div className="speakup-card-list">
        <table className="govuk-table speakup-cards" data-testid="users">
          <caption className="govuk-table__caption govuk-table__caption--m">{t("users.caption", { count: users.length })}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("users.name")}</th>
              <th scope="col" className="govuk-table__header">{t("users.email")}</th>
              <th scope="col" className="govuk-table__header">{t("users.roles")}</th>
              <th scope="col" className="govuk-table__header">{t("users.teams")}</th>
              <th scope="col" className="govuk-table__header">{t("users.status")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {users.map((user) => (
              <tr className="govuk-table__row" key={user.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/staff/admin/users/${user.id}`}>
                    {user.name}
                  </Link>
                </td>
                <CardCell label={t("users.email")} className="speakup-card-anywhere">
                  {user.email}
                </CardCell>
                <CardCell label={t("users.roles")}>
                  {user.roles.map((r) => t(`roles.${r}`)).join(", ")}
                </CardCell>
                <CardCell label={t("users.teams")}>
                  {user.teams.map((team) => team.name).join(", ") || t("account.noTeams")}
                </CardCell>
                <CardCell label={t("users.status")}>
                  <strong className={`govuk-tag ${user.status === "active" ? "govuk-tag--green" : user.status === "invited" ? "govuk-tag--blue" : "govuk-tag--grey"}`}>
                    {t(`users.statuses.${user.status}`)}
                  </strong>
                </CardCell>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
