import { getFormProps, useForm } from "@conform-to/react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, serverCheckedFormOptions, summaryErrors, TextField } from "~/components/form-fields";
import type { RouteHandle } from "~/components/page-title";
import { normaliseReference } from "~/domain/reference-number";
import { requestCheckCode } from "~/services/check.server";
import { checkReferenceCookie } from "~/services/check-session.server";
import { config } from "~/services/config.server";
import { type CheckFormShape, parseCheckForm } from "~/services/check-forms.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import type { loader as publicLoader } from "./_public";

// "Check your complaint", step 1: the reference. The next page says the same whatever happened
// (decision record 030), so nobody learns from it whether a reference exists.


export const handle: RouteHandle = { title: (t) => t("check:start.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  return { notice: url.searchParams.get("expired") === "true" ? ("expired" as const) : url.searchParams.get("signed-out") === "true" ? ("signedOut" as const) : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseCheckForm(await readForm(request), "reference");
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const reference = normaliseReference(submission.value.reference) ?? "";
  const result = requestCheckCode(getDb(), { reference, clientAddress: context.clientAddress, perClientLimit: config().checkCodesPerHourPerClient });
  if (result.outcome === "rate-limited") return data(submission.reply({ fieldErrors: { reference: ["check:errors.tooManyCodes"] } }), { status: 429 });
  return redirect("/check/code", { headers: { "Set-Cookie": await checkReferenceCookie.serialize(reference) } });
}

export default function CheckStartPage() {
  const { notice } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const council = useRouteLoaderData<typeof publicLoader>("routes/_public");
  const { t } = useTranslation("check");
  const [form, fields] = useForm(serverCheckedFormOptions<CheckFormShape<"reference">>("check-reference", lastResult));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summaryErrors([{ field: fields.reference }])} />
        {notice ? (
          <div className="govuk-inset-text" data-testid="check-notice">
            {t(`start.${notice}`)}
          </div>
        ) : null}
        <h1 className="govuk-heading-l">{t("start.title")}</h1>
        <p className="govuk-body">{t("start.intro")}</p>
        <p className="govuk-body">{t("start.how")}</p>
        <Form method="post" {...getFormProps(form)}>
          <TextField field={fields.reference} label={t("start.referenceLabel")} hint={t("start.referenceHint")} width="10" autoComplete="off" spellCheck={false} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("start.send")}
          </button>
        </Form>
        <p className="govuk-body">{t("start.noEmail", { phone: council?.complaintsTeamPhone })}</p>
      </div>
    </div>
  );
}
