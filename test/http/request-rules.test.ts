import { describe, expect, it } from "vitest";
import { judgeRequestSource, ownOrigins } from "../../server/cross-origin";
import { pathForErrorLog, pathForLog, secretRoutePatterns } from "~/domain/log-path";

const OWN = ownOrigins("https://speakup.council.example/", "http://127.0.0.1:3000");
const post = (headers: { origin?: string; secFetchSite?: string; referer?: string }) =>
  judgeRequestSource({ method: "POST", origin: headers.origin, secFetchSite: headers.secFetchSite, referer: headers.referer }, OWN).allowed;

describe("judgeRequestSource", () => {
  it("lets reading through whatever its source", () => {
    for (const method of ["GET", "HEAD"]) expect(judgeRequestSource({ method, origin: "http://evil.example", secFetchSite: "cross-site", referer: undefined }, OWN).allowed).toBe(true);
  });

  it("refuses every other method from another site, another port (same-site) or an opaque origin", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
      expect(judgeRequestSource({ method, origin: "http://evil.example", secFetchSite: undefined, referer: undefined }, OWN).allowed, method).toBe(false);
    }
    expect(post({ secFetchSite: "cross-site" })).toBe(false);
    expect(post({ secFetchSite: "same-site", origin: "http://127.0.0.1:3001" })).toBe(false);
    expect(post({ origin: "http://127.0.0.1:3001" })).toBe(false);
    expect(post({ origin: "null" })).toBe(false);
    expect(post({ secFetchSite: "cross-site", origin: "null" })).toBe(false);
    expect(post({ referer: "https://evil.example/page" })).toBe(false);
    expect(post({ referer: "not a url" })).toBe(false);
  });

  it("accepts the app's own pages: PUBLIC_URL's origin, the request's own, or the browser's same-origin", () => {
    expect(post({ origin: "https://speakup.council.example" })).toBe(true);
    expect(post({ origin: "http://127.0.0.1:3000" })).toBe(true);
    expect(post({ secFetchSite: "same-origin", origin: "null" })).toBe(true);
    expect(post({ referer: "https://speakup.council.example/form/kind" })).toBe(true);
  });

  it("accepts clients that are not browsers (no Origin, Sec-Fetch-Site or Referer), as Go's CrossOriginProtection does", () => {
    expect(post({})).toBe(true);
  });
});

describe("pathForLog", () => {
  const routes = {
    root: { id: "root", path: "", module: {} },
    "routes/_public": { id: "routes/_public", parentId: "root", module: {} },
    "routes/_public.form.return.$token": { id: "routes/_public.form.return.$token", parentId: "routes/_public", path: "form/return/:token", module: {} },
    "routes/staff": { id: "routes/staff", parentId: "root", path: "staff", module: {} },
    "routes/staff.invitation.$token": { id: "routes/staff.invitation.$token", parentId: "routes/staff", path: "invitation/:token", module: {} },
    "routes/staff.cases.$reference": { id: "routes/staff.cases.$reference", parentId: "routes/staff", path: "cases/:reference", module: {} },
  } as unknown as Parameters<typeof secretRoutePatterns>[0];
  const patterns = secretRoutePatterns(routes);

  it("replaces a route's token param, however short, with or without .data", () => {
    expect(pathForLog("/form/return/abc", patterns)).toBe("/form/return/…");
    expect(pathForLog("/form/return/abc.data", patterns)).toBe("/form/return/….data");
    expect(pathForLog("/staff/invitation/staff", patterns)).toBe("/staff/invitation/…");
  });

  it("replaces anything that looks like a 256-bit key, on any path", () => {
    const key = "q3Yx9mVhR1pWZk2JtLs8aB4cD6eF0gH7iJ5kL9mN2oP";
    expect(pathForLog(`/staff/log/${key}/your-details`, patterns)).toBe("/staff/log/…/your-details");
    expect(pathForLog(`/staff/invitations/${key}.data`, patterns)).toBe("/staff/invitations/….data");
  });

  it("keeps what is not a key: case references, ids, page names", () => {
    expect(pathForLog("/staff/cases/SU-DEM2-AB3C", patterns)).toBe("/staff/cases/SU-DEM2-AB3C");
    expect(pathForLog("/staff/admin/users/12", patterns)).toBe("/staff/admin/users/12");
    expect(pathForLog("/form/what-happened", patterns)).toBe("/form/what-happened");
  });

  it("redacts an error line's path from the request's params, when the routes are not at hand", () => {
    expect(pathForErrorLog("/staff/password-reset/short-token", { token: "short-token" })).toBe("/staff/password-reset/…");
    expect(pathForErrorLog("/form/return/abc.data", { token: "abc" })).toBe("/form/return/….data");
    expect(pathForErrorLog("/staff/cases/SU-DEM2-AB3C", { reference: "SU-DEM2-AB3C" })).toBe("/staff/cases/SU-DEM2-AB3C");
  });
});
