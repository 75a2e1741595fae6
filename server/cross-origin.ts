// Cross-site request forgery: a request that can change something must come from the app's own
// pages. Browsers say where a request comes from in headers a page cannot forge (Sec-Fetch-Site,
// Origin, Referer); see docs/decisions/009-http-layer.md for the order they are read in.

export interface RequestSource {
  method: string;
  origin: string | undefined;
  secFetchSite: string | undefined;
  referer: string | undefined;
}

export type Verdict = { allowed: true } | { allowed: false; reason: string };

const SAFE_METHODS = new Set(["GET", "HEAD"]);

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** Whether a request may reach the app, given the origins that are the app's own. */
export function judgeRequestSource(source: RequestSource, ownOrigins: readonly string[]): Verdict {
  if (SAFE_METHODS.has(source.method.toUpperCase())) return { allowed: true };
  const own = (url: string) => {
    const origin = originOf(url);
    return origin !== null && ownOrigins.includes(origin);
  };
  // Every current browser sends Sec-Fetch-Site. Read first because under our
  // `Referrer-Policy: no-referrer` a browser sends `Origin: null` even for the app's own forms.
  if (source.secFetchSite) {
    // "same-site" is refused too: another port or subdomain of the same host is another app.
    return source.secFetchSite === "same-origin" || source.secFetchSite === "none"
      ? { allowed: true }
      : { allowed: false, reason: `sec-fetch-site ${source.secFetchSite}` };
  }
  // Older browsers: Origin. "null" (a sandboxed frame, a data: page) is never ours.
  if (source.origin) return own(source.origin) ? { allowed: true } : { allowed: false, reason: "origin" };
  if (source.referer) return own(source.referer) ? { allowed: true } : { allowed: false, reason: "referer" };
  // No browser sends none of the three on a cross-site POST: this is curl, a script or a test
  // client, which carries no one's cookies by accident (as Go's http.CrossOriginProtection).
  return { allowed: true };
}

/** The app's own origins: PUBLIC_URL's and the one the request was addressed to. */
export function ownOrigins(publicUrl: string, requestOrigin: string | null): string[] {
  const origins = [originOf(publicUrl), requestOrigin && originOf(requestOrigin)];
  return origins.filter((o): o is string => Boolean(o));
}
