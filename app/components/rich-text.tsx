import { Fragment } from "react";

/** Splits `**key word**` markup into plain and bold runs. Pure, so it is unit tested. */
export function parseBold(text: string): Array<{ bold: boolean; text: string }> {
  const runs: Array<{ bold: boolean; text: string }> = [];
  const pattern = /\*\*(.+?)\*\*/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) runs.push({ bold: false, text: text.slice(last, match.index) });
    runs.push({ bold: true, text: match[1] ?? "" });
    last = match.index + match[0].length;
  }
  if (last < text.length) runs.push({ bold: false, text: text.slice(last) });
  return runs;
}

/**
 * Words from the locale files with their key words in bold. React renders every run as text:
 * nothing from a translation is ever injected as HTML.
 */
export function RichText({ text }: { text: string }) {
  return (
    <>
      {parseBold(text).map((run, i) => (run.bold ? <strong key={i}>{run.text}</strong> : <Fragment key={i}>{run.text}</Fragment>))}
    </>
  );
}

/** The same words with the markup removed, for places that take plain text (titles, speech). */
export function plainText(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, "$1");
}
