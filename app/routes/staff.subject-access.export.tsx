import { data, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CardLabel } from "~/components/card-label";
import type { RouteHandle } from "~/components/page-title";
import { SummaryList } from "~/components/summary-list";
import { formatLanguageAndMode } from "~/i18n/i18n";
import { formatDateTime } from "~/domain/dates";
import { chosenValue, parseChosen } from "~/domain/subject-access";
import { notFound, requireStaff } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { exportSubjectAccess } from "~/services/subject-access.server";

// The readable subject access export, to print to PDF from the browser. Opening it is the export:
// each opening writes an audit row per record (see exportSubjectAccess), and shows the person's
// equality answers, which no other staff page does (decision 014).

// Not kept by the browser or a proxy: the page holds everything about a person.
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const handle: RouteHandle = { title: (t) => t("staff:subjectAccess.documentTitle") };

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const staff = await requireStaff(db, request, "subject-access.export");
  const url = new URL(request.url);
  const chosen = parseChosen(url.searchParams.getAll("id"));
  if (!chosen) throw data("Choose at least one record", { status: 400 });
  const found = exportSubjectAccess(db, staff, chosen, "html");
  if (!found) throw notFound();
  const query = new URLSearchParams(chosen.map((c) => ["id", chosenValue(c.id, c.asChild ? "child" : "complainant")]));
  return data({ found, jsonHref: `/staff/subject-access/export.json?${query.toString()}` }, { headers: { "Cache-Control": "private, no-store" } });
}

const when = (iso: string) => formatDateTime(new Date(iso), "en");

function Table({ caption, headers, rows, testId }: { caption: string; headers: string[]; rows: Array<{ key: string; cells: ReactNode[] }>; testId: string }) {
  return (
    // Below the tablet width each row is a summary card (on paper, a table).
    <div className="speakup-card-list">
      <table className="govuk-table speakup-cards" data-testid={testId}>
        <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {headers.map((h) => (
              <th scope="col" className="govuk-table__header" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((row) => (
            <tr className="govuk-table__row" key={row.key}>
              {row.cells.map((cell, i) => (
                <td className="govuk-table__cell speakup-preserve-lines" key={i}>
                  {i > 0 && headers[i] ? <CardLabel>{headers[i]}</CardLabel> : null}
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function SubjectAccessDocument() {
  const { found, jsonHref } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  const none = t("subjectAccess.none");
  return (
    <>
      <div className="govuk-!-display-none-print">
        <Link to="/staff/subject-access" className="govuk-back-link">
          {t("subjectAccess.backToSearch")}
        </Link>
      </div>
      <h1 className="govuk-heading-l">{t("subjectAccess.documentTitle")}</h1>
      <p className="govuk-body">{t("subjectAccess.documentIntro", { by: found.generatedBy, at: when(found.generatedAt) })}</p>
      <div className="govuk-inset-text govuk-!-display-none-print">
        <p className="govuk-body">{t("subjectAccess.printHint")}</p>
        <p className="govuk-body">{t("subjectAccess.filesHint")}</p>
        <p className="govuk-body">{t("subjectAccess.reviewHint")}</p>
        <p className="govuk-body">
          {/* A plain link: the download must not go through client-side navigation. */}
          <a className="govuk-link" href={jsonHref} download data-testid="download-json">
            {t("subjectAccess.downloadJson")}
          </a>
        </p>
      </div>

      {found.representations.map((r, index) => (
        <section key={r.id} className={index > 0 ? "speakup-print-new-page" : undefined} aria-labelledby={`representation-${r.id}`} data-testid="representation">
          <h2 className="govuk-heading-m" id={`representation-${r.id}`}>
            {t("subjectAccess.representation", { kind: t(`kinds.${r.kind}`), reference: r.reference })}
          </h2>
          <h3 className="govuk-heading-s">{t("subjectAccess.aboutCaption")}</h3>
          <SummaryList
            rows={[
              { key: "status", label: t("subjectAccess.about.status"), value: t(`statuses.${r.status}`, { defaultValue: r.status }) },
              { key: "type", label: t("subjectAccess.about.type"), value: r.representationType ?? none },
              { key: "process", label: t("subjectAccess.about.process"), value: r.process ? t(`casework:processes.${r.process}`, { defaultValue: r.process }) : none },
              { key: "stage", label: t("subjectAccess.about.stage"), value: r.stage ? t(`casework:stages.${r.stage}`, { defaultValue: r.stage }) : none },
              { key: "received", label: t("subjectAccess.about.received"), value: when(r.receivedAt) },
              { key: "how", label: t("subjectAccess.about.how"), value: r.howReceived },
              { key: "language", label: t("subjectAccess.about.language"), value: formatLanguageAndMode(t, r.language, r.mode) },
              { key: "person", label: t("subjectAccess.about.person"), value: r.person.name || none },
              {
                key: "relationship",
                label: t("subjectAccess.about.relationship"),
                value: r.person.relationship ? t(`form:options.relationship.${r.person.relationship}`, { defaultValue: r.person.relationship }) : none,
              },
              { key: "email", label: t("subjectAccess.about.email"), value: r.person.email ?? none },
              { key: "child", label: t("subjectAccess.about.child"), value: r.childName ?? none },
              { key: "coding", label: t("subjectAccess.about.coding"), value: r.coding.length ? r.coding.map((c) => c.label).join("\n") : none },
              {
                key: "restrictions",
                label: t("subjectAccess.about.restrictions"),
                value: r.contactRestrictions.length ? r.contactRestrictions.map((c) => `${c.restricted}\n${c.reason}`).join("\n\n") : none,
              },
            ]}
          />

          <Table
            testId="answers"
            caption={t("subjectAccess.answersCaption")}
            headers={[t("subjectAccess.question"), t("subjectAccess.answer")]}
            rows={r.answers.map((a, i) => ({ key: String(i), cells: [a.question, a.answer] }))}
          />

          <Table
            testId="timeline"
            caption={t("subjectAccess.timelineCaption")}
            headers={[t("subjectAccess.when"), t("subjectAccess.what"), t("subjectAccess.byWhom"), t("subjectAccess.text")]}
            rows={r.timeline.map((item, i) => ({ key: String(i), cells: [when(item.at), item.what, item.by ?? "", item.text ?? ""] }))}
          />

          {r.emails.length ? (
            <Table
              testId="emails"
              caption={t("subjectAccess.emailsCaption")}
              headers={[t("subjectAccess.when"), t("subjectAccess.emailTo"), t("subjectAccess.subject"), t("subjectAccess.text")]}
              rows={r.emails.map((m, i) => ({ key: String(i), cells: [when(m.at), m.to, m.subject, m.text] }))}
            />
          ) : null}

          {r.files.length ? (
            <Table
              testId="files"
              caption={t("subjectAccess.filesCaption")}
              headers={[t("subjectAccess.file.name"), t("subjectAccess.file.type"), t("subjectAccess.file.size"), t("subjectAccess.file.added")]}
              rows={r.files.map((f) => ({
                key: String(f.id),
                cells: [
                  <a className="govuk-link" href={f.download} download key="link">
                    {f.name}
                  </a>,
                  f.type,
                  t("subjectAccess.sizeKb", { size: Math.max(1, Math.round(f.sizeBytes / 1024)) }),
                  when(f.addedAt),
                ],
              }))}
            />
          ) : null}

          {r.equality === null ? (
            <p className="govuk-body" data-testid="equality-left-out">
              {t("subjectAccess.equalityLeftOut")}
            </p>
          ) : r.equality.length ? (
            <Table
              testId="equality"
              caption={t("subjectAccess.equalityCaption")}
              headers={[t("subjectAccess.question"), t("subjectAccess.answer")]}
              rows={r.equality.map((e, i) => ({ key: String(i), cells: [e.question, e.answer] }))}
            />
          ) : null}

          <Table
            testId="access"
            caption={t("subjectAccess.accessCaption")}
            headers={[t("subjectAccess.when"), t("subjectAccess.staff"), t("subjectAccess.action")]}
            rows={r.accessLog.map((a, i) => ({ key: String(i), cells: [when(a.at), a.staff ?? t("subjectAccess.nobody"), a.action] }))}
          />
        </section>
      ))}
    </>
  );
}
