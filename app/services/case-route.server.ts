import type { Permission } from "../domain/permissions";
import { normaliseReference } from "../domain/reference-number";
import { requireStaff, type StaffMember } from "./auth.server";
import { findCaseFor, viewCase, type Representation } from "./case.server";
import type { Db } from "./db.server";

function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

/**
 * For a case page's loader: the member of staff (with the permission) and the case, if they may
 * see it, else 404. The view is written to the audit trail, with the page it was seen on.
 */
export async function openCase(db: Db, request: Request, reference: string | undefined, permission: Permission) {
  const staff = await requireStaff(db, request, permission);
  const normalised = normaliseReference(reference ?? "");
  const row = normalised ? viewCase(db, staff, normalised) : null;
  if (!row) notFound();
  return { staff, row };
}

/** For an action: the member of staff and the reference; the service checks access again in its transaction. */
export async function caseAction(db: Db, request: Request, reference: string | undefined, permission: Permission): Promise<{ staff: StaffMember; row: Representation }> {
  const staff = await requireStaff(db, request, permission);
  const normalised = normaliseReference(reference ?? "");
  const row = normalised ? findCaseFor(db, staff, normalised) : null;
  if (!row) notFound();
  return { staff, row };
}
