import { data, MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorMessage, ErrorSummary } from "~/components/form-fields";
import type { RouteHandle } from "~/components/page-title";
import type { ImportProblem } from "~/domain/report/import-rows";
import { requireStaff } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { importHistoric, MAX_IMPORT_BYTES, type ImportResult } from "~/services/report-import.server";

export const handle: RouteHandle = { title: (t) => t("staff:report.import.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(getDb(), request, "report.import");
  return null;
}

type Outcome = { fileError: string } | { result: ImportResult };

/** The same check and the same words as `npm run import`: a file with any bad row imports nothing. */
export async function action({ request }: ActionFunctionArgs) {
  const db = getDb();
  const staff = await requireStaff(db, request, "report.import");
  const tooLarge = () => data<Outcome>({ fileError: "staff:report.import.tooLarge" }, { status: 413 });
  if (Number(request.headers.get("Content-Length") ?? "0") > MAX_IMPORT_BYTES + 64 * 1024) return tooLarge();
  let file: FormDataEntryValue | null;
  try {
    const form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_BYTES }));
    file = form.get("file");
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return tooLarge();
    // Not a multipart body at all: the form was not used.
    return data<Outcome>({ fileError: "staff:report.import.chooseFile" }, { status: 400 });
  }
  if (!(file instanceof Blob) || file.size === 0) return data<Outcome>({ fileError: "staff:report.import.chooseFile" }, { status: 400 });
  const name = file instanceof File ? file.name : "";
  if (!/\.csv$/i.test(name)) return data<Outcome>({ fileError: "staff:report.import.notCsv" }, { status: 400 });
  const result = importHistoric(db, { csv: await file.text(), actorId: staff.id });
  return data<Outcome>({ result }, { status: result.status === "imported" ? 200 : 422 });
}

export default function ImportPage() {
  const outcome = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const fileError = outcome && "fileError" in outcome ? outcome.fileError : null;
  const result = outcome && "result" in outcome ? outcome.result : null;
  const message = (p: ImportProblem) => t(`report.import.problems.${p.code}`, { column: p.column ?? "", value: p.value ?? "", list: p.list ?? "" });
  return (
    <>
      <ErrorSummary errors={fileError ? [{ href: "#file", message: fileError }] : result?.status === "rejected" ? [{ href: "#problems", message: "staff:report.import.rejectedTitle" }] : []} />
      <h1 className="govuk-heading-l">{t("report.import.title")}</h1>
      {result?.status === "imported" ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="imported-title" data-testid="import-done">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="imported-title">
              {t("report.import.importedTitle")}
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{t("report.import.imported", { imported: result.imported, rows: result.rows, already: result.alreadyImported })}</p>
          </div>
        </div>
      ) : null}
      {result?.status === "rejected" ? (
        <section aria-labelledby="problems" data-testid="import-problems">
          <h2 className="govuk-heading-m" id="problems" tabIndex={-1}>
            {t("report.import.rejectedTitle")}
          </h2>
          <p className="govuk-body">{t("report.import.rejected", { count: result.problems.length })}</p>
          <div className="speakup-table-wrapper">
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-visually-hidden">{t("report.import.rejectedTitle")}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    {t("report.import.line")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t("report.import.column")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t("report.import.problem")}
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {result.problems.map((p, i) => (
                  <tr className="govuk-table__row" key={i}>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{p.line}</td>
                    <td className="govuk-table__cell">{p.column ?? ""}</td>
                    <td className="govuk-table__cell">{message(p)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <p className="govuk-body">{t("report.import.intro")}</p>
      <p className="govuk-body">{t("report.import.columnsLink")}</p>
      <Form method="post" encType="multipart/form-data" reloadDocument>
        <div className={fileError ? "govuk-form-group govuk-form-group--error" : "govuk-form-group"}>
          <label className="govuk-label govuk-label--s" htmlFor="file">
            {t("report.import.file")}
          </label>
          <div className="govuk-hint" id="file-hint">
            {t("report.import.fileHint")}
          </div>
          <ErrorMessage id="file-error" errors={fileError ? [fileError] : undefined} />
          <input
            className={fileError ? "govuk-file-upload govuk-file-upload--error" : "govuk-file-upload"}
            id="file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={fileError ? "file-hint file-error" : "file-hint"}
          />
        </div>
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {t("report.import.upload")}
        </button>
      </Form>
    </>
  );
}
