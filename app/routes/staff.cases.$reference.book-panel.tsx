import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { CancelLink, CaseHeading } from "~/components/casework";
import { DateField, ErrorSummary, RadiosField, summaryErrors, TextField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { SummaryList } from "~/components/summary-list";
import { dateCheck, dateFrom, optionalPounds, requireChoice, requireLine } from "~/domain/casework-forms";
import { formatLongDate } from "~/domain/dates";
import { dateParts } from "~/domain/form/dates";
import { penceFromPounds } from "~/domain/money";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { bookPanel } from "~/services/later-stages.server";
import { stage2IndependentPerson } from "~/services/stages.server";
import { openStageMove, stageMoveAction } from "~/services/stage-move-route.server";

const SEATS = ["1", "2", "3"] as const;

const schema = z
  .object({
    ...dateParts("panelOn"),
    member1Name: requireLine("panelMember", 200),
    member1Cost: optionalPounds("cost"),
    member2Name: requireLine("panelMember", 200),
    member2Cost: optionalPounds("cost"),
    member3Name: requireLine("panelMember", 200),
    member3Cost: optionalPounds("cost"),
    chair: requireChoice("chair", SEATS),
  })
  .check(dateCheck("panelOn", "any"));

export const handle: RouteHandle = { title: (t) => t("casework:bookPanel.title") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const { row, stage, clocks } = await openStageMove(db, request, params.reference, "book-panel");
  return {
    reference: row.reference,
    kind: row.kind,
    requestedOn: formatLongDate(stage.requestedOn ?? stage.startedOn, "en"),
    panelBy: clocks.panelBy ? formatLongDate(clocks.panelBy, "en") : null,
    independentPerson: stage2IndependentPerson(db, stage),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const { staff, row } = await stageMoveAction(db, request, params.reference, "book-panel");
  const submission = parseWithZod(await readForm(request), { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  const members = SEATS.map((seat) => {
    const pence = penceFromPounds(v[`member${seat}Cost`]);
    return { name: v[`member${seat}Name`], chair: v.chair === seat, costPence: typeof pence === "number" ? pence : null };
  });
  const result = bookPanel(db, staff, row.reference, { panelOn: dateFrom(v, "panelOn") ?? "", members });
  if (result.ok) return redirect(`/staff/cases/${row.reference}`);
  // The member the refusal is about: the second of two the same, or the Stage 2 Independent Person.
  const names = members.map((m) => m.name.trim().toLowerCase());
  const excluded = stage2IndependentPerson(db, { representationId: row.id, sequence: 0 })?.trim().toLowerCase();
  const seatOf = (i: number) => `member${Math.max(i, 0) + 1}Name`;
  const field =
    result.error === "date-before-start"
      ? "panelOnDay"
      : result.error === "panel-repeats-a-member"
        ? seatOf(names.findIndex((n, i) => names.indexOf(n) !== i))
        : result.error === "panel-includes-stage2-independent-person"
          ? seatOf(names.indexOf(excluded ?? ""))
          : result.error === "panel-not-one-chair"
            ? "chair"
            : null;
  if (!field) throw redirect(`/staff/cases/${row.reference}`);
  return data(submission.reply({ fieldErrors: { [field]: [`casework:errors.panel.${result.error}`] } }), { status: 400 });
}

export default function BookPanelPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const [form, fields] = useForm(formOptions("book-panel", schema, lastResult));
  return (
    <>
      <ErrorSummary
        errors={summaryErrors([
          { field: fields.panelOnDay },
          ...SEATS.flatMap((s) => [{ field: fields[`member${s}Name`] }, { field: fields[`member${s}Cost`] }]),
          { field: fields.chair },
        ])}
      />
      <CaseHeading reference={d.reference} kind={d.kind} title={t("bookPanel.title")} />
      <SummaryList
        rows={[
          { key: "requested", label: t("bookPanel.requestedOn"), value: d.requestedOn },
          ...(d.panelBy ? [{ key: "limit", label: t("bookPanel.panelBy"), value: d.panelBy }] : []),
          ...(d.independentPerson ? [{ key: "excluded", label: t("bookPanel.excluded"), value: d.independentPerson }] : []),
        ]}
      />
      <Form method="post" {...getFormProps(form)}>
        <DateField day={fields.panelOnDay} month={fields.panelOnMonth} year={fields.panelOnYear} legend={t("bookPanel.date")} hint={t("bookPanel.dateHint", { date: d.panelBy ?? "" })} />
        {SEATS.map((s) => (
          <fieldset className="govuk-fieldset" key={s}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t("bookPanel.member", { n: s })}</legend>
            <TextField field={fields[`member${s}Name`]} label={t("bookPanel.name", { n: s })} />
            <TextField field={fields[`member${s}Cost`]} label={t("bookPanel.cost", { n: s })} hint={t("namePeople.costHint")} width="10" />
          </fieldset>
        ))}
        <RadiosField field={fields.chair} legend={t("bookPanel.chair")} options={SEATS.map((s) => ({ value: s, label: t("bookPanel.member", { n: s }) }))} inline />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("bookPanel.save")}
          </button>
          <CancelLink reference={d.reference} />
        </div>
      </Form>
    </>
  );
}
