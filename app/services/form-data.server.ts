import { data } from "@remix-run/node";

/** Question pages post a few kilobytes; anything much larger is not a person filling in a form. */
export const MAX_FORM_BYTES = 64 * 1024;

// An oversized body is read to the end (and thrown away) up to this size, so the sender gets the
// 413 page instead of a reset connection; past it the connection is simply closed.
const DRAIN_LIMIT_BYTES = 20 * 1024 * 1024;

/**
 * Reads an urlencoded form body with a size limit. Malformed, oversized or unexpected bodies
 * become a 4xx answer (shown on the friendly error page), never a 5xx.
 */
export async function readForm(request: Request, maxBytes = MAX_FORM_BYTES): Promise<FormData> {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") {
    await drain(request);
    throw data("Unsupported form encoding", { status: 415 });
  }
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > maxBytes) {
    await drain(request);
    throw data("Form too large", { status: 413 });
  }

  const body = await readLimited(request, maxBytes);
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(body);
  } catch {
    throw data("Malformed form", { status: 400 });
  }
  const form = new FormData();
  for (const [key, value] of params) form.append(key, value);
  return form;
}

async function readLimited(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await drainReader(reader, total);
        throw data("Form too large", { status: 413 });
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof Response || isDataWithResponseInit(error)) throw error;
    throw data("Malformed form", { status: 400 });
  }
  // Invalid UTF-8 is replaced, not fatal: the validators then judge what is left.
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

async function drain(request: Request) {
  if (!request.body || request.bodyUsed) return;
  await drainReader(request.body.getReader(), 0).catch(() => undefined);
}

async function drainReader(reader: ReadableStreamDefaultReader<Uint8Array>, alreadyRead: number) {
  let total = alreadyRead;
  for (;;) {
    if (total > DRAIN_LIMIT_BYTES) {
      await reader.cancel();
      return;
    }
    const { done, value } = await reader.read();
    if (done) return;
    total += value.byteLength;
  }
}

function isDataWithResponseInit(error: unknown): boolean {
  return typeof error === "object" && error !== null && "type" in error && (error as { type: unknown }).type === "DataWithResponseInit";
}
