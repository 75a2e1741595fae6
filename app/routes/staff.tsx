import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Footer, Header, SkipLink } from "~/components/layout";
import { homeFor, menuFor } from "~/domain/permissions";
import { getStaff } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { getSettings } from "~/services/settings.server";

// This layout only draws the back office's frame. It protects nothing: every child route's
// loader and action asks for its own permission.
export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const staff = await getStaff(db, request);
  const menu = staff ? menuFor(staff.roles).map(({ key, href }) => ({ key, href })) : [];
  return { councilName: getSettings(db).councilName, staffName: staff?.name ?? null, menu, home: staff ? homeFor(staff.roles) : "/staff" };
}

export default function StaffLayout() {
  const { councilName, staffName, menu, home } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  return (
    <>
      {/* The frame does not print (main.scss): a printed page is its content only. */}
      <div className="speakup-staff-frame">
        <SkipLink />
        <Header councilName={councilName} homeHref={home}>
          {staffName ? (
            <nav className="speakup-staff-nav" aria-label={t("nav.label")}>
              <ul className="speakup-staff-nav__list">
                {menu.map((entry) => (
                  <li key={entry.key}>
                    <Link className="govuk-link govuk-link--inverse" to={entry.href}>
                      {t(`nav.${entry.key}`)}
                    </Link>
                  </li>
                ))}
                <li>
                  <span className="speakup-staff-nav__name">{staffName}</span>
                </li>
                <li>
                  <Form method="post" action="/staff/sign-out">
                    <button type="submit" className="speakup-link-button govuk-link--inverse">
                      {t("nav.signOut")}
                    </button>
                  </Form>
                </li>
              </ul>
            </nav>
          ) : null}
        </Header>
      </div>
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content">
          <Outlet />
        </main>
      </div>
      <Footer />
    </>
  );
}
