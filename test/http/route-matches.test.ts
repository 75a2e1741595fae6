import { createRequire } from "node:module";
import type { AgnosticRouteMatch, AgnosticRouteObject } from "@remix-run/router";
import { describe, expect, it } from "vitest";
import { keepRouteMatches } from "../../server/route-matches";

type MatchRoutes = (routes: AgnosticRouteObject[], location: unknown, basename?: string) => AgnosticRouteMatch[] | null;
// The module object the Remix server runtime calls `matchRoutes` on.
const router = createRequire(import.meta.url)("@remix-run/router") as { matchRoutes: MatchRoutes };
const original = router.matchRoutes;

// A tree shaped like the app's: a layout with an index, a dynamic segment, a nested layout and a splat.
const routes: AgnosticRouteObject[] = [
  {
    id: "root",
    path: "/",
    children: [
      { id: "public", children: [{ id: "index", index: true }, { id: "step", path: "form/:step" }, { id: "return", path: "form/return/:token" }] },
      { id: "staff", path: "staff", children: [{ id: "staff-index", index: true }, { id: "case", path: "cases/:reference" }, { id: "staff-splat", path: "*" }] },
      { id: "splat", path: "*" },
    ],
  },
];
const paths = ["/", "/form/kind", "/form/return/abc", "/staff", "/staff/cases/SU-DEM2-AB3C", "/staff/nowhere/at/all", "/nowhere", "/form/caf%C3%A9"];
const summary = (matches: AgnosticRouteMatch[] | null) => matches?.map((m) => ({ id: m.route.id, params: m.params, pathname: m.pathname, pathnameBase: m.pathnameBase }));

describe("keepRouteMatches", () => {
  it("answers every path as @remix-run/router does, the first time and every time after, and only the routes array it was asked about", () => {
    const expected = paths.map((p) => summary(original(routes, p)));
    // A limit smaller than the paths, so that kept matches are also dropped and matched again.
    keepRouteMatches(3);
    expect(router.matchRoutes).not.toBe(original);
    for (let round = 0; round < 3; round += 1) {
      expect(paths.map((p) => summary(router.matchRoutes(routes, p)))).toEqual(expected);
    }
    // Another routes array (another build) is matched against its own routes.
    const other: AgnosticRouteObject[] = [{ id: "only", path: "/form/:step" }];
    expect(summary(router.matchRoutes(other, "/form/kind"))).toEqual([{ id: "only", params: { step: "kind" }, pathname: "/form/kind", pathnameBase: "/form/kind" }]);
    expect(router.matchRoutes(other, "/")).toBeNull();
    // With a basename, and with a location object (passed on to the original).
    expect(summary(router.matchRoutes(routes, "/app/form/kind", "/app"))).toEqual(summary(original(routes, "/app/form/kind", "/app")));
    expect(summary(router.matchRoutes(routes, { pathname: "/form/kind" }))).toEqual(expected[1]);
  });

  it("gives each caller its own matches, so one request changing its params cannot change the next's", () => {
    keepRouteMatches();
    const first = router.matchRoutes(routes, "/staff/cases/SU-DEM2-AB3C") as AgnosticRouteMatch[];
    ((first.at(-1) as AgnosticRouteMatch).params as Record<string, string>).reference = "changed";
    first.pop();
    const second = router.matchRoutes(routes, "/staff/cases/SU-DEM2-AB3C") as AgnosticRouteMatch[];
    expect(second.map((m) => m.route.id)).toEqual(["root", "staff", "case"]);
    expect(second.at(-1)?.params).toEqual({ reference: "SU-DEM2-AB3C" });
  });
});
