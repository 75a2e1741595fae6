import { fixedT, textDirection } from "../app/i18n/i18n";
import { getPreferences } from "../app/i18n/language.server";

// A refusal made before any route runs (and so without the database): a plain page in the
// person's language, styled by the app's own stylesheet, with a way back.

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export type Refusal = "crossSite" | "badRequest";

export async function refusalPage(request: Request, refusal: Refusal, stylesheetsFor: (language: string) => readonly string[]): Promise<string> {
  const { language, words } = await getPreferences(request);
  const t = fixedT(words);
  const title = t(`errorPages.${refusal}.title`);
  const links = stylesheetsFor(language).map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join("");
  return `<!DOCTYPE html>
<html lang="${escapeHtml(language)}" dir="${textDirection(language)}" class="govuk-template">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(`${title} – ${t("serviceName")}`)}</title>${links}</head>
<body class="govuk-template__body"><div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">
<h1 class="govuk-heading-l">${escapeHtml(title)}</h1>
<p class="govuk-body">${escapeHtml(t(`errorPages.${refusal}.body`))}</p>
<p class="govuk-body"><a class="govuk-link" href="/">${escapeHtml(t("errorPages.home"))}</a></p>
<p class="govuk-body"><a class="govuk-link" href="/staff">${escapeHtml(t("errorPages.staff"))}</a></p>
</main></div></body>
</html>`;
}
