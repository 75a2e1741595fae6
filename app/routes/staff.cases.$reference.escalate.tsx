import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { CancelLink, CaseHeading } from "~/components/casework";
import { DateField, ErrorSummary, SelectField, summaryErrors, TextareaField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { SummaryList } from "~/components/summary-list";
import { londonDate } from "~/domain/calendar";
import { dateCheck, isoFromParts } from "~/domain/casework-forms";
import { formatLongDate } from "~/domain/dates";
import { dateParts } from "~/domain/form/dates";
import { cleanMultiline } from "~/domain/form/fields";
import { roleMayEver } from "~/domain/stages";
import { letterEmailOf } from "~/domain/letters";
import { caseAction, openCase } from "~/services/case-route.server";
import { staffNames } from "~/services/case.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { escalateStage, escalationForm } from "~/services/stage-moves.server";

const escalationSchema = z
  .object({
    ...dateParts("requestedOn"),
    lateReason: z.optional(z.string().check(z.overwrite(cleanMultiline), z.maxLength(2000, "casework:errors.lateReason.tooLong"))),
    handler: z.optional(z.string()),
  })
  // The person asked on a day that has been: today unless earlier.
  .check(dateCheck("requestedOn", "not-future"));

export const handle: RouteHandle = { title: (t) => t("casework:escalate.title") };

function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const { staff, row } = await openCase(db, request, params.reference, "cases.respond");
  if (!roleMayEver("escalate", staff.role)) notFound();
  const form = escalationForm(db, staff, row);
  // Not answered yet (and not overdue), already moved on, or going to the Ombudsman: the case page says where it is.
  if (!form) throw redirect(`/staff/cases/${row.reference}`);
  const previous = form.previousHandlerId === null ? null : (staffNames(db, [form.previousHandlerId]).get(form.previousHandlerId) ?? null);
  // Asked online ("Check your complaint"): confirming it dates the request from the day the person asked.
  const [year, month, day] = (form.askedOnline?.on ?? londonDate(new Date())).split("-");
  return {
    reference: row.reference,
    kind: row.kind,
    stageKind: form.stageKind,
    nextKind: form.nextKind,
    respondedOn: form.respondedOn ? formatLongDate(form.respondedOn, "en") : null,
    windowEndsOn: form.windowEndsOn ? formatLongDate(form.windowEndsOn, "en") : null,
    handlers: form.handlers?.map((h) => ({ value: String(h.id), label: h.name })) ?? null,
    previousHandler: previous,
    sendTo: letterEmailOf(row),
    askedOnline: form.askedOnline ? formatLongDate(form.askedOnline.on, "en") : null,
    today: {
      requestedOnDay: String(Number(day)),
      requestedOnMonth: String(Number(month)),
      requestedOnYear: year,
      ...(form.askedOnline?.lateReason ? { lateReason: form.askedOnline.lateReason } : {}),
    },
  };
}

/** Where each refusal of the service is shown; anything else means the stage moved on meanwhile. */
const fieldOf: Record<string, "requestedOnDay" | "lateReason" | "handler"> = {
  "date-required": "requestedOnDay",
  "request-in-future": "requestedOnDay",
  "request-before-stage": "requestedOnDay",
  "late-reason-required": "lateReason",
  "handler-required": "handler",
  "invalid-handler": "handler",
  "same-handler-as-stage1": "handler",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const { staff, row } = await caseAction(db, request, params.reference, "cases.respond");
  if (!roleMayEver("escalate", staff.role)) notFound();
  const submission = parseWithZod(await readForm(request), { schema: escalationSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  const handler = v.handler && /^\d+$/.test(v.handler) ? Number(v.handler) : null;
  const result = escalateStage(db, staff, row.reference, {
    requestedOn: isoFromParts(v.requestedOnDay, v.requestedOnMonth, v.requestedOnYear) ?? "",
    lateReason: v.lateReason ?? null,
    handlerId: handler,
  });
  if (result.ok) return redirect(`/staff/cases/${row.reference}`);
  const field = fieldOf[result.error];
  if (!field) throw redirect(`/staff/cases/${row.reference}`);
  return data(submission.reply({ fieldErrors: { [field]: [`casework:errors.escalation.${result.error}`] } }), { status: 400 });
}

export default function EscalatePage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const [form, fields] = useForm(formOptions("escalation", escalationSchema, lastResult, d.today));
  return (
    <>
      <ErrorSummary errors={summaryErrors([{ field: fields.requestedOnDay }, { field: fields.lateReason }, { field: fields.handler }])} />
      <CaseHeading reference={d.reference} kind={d.kind} title={t("escalate.title")} />
      <SummaryList
        rows={[
          { key: "stage", label: t("escalate.stageNow"), value: t(`stages.${d.stageKind}`) },
          { key: "responded", label: t("escalate.respondedOn"), value: d.respondedOn ?? t("case.none") },
          { key: "window", label: t("escalate.windowEnds"), value: d.windowEndsOn ?? t("escalate.notAnswered") },
          { key: "next", label: t("escalate.next"), value: t(`stages.${d.nextKind}`) },
          { key: "to", label: t("escalate.tell"), value: d.sendTo ? t("refusal.byEmail", { email: d.sendTo }) : t("refusal.byLetter") },
        ]}
      />
      {d.askedOnline ? (
        <p className="govuk-body" data-testid="asked-online">
          {t("escalate.askedOnline", { date: d.askedOnline })}
        </p>
      ) : null}
      <p className="govuk-body">{t("escalate.letter")}</p>
      <Form method="post" {...getFormProps(form)}>
        <DateField day={fields.requestedOnDay} month={fields.requestedOnMonth} year={fields.requestedOnYear} legend={t("escalate.requestedOn")} hint={t("escalate.requestedOnHint")} />
        <TextareaField
          field={fields.lateReason}
          label={t("escalate.lateReason")}
          hint={d.windowEndsOn ? t("escalate.lateReasonHint", { date: d.windowEndsOn }) : t("escalate.lateReasonNoWindow")}
          maxLength={2000}
          rows={3}
        />
        {d.handlers ? (
          <SelectField
            field={fields.handler}
            label={t("escalate.handler")}
            hint={d.previousHandler ? t("escalate.handlerHint", { name: d.previousHandler }) : t("escalate.handlerHintNone")}
            options={d.handlers}
            placeholder={t("choose")}
          />
        ) : null}
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {d.sendTo ? t("escalate.send") : t("escalate.record")}
          </button>
          <CancelLink reference={d.reference} />
        </div>
      </Form>
    </>
  );
}
