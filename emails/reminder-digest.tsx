import type { TFunction } from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { EmailLayout, type RenderedEmail } from "./layout";

/** One line of a digest: a case reference, what is due and when, and a link. Never names or case content. */
export interface DigestLine {
  reference: string;
  /** Already in words: the stage ("Statutory Stage 1") or what to do ("Record the safeguarding referral"). */
  what: string;
  /** A long date in words. */
  date: string;
  url: string;
}

export interface DigestSection {
  /** staff:reminders.sections.* */
  key: "overdue" | "due-today" | "due-soon" | "online" | "safeguarding" | "restrictions" | "learning";
  lines: DigestLine[];
}

export interface ReminderDigestData {
  recipient: "holder" | "team";
  /** The day in words. */
  day: string;
  sections: DigestSection[];
  dashboardUrl: string;
}

/**
 * The daily reminder digest (decision record 022). Email leaves the council's systems, so it lists
 * references, stages, dates and links only: staff read the rest in the back office.
 */
export function reminderDigestEmail(t: TFunction, d: ReminderDigestData): RenderedEmail {
  const sections = d.sections.filter((s) => s.lines.length > 0);
  const count = sections.reduce((n, s) => n + s.lines.length, 0);
  const subject = t("staff:reminders.subject", { day: d.day, count });
  const intro = t(d.recipient === "team" ? "staff:reminders.introTeam" : "staff:reminders.introHolder");
  const heading = (s: DigestSection) => t(`staff:reminders.sections.${s.key}`, { count: s.lines.length });
  const describe = (s: DigestSection, line: DigestLine) => t(`staff:reminders.line.${s.key}`, { reference: line.reference, what: line.what, date: line.date });
  const open = t("staff:reminders.dashboard");
  const html =
    "<!DOCTYPE html>" +
    renderToStaticMarkup(
      <EmailLayout lang="en" dir="ltr" title={subject}>
        <p>{intro}</p>
        {sections.map((s) => (
          <div key={s.key}>
            <h2 style={{ fontSize: "24px" }}>{heading(s)}</h2>
            <ul>
              {s.lines.map((line) => (
                <li key={`${s.key}-${line.reference}-${line.what}-${line.url}`}>
                  {describe(s, line)} <a href={line.url}>{t("staff:reminders.openCase", { reference: line.reference })}</a>
                </li>
              ))}
            </ul>
          </div>
        ))}
        <p>
          <a href={d.dashboardUrl}>{open}</a>
        </p>
      </EmailLayout>,
    );
  const text =
    [
      intro,
      ...sections.map((s) => [heading(s), ...s.lines.map((line) => `- ${describe(s, line)} ${line.url}`)].join("\n")),
      `${open}: ${d.dashboardUrl}`,
    ].join("\n\n") + "\n";
  return { subject, text, html };
}
