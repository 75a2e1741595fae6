import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { ErrorMessage, ErrorSummary, RadiosField, summaryErrors, TextField } from "~/components/form-fields";
import { formOptions } from "~/components/form-options";
import type { RouteHandle } from "~/components/page-title";
import { formatDateTime } from "~/domain/dates";
import { cleanLine, EMAIL } from "~/domain/form/fields";
import { normaliseReference } from "~/domain/reference-number";
import { chosenValue, MAX_MATCHES, phoneDigits } from "~/domain/subject-access";
import { requireStaff } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";
import { findSubjectRecords, type SubjectSearch } from "~/services/subject-access.server";

// The search is posted, never put in the address: an email address or a name in a URL would stay
// in the browser's history. Only the chosen records' ids go into the export's address.

const E = "staff:subjectAccess.errors";
const ways = ["email", "phone", "name"] as const;
const line = (key: string, max: number) => z.optional(z.string().check(z.overwrite(cleanLine), z.maxLength(max, `${E}.${key}.tooLong`)));

const searchSchema = z
  .object({
    by: z.enum(ways, { error: `${E}.by` }),
    email: line("email", 254),
    phone: line("phone", 40),
    name: line("name", 200),
    reference: z.optional(z.string().check(z.overwrite(cleanLine))),
  })
  .check(
    z.superRefine((v, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", message: `${E}.${message}`, path: [path], input: v });
      if (v.by === "email") {
        if (!v.email) issue("email", "email.required");
        else if (!EMAIL.test(v.email)) issue("email", "email.invalid");
      }
      if (v.by === "phone") {
        if (!v.phone) issue("phone", "phone.required");
        else if (!phoneDigits(v.phone)) issue("phone", "phone.invalid");
      }
      if (v.by === "name") {
        if (!v.name) issue("name", "name.required");
        if (!v.reference) issue("reference", "reference.required");
        else if (!normaliseReference(v.reference)) issue("reference", "reference.invalid");
      }
    }),
  );

const chooseSchema = z.object({
  id: z.array(z.string().check(z.regex(/^\d{1,15}(-child)?$/, `${E}.id`)), { error: `${E}.id` }).check(z.minLength(1, `${E}.id`)),
});

function searchOf(v: z.infer<typeof searchSchema>): SubjectSearch {
  if (v.by === "email") return { by: "email", email: v.email ?? "" };
  if (v.by === "phone") return { by: "phone", phone: v.phone ?? "" };
  return { by: "name", name: v.name ?? "", reference: v.reference ?? "" };
}

export const handle: RouteHandle = { title: (t) => t("staff:subjectAccess.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(getDb(), request, "subject-access.export");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const db = getDb();
  const staff = await requireStaff(db, request, "subject-access.export");
  const formData = await readForm(request);
  const search = parseWithZod(formData, { schema: searchSchema });
  if (search.status !== "success") return data({ searchResult: search.reply(), chooseResult: null, search: null, matches: [], tooMany: false }, { status: 400 });
  const found = findSubjectRecords(db, staff, searchOf(search.value));
  const matches = found.slice(0, MAX_MATCHES).map((m) => ({ id: String(m.id), value: chosenValue(m.id, m.role), reference: m.reference, kind: m.kind, role: m.role, received: formatDateTime(m.receivedAt, "en") }));
  const shown = { searchResult: search.reply(), search: search.value, matches, tooMany: found.length > MAX_MATCHES };
  if (formData.get("intent") !== "choose") return { ...shown, chooseResult: null };
  const choice = parseWithZod(formData, { schema: chooseSchema });
  if (choice.status !== "success") return data({ ...shown, chooseResult: choice.reply() }, { status: 400 });
  const params = new URLSearchParams(choice.value.id.map((id) => ["id", id]));
  return redirect(`/staff/subject-access/export?${params.toString()}`);
}

export default function SubjectAccessSearchPage() {
  const result = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const [form, fields] = useForm(formOptions("subject-access-search", searchSchema, result?.searchResult));
  const [chooseForm, chooseFields] = useForm(formOptions("subject-access-choose", chooseSchema, result?.chooseResult));
  const chooseErrors = chooseFields.id.errors;
  return (
    <>
      <ErrorSummary
        errors={summaryErrors([{ field: fields.by }, { field: fields.email }, { field: fields.phone }, { field: fields.name }, { field: fields.reference }, { field: chooseFields.id }])}
      />
      <h1 className="govuk-heading-l">{t("subjectAccess.title")}</h1>
      <p className="govuk-body">{t("subjectAccess.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <RadiosField
          field={fields.by}
          legend={t("subjectAccess.searchBy")}
          options={[
            { value: "email", label: t("subjectAccess.by.email"), conditional: <TextField field={fields.email} label={t("subjectAccess.email")} type="email" autoComplete="off" spellCheck={false} /> },
            { value: "phone", label: t("subjectAccess.by.phone"), conditional: <TextField field={fields.phone} label={t("subjectAccess.phone")} type="tel" autoComplete="off" width="20" /> },
            {
              value: "name",
              label: t("subjectAccess.by.name"),
              conditional: (
                <>
                  <TextField field={fields.name} label={t("subjectAccess.name")} hint={t("subjectAccess.nameHint")} autoComplete="off" spellCheck={false} />
                  <TextField field={fields.reference} label={t("subjectAccess.reference")} hint={t("subjectAccess.referenceHint")} autoComplete="off" spellCheck={false} width="10" />
                </>
              ),
            },
          ]}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {t("subjectAccess.search")}
        </button>
      </Form>

      {result?.search ? (
        result.matches.length === 0 ? (
          <p className="govuk-body" data-testid="no-matches">
            {t("subjectAccess.noMatches")}
          </p>
        ) : (
          <Form method="post" {...getFormProps(chooseForm)}>
            {Object.entries(result.search).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
            <div className={chooseErrors?.length ? "govuk-form-group govuk-form-group--error" : "govuk-form-group"}>
              <fieldset className="govuk-fieldset" aria-describedby={chooseErrors?.length ? "choose-hint id-error" : "choose-hint"}>
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
                  <h2 className="govuk-fieldset__heading">{t("subjectAccess.choose")}</h2>
                </legend>
                <div id="choose-hint" className="govuk-hint">
                  {t("subjectAccess.chooseHint")}
                </div>
                {result.tooMany ? <p className="govuk-body">{t("subjectAccess.tooMany", { count: MAX_MATCHES })}</p> : null}
                <ErrorMessage id="id-error" errors={chooseErrors} />
                <div className="speakup-table-wrapper">
                  <table className="govuk-table" data-testid="matches">
                    <caption className="govuk-table__caption govuk-visually-hidden">{t("subjectAccess.caption")}</caption>
                    <thead className="govuk-table__head">
                      <tr className="govuk-table__row">
                        <th scope="col" className="govuk-table__header">
                          {t("subjectAccess.columns.choose")}
                        </th>
                        <th scope="col" className="govuk-table__header">
                          {t("subjectAccess.columns.reference")}
                        </th>
                        <th scope="col" className="govuk-table__header">
                          {t("subjectAccess.columns.kind")}
                        </th>
                        <th scope="col" className="govuk-table__header">
                          {t("subjectAccess.columns.role")}
                        </th>
                        <th scope="col" className="govuk-table__header">
                          {t("subjectAccess.columns.received")}
                        </th>
                      </tr>
                    </thead>
                    <tbody className="govuk-table__body">
                      {result.matches.map((m, index) => {
                        const inputId = index === 0 ? "id" : `id-${m.id}`;
                        return (
                          <tr className="govuk-table__row" key={m.id}>
                            <td className="govuk-table__cell">
                              <div className="govuk-checkboxes govuk-checkboxes--small">
                                <div className="govuk-checkboxes__item">
                                  <input className="govuk-checkboxes__input" id={inputId} name="id" type="checkbox" value={m.value} />
                                  <label className="govuk-label govuk-checkboxes__label" htmlFor={inputId}>
                                    <span className="govuk-visually-hidden">{t("subjectAccess.chooseRecord", { reference: m.reference })}</span>
                                  </label>
                                </div>
                              </div>
                            </td>
                            <td className="govuk-table__cell">{m.reference}</td>
                            <td className="govuk-table__cell">{t(`kinds.${m.kind}`)}</td>
                            <td className="govuk-table__cell">{t(`subjectAccess.roles.${m.role}`)}</td>
                            <td className="govuk-table__cell">{m.received}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              </fieldset>
            </div>
            <button type="submit" name="intent" value="choose" className="govuk-button" data-module="govuk-button">
              {t("subjectAccess.open")}
            </button>
          </Form>
        )
      ) : null}
    </>
  );
}
