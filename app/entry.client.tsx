import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { createI18n, defaultLanguage, EASY_READ, isLanguage } from "./i18n/i18n";
import { loadPageWords } from "./i18n/words.client";

// The root marks which words the server used (data-words: "en-easy" for easy read). Staff pages
// are in English whatever the cookie says (getLanguage on /staff paths).
const { lang, dataset } = document.documentElement;
const words = dataset.words === EASY_READ ? EASY_READ : isLanguage(lang) ? lang : defaultLanguage;
const staffPage = window.location.pathname === "/staff" || window.location.pathname.startsWith("/staff/");

// Only pages React hydrates load this: staff pages (public pages run app/browser/public-page.ts
// instead; docs/decisions/046). Hydrating waits for the page's words, one small fetch.
void loadPageWords(words, staffPage).then((resources) => {
  const i18n = createI18n(words, { resources });
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <RemixBrowser />
        </I18nextProvider>
      </StrictMode>,
    );
  });
});
