import { useMatches } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useContext } from "react";
import { useTranslation } from "react-i18next";
import { UNSAFE_DataRouterStateContext } from "react-router-dom";
import { errorPageKey } from "./error-page";

/**
 * A route's `handle.title` names its page. Remix's `meta` cannot see action data, so the root
 * builds the <title> here, prefixed "Error: " whenever the last form post came back with errors
 * (as GOV.UK asks), with JavaScript on or off.
 */
export interface RouteHandle {
  title?: (t: TFunction, data: unknown) => string;
}

export function hasFormErrors(actionData: unknown): boolean {
  return typeof actionData === "object" && actionData !== null && (actionData as { status?: unknown }).status === "error";
}

export function DocumentTitle({ serviceName }: { serviceName: string }) {
  const { t } = useTranslation();
  const matches = useMatches();
  const routerState = useContext(UNSAFE_DataRouterStateContext);
  // An error page is named by its error (in the page's language), not by the page that failed.
  const errors = Object.values(routerState?.errors ?? {});
  const titled = [...matches].reverse().find((m) => typeof (m.handle as RouteHandle | undefined)?.title === "function");
  const page =
    errors.length > 0
      ? t(`errorPages.${errorPageKey(errors[0])}.title`)
      : titled
        ? (titled.handle as Required<RouteHandle>).title(t, titled.data)
        : null;
  const errored = Object.values(routerState?.actionData ?? {}).some(hasFormErrors);
  const title = [page, serviceName].filter(Boolean).join(" – ");
  return <title>{errored ? `${t("errorTitlePrefix")} ${title}` : title}</title>;
}
