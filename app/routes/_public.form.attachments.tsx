import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage, ErrorSummary } from "~/components/form-fields";
import { BackLink } from "~/components/layout";
import type { RouteHandle } from "~/components/page-title";
import { ACCEPT_ATTRIBUTE, ATTACHMENT_LIMITS, formatFileSize, hasRoomFor, problemMessage, type UploadProblem } from "~/domain/attachments";
import { CHECK_ANSWERS, firstIncompleteStep, mayVisit, nextStep, nextStepAfterChange, previousStep, stepNumber } from "~/domain/form/journey";
import {
  discardBody,
  isMultipart,
  listAttachments,
  receiveUpload,
  removeDraftAttachment,
  storeUpload,
} from "~/services/attachments.server";
import { config } from "~/services/config.server";
import { getDb } from "~/services/db.server";
import { draftCookieHeader, openDraft, saveStepAnswers, type Draft } from "~/services/drafts.server";
import { readForm } from "~/services/form-data.server";
import { journeyContext } from "~/services/journey.server";

// The optional "add documents or pictures" page. One multipart form uploads a file (or, with
// Continue, uploads any chosen file and moves on); each listed file has its own small Remove
// form. Everything works without JavaScript.

const STEP = "attachments" as const;
const PATH = `/form/${STEP}`;

export const handle: RouteHandle = { title: (t) => t("form:attachments.title") };

function isChange(request: Request) {
  return new URL(request.url).searchParams.get("change") === "true";
}

/** This browser's draft, if it has reached this page; otherwise where it should be instead. */
async function draftHere(request: Request) {
  const db = getDb();
  const draft = await openDraft(db, request);
  const context = journeyContext(db, draft?.answers ?? {});
  if (!draft || !mayVisit(STEP, context)) {
    return { draft: null, context, elsewhere: `/form/${draft ? (firstIncompleteStep(context) ?? CHECK_ANSWERS) : "kind"}` } as const;
  }
  return { draft, context, elsewhere: null } as const;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { draft, context, elsewhere } = await draftHere(request);
  if (!draft) throw redirect(elsewhere);
  const change = isChange(request);
  const previous = previousStep(STEP, context.answers, context.today);
  return {
    files: listAttachments(getDb(), { draftId: draft.id }).map((a) => ({ id: a.id, name: a.originalName, size: formatFileSize(a.sizeBytes) })),
    position: stepNumber(STEP, context.answers, context.today),
    change,
    backHref: change ? `/form/${CHECK_ANSWERS}` : previous ? `/form/${previous}` : "/",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const db = getDb();
  const { draft, context, elsewhere } = await draftHere(request);
  if (!draft) {
    await discardBody(request);
    throw redirect(elsewhere);
  }
  const change = isChange(request);
  const here = `${PATH}${change ? "?change=true" : ""}`;

  if (isMultipart(request)) {
    const dir = config().attachmentsDir;
    const received = await receiveUpload(request, dir);
    const intent = received.fields.intent === "continue" ? "continue" : "upload";
    let problem: UploadProblem | null = received.problem;
    if (!problem && received.file) {
      const stored = await storeUpload(db, dir, draft.id, received.file);
      if (!stored.ok) problem = stored.problem;
    } else if (!problem && intent === "upload") {
      problem = "chooseFile";
    }
    if (problem) return data({ status: "error" as const, error: problemMessage(problem) }, { status: problem === "tooLarge" ? 413 : 400 });
    return intent === "continue" ? continueJourney(draft, context, change) : redirect(here);
  }

  // Remove and Continue without a file come as an ordinary (urlencoded) form.
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "remove") {
    const id = Number(form.get("id"));
    if (Number.isSafeInteger(id)) removeDraftAttachment(db, config().attachmentsDir, draft.id, id);
    return redirect(here);
  }
  if (intent === "continue") return continueJourney(draft, context, change);
  throw data("Unknown action", { status: 400 });
}

async function continueJourney(draft: Draft, context: Awaited<ReturnType<typeof draftHere>>["context"], change: boolean) {
  const saved = saveStepAnswers(getDb(), draft, STEP, {});
  const after = { ...context, answers: saved.answers };
  const next = change ? nextStepAfterChange(after) : nextStep(STEP, after);
  return redirect(`/form/${next}`, { headers: { "Set-Cookie": await draftCookieHeader(saved) } });
}

export default function AttachmentsPage() {
  const { files, position, change, backHref } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation("form");
  const formAction = `${PATH}${change ? "?change=true" : ""}`;
  const room = hasRoomFor(files.length);
  const error = reply?.status === "error" ? [reply.error] : undefined;
  const errorTarget = room ? "#file" : "#uploaded-files";
  // With JavaScript the page is not reloaded: empty the file input once a post is answered, so a
  // refused or stored file is not sent again by the next press of a button.
  const uploadForm = useRef<HTMLFormElement>(null);
  const navigation = useNavigation();
  useEffect(() => {
    if (navigation.state === "idle") uploadForm.current?.reset();
  }, [navigation.state]);

  return (
    <>
      <BackLink to={backHref} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={error ? [{ href: errorTarget, message: error[0] ?? "" }] : []} />
          <span className="govuk-caption-l">{t("stepOf", { number: position.number, of: position.of })}</span>
          <h1 className="govuk-heading-l">{t("attachments.title")}</h1>
          <p className="govuk-body">{t("attachments.intro")}</p>
          <p className="govuk-body">
            {t("attachments.limits", { max: ATTACHMENT_LIMITS.maxFiles, size: formatFileSize(ATTACHMENT_LIMITS.maxFileBytes) })}
          </p>
          <p className="govuk-body">{t("attachments.privacy")}</p>

          {files.length > 0 ? (
            <>
              <h2 className="govuk-heading-m" id="uploaded-files" tabIndex={-1}>
                {t("attachments.filesHeading")}
              </h2>
              <dl className="govuk-summary-list" data-testid="uploaded-files">
                {files.map((file) => (
                  <div className="govuk-summary-list__row" key={file.id}>
                    <dt className="govuk-summary-list__key govuk-!-text-break-word">{file.name}</dt>
                    <dd className="govuk-summary-list__value">{file.size}</dd>
                    <dd className="govuk-summary-list__actions">
                      <Form method="post" action={formAction}>
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="id" value={file.id} />
                        <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                          {t("attachments.remove")}
                          <span className="govuk-visually-hidden"> {file.name}</span>
                        </button>
                      </Form>
                    </dd>
                  </div>
                ))}
              </dl>
            </>
          ) : null}

          <Form method="post" action={formAction} encType="multipart/form-data" ref={uploadForm}>
            {room ? (
              <div className={error ? "govuk-form-group govuk-form-group--error" : "govuk-form-group"}>
                <label className="govuk-label govuk-label--m" htmlFor="file">
                  {t("attachments.fileLabel")}
                </label>
                <div id="file-hint" className="govuk-hint">
                  {t("attachments.fileHint")}
                </div>
                <ErrorMessage id="file-error" errors={error} />
                <input
                  className={error ? "govuk-file-upload govuk-file-upload--error" : "govuk-file-upload"}
                  id="file"
                  name="file"
                  type="file"
                  accept={ACCEPT_ATTRIBUTE}
                  aria-describedby={error ? "file-hint file-error" : "file-hint"}
                  aria-invalid={error ? true : undefined}
                />
              </div>
            ) : (
              <>
                {error ? <ErrorMessage id="file-error" errors={error} /> : null}
                <div className="govuk-inset-text">{t("attachments.full", { max: ATTACHMENT_LIMITS.maxFiles })}</div>
              </>
            )}
            <div className="govuk-button-group">
              {room ? (
                <button type="submit" name="intent" value="upload" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                  {t("attachments.upload")}
                </button>
              ) : null}
              <button type="submit" name="intent" value="continue" className="govuk-button" data-module="govuk-button">
                {t("continue")}
              </button>
            </div>
          </Form>
          <p className="govuk-body">
            <Link className="govuk-link" to={`/form/save?from=${STEP}`}>
              {t("saveForLater")}
            </Link>
          </p>
        </div>
      </div>
    </>
  );
}
