import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { ErrorSummary, RadiosField, summaryErrors, TextareaField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import { LearningTag } from "~/components/learning-tag";
import type { RouteHandle } from "~/components/page-title";
import { SummaryList } from "~/components/summary-list";
import { optionalText } from "~/domain/casework-forms";
import { formatLongDate } from "~/domain/dates";
import { learningMoves } from "~/domain/learning";
import { requireStaff } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { learningActionFor, moveLearningAction } from "~/services/learning.server";

const schema = z.object({
  move: z.enum(learningMoves, { error: "casework:errors.learningMove.required" }),
  evidence: optionalText("evidence", 5000),
  reason: optionalText("learningReason", 2000),
  publicHeard: optionalText("publicHeard", 1000),
  publicChanged: optionalText("publicChanged", 1000),
});

export const handle: RouteHandle = { title: (t) => t("staff:learning.action.title") };

function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

const idOf = (param: string | undefined) => (/^\d{1,9}$/.test(param ?? "") ? Number(param) : notFound());

/** One learning action: what it is, and the moves open to it now (app/domain/learning.ts). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const staff = await requireStaff(db, request, "learning.manage");
  const action = learningActionFor(db, staff, idOf(params.id)) ?? notFound();
  return { ...action, dueOn: formatLongDate(action.dueOn, "en"), doneOn: action.doneOn ? formatLongDate(action.doneOn, "en") : null };
}

/** Where each refusal of the domain is shown. */
const fieldOf = { "evidence-required": "evidence", "reason-required": "reason", "not-allowed": "move" } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const staff = await requireStaff(db, request, "learning.manage");
  const id = idOf(params.id);
  // Not one of theirs (another team's action): not found, whatever was posted.
  if (!learningActionFor(db, staff, id)) notFound();
  const submission = parseWithZod(await readForm(request), { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = moveLearningAction(db, staff, id, submission.value.move, submission.value);
  if (result.ok) return redirect(`/staff/learning/${id}`);
  if (result.error === "not-found") notFound();
  return data(submission.reply({ fieldErrors: { [fieldOf[result.error]]: [`casework:errors.learningMove.${result.error}`] } }), { status: 400 });
}

export default function LearningActionPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const [form, fields] = useForm(formOptions("learning-action", schema, lastResult, { publicHeard: d.publicHeard ?? "", publicChanged: d.publicChanged ?? "" }));
  const publicFields = (
    <>
      <p className="govuk-body">{t("learning.action.publicIntro")}</p>
      <TextareaField field={fields.publicHeard} label={t("learning.action.publicHeardLabel")} maxLength={1000} rows={3} />
      <TextareaField field={fields.publicChanged} label={t("learning.action.publicChangedLabel")} maxLength={1000} rows={3} />
    </>
  );
  const conditional = {
    complete: (
      <>
        <TextareaField field={fields.evidence} label={t("learning.action.evidenceLabel")} hint={t("learning.action.evidenceHint")} maxLength={5000} rows={4} />
        {publicFields}
      </>
    ),
    drop: <TextareaField field={fields.reason} label={t("learning.action.reasonLabel")} hint={t("learning.action.reasonHint")} maxLength={2000} rows={3} />,
    reopen: <TextareaField field={fields.reason} label={t("learning.action.reasonLabel")} hint={t("learning.action.reasonHint")} maxLength={2000} rows={3} />,
  } as Partial<Record<string, React.ReactNode>>;
  return (
    <>
      <ErrorSummary errors={summaryErrors([{ field: fields.move }, { field: fields.evidence }, { field: fields.reason }, { field: fields.publicHeard }, { field: fields.publicChanged }])} />
      <p className="govuk-body">
        <Link className="govuk-back-link" to="/staff/learning">
          {t("learning.title")}
        </Link>
      </p>
      <h1 className="govuk-heading-l">{t("learning.action.title")}</h1>
      <SummaryList
        rows={[
          { key: "change", label: t("learning.change"), value: d.change },
          {
            key: "case",
            label: t("learning.action.case"),
            value: (
              <Link className="govuk-link" to={`/staff/cases/${d.reference}`}>
                {d.reference}
              </Link>
            ),
          },
          { key: "team", label: t("learning.teamColumn"), value: d.team },
          { key: "owner", label: t("learning.owner"), value: d.owner },
          { key: "due", label: t("learning.dueColumn"), value: d.dueOn },
          { key: "state", label: t("learning.statusColumn"), value: <LearningTag state={d.state} overdue={d.overdue} /> },
          ...(d.doneOn ? [{ key: "doneOn", label: t("learning.action.doneOn"), value: d.doneOn }] : []),
          ...(d.evidence ? [{ key: "evidence", label: t("learning.action.evidence"), value: d.evidence }] : []),
          ...(d.reason ? [{ key: "reason", label: t("learning.action.reason"), value: d.reason }] : []),
          ...(d.publicHeard ? [{ key: "publicHeard", label: t("learning.action.publicHeard"), value: d.publicHeard }] : []),
          ...(d.publicChanged ? [{ key: "publicChanged", label: t("learning.action.publicChanged"), value: d.publicChanged }] : []),
        ]}
      />
      <h2 className="govuk-heading-m">{t("learning.action.update")}</h2>
      <Form method="post" {...getFormProps(form)}>
        <RadiosField field={fields.move} legend={t("learning.action.move")} options={d.moves.map((move) => ({ value: move, label: t(`learning.action.moves.${move}`), conditional: conditional[move] }))} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("learning.action.save")}
          </button>
        </div>
      </Form>
    </>
  );
}
