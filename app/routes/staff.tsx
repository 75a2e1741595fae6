import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, Outlet, useLoaderData, useRouteError, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { errorPageKey } from "~/components/error-page";
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

function StaffFrame({ data, children }: { data: StaffFrameData; children: ReactNode }) {
  const { councilName, staffName, menu, home } = data;
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
          {children}
        </main>
      </div>
      <Footer />
    </>
  );
}
