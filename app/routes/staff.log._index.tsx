import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { BackLink } from "~/components/layout";
import { DateField, ErrorSummary, RadiosField, SelectField, summaryErrors } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { londonDate } from "~/domain/calendar";
import { dateCheck, isoFromParts, partsOfIso, requireChoice, requireLine } from "~/domain/casework-forms";
import { dateParts } from "~/domain/form/dates";
import { METHOD_EFORM, METHOD_YOUNG_PERSONS_EFORM, relationships, representationKinds } from "~/domain/representation";
import { requireStaff } from "~/services/auth.server";
import { nextLogStep, startLog } from "~/services/case-log.server";
import { referenceOptions } from "~/services/case-triage.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";

const startSchema = z
  .object({
    kind: requireChoice("kind", representationKinds),
    relationship: z.optional(z.enum(relationships, { error: "casework:errors.relationship.required" })),
    method: requireLine("method", 200),
    ...dateParts("receivedOn"),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.kind === "complaint" && !v.relationship) ctx.addIssue({ code: "custom", message: "casework:errors.relationship.required", path: ["relationship"], input: v });
    }),
    dateCheck("receivedOn", "not-future"),
  );

const byHand = (label: string) => label !== METHOD_EFORM && label !== METHOD_YOUNG_PERSONS_EFORM;

export const handle: RouteHandle = { title: (t) => t("casework:log.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  await requireStaff(db, request, "cases.create");
  return {
    methods: referenceOptions(db, "method-received").filter((o) => byHand(o.label)).map((o) => o.label),
    defaults: partsOfIso("receivedOn", londonDate(new Date())),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const db = getDb();
  const staff = await requireStaff(db, request, "cases.create");
  const submission = parseWithZod(await readForm(request), { schema: startSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  const methods = referenceOptions(db, "method-received").filter((o) => byHand(o.label)).map((o) => o.label);
  if (!methods.includes(v.method)) return data(submission.reply({ fieldErrors: { method: ["casework:errors.method.required"] } }), { status: 400 });
  const receivedOn = isoFromParts(v.receivedOnDay, v.receivedOnMonth, v.receivedOnYear) ?? londonDate(new Date());
  const draftId = startLog(db, staff, { kind: v.kind, relationship: v.kind === "complaint" ? v.relationship : undefined, method: v.method, receivedOn });
  return redirect(`/staff/log/${draftId}/${nextLogStep(db, draftId)}`);
}

export default function LogStartPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const [form, fields] = useForm(formOptions("log-start", startSchema, lastResult, d.defaults));
  return (
    <>
      <ErrorSummary errors={summaryErrors([{ field: fields.kind }, { field: fields.relationship }, { field: fields.method }, { field: fields.receivedOnDay }])} />
      <BackLink to="/staff" />
      <h1 className="govuk-heading-l">{t("log.title")}</h1>
      <p className="govuk-body">{t("log.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <SelectField field={fields.method} label={t("log.method")} placeholder={t("choose")} options={d.methods.map((m) => ({ value: m, label: m }))} />
        <DateField day={fields.receivedOnDay} month={fields.receivedOnMonth} year={fields.receivedOnYear} legend={t("log.receivedOn")} hint={t("log.receivedOnHint")} />
        <RadiosField
          field={fields.kind}
          legend={t("log.kind")}
          options={representationKinds.map((k) => ({
            value: k,
            label: t(`kinds.${k}`),
            conditional:
              k === "complaint" ? (
                <RadiosField field={fields.relationship} legend={t("log.relationship")} options={relationships.map((r) => ({ value: r, label: t(`form:options.relationship.${r}`) }))} />
              ) : undefined,
          }))}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("log.start")}
          </button>
          <Link className="govuk-link" to="/staff">
            {t("log.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
