import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, type ShouldRevalidateFunction, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, summaryErrors, TextField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { RecoveryCodesPanel, StartEnrolmentButton } from "~/components/recovery-codes";
import { TotpEnrolmentInstructions } from "~/components/totp-enrolment";
import { homeFor } from "~/domain/permissions";
import { codeSchema } from "~/domain/staff-forms";
import { getPendingSession, rolesOf, safeRedirect, sessionCookie } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { getSettings } from "~/services/settings.server";
import { finishEnrolmentSignIn } from "~/services/sign-in.server";
import { confirmEnrolment, enrolmentDetails, pendingEnrolmentSecret, startEnrolment } from "~/services/totp.server";

export const handle: RouteHandle = { title: (t) => t("staff:totp.setUpTitle") };

// Reached when TOTP is required and the person has not set it up: the password was right, and
// nothing else opens until an authenticator app is set up. The secret was made when the password
// was accepted (a POST); this page's GET only reads it.
async function pendingOrRestart(request: Request) {
  const pending = await getPendingSession(getDb(), request);
  if (!pending || pending.pending !== "totp-enrol") throw redirect("/staff/sign-in");
  return pending;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const pending = await pendingOrRestart(request);
  const secret = pendingEnrolmentSecret(db, pending.user.id);
  // None waiting (an administrator reset it meanwhile): a button starts again.
  if (!secret) return { started: false as const };
  const details = await enrolmentDetails(secret, pending.user.email, getSettings(db).councilName);
  return { started: true as const, qrCodeDataUrl: details.qrCodeDataUrl, secretForDisplay: details.secretForDisplay };
}

export async function action({ request }: ActionFunctionArgs) {
  const db = getDb();
  const pending = await pendingOrRestart(request);
  const form = await readForm(request);
  const url = new URL(request.url);
  if (form.get("intent") === "start") {
    startEnrolment(db, pending.user.id);
    return redirect(url.pathname + url.search);
  }
  const submission = parseWithZod(form, { schema: codeSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["code"] }), { status: 400 });
  const recoveryCodes = confirmEnrolment(db, pending.user.id, submission.value.code);
  if (!recoveryCodes) {
    return data(submission.reply({ fieldErrors: { code: ["staff:errors.code.wrong"] }, hideFields: ["code"] }), { status: 400 });
  }
  const sessionId = finishEnrolmentSignIn(db, { pendingSessionId: pending.sessionId, staffUserId: pending.user.id });
  const requested = url.searchParams.get("redirectTo");
  const home = homeFor(rolesOf(db, pending.user.id));
  const next = requested && requested !== "/staff" ? safeRedirect(requested, home) : home;
  // Signed in now; the recovery codes are shown in this answer only, with a link on to `next`.
  return data({ recoveryCodes, next }, { headers: { "Set-Cookie": await sessionCookie(sessionId) } });
}

// Once enrolled, this page's loader would send the person on at once (enrolment is over), and
// the recovery codes in the action's answer would vanish before they could be saved.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  actionResult && typeof actionResult === "object" && "recoveryCodes" in actionResult ? false : defaultShouldRevalidate;

export default function SignInSetUpPage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const [searchParams] = useSearchParams();
  const recovery = result && "recoveryCodes" in result ? result : null;
  const lastResult = result && !("recoveryCodes" in result) ? result : undefined;
  const [form, fields] = useForm(formOptions("totp-set-up", codeSchema, lastResult));
  const query = searchParams.get("redirectTo") ? `?redirectTo=${encodeURIComponent(searchParams.get("redirectTo") ?? "")}` : "";
  if (recovery) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <RecoveryCodesPanel codes={recovery.recoveryCodes} continueTo={recovery.next} />
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summaryErrors([{ field: fields.code }])} />
        <h1 className="govuk-heading-l">{t("totp.setUpTitle")}</h1>
        <p className="govuk-body">{t("totp.requiredIntro")}</p>
        {loaded.started ? (
          <>
            <TotpEnrolmentInstructions qrCodeDataUrl={loaded.qrCodeDataUrl} secretForDisplay={loaded.secretForDisplay} />
            <Form method="post" action={`/staff/sign-in/set-up${query}`} {...getFormProps(form)}>
              <TextField field={fields.code} label={t("totp.codeLabel")} hint={t("signInCode.hint")} width="5" autoComplete="one-time-code" spellCheck={false} />
              <button type="submit" className="govuk-button" data-module="govuk-button">
                {t("totp.confirm")}
              </button>
            </Form>
          </>
        ) : (
          <StartEnrolmentButton action={`/staff/sign-in/set-up${query}`} />
        )}
      </div>
    </div>
  );
}
