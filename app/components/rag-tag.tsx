import type { TFunction } from "i18next";
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
  return ragTag(t, rag);
}

/**
 * The same in the caller's words: a list of many rows (the inbox) passes its page's `t` rather
 * than a RagTag a row, each of which would ask react-i18next for its own `t` (decision 055).
 */
export function ragTag(t: TFunction<"casework">, rag: RagStatus) {
  const days = rag.workingDaysLeft < 0 ? t("inbox.overdue", { count: -rag.workingDaysLeft }) : t("inbox.daysLeftValue", { count: rag.workingDaysLeft });
  return (
    <>
      <strong className={`govuk-tag ${RAG_TAG[rag.rag]}`}>{t(`staff:rag.${rag.label}`)}</strong> {days}
    </>
  );
}
