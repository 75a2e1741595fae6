import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { ErrorSummary, summaryErrors, TextField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import { SuccessBanner } from "~/components/notification-banner";
import type { RouteHandle } from "~/components/page-title";
import { LIMITS, requiredLine } from "~/domain/form/fields";
import { homeFor } from "~/domain/permissions";
import { getStaff, rolesOf, safeRedirect, sessionCookie, staffSessionCookie } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { signIn } from "~/services/sign-in.server";
import { readForm } from "~/services/form-data.server";

const signInSchema = z.object({
  email: requiredLine("signInEmail", LIMITS.email),
  password: z.string({ error: "errors.signInPassword.required" }).check(z.maxLength(1024, "errors.signInPassword.required")),
  redirectTo: z.optional(z.string()),
});

export const handle: RouteHandle = { title: (t) => t("staff:signIn.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await getStaff(getDb(), request);
  if (staff) throw redirect(homeFor(staff.roles));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const db = getDb();
  const submission = parseWithZod(await readForm(request), { schema: signInSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });

  const previous: unknown = await staffSessionCookie.parse(request.headers.get("Cookie"));
  const result = await signIn(db, {
    email: submission.value.email,
    password: submission.value.password,
    clientAddress: context.clientAddress,
    previousSessionId: typeof previous === "string" ? previous : null,
  });
  if (result.outcome === "locked") {
    return data(submission.reply({ fieldErrors: { email: ["staff:errors.signIn.locked"] }, hideFields: ["password"] }), { status: 429 });
  }
  if (result.outcome === "invalid") {
    // One message for a wrong email and a wrong password: it must not reveal who has an account.
    return data(submission.reply({ fieldErrors: { email: ["errors.signIn.invalid"] }, hideFields: ["password"] }), { status: 400 });
  }
  const requested = submission.value.redirectTo;
  const headers = { "Set-Cookie": await sessionCookie(result.sessionId) };
  if (result.outcome === "signed-in") {
    const home = homeFor(rolesOf(db, result.staffUserId));
    return redirect(requested && requested !== "/staff" ? safeRedirect(requested, home) : home, { headers });
  }
  const next = result.outcome === "totp" ? "/staff/sign-in/code" : "/staff/sign-in/set-up";
  return redirect(requested ? `${next}?redirectTo=${encodeURIComponent(safeRedirect(requested))}` : next, { headers });
}

export default function SignInPage() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("staff");
  const [form, fields] = useForm(formOptions("sign-in", signInSchema, lastResult));
  // A failed attempt empties the password box, with JavaScript as without it.
  const [attempts, setAttempts] = useState({ lastResult, count: 0 });
  if (attempts.lastResult !== lastResult) setAttempts({ lastResult, count: attempts.count + 1 });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summaryErrors([{ field: fields.email }, { field: fields.password }])} />
        {searchParams.get("done") === "password" ? <SuccessBanner>{t("signIn.passwordSet")}</SuccessBanner> : null}
        <h1 className="govuk-heading-l">{t("signIn.title")}</h1>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
          <TextField field={fields.email} type="email" label={t("signIn.email")} autoComplete="username" spellCheck={false} />
          <TextField key={attempts.count} field={fields.password} type="password" label={t("signIn.password")} autoComplete="current-password" />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("signIn.submit")}
          </button>
        </Form>
        <p className="govuk-body">
          <Link className="govuk-link" to="/staff/password-reset">
            {t("signIn.forgotten")}
          </Link>
        </p>
      </div>
    </div>
  );
}
