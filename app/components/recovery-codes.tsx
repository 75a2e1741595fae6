import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Recovery codes, shown once: only their hashes are kept, so this is the one chance to save them. */
export function RecoveryCodesPanel({ codes, continueTo, headingLevel = 1 }: { codes: string[]; continueTo?: string; headingLevel?: 1 | 2 }) {
  const { t } = useTranslation("staff");
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <>
      <Heading className={headingLevel === 1 ? "govuk-heading-l" : "govuk-heading-m"}>{t("recoveryCodes.title")}</Heading>
      <p className="govuk-body">{t("recoveryCodes.intro")}</p>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">{t("recoveryCodes.warningPrefix")}</span>
          {t("recoveryCodes.warning")}
        </strong>
      </div>
      <ul className="govuk-list" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code className="speakup-totp-secret">{code}</code>
          </li>
        ))}
      </ul>
      {continueTo ? (
        <p className="govuk-body">
          <Link className="govuk-button" data-module="govuk-button" to={continueTo}>
            {t("recoveryCodes.continue")}
          </Link>
        </p>
      ) : null}
    </>
  );
}

/** The first step of setting up two-step sign-in: a button, so that opening the page writes nothing. */
export function StartEnrolmentButton({ action }: { action: string }) {
  const { t } = useTranslation("staff");
  return (
    <Form method="post" action={action}>
      <input type="hidden" name="intent" value="start" />
      <button type="submit" className="govuk-button" data-module="govuk-button">
        {t("account.setUpTotp")}
      </button>
    </Form>
  );
}
