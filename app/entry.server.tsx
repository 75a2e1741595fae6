import { Transform } from "node:stream";
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext, type HandleErrorFunction } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { NonceProvider } from "./components/nonce";
import { documentEndMover } from "./domain/document-end";
import { withoutNulBytes } from "./domain/html-bytes";
import { pathForErrorLog } from "./domain/log-path";
import { requestI18n } from "./i18n/language.server";
import { logger } from "./services/logger.server";

export const streamTimeout = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  const i18n = await requestI18n(request);
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce ?? ""}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          // Remix's streamed data comes after React's </body></html>: moved back inside.
          const documentEnd = documentEndMover();
          const body = new Transform({
            transform(chunk: Buffer, _encoding, callback) {
              callback(null, documentEnd.push(withoutNulBytes(chunk)));
            },
            flush(callback) {
              callback(null, documentEnd.end());
            },
          });
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logger.error("render failed", error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}

// Unexpected errors are logged without request bodies or URLs' query strings: they may hold
// children's personal data.
export const handleError: HandleErrorFunction = (error, { request, params }) => {
  // A 404 or a refused request is an answer, not a fault.
  if (request.signal.aborted || isRouteErrorResponse(error)) return;
  // One-time links are keys: never in the log, even when their page fails.
  logger.error(`unhandled error on ${request.method} ${pathForErrorLog(new URL(request.url).pathname, params)}`, error);
};
