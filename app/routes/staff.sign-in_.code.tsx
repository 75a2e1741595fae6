import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, summaryErrors, TextField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { homeFor } from "~/domain/permissions";
import { secondStepSchema } from "~/domain/staff-forms";
import { clearedSessionCookie, getPendingSession, rolesOf, safeRedirect, sessionCookie } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { completeTotpSignIn } from "~/services/sign-in.server";

export const handle: RouteHandle = { title: (t) => t("staff:signInCode.title") };

async function pendingOrRestart(request: Request) {
  const pending = await getPendingSession(getDb(), request);
  if (!pending || pending.pending !== "totp") throw redirect("/staff/sign-in");
  return pending;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await pendingOrRestart(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const db = getDb();
  const pending = await pendingOrRestart(request);
  const submission = parseWithZod(await readForm(request), { schema: secondStepSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["code"] }), { status: 400 });
  const result = completeTotpSignIn(db, {
    pendingSessionId: pending.sessionId,
    staffUserId: pending.user.id,
    code: submission.value.code,
    clientAddress: context.clientAddress,
  });
  if (result.outcome === "locked") {
    // The pending session is gone: start again from the password, once the lock is over.
    throw redirect("/staff/sign-in", { headers: { "Set-Cookie": await clearedSessionCookie() } });
  }
  if (result.outcome !== "signed-in") {
    return data(submission.reply({ fieldErrors: { code: ["staff:errors.code.wrong"] }, hideFields: ["code"] }), { status: 400 });
  }
  const requested = new URL(request.url).searchParams.get("redirectTo");
  const home = homeFor(rolesOf(db, result.staffUserId));
  return redirect(requested && requested !== "/staff" ? safeRedirect(requested, home) : home, {
    headers: { "Set-Cookie": await sessionCookie(result.sessionId) },
  });
}

export default function SignInCodePage() {
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm(formOptions("sign-in-code", secondStepSchema, lastResult));
  const query = searchParams.get("redirectTo") ? `?redirectTo=${encodeURIComponent(searchParams.get("redirectTo") ?? "")}` : "";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summaryErrors([{ field: fields.code }])} />
        <Form method="post" action={`/staff/sign-in/code${query}`} {...getFormProps(form)}>
          <TextField
            field={fields.code}
            label={t("signInCode.title")}
            hint={t("signInCode.hint")}
            isPageHeading
            width="5"
            autoComplete="one-time-code"
            spellCheck={false}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("signInCode.submit")}
          </button>
        </Form>
        <p className="govuk-body">{t("signInCode.recovery")}</p>
        <p className="govuk-body">{t("signInCode.lost")}</p>
      </div>
    </div>
  );
}
