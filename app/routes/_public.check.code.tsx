import { getFormProps, useForm } from "@conform-to/react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, serverCheckedFormOptions, summaryErrors, TextField } from "~/components/form-fields";
import { BackLink } from "~/components/layout";
import type { RouteHandle } from "~/components/page-title";
import { normaliseCheckCode } from "~/domain/check/access";
import { enterCheckCode } from "~/services/check.server";
import { checkReferenceCookie, checkReferenceFrom, checkSessionCookie } from "~/services/check-session.server";
import { config } from "~/services/config.server";
import { type CheckFormShape, parseCheckForm } from "~/services/check-forms.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import type { loader as publicLoader } from "./_public";

// "Check your complaint", step 2: the code from the email. The same page and the same refusal
// for a reference that does not exist as for a wrong code (decision record 030).


export const handle: RouteHandle = { title: (t) => t("check:code.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const reference = await checkReferenceFrom(request);
  if (!reference) throw redirect("/check");
  return { reference };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const reference = await checkReferenceFrom(request);
  if (!reference) throw redirect("/check");
  const submission = parseCheckForm(await readForm(request), "code");
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = enterCheckCode(getDb(), { reference, code: normaliseCheckCode(submission.value.code) ?? "", clientAddress: context.clientAddress, perClientLimit: config().checkCodesPerHourPerClient });
  if (!result.ok) {
    const status = result.error === "rate-limited" ? 429 : 400;
    const message = result.error === "rate-limited" ? "check:errors.tooManyTries" : "check:errors.codeWrong";
    return data(submission.reply({ fieldErrors: { code: [message] } }), { status });
  }
  const headers = new Headers();
  headers.append("Set-Cookie", await checkSessionCookie.serialize(result.token));
  headers.append("Set-Cookie", await checkReferenceCookie.serialize("", { maxAge: 0 }));
  return redirect("/check/complaint", { headers });
}

export default function CheckCodePage() {
  const { reference } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const council = useRouteLoaderData<typeof publicLoader>("routes/_public");
  const { t } = useTranslation("check");
  const [form, fields] = useForm(serverCheckedFormOptions<CheckFormShape<"code">>("check-code", lastResult));
  return (
    <>
      <BackLink to="/check" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={summaryErrors([{ field: fields.code }])} />
          <h1 className="govuk-heading-l">{t("code.title")}</h1>
          <p className="govuk-body">{t("code.sent", { reference })}</p>
          <p className="govuk-body">{t("code.once")}</p>
          <Form method="post" {...getFormProps(form)}>
            <TextField field={fields.code} label={t("code.codeLabel")} hint={t("code.codeHint")} width="5" autoComplete="one-time-code" spellCheck={false} />
            <p className="govuk-body">{t("code.sharedDevice")}</p>
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button" data-module="govuk-button">
                {t("code.continue")}
              </button>
              <Link className="govuk-link" to="/check">
                {t("code.again")}
              </Link>
            </div>
          </Form>
          <p className="govuk-body">{t("code.noEmail", { phone: council?.complaintsTeamPhone })}</p>
        </div>
      </div>
    </>
  );
}
