import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RouteHandle } from "~/components/page-title";
import { ConfirmMovePage } from "~/components/stage-move";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { openStageMove, stageMoveAction } from "~/services/stage-move-route.server";
import { takeStageOffHold } from "~/services/stage-moves.server";

export const handle: RouteHandle = { title: (t) => t("casework:hold.takeTitle") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { row, stage } = await openStageMove(getDb(), request, params.reference, "take-off-hold");
  return { reference: row.reference, kind: row.kind, reason: stage.onHoldReason ?? "" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const { staff, row } = await stageMoveAction(db, request, params.reference, "take-off-hold");
  await readForm(request);
  // Refused only when the stage moved on meanwhile: the case page says where it is.
  takeStageOffHold(db, staff, row.reference);
  return redirect(`/staff/cases/${row.reference}`);
}

export default function TakeOffHoldPage() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("casework");
  return (
    <ConfirmMovePage
      reference={d.reference}
      kind={d.kind}
      title={t("hold.takeTitle")}
      intro={<p className="govuk-body speakup-preserve-lines">{t("hold.takeIntro", { reason: d.reason })}</p>}
      confirm={t("hold.takeConfirm")}
    />
  );
}
