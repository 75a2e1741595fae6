import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CancelLink, CaseHeading } from "~/components/casework";
import { ErrorSummary } from "~/components/form-fields";
import type { RouteHandle } from "~/components/page-title";
import { londonDate } from "~/domain/calendar";
import { formatLongDate } from "~/domain/dates";
import { can } from "~/domain/permissions";
import { roleMayEver } from "~/domain/stages";
import { letterEmailOf } from "~/domain/letters";
import { closeFeedback } from "~/services/case-assignment.server";
import { caseAction, openCase } from "~/services/case-route.server";
import type { Representation } from "~/services/case.server";
import type { StaffMember } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { factsOf, offeredStageActions } from "~/services/stage-actions.server";
import { closeStage } from "~/services/stage-moves.server";
import { currentStage } from "~/services/stages.server";

export const handle: RouteHandle = {
  title: (t, d) => {
    const kind = (d as { kind?: string } | undefined)?.kind ?? "comment";
    return kind === "complaint" ? t("casework:closeStage.title") : t("casework:close.title", { kind: t(`casework:close.kinds.${kind}`) });
  },
};

function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

/**
 * One Close page for every kind (decision record 020): a compliment or a comment ends through the
 * feedback lifecycle (the complaints team, "cases.triage"); a complaint ends when its current
 * stage closes, which the transition table allows the complaints team once the stage is answered.
 */
function mayClose(staff: StaffMember, row: Representation) {
  return row.kind === "complaint" ? roleMayEver("close", staff.role) : can(staff.roles, "cases.triage");
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const { staff, row } = await openCase(db, request, params.reference, "cases.respond");
  if (!mayClose(staff, row)) notFound();
  if (row.kind !== "complaint") return { reference: row.reference, kind: row.kind, closed: row.status === "closed", windowEndsOn: null, sendTo: null };
  const stage = currentStage(db, row.id);
  if (!stage || !offeredStageActions(db, staff, row).includes("close")) throw redirect(`/staff/cases/${row.reference}`);
  const today = londonDate(new Date());
  const windowEndsOn = factsOf(db, stage, today).clocks.escalationWindowEndsOn;
  return {
    reference: row.reference,
    kind: row.kind,
    closed: false,
    // Still inside the window to ask for the next stage: staff are reminded before closing.
    windowEndsOn: windowEndsOn && windowEndsOn >= today ? formatLongDate(windowEndsOn, "en") : null,
    sendTo: letterEmailOf(row),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const { staff, row } = await caseAction(db, request, params.reference, "cases.respond");
  if (!mayClose(staff, row)) notFound();
  await readForm(request);
  if (row.kind === "complaint") {
    const result = closeStage(db, staff, row.reference);
    if (!result.ok && result.error === "not-found") notFound();
    // Refused only when the stage moved on meanwhile: the case page says where it is.
    return redirect(`/staff/cases/${row.reference}`);
  }
  const result = closeFeedback(db, staff, row.reference);
  if (!result.ok) {
    if (result.error === "not-found") notFound();
    return data({ error: `casework:errors.close.${result.error}` }, { status: 400 });
  }
  return redirect(`/staff/cases/${row.reference}`);
}

export default function ClosePage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const complaint = d.kind === "complaint";
  return (
    <>
      <ErrorSummary errors={result?.error ? [{ href: "#close", message: result.error }] : []} />
      <CaseHeading reference={d.reference} kind={d.kind} title={complaint ? t("closeStage.title") : t("close.title", { kind: t(`close.kinds.${d.kind}`) })} />
      {d.closed ? (
        <>
          <p className="govuk-body">{t("errors.close.wrong-state")}</p>
          <CancelLink reference={d.reference} />
        </>
      ) : (
        <>
          <p className="govuk-body">{complaint ? t("closeStage.intro") : t("close.intro")}</p>
          {d.windowEndsOn ? (
            <div className="govuk-warning-text" data-testid="window-open">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">{t("warning")}</span>
                {t("closeStage.windowOpen", { date: d.windowEndsOn })}
              </strong>
            </div>
          ) : null}
          <Form method="post">
            <div className="govuk-button-group">
              <button type="submit" id="close" className="govuk-button" data-module="govuk-button">
                {complaint ? (d.sendTo ? t("closeStage.send") : t("closeStage.record")) : t("close.confirm")}
              </button>
              <CancelLink reference={d.reference} />
            </div>
          </Form>
        </>
      )}
    </>
  );
}
