import { isRouteErrorResponse } from "@remix-run/react";

export type ErrorPageKey = "notFound" | "tooManyRequests" | "badRequest" | "serverError";

/** Which of the error pages' words (common.json `errorPages`) an error thrown by a route gets. */
export function errorPageKey(error: unknown): ErrorPageKey {
  if (!isRouteErrorResponse(error)) return "serverError";
  if (error.status === 404) return "notFound";
  if (error.status === 429) return "tooManyRequests";
  return error.status >= 400 && error.status < 500 ? "badRequest" : "serverError";
}
