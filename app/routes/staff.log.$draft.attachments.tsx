import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AttachmentsForm, attachmentsErrorTarget } from "~/components/attachments-form";
import { ErrorSummary } from "~/components/form-fields";
import type { RouteHandle } from "~/components/page-title";
import { ATTACHMENT_LIMITS, formatFileSize, problemMessage, problemStatus } from "~/domain/attachments";
import { discardBody, handleAttachmentsPost, listAttachments } from "~/services/attachments.server";
import { requireStaff } from "~/services/auth.server";
import { findLog, mayVisitLogStep, nextLogStep, saveLogStep } from "~/services/case-log.server";
import { config } from "~/services/config.server";
import { getDb } from "~/services/db.server";

// Staff logging a letter, an email or a visit add what came with it (a scanned letter, photos),
// on the e-form's own page, with the same limits and content checks.

const STEP = "attachments" as const;

export const handle: RouteHandle = { title: (t) => t("form:attachments.title") };

async function open(request: Request, params: { draft?: string }) {
  const db = getDb();
  const staff = await requireStaff(db, request, "cases.create");
  const draft = findLog(db, params.draft ?? "");
  if (!draft) return { db, staff, draft: null, elsewhere: null } as const;
  if (!mayVisitLogStep(db, draft, STEP)) return { db, staff, draft: null, elsewhere: `/staff/log/${draft.id}/${nextLogStep(db, draft.id)}` } as const;
  return { db, staff, draft, elsewhere: null } as const;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, draft, elsewhere } = await open(request, params);
  if (elsewhere) throw redirect(elsewhere);
  if (!draft) throw new Response("Not found", { status: 404 });
  return {
    draftId: draft.id,
    method: draft.log.method,
    files: listAttachments(db, { draftId: draft.id }).map((a) => ({ id: a.id, name: a.originalName, size: formatFileSize(a.sizeBytes) })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, staff, draft, elsewhere } = await open(request, params);
  if (!draft) {
    await discardBody(request);
    if (elsewhere) throw redirect(elsewhere);
    throw new Response("Not found", { status: 404 });
  }
  const outcome = await handleAttachmentsPost(db, config().attachmentsDir, draft.id, request, staff.id);
  switch (outcome.outcome) {
    case "refused":
      return data({ error: problemMessage(outcome.problem) }, { status: problemStatus(outcome.problem) });
    case "continue":
      return redirect(`/staff/log/${draft.id}/${saveLogStep(db, draft, STEP, {})}`);
    case "stay":
      return redirect(`/staff/log/${draft.id}/${STEP}`);
    case "unknown":
      throw data("Unknown action", { status: 400 });
  }
}

export default function LogAttachmentsPage() {
  const { draftId, method, files } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  // A key in the form namespace: the error message and summary translate it.
  const error = reply?.error;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={error ? [{ href: attachmentsErrorTarget(files.length), message: error }] : []} />
        <span className="govuk-caption-l">{t("log.caption", { method })}</span>
        <h1 className="govuk-heading-l">{t("form:attachments.title")}</h1>
        <p className="govuk-body">{t("log.attachmentsIntro")}</p>
        <p className="govuk-body">
          {t("form:attachments.limits", { max: ATTACHMENT_LIMITS.maxFiles, size: formatFileSize(ATTACHMENT_LIMITS.maxFileBytes) })}
        </p>
        <AttachmentsForm files={files} formAction={`/staff/log/${draftId}/${STEP}`} error={error} />
        <p className="govuk-body">
          <Link className="govuk-link" to="/staff">
            {t("log.cancel")}
          </Link>
        </p>
      </div>
    </div>
  );
}
