import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Footer, Header, SkipLink } from "./components/layout";
import { errorPageKey } from "./components/error-page";
import { useNonce } from "./components/nonce";
import { DocumentTitle } from "./components/page-title";
import { wantsReact } from "./components/page-scripts";
import { publicScript } from "./browser/public-script.server";
import { EASY_READ, languageOfWords, textDirection, type Language } from "./i18n/i18n";
import { getPreferences, rememberChoice } from "./i18n/language.server";
import { getDb } from "./services/db.server";
import { getSettings } from "./services/settings.server";
import stylesHref from "./styles/generated/main.css";
import urduStylesHref from "./styles/generated/urdu.css";
// The same files main.css and urdu.css name, so the preloads and the stylesheets ask for one URL.
import latinFont from "@fontsource/atkinson-hyperlegible-next/files/atkinson-hyperlegible-next-latin-400-normal.woff2";
import latinBoldFont from "@fontsource/atkinson-hyperlegible-next/files/atkinson-hyperlegible-next-latin-700-normal.woff2";
import urduFont from "@fontsource/noto-nastaliq-urdu/files/noto-nastaliq-urdu-arabic-400-normal.woff2";

/** A language's own stylesheet, linked only on its pages (the refusal pages of server/app.ts too). */
export const languageStylesheets: Partial<Record<Language, string>> = { ur: urduStylesHref };

const preloadFont = (href: string) => ({ rel: "preload", as: "font", type: "font/woff2", href, crossOrigin: "anonymous" as const });

// Every page sets text in the Latin faces (headings bold): fetched with the stylesheet, not after
// it, so text is drawn in its own face sooner (font-display: swap draws it at once either way).
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  preloadFont(latinFont),
  preloadFont(latinBoldFont),
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  // ?lang= and ?mode= links remember the choice and come back to the same page.
  const remembered = await rememberChoice(request);
  if (remembered) throw remembered;
  const settings = getSettings(getDb());
  const { language, mode, words } = await getPreferences(request);
  return { language, mode, words, councilName: settings.councilName, publicScript: publicScript.src };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const { t, i18n } = useTranslation();
  const nonce = useNonce();
  // Public pages are not hydrated: they run one small script instead (docs/decisions/046).
  const react = wantsReact(useMatches().map((match) => match.handle));
  // Without the root's data (an error before it loaded), the words i18next has decide; easy read
  // is a mode of English, never a language tag: lang="en", marked by its class and data-words.
  const words = data?.words ?? i18n.language;
  const language = data?.language ?? languageOfWords(words);
  const easyRead = data ? data.mode === "easy-read" : words === EASY_READ;
  useEffect(() => {
    // GOV.UK Frontend styles some components differently once JavaScript runs; tests wait for
    // the hydrated mark before typing. Here, so error pages are marked too.
    document.body.classList.add("js-enabled", "govuk-frontend-supported");
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <html
      lang={language}
      dir={textDirection(language)}
      className={easyRead ? "govuk-template speakup-easy-read" : "govuk-template"}
      data-words={words}
    >
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#0b4f5c" />
        <DocumentTitle serviceName={data ? `${t("serviceName")} – ${data.councilName}` : t("serviceName")} />
        <Meta />
        <Links />
        {language === "ur" ? (
          // Urdu pages only: the Nastaliq faces are 160 KB a weight (docs/decisions/036).
          <>
            <link rel="preload" as="font" type="font/woff2" href={urduFont} crossOrigin="anonymous" />
            <link rel="stylesheet" href={languageStylesheets.ur} />
          </>
        ) : null}
      </head>
      <body className="govuk-template__body">
        {children}
        {react ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : data ? (
          <script type="module" src={data.publicScript} />
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const data = useRouteLoaderData<typeof loader>("root");
  const key = errorPageKey(error);
  return (
    <>
      <SkipLink />
      <Header councilName={data?.councilName ?? ""} homeHref="/" />
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content">
          <h1 className="govuk-heading-l">{t(`errorPages.${key}.title`)}</h1>
          <p className="govuk-body">{t(`errorPages.${key}.body`)}</p>
          <p className="govuk-body">
            <a className="govuk-link" href="/">
              {t("errorPages.home")}
            </a>
          </p>
          <p className="govuk-body">
            <a className="govuk-link" href="/staff">
              {t("errorPages.staff")}
            </a>
          </p>
        </main>
      </div>
      <Footer />
    </>
  );
}
