import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ACCEPT_ATTRIBUTE, ATTACHMENT_LIMITS, hasRoomFor } from "~/domain/attachments";
import { ErrorMessage } from "./form-fields";

export interface ListedFile {
  id: number;
  name: string;
  size: string;
}

/** Where the error summary's link goes: the file input, or the list once no more files fit. */
export function attachmentsErrorTarget(fileCount: number): string {
  return hasRoomFor(fileCount) ? "#file" : "#uploaded-files";
}

/**
 * The files added so far, each with its own small Remove form, then one multipart form that
 * uploads a file (or, with Continue, uploads any chosen file and moves on). The public e-form and
 * staff logging share it; everything works without JavaScript.
 */
export function AttachmentsForm({ files, formAction, error }: { files: ListedFile[]; formAction: string; error?: string }) {
  const { t } = useTranslation("form");
  const room = hasRoomFor(files.length);
  const errors = error ? [error] : undefined;
  // With JavaScript the page is not reloaded: empty the file input once a post is answered, so a
  // refused or stored file is not sent again by the next press of a button.
  const uploadForm = useRef<HTMLFormElement>(null);
  const navigation = useNavigation();
  useEffect(() => {
    if (navigation.state === "idle") uploadForm.current?.reset();
  }, [navigation.state]);

  return (
    <>
      {files.length > 0 ? (
        <>
          <h2 className="govuk-heading-m" id="uploaded-files" tabIndex={-1}>
            {t("attachments.filesHeading")}
          </h2>
          <dl className="govuk-summary-list" data-testid="uploaded-files">
            {files.map((file) => (
              <div className="govuk-summary-list__row" key={file.id}>
                <dt className="govuk-summary-list__key govuk-!-text-break-word">{file.name}</dt>
                <dd className="govuk-summary-list__value">{file.size}</dd>
                <dd className="govuk-summary-list__actions">
                  <Form method="post" action={formAction}>
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="id" value={file.id} />
                    <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                      {t("attachments.remove")}
                      <span className="govuk-visually-hidden"> {file.name}</span>
                    </button>
                  </Form>
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}

      <Form method="post" action={formAction} encType="multipart/form-data" ref={uploadForm}>
        {room ? (
          <div className={errors ? "govuk-form-group govuk-form-group--error" : "govuk-form-group"}>
            <label className="govuk-label govuk-label--m" htmlFor="file">
              {t("attachments.fileLabel")}
            </label>
            <div id="file-hint" className="govuk-hint">
              {t("attachments.fileHint")}
            </div>
            <ErrorMessage id="file-error" errors={errors} />
            <input
              className={errors ? "govuk-file-upload govuk-file-upload--error" : "govuk-file-upload"}
              id="file"
              name="file"
              type="file"
              accept={ACCEPT_ATTRIBUTE}
              aria-describedby={errors ? "file-hint file-error" : "file-hint"}
              aria-invalid={errors ? true : undefined}
            />
          </div>
        ) : (
          <>
            {errors ? <ErrorMessage id="file-error" errors={errors} /> : null}
            <div className="govuk-inset-text">{t("attachments.full", { max: ATTACHMENT_LIMITS.maxFiles })}</div>
          </>
        )}
        <div className="govuk-button-group">
          {room ? (
            <button type="submit" name="intent" value="upload" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              {t("attachments.upload")}
            </button>
          ) : null}
          <button type="submit" name="intent" value="continue" className="govuk-button" data-module="govuk-button">
            {t("continue")}
          </button>
        </div>
      </Form>
    </>
  );
}
