import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { CardCell } from "~/components/card-label";
import { answerRows } from "~/components/answers";
import { formatLanguageAndMode } from "~/i18n/i18n";
import { CaseHeading } from "~/components/casework";
import { ErrorSummary, summaryErrors, TextareaField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { SummaryList } from "~/components/summary-list";
import { RagTag } from "~/components/rag-tag";
import { londonDate } from "~/domain/calendar";
import { caseLinks } from "~/domain/casework";
import { nextCaseAction } from "~/domain/case-identity";
import { can } from "~/domain/permissions";
import { isRunning } from "~/domain/stages";
import { formatPounds } from "~/domain/money";
import { offeredStageActions } from "~/services/stage-actions.server";
import { ragStatus } from "~/domain/stage-clocks";
import { formatDateTime, formatLongDate } from "~/domain/dates";
import { timelineLine } from "~/components/timeline-line";
import type { DraftAnswers } from "~/domain/form/steps";
import { requireText } from "~/domain/casework-forms";
import { complimentMayBeShared, currentTeams } from "~/services/case-assignment.server";
import { activeRestrictions } from "~/services/case-restrictions.server";
import { caseAction, openCase } from "~/services/case-route.server";
import { concernsOf } from "~/services/case-safeguarding.server";
import { caseCoding } from "~/services/case-triage.server";
import { contactSafetyNotes } from "~/services/case-view.server";
import { addNote, caseTimeline, staffNames } from "~/services/case.server";
import { getDb } from "~/services/db.server";
import { currentStage, stageHistory, type StageView } from "~/services/stages.server";
import { caseOutcomes, findingLabeller } from "~/services/outcomes.server";
import { listLearningActions } from "~/services/learning.server";
import { LearningTag } from "~/components/learning-tag";
import { keptLetters } from "~/services/letters.server";
import { postalAddressOf } from "~/domain/letters";
import { readForm } from "~/services/form-data.server";
import { teamOptions } from "~/services/public-teams.server";
import { markDealtWith, waitingRequests } from "~/services/online-requests.server";
import { statementVersionsOf } from "~/services/statements.server";
import { latestVersion, statementStatus } from "~/domain/check/statement";

const noteSchema = z.object({ note: requireText("note", 5000) });

export const handle: RouteHandle = {
  title: (t, data) =>
    t("casework:case.title", {
      reference: (data as { reference?: string } | undefined)?.reference ?? "",
    }),
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const { staff, row } = await openCase(db, request, params.reference, "cases.view");
  const history = stageHistory(db, row.id);
  const current = history.at(-1) ?? null;
  const names = staffNames(db, [row.respondingManagerId, ...history.flatMap((st) => [st.handlerId, ...st.people.map((p) => p.staffUserId)])]);
  const name = (id: number | null) => (id === null ? null : names.get(id) ?? null);
  const team = row.teamId ? currentTeams(db, row.teamId).find((t) => t.id === row.teamId) : undefined;
  const today = londonDate(new Date());
  const date = (d: string | null) => (d ? formatLongDate(d, "en") : null);
  const shareable = row.kind === "compliment" && complimentMayBeShared(row.answers);
  const coding = caseCoding(db, row.id);
  const findingWords = findingLabeller(db);
  const outcomes = caseOutcomes(db, row.id);
  // Stage 2's officers and Stage 3's panel, by name (an account's, or the name typed), with costs.
  const peopleOf = (st: StageView) =>
    st.people.map((p) => ({ role: p.role, name: (p.staffUserId !== null ? name(p.staffUserId) : null) ?? p.name ?? "", cost: p.costPence !== null ? formatPounds(p.costPence) : null }));
  // What was recorded in the stage besides its clock, in the order it happens.
  const factsOf = (st: StageView) =>
    [
      ["statementAgreedOn", date(st.statementAgreedOn)],
      ["panelOn", date(st.panelOn)],
      ["panelReportOn", date(st.panelReportOn)],
      ["ombudsmanReference", st.ombudsmanReference],
      ["ombudsmanEnquiryDueOn", date(st.ombudsmanEnquiryDueOn)],
      ["ombudsmanEnquiryAnsweredOn", date(st.ombudsmanEnquiryAnsweredOn)],
      ["ombudsmanDecision", st.ombudsmanDecision],
      ["remedy", st.remedy],
      ["remedyPence", st.remedyPence !== null ? formatPounds(st.remedyPence) : null],
      ["remedyDueOn", date(st.remedyDueOn)],
      ["remedyMetOn", date(st.remedyMetOn)],
    ]
      .filter((f): f is [string, string] => f[1] !== null)
      .map(([key, value]) => ({ key, value }));
  return {
    reference: row.reference,
    kind: row.kind,
    status: row.status,
    process: row.process,
    // The stage the case is in now, its next deadline with RAG words, and who holds it.
    current: current
      ? {
          kind: current.kind,
          state: current.state,
          nextDueOn: date(current.nextDueOn),
          rag: current.nextDueOn ? ragStatus(today, current.nextDueOn) : null,
          latestOn: date(current.latestOn),
          onHold: current.onHold,
          onHoldReason: current.onHoldReason,
          holder: name(current.handlerId ?? row.respondingManagerId),
          // Every deadline of the stage, met or not; an open one carries its RAG words.
          deadlines: current.deadlines.map((dl) => ({
            key: dl.key,
            dueOn: date(dl.dueOn) ?? "",
            metOn: date(dl.metOn),
            rag: dl.metOn === null && isRunning(current.state) ? ragStatus(today, dl.dueOn) : null,
          })),
          statementOverdue: (() => {
            const statement = current.deadlines.find((dl) => dl.key === "statement");
            return statement && statement.metOn === null && isRunning(current.state) && today > statement.dueOn ? date(statement.dueOn) : null;
          })(),
          people: peopleOf(current),
          facts: factsOf(current),
          // The person asked online ("Check your complaint"); staff confirm it by escalating.
          askedOnline: current.nextStageAskedOn && isRunning(current.state) ? date(current.nextStageAskedOn) : null,
          // Stage 2's statement of complaint, shared and agreed online (decision record 041).
          statement: (() => {
            if (current.kind !== "statutory-stage2") return null;
            const stage = currentStage(db, row.id);
            const versions = stage ? statementVersionsOf(db, stage.id) : [];
            const latest = latestVersion(versions);
            return {
              status: statementStatus(versions, current.statementAgreedOn),
              version: latest?.version ?? 0,
              sharedOn: latest ? formatLongDate(londonDate(latest.sharedAt), "en") : null,
              // The words as the person has them (the share page lists every version while it can be used).
              body: latest?.body ?? null,
            };
          })(),
        }
      : null,
    history: history.map((st) => ({
      kind: st.kind,
      state: st.state,
      startedOn: date(st.startedOn),
      dueOn: date(st.dueOn),
      latestOn: date(st.latestOn),
      extendedTo: date(st.extendedTo),
      respondedOn: date(st.respondedOn),
      finding: findingWords(st.finding),
      closedOn: date(st.closedOn),
      // What was asked and why, for the stage history: the request, a late request's reason, a hold, a withdrawal, a reopening.
      notes: [
        ...(st.requestedOn ? [{ key: "requested", value: date(st.requestedOn) }] : []),
        ...(st.lateRequestReason ? [{ key: "late", value: st.lateRequestReason }] : []),
        ...(st.onHold && st.onHoldReason ? [{ key: "onHold", value: st.onHoldReason }] : []),
        ...(st.withdrawnReason && st.state === "withdrawn" ? [{ key: "withdrawn", value: st.withdrawnReason }] : []),
        ...(st.reopenedReason ? [{ key: "reopened", value: st.reopenedReason }] : []),
      ],
      people: peopleOf(st),
      facts: factsOf(st),
    })),
    // Moves on the current stage come from the transition table, for this person's role now.
    // Every move has its page, app/routes/staff.cases.$reference.<move>.tsx (the permission matrix checks).
    // Imported history (decision 033) is read-only: no moves or notes offered, and changeCase refuses any change.
    imported: row.importedAt !== null,
    links: [
      ...(can(staff.roles, "cases.respond") ? offeredStageActions(db, staff, row) : []),
      ...(row.importedAt !== null
        ? []
        : caseLinks(staff.roles, {
            kind: row.kind,
            status: row.status,
            complimentMayBeShared: shareable,
          }).map((l) => l.to)),
      // Any case may raise a learning action (decision record 029): "you said, we did".
      ...(can(staff.roles, "learning.manage") && row.importedAt === null ? ["learning"] : []),
    ],
    // What the person did online that waits for staff (decision record 042), oldest first.
    waiting: waitingRequests(db, "all", { representationId: row.id }).map((w) => ({ entryId: w.entryId, kind: w.kind, since: formatDateTime(w.since, "en") })),
    mayDealWith: can(staff.roles, "cases.respond") && row.importedAt === null,
    learning: can(staff.roles, "learning.manage")
      ? listLearningActions(db, staff, { representationId: row.id }).map((a) => ({ id: a.id, change: a.change, team: a.team, dueOn: formatLongDate(a.dueOn, "en"), state: a.state, overdue: a.overdue }))
      : [],
    // What each stage found and gave, and what the complaint cost (decision record 028).
    outcomes: {
      overall: outcomes.overall,
      totals: {
        agreed: formatPounds(outcomes.totals.agreedPence),
        paid: formatPounds(outcomes.totals.paidPence),
        owed: formatPounds(outcomes.totals.owedPence),
        costs: formatPounds(outcomes.totals.costsPence),
        spent: formatPounds(outcomes.totals.spentPence),
      },
      mayRecordMoney: can(staff.roles, "cases.respond") && row.kind === "complaint" && history.length > 0,
      stages: outcomes.stages.map((st) => ({
        sequence: st.sequence,
        kind: st.kind,
        finding: st.finding,
        rule: st.rule,
        points: st.points,
        actualOutcomes: st.actualOutcomes,
        compensation: st.compensation.map((m) => ({ step: m.step, amount: formatPounds(m.pence), on: date(m.on) ?? "" })),
        costs: st.costs.map((p) => ({ role: p.role, name: name(p.staffUserId) ?? p.name ?? "", amount: formatPounds(p.pence), paidTo: p.paidTo })),
      })),
    },
    representationType: row.representationType,
    receivedFrom: row.receivedFrom,
    refusalReason: row.refusalReason,
    method: row.methodReceived,
    language: row.language,
    mode: row.mode,
    received: formatDateTime(row.receivedAt, "en"),
    team: team?.name ?? null,
    respondingManager: row.respondingManagerId ? names.get(row.respondingManagerId) ?? null : null,
    person: {
      name: row.personName,
      relationship: row.personRelationship,
      email: row.personEmail,
      child: row.childName,
    },
    natures: [...(coding["nature-social-care"] ?? []), ...(coding["nature-corporate"] ?? [])],
    outcomesSought: (coding["outcome-sought"] ?? []).map((c) => c.label),
    safety: contactSafetyNotes(row.answers),
    // Letters kept to post (decision record 023): each waits until staff record the day it went.
    letters: keptLetters(db, row.id).map((l) => ({
      entryId: l.entryId,
      template: l.template,
      written: formatLongDate(l.writtenOn, "en"),
      postedOn: l.posted ? formatLongDate(l.posted.on, "en") : null,
    })),
    hasPostalAddress: postalAddressOf(row.answers) !== null,
    restrictions: activeRestrictions(db, row).map((r) => ({
      id: r.id,
      restricted: r.restricted,
      reason: r.reason,
      reviewOn: formatLongDate(r.reviewOn, "en"),
    })),
    openConcerns: concernsOf(db, row.id).filter((c) => c.referralRecordedAt === null).length,
    safeguarding: row.safeguarding,
    // Stored as sent: validated by the e-form's schemas at the time.
    answers: row.answers as DraftAnswers,
    teams: teamOptions(db, { includeRetired: true }),
    timeline: caseTimeline(db, row).map((item) => ({
      ...item,
      iso: item.at.toISOString(),
      at: formatDateTime(item.at, "en"),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const form = await readForm(request);
  if (form.get("intent") === "dealt-with") {
    // Something the person did online, read and acted on (decision record 042).
    const { staff, row } = await caseAction(db, request, params.reference, "cases.respond");
    const id = String(form.get("entryId") ?? "");
    if (/^\d{1,12}$/.test(id)) markDealtWith(db, staff, row.reference, Number(id));
    return redirect(`/staff/cases/${row.reference}`);
  }
  const { staff, row } = await caseAction(db, request, params.reference, "cases.view");
  const submission = parseWithZod(form, {
    schema: noteSchema,
  });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const done = addNote(db, staff, row.reference, submission.value.note);
  if (!done.ok) throw new Response("Not found", { status: 404 });
  return redirect(`/staff/cases/${row.reference}`);
}

export default function CasePage() {
  const c = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const [form, fields] = useForm(formOptions("note-form", noteSchema, lastResult));
  const none = t("case.none");
  // One Close page for every kind; a complaint's link says what closing it means.
  const actions = c.links.map((to) => ({ to, label: t(to === "close" && c.kind === "complaint" ? "case.actions.closeStage" : `case.actions.${to}`) }));
  return (
    <>
      <ErrorSummary errors={summaryErrors([{ field: fields.note }])} />
      <CaseHeading reference={c.reference} kind={c.kind} back="/staff" />
      <IdentityBar c={c} actions={actions} />

      {c.imported ? (
        <p className="govuk-inset-text" data-testid="imported">
          {t("case.imported")}
        </p>
      ) : null}

      {c.openConcerns > 0 ? (
        <div className="govuk-warning-text" data-testid="safeguarding-warning">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">{t("warning")}</span>
            {t("case.safeguardingOpen", { count: c.openConcerns })}{" "}
            <Link className="govuk-link" to="safeguarding">
              {t("case.recordReferral")}
            </Link>
          </strong>
        </div>
      ) : null}

      {c.restrictions.length ? (
        <div className="govuk-notification-banner" role="region" aria-labelledby="restrictions-title" data-testid="restrictions">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="restrictions-title">
              {t("case.restrictionsTitle")}
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            {c.restrictions.map((r) => (
              <div key={r.id}>
                <p className="govuk-notification-banner__heading speakup-preserve-lines">{r.restricted}</p>
                <p className="govuk-body speakup-preserve-lines">
                  {t("case.restrictionReason", {
                    reason: r.reason,
                    date: r.reviewOn,
                  })}
                </p>
              </div>
            ))}
          </div>
        </div>
      ) : null}

      {c.safety.length ? (
        <div className="govuk-inset-text" data-testid="contact-safety">
          <h2 className="govuk-heading-m">{t("case.safetyTitle")}</h2>
          <ul className="govuk-list govuk-list--bullet">
            {c.safety.map((note) => (
              <li key={note.key}>
                {note.key === "noCalls" || note.key === "noVoicemail" || note.key === "noLetters" ? (
                  <strong>{t(`case.safety.${note.key}`)}</strong>
                ) : (
                  t(`case.safety.${note.key}`, { value: note.value ?? "" })
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {c.waiting.length > 0 ? (
        <section className="govuk-notification-banner" aria-labelledby="waiting-title" data-testid="waiting-online">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="waiting-title">
              {t("case.waiting.title")}
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <ul className="govuk-list">
              {c.waiting.map((w) => (
                <li key={w.entryId}>
                  {t("case.waiting.line", { what: t(`case.waiting.kinds.${w.kind}`), date: w.since })}
                  {c.mayDealWith ? (
                    <Form method="post" className="speakup-inline-form">
                      <input type="hidden" name="intent" value="dealt-with" />
                      <input type="hidden" name="entryId" value={w.entryId} />
                      <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-left-2" data-module="govuk-button">
                        {t("case.waiting.dealtWith")}
                        <span className="govuk-visually-hidden">: {t(`case.waiting.kinds.${w.kind}`)}, {w.since}</span>
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        </section>
      ) : null}
      {c.current ? (
        <div className="govuk-inset-text" data-testid="current-stage">
          <h2 className="govuk-heading-m">
            {t("case.currentStage", {
              stage: t(`stages.${c.current.kind}`),
              state: t(`stageStates.${c.current.state}`),
            })}
          </h2>
          {c.current.nextDueOn && c.current.rag ? (
            <p className="govuk-body">
              {t("case.nextDeadline", { date: c.current.nextDueOn })} <RagTag rag={c.current.rag} />
            </p>
          ) : (
            <p className="govuk-body">{t("case.noDeadline")}</p>
          )}
          <p className="govuk-body">
            {t("case.heldBy", {
              name: c.current.holder ?? t("inbox.unassigned"),
            })}
          </p>
          {c.current.statementOverdue ? (
            <div className="govuk-warning-text" data-testid="statement-overdue">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">{t("warning")}</span>
                {t("case.statementOverdue", { date: c.current.statementOverdue })}
              </strong>
            </div>
          ) : null}
          {c.current.askedOnline ? (
            <div className="govuk-warning-text" data-testid="asked-online">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">{t("warning")}</span>
                {t("case.askedOnline", { date: c.current.askedOnline })}
              </strong>
            </div>
          ) : null}
          {c.current.statement ? (
            <p className="govuk-body" data-testid="statement-status">
              <strong>{t("case.statementStatus.label")}:</strong>{" "}
              {t(`case.statementStatus.${c.current.statement.status}`, { version: c.current.statement.version, date: c.current.statement.sharedOn })}
            </p>
          ) : null}
          {c.current.statement?.body ? (
            <details className="govuk-details">
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">{t("case.statementStatus.read", { version: c.current.statement.version })}</span>
              </summary>
              <div className="govuk-details__text speakup-preserve-lines" data-testid="statement-words">
                {c.current.statement.body}
              </div>
            </details>
          ) : null}
          {c.current.deadlines.length ? (
            <>
              <h3 className="govuk-heading-s">{t("case.deadlinesTitle")}</h3>
              <ul className="govuk-list" data-testid="stage-deadlines">
                {c.current.deadlines.map((dl) => (
                  <li key={dl.key}>
                    {t(`case.deadlines.${dl.key}`)}:{" "}
                    {dl.metOn ? t("case.deadlineMet", { date: dl.metOn }) + ` (${t("case.deadlineDue", { date: dl.dueOn })})` : t("case.deadlineDue", { date: dl.dueOn })}{" "}
                    {dl.rag ? <RagTag rag={dl.rag} /> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <StagePeople people={c.current.people} />
          <StageFacts facts={c.current.facts} />
          {c.current.onHold ? (
            <p className="govuk-body">
              <strong className="govuk-tag govuk-tag--grey">{t("inbox.onHold")}</strong>{" "}
              <span className="speakup-preserve-lines">{t("case.onHoldBecause", { reason: c.current.onHoldReason ?? "" })}</span>
            </p>
          ) : null}
        </div>
      ) : null}

      <h2 className="govuk-heading-m">{t("case.actionsTitle")}</h2>
      <ul className="govuk-list" data-testid="case-actions">
        {actions.map((a) => (
          <li key={a.to}>
            <Link className="govuk-link" to={a.to}>
              {a.label}
            </Link>
          </li>
        ))}
      </ul>

      {c.letters.length ? (
        <div className="speakup-card-list">
        <table className="govuk-table speakup-cards" data-testid="letters-to-post">
          <caption className="govuk-table__caption govuk-table__caption--m">{t("letters.listTitle")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {(["letter", "written", "status"] as const).map((k) => (
                <th key={k} scope="col" className="govuk-table__header">
                  {t(`letters.${k}`)}
                </th>
              ))}
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">{t("letters.open")}</span>
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {c.letters.map((l) => {
              const kind = t(`letters.kinds.${l.template}`, { defaultValue: l.template });
              return (
                <tr key={l.entryId} className="govuk-table__row">
                  <th scope="row" className="govuk-table__header">
                    {kind}
                  </th>
                  <CardCell label={t("letters.written")}>
                    {l.written}
                  </CardCell>
                  <CardCell label={t("letters.status")}>
                    {l.postedOn ? (
                      <strong className="govuk-tag govuk-tag--green">{t("letters.posted", { date: l.postedOn })}</strong>
                    ) : (
                      <strong className="govuk-tag govuk-tag--yellow">{t("letters.waiting")}</strong>
                    )}
                    {!l.postedOn && !c.hasPostalAddress ? (
                      <>
                        {" "}
                        <strong className="govuk-tag govuk-tag--red">{t("letters.noAddress")}</strong>
                      </>
                    ) : null}
                  </CardCell>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`letters/${l.entryId}`}>
                      {t("letters.open")}
                      <span className="govuk-visually-hidden"> ({kind}, {l.written})</span>
                    </Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        </div>
      ) : null}

      <h2 className="govuk-heading-m">{t("case.summary")}</h2>
      <SummaryList
        rows={[
          {
            key: "name",
            label: t("case.personName"),
            value: c.person.name || none,
          },
          {
            key: "relationship",
            label: t("case.relationship"),
            value: c.person.relationship
              ? t(`form:options.relationship.${c.person.relationship}`, {
                  defaultValue: c.person.relationship,
                })
              : none,
          },
          {
            key: "email",
            label: t("case.email"),
            value: c.person.email ?? none,
          },
          {
            key: "child",
            label: t("case.childName"),
            value: c.person.child ?? none,
          },
          {
            key: "status",
            label: t("case.status"),
            value: t(`statuses.${c.status}`),
          },
          {
            key: "type",
            label: t("case.type"),
            value: c.representationType ?? none,
          },
          {
            key: "process",
            label: t("case.process"),
            value: c.process ? t(`processes.${c.process}`) : none,
          },
          {
            key: "stage",
            label: t("case.stage"),
            value: c.current ? t(`stages.${c.current.kind}`) : none,
          },
          ...(c.refusalReason
            ? [
                {
                  key: "refusal",
                  label: t("case.refusalReason"),
                  value: c.refusalReason,
                },
              ]
            : []),
          { key: "received", label: t("case.received"), value: c.received },
          { key: "method", label: t("case.method"), value: c.method },
          {
            key: "receivedFrom",
            label: t("case.receivedFrom"),
            value: c.receivedFrom ?? none,
          },
          {
            key: "language",
            label: t("case.language"),
            value: formatLanguageAndMode(t, c.language, c.mode),
          },
          {
            key: "due",
            label: t("case.due"),
            value: c.current?.nextDueOn ?? none,
          },
          {
            key: "latest",
            label: t("case.latest"),
            value: c.current?.latestOn ?? none,
          },
          {
            key: "left",
            label: t("case.workingDaysLeft"),
            value: c.current?.rag
              ? c.current.rag.workingDaysLeft < 0
                ? t("inbox.overdue", { count: -c.current.rag.workingDaysLeft })
                : String(c.current.rag.workingDaysLeft)
              : none,
          },
          { key: "team", label: t("case.team"), value: c.team ?? none },
          {
            key: "manager",
            label: t("case.respondingManager"),
            value: c.respondingManager ?? none,
          },
          {
            key: "nature",
            label: t("case.nature"),
            value: c.natures.length ? c.natures.map((n) => (n.primary ? t("case.primary", { label: n.label }) : n.label)).join("\n") : none,
          },
          {
            key: "outcomes",
            label: t("case.outcomesSought"),
            value: c.outcomesSought.length ? c.outcomesSought.join("\n") : none,
          },
        ]}
      />

      {c.history.length ? (
        // Ten columns: below the tablet width each stage is a summary card.
        <div className="speakup-card-list">
        <table className="govuk-table speakup-cards" data-testid="stage-history">
          <caption className="govuk-table__caption govuk-table__caption--m">{t("case.history.title")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {(["stage", "state", "started", "due", "latest", "extended", "responded", "finding", "closed", "details"] as const).map((k) => (
                <th key={k} scope="col" className="govuk-table__header">
                  {t(`case.history.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {c.history.map((st, i) => (
              <tr key={i} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  {t(`stages.${st.kind}`)}
                </th>
                {(
                  [
                    ["state", t(`stageStates.${st.state}`)],
                    ["started", st.startedOn],
                    ["due", st.dueOn ?? none],
                    ["latest", st.latestOn ?? none],
                    ["extended", st.extendedTo ?? none],
                    ["responded", st.respondedOn ?? none],
                    ["finding", st.finding ?? none],
                    ["closed", st.closedOn ?? none],
                  ] as const
                ).map(([k, value]) => (
                  <CardCell key={k} label={t(`case.history.${k}`)}>
                    {value}
                  </CardCell>
                ))}
                <CardCell label={t("case.history.details")}>
                  {st.notes.length || st.people.length || st.facts.length ? (
                    <>
                      {st.notes.length ? (
                        <ul className="govuk-list govuk-!-margin-bottom-0">
                          {st.notes.map((n) => (
                            <li key={n.key} className="speakup-preserve-lines">
                              {n.key === "requested" ? t("case.history.requested", { date: n.value }) : t(`case.history.${n.key}`, { reason: n.value })}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                      <StagePeople people={st.people} compact />
                      <StageFacts facts={st.facts} compact />
                    </>
                  ) : (
                    none
                  )}
                </CardCell>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      ) : null}

      {c.history.length && c.kind === "complaint" ? <Outcomes outcomes={c.outcomes} sought={c.outcomesSought} /> : null}

      {c.learning.length ? (
        <section aria-labelledby="learning" data-testid="case-learning">
          <h2 className="govuk-heading-m" id="learning">
            {t("case.learningTitle")}
          </h2>
          <ul className="govuk-list">
            {c.learning.map((a) => (
              <li key={a.id}>
                <Link className="govuk-link" to={`/staff/learning/${a.id}`}>
                  {a.change}
                </Link>{" "}
                ({a.team}, {a.dueOn}) <LearningTag state={a.state} overdue={a.overdue} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <h2 className="govuk-heading-m">{t("case.submitted")}</h2>
      <SummaryList
        rows={answerRows(t, c.answers, {
          changeLinks: false,
          teams: c.teams,
          language: "en",
        })}
      />

      <h2 className="govuk-heading-m" id="timeline">
        {t("case.timeline")}
      </h2>
      {c.imported ? null : (
        <Form method="post" {...getFormProps(form)}>
          <TextareaField field={fields.note} label={t("case.addNote")} maxLength={5000} rows={4} />
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            {t("case.saveNote")}
          </button>
        </Form>
      )}
      <ol className="moj-timeline speakup-timeline" data-testid="timeline">
        {c.timeline.map((item) => (
          <li key={item.key} className="moj-timeline__item">
            <div className="moj-timeline__header">
              <h3 className="moj-timeline__title">
                {t(`timeline.kinds.${item.kind}`, {
                  channel: item.channel
                    ? t(`channels.${item.channel}`, {
                        defaultValue: item.channel,
                      })
                    : "",
                })}
              </h3>{" "}
              {item.author ? <p className="moj-timeline__byline">{t("timeline.by", { author: item.author })}</p> : null}
            </div>
            <p className="moj-timeline__date">
              <time dateTime={item.iso}>{item.at}</time>
            </p>
            <div className="moj-timeline__description">
              <TimelineDetails kind={item.kind} details={item.details} />
              {item.kind === "correspondence-out" && item.channel === "letter" && typeof item.details?.letter === "string" ? (
                <p className="govuk-body govuk-!-margin-bottom-1">
                  <Link className="govuk-link" to={`letters/${item.key.replace("entry-", "")}`}>
                    {t("letters.open")}
                  </Link>
                </p>
              ) : null}
              {item.kind === "attachment" && item.body ? (
                <p className="govuk-body">
                  <a className="govuk-link" href={`/staff/attachments/${item.key.replace("file-", "")}`} download>
                    {item.body}
                  </a>
                </p>
              ) : item.body ? (
                <p className="govuk-body speakup-preserve-lines">{item.body}</p>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}

/** The people named on a stage, each with their role and cost. */
function StagePeople({ people, compact }: { people: Array<{ role: string; name: string; cost: string | null }>; compact?: boolean }) {
  const { t } = useTranslation("casework");
  if (!people.length) return null;
  return (
    <>
      {compact ? null : <h3 className="govuk-heading-s">{t("case.peopleTitle")}</h3>}
      <ul className="govuk-list" data-testid={compact ? undefined : "stage-people"}>
        {people.map((p, i) => (
          <li key={i}>
            {t(`case.roles.${p.role}`)}: {p.cost ? t("case.personCost", { name: p.name, cost: p.cost }) : p.name}
          </li>
        ))}
      </ul>
    </>
  );
}

/** What was recorded in a stage besides its clock (the panel, the report, the Ombudsman's facts). */
function StageFacts({ facts, compact }: { facts: Array<{ key: string; value: string }>; compact?: boolean }) {
  const { t } = useTranslation("casework");
  if (!facts.length) return null;
  return (
    <ul className="govuk-list" data-testid={compact ? undefined : "stage-facts"}>
      {facts.map((f) => (
        <li key={f.key} className="speakup-preserve-lines">
          {t(`case.${f.key}`)}: {f.value}
        </li>
      ))}
    </ul>
  );
}

function TimelineDetails({ kind, details }: { kind: string; details: Record<string, unknown> | null }) {
  const { t } = useTranslation("casework");
  const line = timelineLine(t, kind, details);
  return line ? <p className="govuk-body govuk-!-margin-bottom-1">{line}</p> : null;
}

/**
 * The MoJ identity bar: who and what the case is, where it stands, its deadline in words with its
 * RAG word, and the move that takes it forward, kept in view while the page scrolls (staff.scss).
 */
function IdentityBar({ c, actions }: { c: ReturnType<typeof useLoaderData<typeof loader>>; actions: { to: string; label: string }[] }) {
  const { t } = useTranslation("casework");
  const next = nextCaseAction(
    actions.map((a) => a.to),
    c.status
  );
  const nextLabel = actions.find((a) => a.to === next)?.label;
  return (
    <section className="moj-identity-bar speakup-identity-bar" aria-label={t("identity.label")} data-testid="identity-bar">
      <div className="moj-identity-bar__container">
        <div className="moj-identity-bar__details">
          <dl className="speakup-identity-bar__facts">
            <div>
              <dt>{t("identity.reference")}</dt>
              <dd className="speakup-nowrap">{c.reference}</dd>
            </div>
            <div>
              <dt>{t("identity.person")}</dt>
              <dd>
                {c.person.name || t("inbox.anonymous")}
                {c.person.child && c.person.child !== c.person.name ? `, ${t("inbox.child", { name: c.person.child })}` : null}
              </dd>
            </div>
            <div>
              <dt>{t("identity.stage")}</dt>
              <dd>
                {c.current ? t("identity.stageValue", { stage: t(`stages.${c.current.kind}`), state: t(`stageStates.${c.current.state}`) }) : t(`statuses.${c.status}`)}
                {c.current?.onHold ? (
                  <>
                    {" "}
                    <strong className="moj-badge moj-badge--grey">{t("inbox.onHold")}</strong>
                  </>
                ) : null}
              </dd>
            </div>
            <div>
              <dt>{t("identity.deadline")}</dt>
              <dd>
                {c.current?.nextDueOn && c.current.rag ? (
                  <>
                    {c.current.nextDueOn} <RagTag rag={c.current.rag} />
                  </>
                ) : (
                  t("inbox.noDeadline")
                )}
              </dd>
            </div>
          </dl>
        </div>
        <div className="moj-identity-bar__actions">
          {next && nextLabel ? (
            <Link className="govuk-button govuk-button--secondary speakup-identity-bar__next" to={next} data-testid="next-action">
              <span className="govuk-visually-hidden">{t("identity.next")} </span>
              {nextLabel}
            </Link>
          ) : (
            <p className="govuk-body-s speakup-identity-bar__none">{t("identity.nothingNext")}</p>
          )}
        </div>
      </div>
    </section>
  );
}

/**
 * Each stage's finding (with the rule its points met), points, actual outcomes beside what was
 * sought, and money; then the case's overall finding and totals. One compact summary list a stage.
 */
function Outcomes({ outcomes: o, sought }: { outcomes: ReturnType<typeof useLoaderData<typeof loader>>["outcomes"]; sought: string[] }) {
  const { t } = useTranslation("casework");
  const none = t("case.none");
  return (
    <section aria-labelledby="outcomes" data-testid="outcomes">
      <h2 className="govuk-heading-m" id="outcomes">
        {t("outcomes.title")}
      </h2>
      <SummaryList
        rows={[
          { key: "overall", label: t("outcomes.overall"), value: o.overall ? `${o.overall}\n${t("outcomes.overallRule")}` : none },
          { key: "sought", label: t("outcomes.sought"), value: sought.length ? sought.join("\n") : none },
          { key: "totals", label: t("outcomes.totals"), value: t("outcomes.totalsValue", o.totals) },
        ]}
      />
      {o.stages.map((st) => {
        const stage = t(`stages.${st.kind}`);
        return (
          <div key={st.sequence} data-testid={`outcomes-${st.sequence}`}>
            <h3 className="govuk-heading-s">{stage}</h3>
            <SummaryList
              rows={[
                { key: "finding", label: t("outcomes.finding"), value: st.finding ? (st.rule ? `${st.finding}\n${t(`outcomes.rule.${st.rule}`)}` : st.finding) : none },
                {
                  key: "points",
                  label: t("outcomes.points"),
                  value: st.points.length
                    ? // Imported points have no reasons (decision 051): no empty "Reasons:" line.
                      st.points.map((p) => [t("outcomes.point", { position: p.position, finding: p.finding }), p.point, ...(p.reasons ? [t("outcomes.reasons", { reasons: p.reasons })] : [])].join("\n")).join("\n\n")
                    : none,
                },
                { key: "given", label: t("outcomes.given"), value: st.actualOutcomes.length ? st.actualOutcomes.map((a) => (a.retired ? t("outcomes.retired", { label: a.label }) : a.label)).join("\n") : none },
                {
                  key: "compensation",
                  label: t("outcomes.compensation"),
                  value: st.compensation.length ? st.compensation.map((m) => t(m.on ? "outcomes.compensationStep" : "outcomes.compensationStepUndated", { step: t(`money.steps.${m.step}`), amount: m.amount, date: m.on })).join("\n") : none,
                },
                {
                  key: "costs",
                  label: t("outcomes.costs"),
                  value: st.costs.length
                    ? st.costs.map((p) => t(p.paidTo ? "outcomes.costPaidTo" : "outcomes.cost", { role: t(`case.roles.${p.role}`), name: p.name, amount: p.amount, paidTo: p.paidTo })).join("\n")
                    : none,
                },
              ]}
            />
            {o.mayRecordMoney ? (
              <p className="govuk-body">
                <Link className="govuk-link" to={`money/${st.sequence}`}>
                  {t("outcomes.recordFor", { stage })}
                </Link>
              </p>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}
