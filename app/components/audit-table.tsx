import { useTranslation } from "react-i18next";

export interface AuditTableRow {
  id: number;
  at: string;
  staffName: string | null;
  action: string;
  entity: string;
  entityId: string;
  details: string | null;
  detailsWithheld: boolean;
}

/**
 * The audit trail as a table; details (field names, and before and after for coded values) are
 * shown as recorded, except on rows about a case the reader may not see.
 */
export function AuditTable({ rows, caption }: { rows: AuditTableRow[]; caption: string }) {
  const { t } = useTranslation("staff");
  return (
    <div className="speakup-table-wrapper">
      <table className="govuk-table" data-testid="audit">
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("audit.when")}</th>
            <th scope="col" className="govuk-table__header">{t("audit.who")}</th>
            <th scope="col" className="govuk-table__header">{t("audit.what")}</th>
            <th scope="col" className="govuk-table__header">{t("audit.entity")}</th>
            <th scope="col" className="govuk-table__header">{t("audit.details")}</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((row) => (
            <tr className="govuk-table__row" key={row.id}>
              <td className="govuk-table__cell">{row.at}</td>
              <td className="govuk-table__cell">{row.staffName ?? t("audit.nobody")}</td>
              <td className="govuk-table__cell">{row.action}</td>
              <td className="govuk-table__cell">
                {row.entity} {row.entityId}
              </td>
              <td className="govuk-table__cell speakup-preserve-lines">{row.detailsWithheld ? t("audit.withheld") : (row.details ?? "")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
