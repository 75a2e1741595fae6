import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AttachmentsForm, attachmentsErrorTarget } from "~/components/attachments-form";
import { PicturedQuestion } from "~/components/easy-read";
import { ErrorSummary } from "~/components/form-fields";
import { BackLink } from "~/components/layout";
import type { RouteHandle } from "~/components/page-title";
import { ATTACHMENT_LIMITS, formatFileSize, problemMessage, problemStatus } from "~/domain/attachments";
import { questionPictures } from "~/domain/form/pictures";
import { CHECK_ANSWERS, firstIncompleteStep, mayVisit, nextStep, nextStepAfterChange, previousStep, stepNumber } from "~/domain/form/journey";
import { discardBody, handleAttachmentsPost, listAttachments } from "~/services/attachments.server";
import { config } from "~/services/config.server";
import { getDb } from "~/services/db.server";
import { draftCookieHeader, openDraft, saveStepAnswers, type Draft } from "~/services/drafts.server";
import { getMode } from "~/i18n/language.server";
import { journeyContext } from "~/services/journey.server";
import { picturesFor } from "~/services/pictures.server";

// The optional "add documents or pictures" page of the e-form (the form itself is shared with
// staff logging: ~/components/attachments-form).

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
    pictures: (await getMode(request)) === "easy-read" ? picturesFor({ attachments: questionPictures.attachments }) : {},
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

  const outcome = await handleAttachmentsPost(db, config().attachmentsDir, draft.id, request);
  switch (outcome.outcome) {
    case "refused":
      return data({ status: "error" as const, error: problemMessage(outcome.problem) }, { status: problemStatus(outcome.problem) });
    case "continue":
      return continueJourney(draft, context, change);
    case "stay":
      return redirect(here);
    case "unknown":
      throw data("Unknown action", { status: 400 });
  }
}

async function continueJourney(draft: Draft, context: Awaited<ReturnType<typeof draftHere>>["context"], change: boolean) {
  const saved = saveStepAnswers(getDb(), draft, STEP, {});
  const after = { ...context, answers: saved.answers };
  const next = change ? nextStepAfterChange(after) : nextStep(STEP, after);
  return redirect(`/form/${next}`, { headers: { "Set-Cookie": await draftCookieHeader(saved) } });
}

export default function AttachmentsPage() {
  const { files, position, change, backHref, pictures } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation("form");
  const formAction = `${PATH}${change ? "?change=true" : ""}`;
  const error = reply?.status === "error" ? reply.error : undefined;

  return (
    <>
      <BackLink to={backHref} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={error ? [{ href: attachmentsErrorTarget(files.length), message: error }] : []} />
          <span className="govuk-caption-l">{t("stepOf", { number: position.number, of: position.of })}</span>
          <PicturedQuestion picture={pictures.attachments}>
            <h1 className="govuk-heading-l">{t("attachments.title")}</h1>
          </PicturedQuestion>
          <p className="govuk-body">{t("attachments.intro")}</p>
          <p className="govuk-body">
            {t("attachments.limits", { max: ATTACHMENT_LIMITS.maxFiles, size: formatFileSize(ATTACHMENT_LIMITS.maxFileBytes) })}
          </p>
          <p className="govuk-body">{t("attachments.privacy")}</p>
          <AttachmentsForm files={files} formAction={formAction} error={error} />
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
