import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseChosen } from "~/domain/subject-access";
import { notFound, requireStaff } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { exportSubjectAccess } from "~/services/subject-access.server";

/** The subject access export as a JSON file: the same object the readable document shows. */
export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const staff = await requireStaff(db, request, "subject-access.export");
  const chosen = parseChosen(new URL(request.url).searchParams.getAll("id"));
  if (!chosen) return new Response("Choose at least one record.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const found = exportSubjectAccess(db, staff, chosen, "json");
  if (!found) throw notFound();
  const day = found.generatedAt.slice(0, 10);
  return new Response(JSON.stringify(found, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      // Ids and a date only: no name in the file name, which browsers keep in their downloads list.
      "Content-Disposition": `attachment; filename="subject-access-${day}.json"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
