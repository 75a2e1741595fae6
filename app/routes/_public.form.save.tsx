import { getFormProps, useForm } from "@conform-to/react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, serverCheckedFormOptions, summaryErrors, TextField } from "~/components/form-fields";
import { BackLink } from "~/components/layout";
import type { RouteHandle } from "~/components/page-title";
import { CHECK_ANSWERS, firstIncompleteStep } from "~/domain/form/journey";
import { isStepId } from "~/domain/form/step-ids";
import { getLanguage } from "~/i18n/language.server";
import { config } from "~/services/config.server";
import { getDb } from "~/services/db.server";
import { openDraft } from "~/services/drafts.server";
import { readForm } from "~/services/form-data.server";
import { journeyContext } from "~/services/journey.server";
import { checkSaveRequest, RETURN_LINK_DAYS, sendReturnLink } from "~/services/return-links.server";

// "Save and come back later": asks for an email address and sends a one-time link back to this
// browser's draft. The address goes into the outbox row that sends the email, and nowhere else.

export const handle: RouteHandle = {
  title: (t, loaderData) => t((loaderData as { view?: string } | undefined)?.view === "sent" ? "form:save.sentTitle" : "form:save.title"),
};

/** Back to the page the person came from, if it is one of the form's pages. */
function backTo(from: string | null | undefined, fallback: string): string {
  return from && isStepId(from) ? `/form/${from}` : fallback;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  if (url.searchParams.get("sent") === "true") return { view: "sent" as const, backHref: null, from: null };
  const db = getDb();
  const draft = await openDraft(db, request);
  if (!draft) return { view: "no-draft" as const, backHref: "/", from: null };
  const first = firstIncompleteStep(journeyContext(db, draft.answers));
  const from = url.searchParams.get("from");
  return { view: "ask" as const, backHref: backTo(from, `/form/${first ?? CHECK_ANSWERS}`), from: from && isStepId(from) ? from : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const db = getDb();
  const submission = checkSaveRequest(await readForm(request));
  const draft = await openDraft(db, request);
  if (!draft) throw redirect("/form/save");
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = sendReturnLink(db, draft, {
    email: submission.value.email,
    language: await getLanguage(request),
    publicUrl: config().publicUrl,
    clientAddress: context.clientAddress,
    perClientLimit: config().returnLinksPerDayPerClient,
  });
  // One message whichever limit was reached: never a hint that someone else used the address.
  if (result.outcome === "rate-limited") {
    return data(submission.reply({ fieldErrors: { email: ["save.errors.tooMany"] } }), { status: 429 });
  }
  return redirect("/form/save?sent=true");
}

export default function SaveForLaterPage() {
  const { view, backHref, from } = useLoaderData<typeof loader>();
  const { t } = useTranslation("form");
  if (view === "sent") return <Sent />;
  if (view === "no-draft") {
    return (
      <>
        <BackLink to={backHref} />
        <h1 className="govuk-heading-l">{t("save.title")}</h1>
        <p className="govuk-body">{t("save.noDraft")}</p>
        <Link to="/form/kind" className="govuk-button govuk-button--start" data-module="govuk-button">
          {t("save.start")}
        </Link>
      </>
    );
  }
  return <AskForEmail backHref={backHref} from={from} />;
}

function AskForEmail({ backHref, from }: { backHref: string; from: string | null }) {
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("form");
  const [form, fields] = useForm(serverCheckedFormOptions<{ email: string; from: string }>("save", lastResult));
  return (
    <>
      <BackLink to={backHref} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={summaryErrors([{ field: fields.email }])} />
          <h1 className="govuk-heading-l">{t("save.title")}</h1>
          <p className="govuk-body">{t("save.intro", { days: RETURN_LINK_DAYS })}</p>
          <p className="govuk-body">{t("save.sessionOnly")}</p>
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">{t("save.warningPrefix")}</span>
              {t("save.warning")}
            </strong>
          </div>
          <Form method="post" action="/form/save" {...getFormProps(form)}>
            {from ? <input type="hidden" name="from" value={from} /> : null}
            <TextField
              field={fields.email}
              label={t("save.emailLabel")}
              hint={t("save.emailHint")}
              type="email"
              autoComplete="email"
              spellCheck={false}
            />
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button" data-module="govuk-button">
                {t("save.send")}
              </button>
              <Link className="govuk-link" to={backHref}>
                {t("save.back")}
              </Link>
            </div>
          </Form>
        </div>
      </div>
    </>
  );
}

function Sent() {
  const { t } = useTranslation("form");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">{t("save.sentTitle")}</h1>
        </div>
        <p className="govuk-body">{t("save.sentBody", { days: RETURN_LINK_DAYS })}</p>
        <p className="govuk-body">{t("save.sentSpam")}</p>
        <p className="govuk-body">{t("save.sentClose")}</p>
      </div>
    </div>
  );
}
