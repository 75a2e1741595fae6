import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { paragraphsOf } from "../app/domain/paragraphs";

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** One plain layout for every email: readable in any client, and as plain text. */
export function EmailLayout({ lang, dir, title, children }: { lang: string; dir: "ltr" | "rtl"; title: string; children: ReactNode }) {
  return (
    <html lang={lang} dir={dir}>
      <head>
        <meta charSet="utf-8" />
        <title>{title}</title>
      </head>
      <body style={{ fontFamily: "Arial, sans-serif", fontSize: "19px", lineHeight: 1.4, color: "#0b0c0c" }}>
        {children}
      </body>
    </html>
  );
}

/**
 * Renders the same paragraphs as HTML (through React, so nothing is injected as markup) and as
 * plain text.
 */
export function renderEmail(options: {
  lang: string;
  dir: "ltr" | "rtl";
  subject: string;
  paragraphs: string[];
  link?: { href: string; text: string };
}): RenderedEmail {
  const { lang, dir, subject, paragraphs, link } = options;
  const html =
    "<!DOCTYPE html>" +
    renderToStaticMarkup(
      <EmailLayout lang={lang} dir={dir} title={subject}>
        {paragraphs.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
        {link ? (
          <p>
            <a href={link.href}>{link.text}</a>
          </p>
        ) : null}
      </EmailLayout>,
    );
  const text = [...paragraphs, ...(link ? [`${link.text}: ${link.href}`] : [])].join("\n\n") + "\n";
  return { subject, text, html };
}

/** A letter as staff left it (paragraphs separated by blank lines), as an email. */
export function letterEmail(lang: string, dir: "ltr" | "rtl", letter: { subject: string; body: string }): RenderedEmail {
  return renderEmail({ lang, dir, subject: letter.subject, paragraphs: paragraphsOf(letter.body) });
}
