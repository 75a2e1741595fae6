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
import { dateCheck, isoFromParts, requireChoice, requireLine } from "~/domain/casework-forms";
import { dateParts } from "~/domain/form/dates";
import { caseAction, openCase } from "~/services/case-route.server";
import { referralBodies } from "~/domain/casework";
import { concernsOf, recordReferral } from "~/services/case-safeguarding.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";

const referralSchema = z
  .object({
    referredTo: requireChoice("referredTo", referralBodies),
    referredToName: requireLine("referredToName", 200),
    ...dateParts("referredOn"),
  })
  .check(dateCheck("referredOn", "not-future"));

export const handle: RouteHandle = { title: (t) => t("casework:referral.title") };

function concernId(value: string | undefined) {
  return /^\d{1,9}$/.test(value ?? "") ? Number(value) : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const { row } = await openCase(db, request, params.reference, "cases.view");
  const concern = concernsOf(db, row.id).find((c) => c.id === concernId(params.concern) && c.referralRecordedAt === null);
  if (!concern) throw redirect(`/staff/cases/${row.reference}/safeguarding`);
  return { reference: row.reference, kind: row.kind, concern: concern.concern };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const { staff, row } = await caseAction(db, request, params.reference, "cases.view");
  const id = concernId(params.concern);
  const submission = parseWithZod(await readForm(request), { schema: referralSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  const referredOn = isoFromParts(v.referredOnDay, v.referredOnMonth, v.referredOnYear) ?? "";
  const done = id === null ? { ok: false } : recordReferral(db, staff, row.reference, { concernId: id, referredTo: v.referredTo, referredToName: v.referredToName, referredOn });
  // Already recorded (say, by a colleague a moment ago): back to the list, which shows it.
  return redirect(done.ok ? `/staff/cases/${row.reference}` : `/staff/cases/${row.reference}/safeguarding`);
}

export default function ReferralPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const [form, fields] = useForm(formOptions("referral", referralSchema, lastResult));
  return (
    <>
      <ErrorSummary errors={summaryErrors([{ field: fields.referredTo }, { field: fields.referredToName }, { field: fields.referredOnDay }])} />
      <CaseHeading reference={d.reference} kind={d.kind} title={t("referral.title")} back={`/staff/cases/${d.reference}/safeguarding`} />
      <div className="govuk-inset-text speakup-preserve-lines">{d.concern}</div>
      <Form method="post" {...getFormProps(form)}>
        <RadiosField field={fields.referredTo} legend={t("referral.to")} options={referralBodies.map((b) => ({ value: b, label: t(`safeguarding.bodies.${b}`) }))} />
        <TextField field={fields.referredToName} label={t("referral.name")} hint={t("referral.nameHint")} />
        <DateField day={fields.referredOnDay} month={fields.referredOnMonth} year={fields.referredOnYear} legend={t("referral.on")} hint={t("referral.onHint")} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("referral.save")}
          </button>
          <CancelLink reference={d.reference} />
        </div>
      </Form>
    </>
  );
}
