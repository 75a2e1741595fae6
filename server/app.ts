import crypto from "node:crypto";
import path from "node:path";
import { createRemixRequest, sendRemixResponse } from "@remix-run/express/dist/server.js";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request as ExpressRequest, type Response as ExpressResponse } from "express";
import type { Config } from "../app/services/config.server";
import { logger } from "../app/services/logger.server";
import { judgeRequestSource, ownOrigins } from "./cross-origin";
import { pathForLog, secretRoutePatterns } from "../app/domain/log-path";
import { refusalPage, type Refusal } from "./refusal-page";
import { keepRouteMatches } from "./route-matches";

// The HTTP layer, apart from the database and the outbox (server/index.ts wires those), so tests
// can run it on a port of their own. What it adds and why: docs/decisions/009-http-layer.md.

export interface AppOptions {
  build: ServerBuild;
  settings: Pick<Config, "production" | "publicUrl" | "trustProxy">;
  /** Where `public/` is (the stylesheet, fonts, the browser build). */
  publicDir?: string;
}

interface Locals {
  cspNonce: string;
  /** Why the request was refused before any route ran, for its one log line. */
  refused?: string;
}

const locals = (res: ExpressResponse) => res.locals as Locals;

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    // Remix's inline scripts carry the request's nonce; nothing else runs inline.
    `script-src 'self' 'nonce-${nonce}'`,
    // No inline styles anywhere (no style= attributes, no <style>): the stylesheet alone.
    "style-src 'self'",
    // data: for the two-step sign-in QR code, an SVG made on the server.
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The origin this request was addressed to: protocol and host, from the proxy if it is trusted. */
function requestOrigin(req: ExpressRequest, trustProxy: boolean): string | null {
  const forwarded = trustProxy ? req.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  const host = forwarded || req.get("host");
  return host ? `${req.protocol}://${host}` : null;
}

/**
 * The stylesheets a page in `language` links to (every page's, then its language's own, such as
 * the Urdu font's), so a refusal page looks like the rest of the service.
 */
function stylesheetsOf(build: ServerBuild): (language: string) => string[] {
  const root = build.routes.root?.module as { links?: () => { rel?: string; href?: string }[]; languageStylesheets?: Record<string, string> } | undefined;
  const all = (root?.links?.() ?? []).filter((l) => l.rel === "stylesheet" && l.href).map((l) => l.href as string);
  return (language) => [...all, ...(root?.languageStylesheets?.[language] ? [root.languageStylesheets[language]] : [])];
}

function toFetchRequest(req: ExpressRequest): Request {
  return new Request(new URL(req.originalUrl, "http://localhost"), { headers: { cookie: req.get("cookie") ?? "" } });
}

export function createApp({ build, settings, publicDir = "public" }: AppOptions) {
  const app = express();
  const secretRoutes = secretRoutePatterns(build.routes);
  const stylesheets = stylesheetsOf(build);
  // Route matching was a quarter of Remix's own CPU time per request (decision 053).
  keepRouteMatches();
  const handleRequest = createRequestHandler(build, settings.production ? "production" : "development");

  async function refuse(req: ExpressRequest, res: ExpressResponse, status: number, refusal: Refusal, reason: string) {
    locals(res).refused = reason;
    res.status(status).setHeader("Cache-Control", "no-store");
    res.type("html").send(await refusalPage(toFetchRequest(req), refusal, stylesheets));
  }

  app.disable("x-powered-by");
  app.set("trust proxy", settings.trustProxy);
  app.use((_req, res, next) => {
    const nonce = crypto.randomBytes(16).toString("base64");
    locals(res).cspNonce = nonce;
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "no-referrer");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    // Browsers ignore it over plain HTTP, so it is safe wherever production runs.
    if (settings.production) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  });
  // gzip or brotli for whatever compresses (HTML, CSS, JS, JSON, SVG: the default filter asks the
  // MIME database); woff2 fonts and images are compressed already and pass as they are. Remix
  // flushes each streamed chunk, and the middleware's flush() sends it on at once.
  app.use(compression());
  // The browser build's files and its _assets (the stylesheet, the fonts) carry a hash of their
  // content in their name: a changed file is a new URL, so a copy never goes stale.
  app.use("/build", express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y" }));
  // Anything else in public/ (the favicon, GOV.UK images) keeps its name when it changes. Only a
  // path with a file extension can name one: a page's or a send's path is not looked for on disk
  // (that was a stat and a discarded error on every request, decision 053).
  const publicFiles = express.static(publicDir, { maxAge: "1h" });
  app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()));

  // One line a request: method, path (keys redacted), status. Never query strings or bodies:
  // they may carry personal data.
  app.use((req, res, next) => {
    const started = Date.now();
    res.on("finish", () => {
      const refused = locals(res).refused;
      logger.info(`${req.method} ${pathForLog(req.path, secretRoutes)} ${res.statusCode} ${Date.now() - started}ms${refused ? ` (refused: ${refused})` : ""}`);
    });
    next();
  });

  // Cross-site request forgery: anything that can change something must come from our own pages.
  app.use((req, res, next) => {
    const verdict = judgeRequestSource(
      { method: req.method, origin: req.get("origin"), secFetchSite: req.get("sec-fetch-site"), referer: req.get("referer") },
      ownOrigins(settings.publicUrl, requestOrigin(req, settings.trustProxy)),
    );
    if (!verdict.allowed) return void refuse(req, res, 403, "crossSite", verdict.reason).catch(next);
    // Judged here, against PUBLIC_URL as well. Remix's own check compares Origin with Host only:
    // it would fail our own forms (browsers send `Origin: null` under no-referrer) with a 500.
    delete req.headers.origin;
    next();
  });

  // `?_data=` is Remix's old data protocol; with single fetch the app's pages never use it, and
  // Remix answers it with warnings, 204s and 500s.
  app.use((req, res, next) => {
    if (new URL(req.originalUrl, "http://localhost").searchParams.has("_data")) return void refuse(req, res, 400, "badRequest", "_data").catch(next);
    next();
  });

  app.all("*", async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const request = createRemixRequest(req, res);
      const response = await handleRequest(request, { clientAddress: req.ip ?? "unknown", cspNonce: locals(res).cspNonce });
      // Pages and data can carry personal data: no browser or proxy keeps a copy, and Back
      // after "Exit this page" shows nothing. A route that says otherwise keeps its own.
      if (!response.headers.has("Cache-Control")) res.setHeader("Cache-Control", "no-store");
      await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    }
  });

  // Whatever fails outside Remix. Express marks what was the client's fault (a path that is not
  // valid percent-encoding) with a 4xx status: that is a refusal, not a fault to log at length.
  app.use((error: unknown, req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status = (error as { status?: unknown } | null)?.status;
    if (typeof status === "number" && status >= 400 && status < 500) return void refuse(req, res, 400, "badRequest", "malformed request").catch(next);
    logger.error(`unhandled error on ${req.method} ${pathForLog(req.path, secretRoutes)}`, error);
    res.status(500).type("text").send("Internal Server Error");
  });

  return app;
}
