import type { ServerBuild } from "@remix-run/node";

// One-time links (come back later, invitations, password resets) and draft ids are keys: whoever
// reads one in a log could use it. Paths are logged with them replaced; query strings never are.

const REDACTED = "…";
/** 256-bit random ids are 43 base64url characters; anything this long and plain is treated as one. */
const LOOKS_LIKE_A_KEY = /^[A-Za-z0-9_-]{32,}$/;
const SECRET_PARAM = /token/i;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function fullPath(routes: ServerBuild["routes"], id: string): string {
  const parts: string[] = [];
  for (let route = routes[id]; route; route = route.parentId ? routes[route.parentId] : undefined) {
    if (route.path) parts.unshift(route.path);
  }
  return `/${parts.join("/")}`.replace(/\/+/g, "/");
}

/** A pattern for every route with a secret param (`$token`), capturing the secret segments. */
export function secretRoutePatterns(routes: ServerBuild["routes"]): RegExp[] {
  const patterns: RegExp[] = [];
  for (const id of Object.keys(routes)) {
    const path = fullPath(routes, id);
    const segments = path.split("/").filter(Boolean);
    if (!segments.some((s) => s.startsWith(":") && SECRET_PARAM.test(s))) continue;
    const source = segments
      .map((s) => (s.startsWith(":") ? (SECRET_PARAM.test(s) ? "([^/]+?)" : "(?:[^/]+?)") : escapeRegExp(s)))
      .join("/");
    // Single fetch asks for a page's data at the same path with ".data" on the end.
    patterns.push(new RegExp(`^/${source}(?=(?:\\.data)?/?$)`, "d"));
  }
  return patterns;
}

/** For an error line, which knows the request's params but not the build's routes. */
export function pathForErrorLog(path: string, params: Readonly<Record<string, string | undefined>>): string {
  const secrets = new Set(Object.entries(params).flatMap(([name, value]) => (value && SECRET_PARAM.test(name) ? [value] : [])));
  const redacted = path
    .split("/")
    .map((segment) => (secrets.has(segment.replace(/\.data$/, "")) ? REDACTED + (segment.endsWith(".data") ? ".data" : "") : segment))
    .join("/");
  return pathForLog(redacted, []);
}

/** The path as it may be written to the log. */
export function pathForLog(path: string, patterns: readonly RegExp[]): string {
  let result = path;
  for (const pattern of patterns) {
    const spans = pattern.exec(result)?.indices?.slice(1) ?? [];
    // From the last to the first, so earlier positions still hold.
    for (const span of spans.reverse()) if (span) result = result.slice(0, span[0]) + REDACTED + result.slice(span[1]);
  }
  return result
    .split("/")
    .map((segment) => (LOOKS_LIKE_A_KEY.test(segment.replace(/\.data$/, "")) ? REDACTED + (segment.endsWith(".data") ? ".data" : "") : segment))
    .join("/");
}
