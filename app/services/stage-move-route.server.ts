import { redirect } from "@remix-run/node";
import type { StageAction } from "../domain/stages";
import { roleMayEver } from "../domain/stages";
import { caseAction, openCase } from "./case-route.server";
import type { Db } from "./db.server";
import { offeredStageActions } from "./stage-actions.server";
import { currentStage } from "./stages.server";

function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

/**
 * The checks every stage move's page makes (decision record 019): "cases.respond", then a role no
 * row of the transition table gives the move gets "not found" like a missing permission, and a
 * stage that does not allow it now sends the person back to the case.
 */
export async function openStageMove(db: Db, request: Request, reference: string | undefined, move: StageAction) {
  const { staff, row } = await openCase(db, request, reference, "cases.respond");
  if (!roleMayEver(move, staff.role)) notFound();
  const stage = currentStage(db, row.id);
  if (!stage || !offeredStageActions(db, staff, row).includes(move)) throw redirect(`/staff/cases/${row.reference}`);
  return { staff, row, stage };
}

/** The same for the move's action; the service checks the table again inside its transaction. */
export async function stageMoveAction(db: Db, request: Request, reference: string | undefined, move: StageAction) {
  const { staff, row } = await caseAction(db, request, reference, "cases.respond");
  if (!roleMayEver(move, staff.role)) notFound();
  return { staff, row };
}
