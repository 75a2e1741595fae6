import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RouteHandle } from "~/components/page-title";
import { ReasonMovePage, reasonSchema } from "~/components/stage-move";
import { formatLongDate } from "~/domain/dates";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { openStageMove, stageMoveAction } from "~/services/stage-move-route.server";
import { putStageOnHold } from "~/services/stage-moves.server";

const schema = reasonSchema("holdReason");

export const handle: RouteHandle = { title: (t) => t("casework:hold.putTitle") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { row, stage } = await openStageMove(getDb(), request, params.reference, "put-on-hold");
  // Shown so staff see that holding changes no date.
  return { reference: row.reference, kind: row.kind, nextDueOn: stage.nextDueOn ? formatLongDate(stage.nextDueOn, "en") : null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const { staff, row } = await stageMoveAction(db, request, params.reference, "put-on-hold");
  const submission = parseWithZod(await readForm(request), { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  // Refused only when the stage moved on meanwhile (the reason is checked above): the case page says where it is.
  putStageOnHold(db, staff, row.reference, { reason: submission.value.reason });
  return redirect(`/staff/cases/${row.reference}`);
}

export default function PutOnHoldPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  return (
    <ReasonMovePage
      id="put-on-hold"
      schema={schema}
      lastResult={lastResult}
      reference={d.reference}
      kind={d.kind}
      title={t("hold.putTitle")}
      intro={
        <div className="govuk-inset-text" data-testid="clock-runs">
          {d.nextDueOn ? t("hold.putIntro", { date: d.nextDueOn }) : t("hold.putIntroNoDeadline")}
        </div>
      }
      label={t("hold.reason")}
      confirm={t("hold.confirm")}
    />
  );
}
