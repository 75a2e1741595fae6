import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SuccessBanner } from "~/components/notification-banner";
import type { RouteHandle } from "~/components/page-title";
import { RecoveryCodesPanel, StartEnrolmentButton } from "~/components/recovery-codes";
import { clearedSessionCookie, requireStaff } from "~/services/auth.server";
import { accountSummary } from "~/services/accounts.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { signOutEverywhere } from "~/services/sign-in.server";
import { issueRecoveryCodes, recoveryCodesLeft, removeTotp, totpRequired } from "~/services/totp.server";

export const handle: RouteHandle = { title: (t) => t("staff:account.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const staff = await requireStaff(db, request, "account.manage");
  const summary = accountSummary(db, staff.id);
  if (!summary) throw new Response("Not found", { status: 404 });
  return { ...summary, totpRequired: totpRequired(summary), recoveryCodesLeft: summary.totpEnabled ? recoveryCodesLeft(db, staff.id) : 0 };
}

export async function action({ request }: ActionFunctionArgs) {
  const db = getDb();
  const staff = await requireStaff(db, request, "account.manage");
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "sign-out-everywhere") {
    signOutEverywhere(db, staff.id, staff.id);
    return redirect("/staff/sign-in", { headers: { "Set-Cookie": await clearedSessionCookie() } });
  }
  if (intent === "remove-totp") {
    const summary = accountSummary(db, staff.id);
    if (summary && !totpRequired(summary)) removeTotp(db, staff.id, staff.id);
    return redirect("/staff/account?done=totp-removed");
  }
  if (intent === "new-recovery-codes") {
    if (!accountSummary(db, staff.id)?.totpEnabled) return redirect("/staff/account");
    // Shown in the answer to this POST and never again: only their hashes are kept.
    return { recoveryCodes: issueRecoveryCodes(db, staff.id) };
  }
  throw new Response("Bad request", { status: 400 });
}

export default function AccountPage() {
  const account = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done");
  if (result?.recoveryCodes) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <RecoveryCodesPanel codes={result.recoveryCodes} continueTo="/staff/account" />
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {done === "totp-enrolled" || done === "totp-removed" ? <SuccessBanner>{t(`account.done.${done}`)}</SuccessBanner> : null}
        <h1 className="govuk-heading-l">{t("account.title")}</h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("account.name")}</dt>
            <dd className="govuk-summary-list__value">{account.name}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("account.email")}</dt>
            <dd className="govuk-summary-list__value">{account.email}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("account.roles")}</dt>
            <dd className="govuk-summary-list__value">{account.roles.map((r) => t(`roles.${r}`)).join(", ")}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("account.teams")}</dt>
            <dd className="govuk-summary-list__value">{account.teams.length ? account.teams.map((team) => team.name).join(", ") : t("account.noTeams")}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("account.totp")}</dt>
            <dd className="govuk-summary-list__value" data-testid="totp-status">
              {account.totpEnabled ? t("account.totpOn") : account.totpRequired ? t("account.totpRequiredNotSet") : t("account.totpOff")}
            </dd>
          </div>
          {account.totpEnabled ? (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("account.recoveryCodes")}</dt>
              <dd className="govuk-summary-list__value" data-testid="recovery-codes-left">
                {t("account.recoveryCodesLeft", { count: account.recoveryCodesLeft })}
              </dd>
            </div>
          ) : null}
        </dl>

        <h2 className="govuk-heading-m">{t("account.totpHeading")}</h2>
        {account.totpEnabled ? (
          <>
            {account.totpRequired ? (
              <p className="govuk-body">{t("account.totpRequiredNote")}</p>
            ) : (
              <Form method="post">
                <input type="hidden" name="intent" value="remove-totp" />
                <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                  {t("account.removeTotp")}
                </button>
              </Form>
            )}
            <h3 className="govuk-heading-s">{t("account.recoveryCodes")}</h3>
            <p className="govuk-body">{t("account.recoveryCodesHint")}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="new-recovery-codes" />
              <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                {t("account.newRecoveryCodes")}
              </button>
            </Form>
          </>
        ) : (
          <StartEnrolmentButton action="/staff/account/two-step" />
        )}

        <h2 className="govuk-heading-m">{t("account.everywhereHeading")}</h2>
        <p className="govuk-body">{t("account.everywhereHint")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="sign-out-everywhere" />
          <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
            {t("account.signOutEverywhere")}
          </button>
        </Form>
      </div>
    </div>
  );
}
