import { redirect } from "@remix-run/node";
import type { StageClocks } from "../domain/stage-clocks";
import { roleMayEver, type StageAction } from "../domain/stages";
import type { StaffMember } from "./auth.server";
import type { Representation } from "./case.server";
import { caseAction, openCase } from "./case-route.server";
import type { Db } from "./db.server";
import { currentClocks } from "./later-stages.server";
import type { StageRow } from "./stages.server";

function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

/**
 * For a stage move's page (app/routes/staff.cases.$reference.<move>.tsx): "not found" to anyone
 * whose role may never make the move (as for a missing permission); back to the case when the
 * transition table does not offer it now (the case page says where the stage is).
 */
export async function openStageMove(
  db: Db,
  request: Request,
  reference: string | undefined,
  action: StageAction,
): Promise<{ staff: StaffMember; row: Representation; stage: StageRow; clocks: StageClocks }> {
  const { staff, row } = await openCase(db, request, reference, "cases.respond");
  if (!roleMayEver(action, staff.role)) notFound();
  const current = currentClocks(db, staff, row, action);
  if (!current) throw redirect(`/staff/cases/${row.reference}`);
  return { staff, row, ...current };
}

/** For a stage move's action: the service checks the transition table again in its transaction. */
export async function stageMoveAction(db: Db, request: Request, reference: string | undefined, action: StageAction) {
  const { staff, row } = await caseAction(db, request, reference, "cases.respond");
  if (!roleMayEver(action, staff.role)) notFound();
  return { staff, row };
}
