import { useTranslation } from "react-i18next";
import type { AuditChange } from "~/domain/audit-sentence";
import { CardCell, CardLabel } from "~/components/card-label";

export interface AuditTableRow {
  id: number;
  iso: string;
  sentence: string;
  changes: AuditChange[];
  detailsWithheld: boolean;
}

/**
 * The audit trail: each entry a sentence (who did what to which record, when), its field changes
 * in a small table beside it (app/domain/audit-sentence.ts). Rows about a case the reader may not
 * see say only who, what and when.
 */
export function AuditTable({ rows, caption }: { rows: AuditTableRow[]; caption: string }) {
  const { t } = useTranslation("staff");
  return (
    // Below the tablet width each entry is a summary card, its changes listed under its sentence.
    <div className="speakup-card-list">
      <table className="govuk-table speakup-cards" data-testid="audit">
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              {t("auditEntry.sentenceHeading")}
            </th>
            <th scope="col" className="govuk-table__header">
              {t("auditEntry.changesCaption")}
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((row) => (
            <tr className="govuk-table__row" key={row.id} data-at={row.iso}>
              <td className="govuk-table__cell">{row.sentence}</td>
              <td className="govuk-table__cell">
                {row.detailsWithheld || row.changes.length ? <CardLabel>{t("auditEntry.changesCaption")}</CardLabel> : null}
                {row.detailsWithheld ? (
                  t("audit.withheld")
                ) : row.changes.length ? (
                  <table className="govuk-table govuk-!-font-size-16 speakup-audit-changes">
                    <caption className="govuk-visually-hidden">{t("auditEntry.changesCaption")}</caption>
                    <thead className="govuk-table__head">
                      <tr className="govuk-table__row">
                        <th scope="col" className="govuk-table__header">
                          {t("auditEntry.field")}
                        </th>
                        <th scope="col" className="govuk-table__header">
                          {t("auditEntry.from")}
                        </th>
                        <th scope="col" className="govuk-table__header">
                          {t("auditEntry.to")}
                        </th>
                      </tr>
                    </thead>
                    <tbody className="govuk-table__body">
                      {row.changes.map((c, i) => (
                        <tr className="govuk-table__row" key={i}>
                          <th scope="row" className="govuk-table__header">
                            {c.field}
                          </th>
                          <CardCell label={t("auditEntry.from")}>
                            {c.from ?? ""}
                          </CardCell>
                          <CardCell label={t("auditEntry.to")}>
                            {c.to}
                          </CardCell>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
