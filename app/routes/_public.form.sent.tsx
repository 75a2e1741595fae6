import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EqualityOffer } from "~/components/equality-offer";
import type { RouteHandle } from "~/components/page-title";
import { formatLongDate } from "~/domain/dates";
import { letterEmailOf, postalAddressOf } from "~/domain/letters";
import { getLanguage } from "~/i18n/language.server";
import { getDb } from "~/services/db.server";
import { draftIdFrom, findDraft } from "~/services/drafts.server";
import { findRepresentationById } from "~/services/representations.server";
import { currentStage } from "~/services/stages.server";
import { getSettings } from "~/services/settings.server";

export const handle: RouteHandle = {
  title: (t, data) => t(`form:sent.title.${(data as { kind?: string } | undefined)?.kind ?? "complaint"}`),
};

/** The confirmation, read back from the draft that was sent, so a reload shows it again. */
export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const draft = findDraft(db, await draftIdFrom(request));
  const representation = draft?.representationId ? findRepresentationById(db, draft.representationId) : null;
  if (!representation) throw redirect("/");
  const language = await getLanguage(request);
  const settings = getSettings(db);
  const answers = representation.answers as Record<string, Record<string, unknown> | undefined>;
  const advocate = answers["advocate-offer"]?.wantsAdvocate === "yes";
  const dueOn = currentStage(db, representation.id)?.nextDueOn ?? null;
  return {
    kind: representation.kind,
    advocacyProvider: advocate ? settings.advocacyProviderName : null,
    reference: representation.reference,
    dueOn: dueOn ? formatLongDate(dueOn, language) : null,
    // The acknowledgement went by email only if the one rule for letters says so (decision record 023).
    emailed: letterEmailOf(representation) !== null,
    // A complaint's acknowledgement kept to post (the person gave an address to post it to).
    posted: representation.kind === "complaint" && letterEmailOf(representation) === null && postalAddressOf(representation.answers) !== null,
    phone: settings.complaintsTeamPhone,
    email: settings.complaintsTeamEmail,
  };
}

export default function SentPage() {
  const { kind, advocacyProvider, reference, dueOn, emailed, posted, phone, email } = useLoaderData<typeof loader>();
  const { t } = useTranslation("form");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">{t(`sent.title.${kind}`)}</h1>
          <div className="govuk-panel__body">
            {t("sent.referenceIntro")}
            <br />
            <strong data-testid="reference">{reference}</strong>
          </div>
        </div>
        {emailed ? <p className="govuk-body">{t("sent.emailed")}</p> : null}
        {posted ? (
          <p className="govuk-body" data-testid="posted">
            {t("sent.posted")}
          </p>
        ) : null}
        <h2 className="govuk-heading-m">{t("sent.nextHeading")}</h2>
        {dueOn ? (
          <p className="govuk-body" data-testid="due-date">
            {t("sent.dueBy", { date: dueOn })}
          </p>
        ) : null}
        <p className="govuk-body">{t(`sent.whatNext.${kind}`)}</p>
        {advocacyProvider ? <p className="govuk-body">{t("sent.advocate", { provider: advocacyProvider })}</p> : null}
        <p className="govuk-body">{t("sent.help", { phone, email })}</p>
        <EqualityOffer />
      </div>
    </div>
  );
}
