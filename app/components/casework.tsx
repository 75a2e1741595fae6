import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "./layout";

/** The top of every case page: back to the case (or the inbox), the kind, and the reference. */
export function CaseHeading({ reference, kind, title, back }: { reference: string; kind: string; title?: string; back?: string }) {
  const { t } = useTranslation("casework");
  return (
    <>
      <BackLink to={back ?? `/staff/cases/${reference}`} />
      <span className="govuk-caption-l">
        {t(`kinds.${kind}`)} {title ? reference : null}
      </span>
      <h1 className="govuk-heading-l">{title ?? reference}</h1>
    </>
  );
}

/** A link back to the case, for the foot of a case's sub-page. */
export function CancelLink({ reference }: { reference: string }) {
  const { t } = useTranslation("casework");
  return (
    <Link className="govuk-link" to={`/staff/cases/${reference}`}>
      {t("cancel")}
    </Link>
  );
}
