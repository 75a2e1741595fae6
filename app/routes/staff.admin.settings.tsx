import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, RadiosField, summaryErrors, TextareaField, TextField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import { SuccessBanner } from "~/components/notification-banner";
import type { RouteHandle } from "~/components/page-title";
import { settingsSchema } from "~/domain/staff-forms";
import { requireStaff } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { getSettings, updateSettings } from "~/services/settings.server";

export const handle: RouteHandle = { title: (t) => t("staff:settings.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  await requireStaff(db, request, "admin.settings");
  return { settings: getSettings(db) };
}

export async function action({ request }: ActionFunctionArgs) {
  const db = getDb();
  const admin = await requireStaff(db, request, "admin.settings");
  const submission = parseWithZod(await readForm(request), { schema: settingsSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  updateSettings(db, { actorId: admin.id, values: submission.value });
  return redirect("/staff/admin/settings?done=saved");
}

const groups = [
  { heading: "council", fields: ["councilName"] },
  { heading: "complaintsTeam", fields: ["complaintsTeamEmail", "complaintsTeamPhone", "complaintsTeamAddress"] },
  { heading: "frontDoor", fields: ["childrensServicesPhone"] },
  { heading: "advocacy", fields: ["advocacyProviderName", "advocacyProviderEmail", "advocacyProviderPhone"] },
  { heading: "exitPage", fields: ["exitPageUrl"] },
  { heading: "ombudsman", fields: ["ombudsmanName", "ombudsmanWebsite", "ombudsmanPhone"] },
  { heading: "outbox", fields: ["outboxPerMinute"] },
  { heading: "publicPage", fields: ["publishImprovements"] },
  { heading: "report", fields: ["reportSuppressionThreshold"] },
] as const;

/** Short number fields and their hints. */
const numberFields: Record<string, string> = { outboxPerMinute: "settings.outboxPerMinuteHint", reportSuppressionThreshold: "settings.reportSuppressionThresholdHint" };

export default function SettingsPage() {
  const { settings } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm(formOptions("settings", settingsSchema, lastResult, settings));
  const ordered = groups.flatMap((g) => g.fields.map((name) => ({ field: fields[name] })));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {searchParams.get("done") === "saved" ? <SuccessBanner>{t("settings.saved")}</SuccessBanner> : null}
        <ErrorSummary errors={summaryErrors(ordered)} />
        <h1 className="govuk-heading-l">{t("settings.title")}</h1>
        <p className="govuk-body">{t("settings.intro")}</p>
        <Form method="post" {...getFormProps(form)}>
          {groups.map((group) => (
            <fieldset className="govuk-fieldset" key={group.heading}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{t(`settings.groups.${group.heading}`)}</legend>
              {group.fields.map((name) =>
                name === "publishImprovements" ? (
                  <RadiosField
                    key={name}
                    field={fields[name]}
                    legend={t("settings.fields.publishImprovements")}
                    hint={t("settings.publishImprovementsHint")}
                    options={(["yes", "no"] as const).map((value) => ({ value, label: t(`settings.publishImprovementsOptions.${value}`) }))}
                    inline
                  />
                ) : name === "complaintsTeamAddress" ? (
                  <TextareaField key={name} field={fields[name]} label={t(`settings.fields.${name}`)} maxLength={500} rows={5} />
                ) : (
                  <TextField
                    key={name}
                    field={fields[name]}
                    type={name.endsWith("Email") ? "email" : name.endsWith("Phone") ? "tel" : "text"}
                    label={t(`settings.fields.${name}`)}
                    hint={numberFields[name] ? t(numberFields[name]) : undefined}
                    width={numberFields[name] ? "4" : undefined}
                    spellCheck={name.endsWith("Email") || name.endsWith("Url") || name.endsWith("Website") ? false : undefined}
                  />
                ),
              )}
            </fieldset>
          ))}
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("settings.save")}
          </button>
        </Form>
      </div>
    </div>
  );
}
