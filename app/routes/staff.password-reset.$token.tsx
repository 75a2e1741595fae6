import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RouteHandle } from "~/components/page-title";
import { SetPasswordPage } from "~/components/set-password-page";
import { passwordTokenAction, passwordTokenLoader } from "~/services/password-token-route.server";

export const handle: RouteHandle = { title: (t, d) => ((d as { valid?: boolean } | undefined)?.valid ? t("staff:setPassword.resetTitle") : t("staff:setPassword.expiredTitle")) };

export async function loader(args: LoaderFunctionArgs) {
  return passwordTokenLoader("password-reset", args);
}

export async function action(args: ActionFunctionArgs) {
  return passwordTokenAction("password-reset", args);
}

export default function PasswordResetPage() {
  const { valid } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  return (
    <SetPasswordPage
      valid={valid}
      title={t("setPassword.resetTitle")}
      intro={t("setPassword.resetIntro")}
      expired={t("setPassword.resetExpired")}
      lastResult={useActionData<typeof action>()}
    />
  );
}
