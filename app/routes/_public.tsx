import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ExitThisPage } from "~/components/exit-this-page";
import type { PageScripts } from "~/components/page-scripts";
import { Footer, Header, SkipLink } from "~/components/layout";
import { PreferencesBar } from "~/components/preferences";
import { defaultLanguage, easyReadUnavailable } from "~/i18n/i18n";
import type { loader as rootLoader } from "~/root";
import { getDb } from "~/services/db.server";
import { getSettings } from "~/services/settings.server";

// Public pages work without JavaScript and are not hydrated: they run the small public script
// (app/browser/public-page.ts) under the 110 KB budget. A page that truly needs React on the
// client says `handle = { react: true }` (docs/decisions/046).
export const handle: PageScripts = { react: false };

export async function loader(_: LoaderFunctionArgs) {
  const s = getSettings(getDb());
  return {
    councilName: s.councilName,
    exitPageUrl: s.exitPageUrl,
    childrensServicesPhone: s.childrensServicesPhone,
    complaintsTeamPhone: s.complaintsTeamPhone,
    complaintsTeamEmail: s.complaintsTeamEmail,
    advocacyProviderName: s.advocacyProviderName,
    advocacyProviderPhone: s.advocacyProviderPhone,
    advocacyProviderEmail: s.advocacyProviderEmail,
    // The start page links to "you said, we did" only when the council publishes it.
    publishImprovements: s.publishImprovements === "yes",
  };
}

/** Every public page: skip link, exit this page, the safeguarding line and the footer. */
export default function PublicLayout() {
  const { councilName, exitPageUrl, childrensServicesPhone } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const language = root?.language ?? defaultLanguage;
  const mode = root?.mode ?? "standard";
  return (
    <>
      <SkipLink />
      <Header councilName={councilName} homeHref="/" />
      <div className="govuk-width-container">
        {/* Exit first: the quickest way out must be the first thing after the header. A named
            region, so that screen-reader users find it among the landmarks and nothing on the
            page sits outside one. */}
        <section aria-label={t("pageTools.label")}>
          <ExitThisPage href={exitPageUrl} />
          <PreferencesBar language={language} mode={mode} easyReadUnavailable={easyReadUnavailable(language, mode)} />
        </section>
        <main className="govuk-main-wrapper" id="main-content">
          <Outlet />
        </main>
        {/* Beside every page's content, not part of it: a landmark of its own. */}
        <aside className="govuk-inset-text speakup-safeguarding" data-testid="safeguarding">
          {t("safeguarding", { phone: childrensServicesPhone })}
        </aside>
      </div>
      <Footer>
        <ul className="govuk-footer__inline-list">
          {(
            [
              ["/privacy", "footer.privacy"],
              ["/browsing-safely", "footer.browsingSafely"],
              ["/#other-ways", "footer.help"],
              ["/staff", "footer.staff"],
            ] as const
          ).map(([href, key]) => (
            <li className="govuk-footer__inline-list-item" key={href}>
              <Link className="govuk-footer__link" to={href}>
                {t(key)}
              </Link>
            </li>
          ))}
        </ul>
      </Footer>
    </>
  );
}
