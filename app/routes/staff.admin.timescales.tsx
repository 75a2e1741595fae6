import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, RadiosField, summaryErrors, TextField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import { SuccessBanner } from "~/components/notification-banner";
import type { RouteHandle } from "~/components/page-title";
import { corporateRespondFroms, stage2ClockStarts } from "~/domain/stage-clocks";
import { timescaleFields, timescalesFormSchema } from "~/domain/staff-forms";
import { requireStaff } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { clockChoices, effectiveTimescales, getTimescaleSettings, updateTimescales } from "~/services/settings.server";

export const handle: RouteHandle = { title: (t) => t("staff:timescales.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  await requireStaff(db, request, "admin.settings");
  const values = getTimescaleSettings(db);
  return { values: { ...Object.fromEntries(timescaleFields.map((k) => [k, String(values[k])])), ...clockChoices(db) }, statutory: effectiveTimescales(db).statutory };
}

export async function action({ request }: ActionFunctionArgs) {
  const db = getDb();
  const admin = await requireStaff(db, request, "admin.settings");
  const submission = parseWithZod(await readForm(request), { schema: timescalesFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { stage2ClockFrom, corporateRespondFrom, ...values } = submission.value;
  // Applies to stages opened from now on; a stage already open keeps the dates it was given.
  updateTimescales(db, { actorId: admin.id, values, clock: { stage2ClockFrom, corporateRespondFrom } });
  return redirect("/staff/admin/timescales?done=saved");
}

export default function TimescalesPage() {
  const { values, statutory } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm(formOptions("timescales", timescalesFormSchema, lastResult, values));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {searchParams.get("done") === "saved" ? <SuccessBanner>{t("timescales.saved")}</SuccessBanner> : null}
        <ErrorSummary errors={summaryErrors([...timescaleFields.map((k) => ({ field: fields[k] })), { field: fields.stage2ClockFrom }, { field: fields.corporateRespondFrom }])} />
        <h1 className="govuk-heading-l">{t("timescales.title")}</h1>
        <h2 className="govuk-heading-m">{t("timescales.statutoryHeading")}</h2>
        <p className="govuk-body">{t("timescales.statutoryIntro")}</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>{t("timescales.stage1", { standard: statutory.stage1.standard, maximum: statutory.stage1.maximum })}</li>
          <li>{t("timescales.stage2", { standard: statutory.stage2.standard, maximum: statutory.stage2.maximum })}</li>
        </ul>
        <h2 className="govuk-heading-m">{t("timescales.councilHeading")}</h2>
        <p className="govuk-body">{t("timescales.councilIntro")}</p>
        <Form method="post" {...getFormProps(form)}>
          {timescaleFields.map((key) => (
            <TextField key={key} field={fields[key]} label={t(`timescales.fields.${key}`)} hint={t("timescales.daysHint")} width="3" />
          ))}
          <RadiosField
            field={fields.stage2ClockFrom}
            legend={t("timescales.stage2ClockFrom.legend")}
            hint={t("timescales.stage2ClockFrom.hint")}
            options={stage2ClockStarts.map((value) => ({ value, label: t(`timescales.stage2ClockFrom.${value}`) }))}
          />
          <RadiosField
            field={fields.corporateRespondFrom}
            legend={t("timescales.corporateRespondFrom.legend")}
            options={corporateRespondFroms.map((value) => ({ value, label: t(`timescales.corporateRespondFrom.${value}`) }))}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("settings.save")}
          </button>
        </Form>
      </div>
    </div>
  );
}
