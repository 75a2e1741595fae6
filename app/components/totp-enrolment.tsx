import { useTranslation } from "react-i18next";

/** Step 1 of setting up an authenticator app: the QR code, and the secret to type in by hand. */
export function TotpEnrolmentInstructions({ qrCodeDataUrl, secretForDisplay }: { qrCodeDataUrl: string; secretForDisplay: string }) {
  const { t } = useTranslation("staff");
  return (
    <>
      <p className="govuk-body">{t("totp.intro")}</p>
      <ol className="govuk-list govuk-list--number">
        <li>{t("totp.stepApp")}</li>
        <li>{t("totp.stepScan")}</li>
        <li>{t("totp.stepCode")}</li>
      </ol>
      <img src={qrCodeDataUrl} alt={t("totp.qrAlt")} width={200} height={200} className="speakup-qr" />
      <p className="govuk-body">{t("totp.manual")}</p>
      <p className="govuk-body">
        <code className="speakup-totp-secret" data-testid="totp-secret">
          {secretForDisplay}
        </code>
      </p>
    </>
  );
}
