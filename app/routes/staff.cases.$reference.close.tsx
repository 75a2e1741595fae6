import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CancelLink, CaseHeading } from "~/components/casework";
import { ErrorSummary } from "~/components/form-fields";
import type { RouteHandle } from "~/components/page-title";
import { closeFeedback } from "~/services/case-assignment.server";
import { caseAction, openCase } from "~/services/case-route.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";

export const handle: RouteHandle = {
  title: (t, d) => t("casework:close.title", { kind: t(`casework:close.kinds.${(d as { kind?: string } | undefined)?.kind ?? "comment"}`) }),
};

/** The end of a compliment or a comment (decision record 018): complaints end through their stages. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const { row } = await openCase(db, request, params.reference, "cases.triage");
  if (row.kind === "complaint") throw new Response("Not found", { status: 404 });
  return { reference: row.reference, kind: row.kind, closed: row.status === "closed" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const { staff, row } = await caseAction(db, request, params.reference, "cases.triage");
  await readForm(request);
  const result = closeFeedback(db, staff, row.reference);
  if (!result.ok) {
    if (result.error === "not-found") throw new Response("Not found", { status: 404 });
    return data({ error: `casework:errors.close.${result.error}` }, { status: 400 });
  }
  return redirect(`/staff/cases/${row.reference}`);
}

export default function ClosePage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  return (
    <>
      <ErrorSummary errors={result?.error ? [{ href: "#close", message: result.error }] : []} />
      <CaseHeading reference={d.reference} kind={d.kind} title={t("close.title", { kind: t(`close.kinds.${d.kind}`) })} />
      {d.closed ? (
        <>
          <p className="govuk-body">{t("errors.close.wrong-state")}</p>
          <CancelLink reference={d.reference} />
        </>
      ) : (
        <>
          <p className="govuk-body">{t("close.intro")}</p>
          <Form method="post">
            <div className="govuk-button-group">
              <button type="submit" id="close" className="govuk-button" data-module="govuk-button">
                {t("close.confirm")}
              </button>
              <CancelLink reference={d.reference} />
            </div>
          </Form>
        </>
      )}
    </>
  );
}
