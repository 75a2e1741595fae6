import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RouteHandle } from "~/components/page-title";
import { ReasonMovePage, reasonSchema } from "~/components/stage-move";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { openStageMove, stageMoveAction } from "~/services/stage-move-route.server";
import { reopenStage } from "~/services/stage-moves.server";

const schema = reasonSchema("reopenReason");

export const handle: RouteHandle = { title: (t) => t("casework:reopen.title") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { row } = await openStageMove(getDb(), request, params.reference, "reopen");
  return { reference: row.reference, kind: row.kind };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const { staff, row } = await stageMoveAction(db, request, params.reference, "reopen");
  const submission = parseWithZod(await readForm(request), { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  // Refused only when the stage moved on meanwhile (the reason is checked above): the case page says where it is.
  reopenStage(db, staff, row.reference, { reason: submission.value.reason });
  return redirect(`/staff/cases/${row.reference}`);
}

export default function ReopenPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  return (
    <ReasonMovePage
      id="reopen"
      schema={schema}
      lastResult={lastResult}
      reference={d.reference}
      kind={d.kind}
      title={t("reopen.title")}
      intro={<p className="govuk-body">{t("reopen.intro")}</p>}
      label={t("reopen.reason")}
      confirm={t("reopen.confirm")}
    />
  );
}
