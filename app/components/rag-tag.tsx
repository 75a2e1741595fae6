import { useTranslation } from "react-i18next";
import type { RagStatus } from "~/domain/stage-clocks";

const RAG_TAG = {
  red: "govuk-tag--red",
  amber: "govuk-tag--yellow",
  green: "govuk-tag--green",
} as const;

/** Red, amber or green always with its words and the working days (never colour alone). */
export function RagTag({ rag }: { rag: RagStatus }) {
  const { t } = useTranslation("casework");
  const days = rag.workingDaysLeft < 0 ? t("inbox.overdue", { count: -rag.workingDaysLeft }) : t("inbox.daysLeftValue", { count: rag.workingDaysLeft });
  return (
    <>
      <strong className={`govuk-tag ${RAG_TAG[rag.rag]}`}>{t(`staff:rag.${rag.label}`)}</strong> {days}
    </>
  );
}
