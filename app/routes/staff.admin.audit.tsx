import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuditTable } from "~/components/audit-table";
import type { RouteHandle } from "~/components/page-title";
import { listStaff } from "~/services/accounts.server";
import { auditEntities, readAudit } from "~/services/audit-log.server";
import { requireStaff } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { auditEntries } from "~/services/audit-view.server";
import { fixedT } from "~/i18n/i18n";

export const handle: RouteHandle = { title: (t) => t("staff:audit.title") };

function positiveInt(value: string | null): number | undefined {
  const n = Number(value);
  return value && Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const reader = await requireStaff(db, request, "audit.view");
  const url = new URL(request.url);
  const filter = {
    entity: url.searchParams.get("entity")?.slice(0, 100) || undefined,
    entityId: url.searchParams.get("entityId")?.trim().slice(0, 100) || undefined,
    staffUserId: positiveInt(url.searchParams.get("staff")),
    before: positiveInt(url.searchParams.get("before")),
  };
  const page = readAudit(db, reader, filter);
  const next = new URLSearchParams(url.searchParams);
  if (page.nextBefore) next.set("before", String(page.nextBefore));
  return {
    filter: { entity: filter.entity ?? "", entityId: filter.entityId ?? "", staff: filter.staffUserId ? String(filter.staffUserId) : "" },
    entities: auditEntities(db),
    staff: listStaff(db).map((s) => ({ id: s.id, name: `${s.name} (${s.email})` })),
    // Sentences from the rows' code fields (app/domain/audit-sentence.ts), in today's names.
    rows: auditEntries(db, fixedT("en", "staff"), page.rows).map((e, i) => ({ ...e, detailsWithheld: page.rows[i]?.detailsWithheld ?? true })),
    nextHref: page.nextBefore ? `/staff/admin/audit?${next.toString()}` : null,
  };
}

export default function AuditLogPage() {
  const { filter, entities, staff, rows, nextHref } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  return (
    <>
      <h1 className="govuk-heading-l">{t("audit.title")}</h1>
      <p className="govuk-body">{t("audit.intro")}</p>
      <Form method="get" className="speakup-filters">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="entity">
            {t("audit.filterEntity")}
          </label>
          <select className="govuk-select" id="entity" name="entity" defaultValue={filter.entity}>
            <option value="">{t("audit.any")}</option>
            {entities.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="entityId">
            {t("audit.filterEntityId")}
          </label>
          <input className="govuk-input govuk-input--width-10" id="entityId" name="entityId" type="text" defaultValue={filter.entityId} spellCheck={false} />
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="staff">
            {t("audit.filterStaff")}
          </label>
          <select className="govuk-select" id="staff" name="staff" defaultValue={filter.staff}>
            <option value="">{t("audit.any")}</option>
            {staff.map((s) => (
              <option key={s.id} value={String(s.id)}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          {t("audit.apply")}
        </button>
      </Form>
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
