import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CancelLink, CaseHeading } from "~/components/casework";
import { ErrorSummary } from "~/components/form-fields";
import type { RouteHandle } from "~/components/page-title";
import { complimentMayBeShared, complimentPassedOn, passOnCompliment } from "~/services/case-assignment.server";
import { caseAction, openCase } from "~/services/case-route.server";
import { config } from "~/services/config.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";

export const handle: RouteHandle = { title: (t) => t("casework:compliment.title") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const { row } = await openCase(db, request, params.reference, "cases.triage");
  if (row.kind !== "compliment") throw new Response("Not found", { status: 404 });
  return { reference: row.reference, kind: row.kind, mayShare: complimentMayBeShared(row.answers), passedOn: complimentPassedOn(db, row.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const { staff, row } = await caseAction(db, request, params.reference, "cases.triage");
  await readForm(request);
  const result = passOnCompliment(db, staff, row.reference, { publicUrl: config().publicUrl });
  if (!result.ok) {
    // Sent already (a second press, or Back and resend): the same page as the first time, nothing sent again.
    if (result.error === "already-passed-on") return redirect(`/staff/cases/${row.reference}`);
    if (result.error === "not-found") throw new Response("Not found", { status: 404 });
    return data({ error: `casework:errors.compliment.${result.error}` }, { status: 400 });
  }
  return redirect(`/staff/cases/${row.reference}`);
}

export default function ComplimentPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  return (
    <>
      <ErrorSummary errors={result?.error ? [{ href: "#pass-on", message: result.error }] : []} />
      <CaseHeading reference={d.reference} kind={d.kind} title={t("compliment.title")} />
      {d.passedOn ? (
        <>
          <p className="govuk-body">{t("compliment.alreadyPassedOn")}</p>
          <p className="govuk-body">
            <Link className="govuk-link" to={`/staff/cases/${d.reference}`}>
              {t("staff:audit.backToCase")}
            </Link>
          </p>
        </>
      ) : d.mayShare ? (
        <>
          <p className="govuk-body">{t("compliment.intro")}</p>
          <Form method="post">
            <div className="govuk-button-group">
              <button type="submit" id="pass-on" className="govuk-button" data-module="govuk-button">
                {t("compliment.send")}
              </button>
              <CancelLink reference={d.reference} />
            </div>
          </Form>
        </>
      ) : (
        <>
          <p className="govuk-body">{t("compliment.noConsent")}</p>
          <CancelLink reference={d.reference} />
        </>
      )}
    </>
  );
}
