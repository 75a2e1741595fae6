import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { createI18n, defaultLanguage, EASY_READ, isLanguage } from "./i18n/i18n";

// The root marks which words the server used (data-words: "en-easy" for easy read).
const { lang, dataset } = document.documentElement;
const i18n = createI18n(dataset.words === EASY_READ ? EASY_READ : isLanguage(lang) ? lang : defaultLanguage);

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
