import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { answerRows } from "~/components/answers";
import type { RouteHandle } from "~/components/page-title";
import { SummaryList, type SummaryRow } from "~/components/summary-list";
import { londonDate } from "~/domain/calendar";
import { formatLongDate } from "~/domain/dates";
import { paragraphsOf } from "~/domain/paragraphs";
import { getLanguage, getMode } from "~/i18n/language.server";
import { personCase } from "~/services/check.server";
import { requireCheckSession } from "~/services/check-session.server";
import { getDb } from "~/services/db.server";
import { teamOptions } from "~/services/public-teams.server";
import { getSettings } from "~/services/settings.server";
import type { loader as publicLoader } from "./_public";

// "Check your complaint", the person's own view (decision record 030): only what
// app/domain/check/person-view.ts allows. Each visit is written to the case's audit trail.

export const handle: RouteHandle = { title: (t) => t("check:complaint.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const session = await requireCheckSession(db, request);
  const seen = personCase(db, session);
  if (!seen) throw new Response("Not found", { status: 404 });
  const language = await getLanguage(request);
  const easyRead = (await getMode(request)) === "easy-read";
  const date = (iso: string | null) => (iso ? formatLongDate(iso, language) : null);
  const s = getSettings(db);
  return {
    reference: seen.reference,
    receivedOn: date(seen.receivedOn),
    answers: seen.answers,
    teams: teamOptions(db, { easyRead }),
    language,
    // Which thing they just did, for the banner (PRG: the page after the post says it worked).
    banner: (["asked", "sent", "withdrawn", "answered", "agreed", "changes"] as const).find((k) => new URL(request.url).searchParams.get(k) === "true") ?? null,
    mayWithdraw: seen.mayWithdraw,
    // Stage 2's statement of complaint (decision record 041): where it stands, and whether it waits for them.
    statement: seen.view.statement ? { status: seen.view.statement.status, agreedOn: date(seen.view.statement.agreedOn), mayAnswer: seen.mayAnswerStatement } : null,
    mayMessage: seen.view.mayMessage,
    mayAskExperience: seen.mayAskExperience,
    stages: seen.view.stages.map((st) => ({
      ...st,
      startedOn: date(st.startedOn),
      dueOn: date(st.dueOn),
      respondedOn: date(st.respondedOn),
      closedOn: date(st.closedOn),
      extension: st.extension ? { to: date(st.extension.to), reason: st.extension.reason } : null,
    })),
    letters: seen.view.letters.map((l) => ({ key: l.key, by: l.by, subject: l.subject, body: l.body, on: formatLongDate(londonDate(l.at), language) })),
    files: seen.view.files.map((f) => ({ key: f.key, name: f.name })),
    next: seen.next ? { ...seen.next, windowEndsOn: date(seen.next.windowEndsOn), askedOn: date(seen.next.askedOn) } : null,
    ombudsman: seen.ombudsmanNext ? { name: s.ombudsmanName, website: s.ombudsmanWebsite, phone: s.ombudsmanPhone } : null,
  };
}

export default function CheckComplaintPage() {
  const d = useLoaderData<typeof loader>();
  const council = useRouteLoaderData<typeof publicLoader>("routes/_public");
  const { t } = useTranslation("check");
  const current = d.stages.at(-1);
  const earlier = d.stages.slice(0, -1);
  const stageName = (kind: string) => t(`check:stages.${kind}`);
  const rows: SummaryRow[] = current
    ? [
        { key: "stage", label: t("complaint.stage"), value: t("complaint.stageValue", { stage: stageName(current.kind) }) },
        { key: "state", label: t("complaint.state"), value: t(`complaint.states.${current.state}`) },
        ...(current.dueOn && current.state === "open" ? [{ key: "due", label: t("complaint.dueOn"), value: current.dueOn }] : []),
        ...(current.extension
          ? [
              {
                key: "extended",
                label: t("complaint.extended"),
                value: [t("complaint.extendedValue", { date: current.extension.to }), current.extension.reason ? t("complaint.extendedReason", { reason: current.extension.reason }) : null]
                  .filter(Boolean)
                  .join("\n"),
              },
            ]
          : []),
        ...(current.respondedOn ? [{ key: "responded", label: t("complaint.respondedOn"), value: current.respondedOn }] : []),
        ...(current.closedOn ? [{ key: "closed", label: t("complaint.closedOn"), value: current.closedOn }] : []),
      ]
    : [];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {d.banner ? (
          <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="check-banner-title" data-module="govuk-notification-banner">
            <div className="govuk-notification-banner__header">
              <h2 className="govuk-notification-banner__title" id="check-banner-title">
                {t("complaint.bannerTitle")}
              </h2>
            </div>
            <div className="govuk-notification-banner__content">
              <p className="govuk-notification-banner__heading">{
                  t(
                    {
                      asked: "complaint.askedBanner",
                      sent: "send.sentBanner",
                      withdrawn: "withdraw.doneBanner",
                      answered: "experience.thanks",
                      agreed: "statement.agreedBanner",
                      changes: "statement.changesBanner",
                    }[d.banner],
                  )
                }</p>
            </div>
          </div>
        ) : null}
        <span className="govuk-caption-l">{t("complaint.reference", { reference: d.reference })}</span>
        <h1 className="govuk-heading-l">{t("complaint.title")}</h1>

        <h2 className="govuk-heading-m">{t("complaint.now")}</h2>
        {rows.length > 0 ? <SummaryList rows={rows} /> : <p className="govuk-body">{t("complaint.waiting")}</p>}
        {earlier.length > 0 ? (
          <>
            <h3 className="govuk-heading-s">{t("complaint.earlier")}</h3>
            <ul className="govuk-list">
              {earlier.map((st) => (
                <li key={st.sequence}>{t("complaint.earlierStage", { stage: stageName(st.kind), started: st.startedOn })}</li>
              ))}
            </ul>
          </>
        ) : null}

        {d.statement ? (
          <>
            <h2 className="govuk-heading-m">{t("statement.title")}</h2>
            <p className="govuk-body" data-testid="statement-status">
              {d.statement.status === "agreed"
                ? d.statement.agreedOn
                  ? t("statement.agreed", { date: d.statement.agreedOn })
                  : t("statement.agreedNoDate")
                : d.statement.status === "changes-asked"
                  ? t("statement.changesAsked")
                  : t("statement.waiting")}
            </p>
            <p className="govuk-body">
              <Link className="govuk-link" to="/check/statement">
                {t(d.statement.mayAnswer ? "statement.linkAnswer" : "statement.link")}
              </Link>
            </p>
          </>
        ) : null}

        <h2 className="govuk-heading-m">{t("complaint.nextHeading")}</h2>
        <NextStep next={d.next} ombudsman={d.ombudsman} stageName={stageName} />
        <ul className="govuk-list" data-testid="check-actions">
          {d.mayMessage ? (
            <li>
              <Link className="govuk-link" to="/check/send">
                {t("complaint.actions.send")}
              </Link>
            </li>
          ) : (
            // A contact restriction limits messages (decision record 042); its words are never shown.
            <li>{t("complaint.writeAsAgreed")}</li>
          )}
          {d.mayAskExperience ? (
            <li>
              <Link className="govuk-link" to="/check/experience">
                {t("experience.link")}
              </Link>
            </li>
          ) : null}
          {d.mayWithdraw ? (
            <li>
              <Link className="govuk-link" to="/check/withdraw">
                {t("complaint.actions.withdraw")}
              </Link>
            </li>
          ) : null}
        </ul>
        <p className="govuk-body">{t("complaint.nothing", { phone: council?.complaintsTeamPhone, email: council?.complaintsTeamEmail })}</p>

        <h2 className="govuk-heading-m">{t("complaint.letters")}</h2>
        {d.letters.length === 0 ? <p className="govuk-body">{t("complaint.noLetters")}</p> : null}
        {d.letters.map((letter) => (
          <details className="govuk-details" key={letter.key}>
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">{letter.subject}</span>
            </summary>
            <div className="govuk-details__text">
              <p className="govuk-body-s">{t("complaint.letterSent", { date: letter.on, by: t(`complaint.by.${letter.by}`) })}</p>
              {paragraphsOf(letter.body).map((p, i) => (
                  <p className="govuk-body speakup-preserve-lines" key={i}>
                    {p}
                  </p>
                ))}
            </div>
          </details>
        ))}

        <h2 className="govuk-heading-m">{t("complaint.sent")}</h2>
        <p className="govuk-body">{t("complaint.receivedOn", { date: d.receivedOn })}</p>
        <SentAnswers answers={d.answers} teams={d.teams} language={d.language} />
        {d.files.length > 0 ? (
          <>
            <h3 className="govuk-heading-s">{t("complaint.files")}</h3>
            <ul className="govuk-list govuk-list--bullet">
              {d.files.map((f) => (
                <li key={f.key}>{f.name}</li>
              ))}
            </ul>
          </>
        ) : null}

        <Form method="post" action="/check/sign-out">
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            {t("complaint.signOut")}
          </button>
        </Form>
      </div>
    </div>
  );
}

function SentAnswers({ answers, teams, language }: { answers: Record<string, unknown>; teams: ReadonlyArray<readonly [string, string]>; language: string }) {
  const { t } = useTranslation("check");
  const rows = answerRows(t, answers, { changeLinks: false, teams, language });
  return rows.length > 0 ? <SummaryList rows={rows} /> : null;
}

function NextStep({
  next,
  ombudsman,
  stageName,
}: {
  next: { kind: string; mayAsk: boolean; windowEndsOn: string | null; late: boolean; askedOn: string | null } | null;
  ombudsman: { name: string; website: string; phone: string } | null;
  stageName: (kind: string) => string;
}) {
  const { t } = useTranslation("check");
  if (ombudsman) return <p className="govuk-body">{t("complaint.ombudsman", ombudsman)}</p>;
  if (!next) return <p className="govuk-body">{t("complaint.waiting")}</p>;
  const stage = stageName(next.kind);
  if (next.askedOn) return <p className="govuk-body">{t("complaint.asked", { stage, date: next.askedOn })}</p>;
  const says = !next.windowEndsOn ? t("complaint.mayAskOverdue", { stage }) : next.late ? t("complaint.mayAskLate", { stage, date: next.windowEndsOn }) : t("complaint.mayAsk", { stage, date: next.windowEndsOn });
  return (
    <>
      <p className="govuk-body">{says}</p>
      {next.mayAsk ? (
        <Link to="/check/next-stage" role="button" draggable="false" className="govuk-button" data-module="govuk-button">
          {t("complaint.ask", { stage })}
        </Link>
      ) : null}
    </>
  );
}
