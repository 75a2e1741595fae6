import type { LoaderFunctionArgs } from "@remix-run/node";
import { isTableId } from "~/domain/report/tables";
import { fixedT } from "~/i18n/i18n";
import { notFound, requireStaff } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { offThread } from "~/services/read-pool.server";

import { suppressionThreshold } from "~/services/report.server";
import { reportCsv, tableCsv } from "~/services/report-output.server";

/** `/staff/report.csv?year=2025` (every table) or `&table=refusals` (one): what the report page shows, as CSV. */
export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  await requireStaff(db, request, "report.view");
  const url = new URL(request.url);
  const year = Number(url.searchParams.get("year"));
  const table = url.searchParams.get("table");
  if (!/^\d{4}$/.test(url.searchParams.get("year") ?? "") || (table !== null && !isTableId(table))) throw notFound();
  const t = fixedT("en", "staff");
  const threshold = suppressionThreshold(db);
  const body = table && isTableId(table) ? tableCsv((await offThread(db, "annualReport", year, table))[0]!, t, threshold) : reportCsv(await offThread(db, "annualReport", year), t, threshold);
  const name = table ? `annual-report-${year}-${table}.csv` : `annual-report-${year}.csv`;
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" },
  });
}
