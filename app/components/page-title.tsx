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
  const titled = [...matches].reverse().find((m) => typeof (m.handle as RouteHandle | undefined)?.title === "function");
  // An error page is named by its error, not by the page that failed (whose data is missing).
  const error = Object.values(routerState?.errors ?? {})[0];
  const page = error !== undefined ? t(`errorPages.${errorPageKey(error)}.title`) : titled ? (titled.handle as Required<RouteHandle>).title(t, titled.data) : null;
  const errored = Object.values(routerState?.actionData ?? {}).some(hasFormErrors);
  const title = [page, serviceName].filter(Boolean).join(" – ");
  return <title>{errored ? `${t("errorTitlePrefix")} ${title}` : title}</title>;
}
