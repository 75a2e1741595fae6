import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, summaryErrors, TextField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import { SuccessBanner } from "~/components/notification-banner";
import type { RouteHandle } from "~/components/page-title";
import { referenceValueSchema } from "~/domain/staff-forms";
import { notFound, requireStaff } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { findValue, renameValue, setValueRetired } from "~/services/reference-lists.server";

export const handle: RouteHandle = { title: (t, d) => t("staff:lists.editTitle", { label: (d as { value?: { label: string } } | undefined)?.value?.label ?? "" }) };

function valueFrom(params: { list?: string; id?: string }) {
  const id = Number(params.id);
  const value = Number.isSafeInteger(id) && id > 0 ? findValue(getDb(), params.list ?? "", id) : null;
  if (!value) throw notFound();
  return value;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(getDb(), request, "admin.settings");
  const v = valueFrom(params);
  return { value: { id: v.id, list: v.list, label: v.label, note: v.note, retired: Boolean(v.retiredAt) } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const admin = await requireStaff(db, request, "admin.settings");
  const v = valueFrom(params);
  const form = await readForm(request);
  const intent = form.get("intent");
  const here = `/staff/admin/lists/${v.list}/${v.id}`;
  if (intent === "retire" || intent === "restore") {
    setValueRetired(db, { actorId: admin.id, list: v.list, id: v.id, retired: intent === "retire" });
    return redirect(`${here}?done=${intent}`);
  }
  const submission = parseWithZod(form, { schema: referenceValueSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  if (renameValue(db, { actorId: admin.id, list: v.list, id: v.id, label: submission.value.label, note: submission.value.note }) === "taken") {
    return data(submission.reply({ fieldErrors: { label: ["staff:errors.label.taken"] } }), { status: 400 });
  }
  return redirect(`${here}?done=saved`);
}

export default function EditValuePage() {
  const { value } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done");
  const [form, fields] = useForm(formOptions("edit-value", referenceValueSchema, lastResult, { label: value.label, note: value.note ?? undefined }));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/staff/admin/lists/${value.list}`} className="govuk-back-link">
          {t("lists.backToList")}
        </Link>
        {done === "saved" || done === "retire" || done === "restore" ? <SuccessBanner>{t(`lists.done.${done}`)}</SuccessBanner> : null}
        <ErrorSummary errors={summaryErrors([{ field: fields.label }, { field: fields.note }])} />
        <span className="govuk-caption-l">{t(`lists.names.${value.list}`, { defaultValue: value.list })}</span>
        <h1 className="govuk-heading-l">{value.label}</h1>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="save" />
          <TextField field={fields.label} label={t("lists.label")} hint={t("lists.renameHint")} />
          <TextField field={fields.note} label={t("lists.noteOptional")} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("users.save")}
          </button>
        </Form>
        <h2 className="govuk-heading-m">{value.retired ? t("lists.restoreHeading") : t("lists.retireHeading")}</h2>
        <p className="govuk-body">{value.retired ? t("lists.restoreHint") : t("lists.retireHint")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value={value.retired ? "restore" : "retire"} />
          <button type="submit" className={value.retired ? "govuk-button govuk-button--secondary" : "govuk-button govuk-button--warning"} data-module="govuk-button">
            {value.retired ? t("lists.restore") : t("lists.retire")}
          </button>
        </Form>
      </div>
    </div>
  );
}
