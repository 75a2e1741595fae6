import type { Resource } from "i18next";
import { EASY_READ, type WordsLanguage } from "./i18n";

// The browser's words: only the page's own language and the namespaces its pages use, each file a
// chunk of its own that the browser fetches once and keeps (hashed names). Bundling every language
// of every namespace cost every page 350 KB of script (docs/decisions/036). Each import() is
// written out because the bundler (esbuild 0.17 in Remix's classic compiler) cannot split an
// import() whose path is a template.
type Load = () => Promise<{ default: unknown }>;

const publicWords: Record<WordsLanguage, { common: Load; form: Load; check: Load }> = {
  en: { common: () => import("../locales/en/common.json"), form: () => import("../locales/en/form.json"), check: () => import("../locales/en/check.json") },
  [EASY_READ]: { common: () => import("../locales/en-easy/common.json"), form: () => import("../locales/en-easy/form.json"), check: () => import("../locales/en-easy/check.json") },
  pl: { common: () => import("../locales/pl/common.json"), form: () => import("../locales/pl/form.json"), check: () => import("../locales/pl/check.json") },
  ur: { common: () => import("../locales/ur/common.json"), form: () => import("../locales/ur/form.json"), check: () => import("../locales/ur/check.json") },
};

// The back office is in English (docs/decisions/004); emails are written on the server only.
const staffWords: Record<"common" | "form" | "check" | "staff" | "casework", Load> = {
  ...publicWords.en,
  staff: () => import("../locales/en/staff.json"),
  casework: () => import("../locales/en/casework.json"),
};

/** The words a page in `words` needs, as i18next resources: staff pages add the back office's. */
export async function loadPageWords(words: WordsLanguage, staffPage: boolean): Promise<Resource> {
  const wanted: Record<string, Load> = staffPage ? staffWords : publicWords[words];
  const loaded = await Promise.all(Object.entries(wanted).map(async ([ns, load]) => [ns, (await load()).default] as const));
  return { [staffPage ? "en" : words]: Object.fromEntries(loaded) } as Resource;
}
