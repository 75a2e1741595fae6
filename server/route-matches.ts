import { createRequire } from "node:module";
import type { AgnosticRouteMatch, AgnosticRouteObject } from "@remix-run/router";

type MatchRoutes = (routes: AgnosticRouteObject[], location: unknown, basename?: string) => AgnosticRouteMatch[] | null;
// The CommonJS module the Remix server runtime itself requires: its `matchRoutes` is looked up
// on this object at each call.
const router = createRequire(import.meta.url)("@remix-run/router") as { matchRoutes: MatchRoutes & { kept?: true } };

/**
 * Remix 2's server runtime matches each request's path with `matchRoutes` from
 * `@remix-run/router` 1.x, which flattens and ranks every route of the app and compiles a regular
 * expression per route on every call (React Router 7 keeps them; this version does not). A
 * build's routes never change while it is served, so the matches of a path are kept, per routes
 * array, for the `limit` most recently used paths; each caller gets its own copies. Decision 053.
 */
export function keepRouteMatches(limit = 1000): void {
  if (router.matchRoutes.kept) return;
  const original = router.matchRoutes;
  const byRoutes = new WeakMap<AgnosticRouteObject[], Map<string, AgnosticRouteMatch[] | null>>();
  const kept: MatchRoutes & { kept?: true } = (routes, location, basename = "/") => {
    if (typeof location !== "string") return original(routes, location, basename);
    let paths = byRoutes.get(routes);
    if (!paths) byRoutes.set(routes, (paths = new Map()));
    const key = `${basename} ${location}`;
    let matches = paths.get(key);
    if (matches === undefined) {
      matches = original(routes, location, basename);
      if (paths.size >= limit) paths.delete(paths.keys().next().value as string);
    } else {
      // Most recently used last, so the oldest goes first.
      paths.delete(key);
    }
    paths.set(key, matches);
    return matches && matches.map((match) => ({ ...match, params: { ...match.params } }));
  };
  kept.kept = true;
  router.matchRoutes = kept;
}
