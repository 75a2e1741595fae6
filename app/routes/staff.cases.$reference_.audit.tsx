import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuditTable } from "~/components/audit-table";
import type { RouteHandle } from "~/components/page-title";
import { can } from "~/domain/permissions";
import { formatDateTime } from "~/domain/dates";
import { caseAudit } from "~/services/audit-log.server";
import { notFound, requireStaff } from "~/services/auth.server";
import { getDb } from "~/services/db.server";

export const handle: RouteHandle = { title: (t, d) => t("staff:audit.caseTitle", { reference: (d as { reference?: string } | undefined)?.reference ?? "" }) };

// The trail of who saw and changed one case. For those who may read the audit log (administrators,
// complaints managers): an administrator sees who did what here, not the case itself.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const staff = await requireStaff(db, request, "audit.view");
  const reference = (params.reference ?? "").toUpperCase();
  const url = new URL(request.url);
  const before = Number(url.searchParams.get("before"));
  const page = caseAudit(db, reference, Number.isSafeInteger(before) && before > 0 ? before : undefined);
  if (!page) throw notFound();
  return {
    reference,
    mayOpenCase: can(staff.roles, "cases.view"),
    rows: page.rows.map((r) => ({ ...r, at: formatDateTime(r.at, "en"), details: r.details ? JSON.stringify(r.details, null, 1) : null })),
    nextHref: page.nextBefore ? `/staff/cases/${reference}/audit?before=${page.nextBefore}` : null,
  };
}

export default function CaseAuditPage() {
  const { reference, mayOpenCase, rows, nextHref } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  return (
    <>
      {mayOpenCase ? (
        <Link to={`/staff/cases/${reference}`} className="govuk-back-link">
          {t("audit.backToCase")}
        </Link>
      ) : null}
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
