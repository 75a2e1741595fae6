import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, summaryErrors, TextField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { resetRequestSchema } from "~/domain/staff-forms";
import { requestPasswordReset } from "~/services/accounts.server";
import { config } from "~/services/config.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { withinLimit } from "~/services/rate-limit.server";

export const handle: RouteHandle = { title: (t) => t("staff:passwordReset.title") };

const HOUR = 60 * 60 * 1000;

export async function action({ request, context }: ActionFunctionArgs) {
  const db = getDb();
  const submission = parseWithZod(await readForm(request), { schema: resetRequestSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  // Quietly limited (3 an hour per address typed, 20 per client): the answer is the same either
  // way, so the limits reveal nothing, and nobody can flood a colleague's inbox.
  const withinAccount = withinLimit(db, `reset:${submission.value.email}`, { limit: 3, windowMs: HOUR });
  const withinClient = withinLimit(db, `reset-client:${context.clientAddress}`, { limit: 20, windowMs: HOUR });
  if (withinAccount && withinClient) requestPasswordReset(db, { email: submission.value.email, publicUrl: config().publicUrl });
  return redirect("/staff/password-reset?sent=1");
}

export default function PasswordResetRequestPage() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("staff");
  const [form, fields] = useForm(formOptions("password-reset", resetRequestSchema, lastResult));
  if (searchParams.get("sent")) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t("passwordReset.sentTitle")}</h1>
          <p className="govuk-body">{t("passwordReset.sent")}</p>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summaryErrors([{ field: fields.email }])} />
        <h1 className="govuk-heading-l">{t("passwordReset.title")}</h1>
        <p className="govuk-body">{t("passwordReset.intro")}</p>
        <Form method="post" {...getFormProps(form)}>
          <TextField field={fields.email} type="email" label={t("passwordReset.email")} autoComplete="username" spellCheck={false} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("passwordReset.submit")}
          </button>
        </Form>
      </div>
    </div>
  );
}
