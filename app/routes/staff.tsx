import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, Outlet, useLoaderData, useLocation, useRouteError, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { errorPageKey } from "~/components/error-page";
import { Footer, Header, SkipLink } from "~/components/layout";
import { homeFor, menuFor } from "~/domain/permissions";
import { getStaff } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { getSettings } from "~/services/settings.server";
import staffStylesHref from "~/styles/generated/staff.css";

// The MoJ Frontend components, for staff pages only (decision record 034): public pages never load them.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: staffStylesHref }];

// This layout only draws the back office's frame. It protects nothing: every child route's
// loader and action asks for its own permission.
export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const staff = await getStaff(db, request);
  const menu = staff ? menuFor(staff.roles).map(({ key, href }) => ({ key, href })) : [];
  return { councilName: getSettings(db).councilName, staffName: staff?.name ?? null, menu, home: staff ? homeFor(staff.roles) : "/staff" };
}

type StaffFrameData = Awaited<ReturnType<typeof loader>>;

export default function StaffLayout() {
  return (
    <StaffFrame data={useLoaderData<typeof loader>()}>
      <Outlet />
    </StaffFrame>
  );
}

// A "Page not found" or any other error in the back office keeps the staff header and the
// signed-in person's menu, so they can carry on from where they are. The layout's own data is
// kept when a page below it fails; if this loader failed, the frame is drawn without a menu.
export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("routes/staff");
  const { t } = useTranslation();
  const { t: ts } = useTranslation("staff");
  const key = errorPageKey(error);
  return (
    <StaffFrame data={data ?? { councilName: "", staffName: null, menu: [], home: "/staff" }}>
      <h1 className="govuk-heading-l">{t(`errorPages.${key}.title`)}</h1>
      <p className="govuk-body">{t(`errorPages.${key}.body`)}</p>
      <p className="govuk-body">
        <Link className="govuk-link" to={data?.home ?? "/staff"}>
          {ts(data?.staffName ? "errorPage.home" : "errorPage.signIn")}
        </Link>
      </p>
    </StaffFrame>
  );
}

/** The menu entry a page belongs to: the longest menu address that starts its path ("/staff" holds the cases). */
function currentMenuHref(pathname: string, hrefs: readonly string[]): string | null {
  const path = pathname.replace(/\/+$/, "") || "/";
  const matches = hrefs.filter((href) => path === href || path.startsWith(`${href}/`));
  return matches.sort((a, b) => b.length - a.length)[0] ?? null;
}

function StaffFrame({ data, children }: { data: StaffFrameData; children: ReactNode }) {
  const { councilName, staffName, menu, home } = data;
  const { t } = useTranslation("staff");
  const { pathname } = useLocation();
  const current = currentMenuHref(pathname, menu.map((entry) => entry.href));
  return (
    <>
      {/* The frame does not print (main.scss, staff.scss): a printed page is its content only. */}
      <div className="speakup-staff-frame">
        <SkipLink />
        <Header councilName={councilName} homeHref={home} container="speakup-staff-width">
          {staffName ? <span className="speakup-staff-header__account">{staffName}</span> : null}
        </Header>
        {staffName ? (
          <div className="moj-primary-navigation">
            <div className="moj-primary-navigation__container">
              <div className="moj-primary-navigation__nav">
                <nav className="moj-primary-navigation" aria-label={t("nav.label")}>
                  <ul className="moj-primary-navigation__list">
                    {menu.map((entry) => (
                      <li className="moj-primary-navigation__item" key={entry.key}>
                        <Link
                          className="moj-primary-navigation__link"
                          to={entry.href}
                          // "page" on the page itself; "true" on a page inside that section (a case, in the inbox).
                          aria-current={entry.href === current ? (pathname.replace(/\/+$/, "") === entry.href ? "page" : "true") : undefined}
                        >
                          {t(`nav.${entry.key}`)}
                        </Link>
                      </li>
                    ))}
                    <li className="moj-primary-navigation__item">
                      <Form method="post" action="/staff/sign-out">
                        <button type="submit" className="speakup-link-button speakup-nav-button moj-primary-navigation__link">
                          {t("nav.signOut")}
                        </button>
                      </Form>
                    </li>
                  </ul>
                </nav>
              </div>
            </div>
          </div>
        ) : null}
      </div>
      <div className="speakup-staff-width">
        <main className="govuk-main-wrapper" id="main-content">
          {children}
        </main>
      </div>
      <Footer container="speakup-staff-width" />
    </>
  );
}
