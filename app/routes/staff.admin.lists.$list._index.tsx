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
import { addValue, listNames, listValues } from "~/services/reference-lists.server";

export const handle: RouteHandle = {
  title: (t, d) => {
    const list = (d as { list?: string } | undefined)?.list ?? "";
    return t(`staff:lists.names.${list}`, { defaultValue: list });
  },
};

function listFrom(params: { list?: string }): string {
  const list = params.list ?? "";
  // Only lists that exist: new lists come with new features, not from this page.
  if (!listNames(getDb()).some((l) => l.list === list)) throw notFound();
  return list;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  await requireStaff(db, request, "admin.settings");
  const list = listFrom(params);
  return {
    list,
    values: listValues(db, list).map((v) => ({ id: v.id, label: v.label, group: v.groupLabel, note: v.note, retired: Boolean(v.retiredAt) })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const admin = await requireStaff(db, request, "admin.settings");
  const list = listFrom(params);
  const submission = parseWithZod(await readForm(request), { schema: referenceValueSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  if (addValue(db, { actorId: admin.id, list, label: submission.value.label, note: submission.value.note }) === "taken") {
    return data(submission.reply({ fieldErrors: { label: ["staff:errors.label.taken"] } }), { status: 400 });
  }
  return redirect(`/staff/admin/lists/${list}?done=added`);
}

export default function ListPage() {
  const { list, values } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm(formOptions("add-value", referenceValueSchema, lastResult));
  const name = t(`lists.names.${list}`, { defaultValue: list });
  return (
    <>
      <Link to="/staff/admin/lists" className="govuk-back-link">
        {t("lists.back")}
      </Link>
      {searchParams.get("done") === "added" ? <SuccessBanner>{t("lists.added")}</SuccessBanner> : null}
      <ErrorSummary errors={summaryErrors([{ field: fields.label }, { field: fields.note }])} />
      <h1 className="govuk-heading-l">{name}</h1>
      <div className="speakup-table-wrapper">
        <table className="govuk-table" data-testid="values">
          <caption className="govuk-table__caption govuk-table__caption--m">{t("lists.valuesCaption", { count: values.length })}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("lists.label")}</th>
              <th scope="col" className="govuk-table__header">{t("lists.note")}</th>
              <th scope="col" className="govuk-table__header">{t("teams.status")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {values.map((v) => (
              <tr className="govuk-table__row" key={v.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/staff/admin/lists/${list}/${v.id}`}>
                    {v.label}
                  </Link>
                  {v.group ? <span className="govuk-hint govuk-!-margin-bottom-0">{v.group}</span> : null}
                </td>
                <td className="govuk-table__cell">{v.note ?? ""}</td>
                <td className="govuk-table__cell">{v.retired ? <strong className="govuk-tag govuk-tag--grey">{t("teams.retired")}</strong> : t("teams.current")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">{t("lists.addHeading")}</h2>
          <Form method="post" {...getFormProps(form)}>
            <TextField field={fields.label} label={t("lists.label")} />
            <TextField field={fields.note} label={t("lists.noteOptional")} />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              {t("lists.add")}
            </button>
          </Form>
        </div>
      </div>
    </>
  );
}
