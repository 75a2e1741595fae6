import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { CancelLink, CaseHeading } from "~/components/casework";
import { ErrorSummary, summaryErrors, TextareaField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { SummaryList } from "~/components/summary-list";
import { londonDate } from "~/domain/calendar";
import { requireText } from "~/domain/casework-forms";
import { formatLongDate } from "~/domain/dates";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { shareStatement } from "~/services/later-stages.server";
import { clockSettings } from "~/services/settings.server";
import { openStageMove, stageMoveAction } from "~/services/stage-move-route.server";
import { statementVersionsOf } from "~/services/statements.server";

// Stage 2: staff write the statement of complaint and share it with the person, who agrees it or
// asks for changes online (decision record 041). A new version each time; none is changed once shared.

const STATEMENT_MAX = 20000;
const schema = z.object({ statement: requireText("statement", STATEMENT_MAX) });

export const handle: RouteHandle = { title: (t) => t("casework:shareStatement.title") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const { row, stage, clocks } = await openStageMove(db, request, params.reference, "share-statement");
  const versions = statementVersionsOf(db, stage.id);
  const day = (at: Date | null) => (at ? formatLongDate(londonDate(at), "en") : null);
  return {
    reference: row.reference,
    kind: row.kind,
    requestedOn: formatLongDate(stage.requestedOn ?? stage.startedOn, "en"),
    statementDueBy: clocks.statementDueBy ? formatLongDate(clocks.statementDueBy, "en") : null,
    countsFromStatement: clockSettings(db).stage2ClockFrom === "statement",
    // Newest first: the person's answer to the last one is what this version answers.
    versions: [...versions].reverse().map((v) => ({ version: v.version, sharedOn: day(v.sharedAt), sharedBy: v.sharedBy, answer: v.answer, answeredOn: day(v.answeredAt), changes: v.changes, body: v.body })),
    latest: versions.at(-1)?.body ?? "",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const { staff, row } = await stageMoveAction(db, request, params.reference, "share-statement");
  const submission = parseWithZod(await readForm(request), { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  // Refused only when the stage moved on meanwhile (agreed, or a version already waits): the case says where it is.
  shareStatement(db, staff, row.reference, { statement: submission.value.statement });
  return redirect(`/staff/cases/${row.reference}`);
}

export default function ShareStatementPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const [form, fields] = useForm({ ...formOptions("share-statement", schema, lastResult, { statement: d.latest }) });
  return (
    <>
      <ErrorSummary errors={summaryErrors([{ field: fields.statement }])} />
      <CaseHeading reference={d.reference} kind={d.kind} title={t("shareStatement.title")} />
      <p className="govuk-body">{t("shareStatement.intro")}</p>
      <SummaryList
        rows={[
          { key: "requested", label: t("shareStatement.requestedOn"), value: d.requestedOn },
          ...(d.statementDueBy ? [{ key: "due", label: t("shareStatement.dueBy"), value: d.statementDueBy }] : []),
        ]}
      />
      <p className="govuk-body">{d.countsFromStatement ? t("shareStatement.startsClock") : t("shareStatement.clockFromRequest")}</p>
      {d.versions.length > 0 ? (
        <section aria-labelledby="versions-heading" data-testid="statement-versions">
          <h2 className="govuk-heading-m" id="versions-heading">
            {t("shareStatement.versions")}
          </h2>
          {d.versions.map((v) => (
            <details className="govuk-details" key={v.version} open={v.version === d.versions[0]?.version}>
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">{t("shareStatement.version", { version: v.version, date: v.sharedOn, by: t(`shareStatement.by.${v.sharedBy}`) })}</span>
              </summary>
              <div className="govuk-details__text">
                <p className="govuk-body">{t(`shareStatement.answers.${v.answer ?? "none"}`, { date: v.answeredOn })}</p>
                {v.changes ? (
                  <>
                    <h3 className="govuk-heading-s">{t("shareStatement.theirChanges")}</h3>
                    <p className="govuk-body speakup-preserve-lines">{v.changes}</p>
                  </>
                ) : null}
                <p className="govuk-body speakup-preserve-lines">{v.body}</p>
              </div>
            </details>
          ))}
        </section>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <TextareaField field={fields.statement} label={t("shareStatement.statement")} hint={t("shareStatement.statementHint")} maxLength={STATEMENT_MAX} rows={14} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("shareStatement.share")}
          </button>
          <CancelLink reference={d.reference} />
        </div>
      </Form>
    </>
  );
}
