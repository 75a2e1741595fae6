import { getFormProps, useForm } from "@conform-to/react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, serverCheckedFormOptions, summaryErrors, TextareaField } from "~/components/form-fields";
import { BackLink } from "~/components/layout";
import type { RouteHandle } from "~/components/page-title";
import { personCase, withdrawOnline } from "~/services/check.server";
import { requireCheckSession } from "~/services/check-session.server";
import { config } from "~/services/config.server";
import { type CheckFormShape, parseCheckForm } from "~/services/check-forms.server";
import { REASON_MAX } from "~/domain/check/limits";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";

// "Check your complaint": withdrawing online, the table's withdraw move made by the person
// (decision record 030). Offered only while a stage is open.



export const handle: RouteHandle = { title: (t) => t("check:withdraw.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const session = await requireCheckSession(db, request);
  if (!personCase(db, session)?.mayWithdraw) throw redirect("/check/complaint");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const db = getDb();
  const session = await requireCheckSession(db, request);
  const submission = parseCheckForm(await readForm(request), "withdraw");
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = withdrawOnline(db, session, { reason: submission.value.reason, publicUrl: config().publicUrl });
  if (result.ok) return redirect("/check/complaint?withdrawn=true");
  if (result.error === "reason-required") return data(submission.reply({ fieldErrors: { reason: ["check:errors.reasonRequired"] } }), { status: 400 });
  throw redirect("/check/complaint");
}

export default function WithdrawPage() {
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("check");
  const [form, fields] = useForm(serverCheckedFormOptions<CheckFormShape<"withdraw">>("check-withdraw", lastResult));
  return (
    <>
      <BackLink to="/check/complaint" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={summaryErrors([{ field: fields.reason }])} />
          <h1 className="govuk-heading-l">{t("withdraw.title")}</h1>
          <p className="govuk-body">{t("withdraw.intro")}</p>
          <Form method="post" {...getFormProps(form)}>
            <TextareaField field={fields.reason} label={t("withdraw.reasonLabel")} hint={t("withdraw.reasonHint")} maxLength={REASON_MAX} rows={4} />
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
                {t("withdraw.confirm")}
              </button>
              <Link className="govuk-link" to="/check/complaint">
                {t("withdraw.cancel")}
              </Link>
            </div>
          </Form>
        </div>
      </div>
    </>
  );
}
