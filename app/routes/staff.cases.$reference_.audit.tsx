import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuditTable } from "~/components/audit-table";
import type { RouteHandle } from "~/components/page-title";
import { normaliseReference } from "~/domain/reference-number";
import { caseAudit } from "~/services/audit-log.server";
import { notFound, requireStaff } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { auditEntries } from "~/services/audit-view.server";
import { fixedT } from "~/i18n/i18n";

export const handle: RouteHandle = { title: (t, d) => t("staff:audit.caseTitle", { reference: (d as { reference?: string } | undefined)?.reference ?? "" }) };

// The trail of who saw and changed one case, for those who may read the audit log AND see this
// case: an administrator without a case role gets "not found", as for the case itself.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const staff = await requireStaff(db, request, "audit.view");
  const reference = normaliseReference(params.reference ?? "");
  const url = new URL(request.url);
  const before = Number(url.searchParams.get("before"));
  const page = reference ? caseAudit(db, staff, reference, Number.isSafeInteger(before) && before > 0 ? before : undefined) : null;
  if (!reference || !page) throw notFound();
  return {
    reference,
    // Sentences from the rows' code fields; this case's own rows say "the case".
    rows: auditEntries(db, fixedT("en", "staff"), page.rows, page.caseId).map((e, i) => ({ ...e, detailsWithheld: page.rows[i]?.detailsWithheld ?? true })),
    nextHref: page.nextBefore ? `/staff/cases/${reference}/audit?before=${page.nextBefore}` : null,
  };
}

export default function CaseAuditPage() {
  const { reference, rows, nextHref } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  return (
    <>
      <Link to={`/staff/cases/${reference}`} className="govuk-back-link">
        {t("audit.backToCase")}
      </Link>
      <span className="govuk-caption-l">{reference}</span>
      <h1 className="govuk-heading-l">{t("audit.caseHeading")}</h1>
      {rows.length ? <AuditTable rows={rows} caption={t("audit.caption")} /> : <p className="govuk-body">{t("audit.empty")}</p>}
      {nextHref ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={nextHref}>
            {t("audit.older")}
          </Link>
        </p>
      ) : null}
    </>
  );
}
