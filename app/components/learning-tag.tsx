import { useTranslation } from "react-i18next";

/** The state in words, and "Overdue" in words beside it (never colour alone). */
export function LearningTag({ state, overdue }: { state: string; overdue: boolean }) {
  const { t } = useTranslation("staff");
  const colour: Record<string, string> = { agreed: "govuk-tag--blue", "in-progress": "govuk-tag--yellow", done: "govuk-tag--green", dropped: "govuk-tag--grey" };
  return (
    <>
      <strong className={`govuk-tag ${colour[state] ?? ""}`}>{t(`learning.states.${state}`)}</strong>
      {overdue ? (
        <>
          {" "}
          <strong className="govuk-tag govuk-tag--red">{t("learning.overdue")}</strong>
        </>
      ) : null}
    </>
  );
}
