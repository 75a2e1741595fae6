import { getFormProps, useForm } from "@conform-to/react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorMessage, ErrorSummary, serverCheckedFormOptions, summaryErrors, TextareaField } from "~/components/form-fields";
import { BackLink } from "~/components/layout";
import type { RouteHandle } from "~/components/page-title";
import { ACCEPT_ATTRIBUTE, problemMessage, problemStatus } from "~/domain/attachments";
import { discardBody, isMultipart, receiveUpload } from "~/services/attachments.server";
import { personCase, sendInformation } from "~/services/check.server";
import { requireCheckSession } from "~/services/check-session.server";
import { config } from "~/services/config.server";
import { type CheckFormShape, parseCheckForm } from "~/services/check-forms.server";
import { MESSAGE_MAX } from "~/domain/check/limits";
import { getDb } from "~/services/db.server";

// "Check your complaint": more information or a document for the case (decision record 030).
// The file goes through the e-form's checks (kind by content, size) and is stored the same way.



export const handle: RouteHandle = { title: (t) => t("check:send.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const session = await requireCheckSession(db, request);
  if (!personCase(db, session)?.view.mayMessage) throw redirect("/check/complaint");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const db = getDb();
  const session = await requireCheckSession(db, request).catch(async (thrown: unknown) => {
    await discardBody(request);
    throw thrown;
  });
  if (!isMultipart(request)) {
    await discardBody(request);
    throw data("Send the form as multipart/form-data", { status: 400 });
  }
  const received = await receiveUpload(request, config().attachmentsDir);
  const form = new FormData();
  for (const [k, v] of Object.entries(received.fields)) form.append(k, v);
  const submission = parseCheckForm(form, "send");
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  if (received.problem) return data(submission.reply({ fieldErrors: { file: [`form:${problemMessage(received.problem)}`] } }), { status: problemStatus(received.problem) });
  const result = await sendInformation(db, session, { message: submission.value.message ?? "", file: received.file, attachmentsDir: config().attachmentsDir, publicUrl: config().publicUrl });
  if (result.ok) return redirect("/check/complaint?sent=true");
  if (result.error === "empty") return data(submission.reply({ fieldErrors: { message: ["check:errors.messageOrFile"] } }), { status: 400 });
  if (result.error === "rate-limited") return data(submission.reply({ fieldErrors: { message: ["check:errors.tooManyMessages"] } }), { status: 429 });
  // A contact restriction limits messages (decision record 042): the complaint page says how to write instead.
  if (result.error === "restricted") throw redirect("/check/complaint");
  return data(submission.reply({ fieldErrors: { file: [`form:${problemMessage(result.error)}`] } }), { status: problemStatus(result.error) });
}

export default function SendInformationPage() {
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("check");
  const [form, fields] = useForm(serverCheckedFormOptions<CheckFormShape<"send">>("check-send", lastResult));
  const fileErrors = lastResult?.error?.file ?? undefined;
  return (
    <>
      <BackLink to="/check/complaint" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={[...summaryErrors([{ field: fields.message }]), ...(fileErrors?.length ? [{ href: "#file", message: fileErrors[0] ?? "" }] : [])]} />
          <h1 className="govuk-heading-l">{t("send.title")}</h1>
          <p className="govuk-body">{t("send.intro")}</p>
          <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
            <TextareaField field={fields.message} label={t("send.messageLabel")} hint={t("send.messageHint")} maxLength={MESSAGE_MAX} rows={6} />
            <div className={fileErrors?.length ? "govuk-form-group govuk-form-group--error" : "govuk-form-group"}>
              <label className="govuk-label" htmlFor="file">
                {t("send.fileLabel")}
              </label>
              <div id="file-hint" className="govuk-hint">
                {t("send.fileHint")}
              </div>
              <ErrorMessage id="file-error" errors={fileErrors ?? undefined} />
              <input
                className={fileErrors?.length ? "govuk-file-upload govuk-file-upload--error" : "govuk-file-upload"}
                id="file"
                name="file"
                type="file"
                accept={ACCEPT_ATTRIBUTE}
                aria-describedby={fileErrors?.length ? "file-hint file-error" : "file-hint"}
                aria-invalid={fileErrors?.length ? true : undefined}
              />
            </div>
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button" data-module="govuk-button">
                {t("send.send")}
              </button>
              <Link className="govuk-link" to="/check/complaint">
                {t("send.cancel")}
              </Link>
            </div>
          </Form>
        </div>
      </div>
    </>
  );
}
