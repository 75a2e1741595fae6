import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RouteHandle } from "~/components/page-title";
import { CHECK_ANSWERS, firstIncompleteStep } from "~/domain/form/journey";
import { getDb } from "~/services/db.server";
import { draftCookieHeader } from "~/services/drafts.server";
import { readForm } from "~/services/form-data.server";
import { journeyContext } from "~/services/journey.server";
import { checkReturnLink, redeemReturnLink, RETURN_LINK_DAYS } from "~/services/return-links.server";

// The link from a "save and come back later" email. Opening it only shows a "Carry on" button;
// pressing it uses the link. Mail scanners that open every link in an email (as many employers'
// and providers' do) would otherwise use up a one-time link before the person ever sees it.

export const handle: RouteHandle = {
  title: (t, loaderData) => t((loaderData as { state?: string } | undefined)?.state === "valid" ? "form:returnLink.title" : "form:returnLink.invalidTitle"),
};

function stoppedWorking(state: "invalid" | "used" | "expired") {
  return data({ state }, { status: state === "invalid" ? 404 : 410 });
}

export async function loader({ params }: LoaderFunctionArgs) {
  const link = checkReturnLink(getDb(), params.token ?? "");
  return link.state === "valid" ? { state: "valid" as const } : stoppedWorking(link.state);
}

export async function action({ request, params }: ActionFunctionArgs) {
  await readForm(request);
  const db = getDb();
  const link = redeemReturnLink(db, params.token ?? "");
  if (link.state !== "valid") return stoppedWorking(link.state);
  const next = firstIncompleteStep(journeyContext(db, link.draft.answers)) ?? CHECK_ANSWERS;
  return redirect(`/form/${next}`, { headers: { "Set-Cookie": await draftCookieHeader(link.draft), "Cache-Control": "no-store" } });
}

export default function ReturnLinkPage() {
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const { t } = useTranslation("form");
  const state = acted?.state ?? loaded.state;
  if (state !== "valid") {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t("returnLink.invalidTitle")}</h1>
          <p className="govuk-body">{t("returnLink.invalidBody", { days: RETURN_LINK_DAYS })}</p>
          <p className="govuk-body">{t("returnLink.invalidSaved")}</p>
          <Link to="/form/kind" className="govuk-button" data-module="govuk-button">
            {t("returnLink.startAgain")}
          </Link>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("returnLink.title")}</h1>
        <p className="govuk-body">{t("returnLink.body")}</p>
        <Form method="post">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("returnLink.carryOn")}
          </button>
        </Form>
      </div>
    </div>
  );
}
