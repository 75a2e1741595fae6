import { describe, expect, it } from "vitest";
import { MAX_FORM_BYTES, readForm } from "./form-data.server";

const URL_ = "http://localhost:3000/form/who-are-you";
const URLENCODED = "application/x-www-form-urlencoded";

function post(body: BodyInit | null, headers: Record<string, string> = { "Content-Type": URLENCODED }) {
  return new Request(URL_, { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

/** A body that arrives in pieces with no Content-Length, as a chunked upload does. */
function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      const chunk = chunks[i++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
  });
}

/**
 * readForm throws Remix's `data(...)`: a DataWithResponseInit ({ type, data, init: { status } }),
 * which Remix turns into a 4xx response. Returns what was thrown.
 */
async function thrownBy(promise: Promise<unknown>): Promise<{ type: string; data: unknown; init: ResponseInit | null }> {
  try {
    await promise;
  } catch (error) {
    return error as { type: string; data: unknown; init: ResponseInit | null };
  }
  throw new Error("expected readForm to throw");
}

describe("readForm", () => {
  it("parses an urlencoded body, keeping repeated keys and decoding UTF-8", async () => {
    const form = await readForm(post("fullName=Zo%C3%AB+O%27Brien&relationship=parent&tag=a&tag=b&empty="));
    expect(form.get("fullName")).toBe("Zoë O'Brien");
    expect(form.get("relationship")).toBe("parent");
    expect(form.getAll("tag")).toEqual(["a", "b"]);
    expect(form.get("empty")).toBe("");
  });

  it("accepts a charset parameter and any case in the content type", async () => {
    const form = await readForm(post("a=1", { "Content-Type": "Application/X-WWW-Form-URLEncoded; charset=UTF-8" }));
    expect(form.get("a")).toBe("1");
  });

  it("gives an empty form for an empty body", async () => {
    expect([...(await readForm(post(""))).keys()]).toEqual([]);
  });

  it("answers 415 to a body that is not urlencoded", async () => {
    for (const type of ["multipart/form-data; boundary=x", "application/json", "text/plain"]) {
      const thrown = await thrownBy(readForm(post("a=1", { "Content-Type": type })));
      expect(thrown.type).toBe("DataWithResponseInit");
      expect(thrown.init?.status).toBe(415);
    }
    const missing = await thrownBy(readForm(new Request(URL_, { method: "POST" })));
    expect(missing.init?.status).toBe(415);
  });

  it("answers 413 when Content-Length declares more than the limit, before reading", async () => {
    const body = `a=${"x".repeat(100)}`;
    const thrown = await thrownBy(readForm(post(body, { "Content-Type": URLENCODED, "Content-Length": String(MAX_FORM_BYTES + 1) })));
    expect(thrown.type).toBe("DataWithResponseInit");
    expect(thrown.init?.status).toBe(413);
  });

  it("answers 413 to a real body over the limit", async () => {
    const thrown = await thrownBy(readForm(post(`a=${"x".repeat(MAX_FORM_BYTES)}`)));
    expect(thrown.init?.status).toBe(413);
  });

  it("answers 413 to a streamed body with no Content-Length once it passes the limit", async () => {
    let pulled = 0;
    const chunk = new TextEncoder().encode("a=" + "x".repeat(16 * 1024 - 2));
    // An endless stream: past the limit the rest is read and thrown away (so a browser sees the
    // 413 page, not a reset connection) up to the drain limit of 20 MiB, then reading stops.
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(chunk);
      },
    });
    const request = post(endless);
    expect(request.headers.get("Content-Length")).toBeNull();
    const thrown = await thrownBy(readForm(request));
    expect(thrown.init?.status).toBe(413);
    expect(pulled).toBeGreaterThan(4);
    expect(pulled).toBeLessThanOrEqual((20 * 1024) / 16 + 2);
  });

  it("reads a streamed body within the limit", async () => {
    const encoder = new TextEncoder();
    const form = await readForm(post(streamOf([encoder.encode("fullName=Rob"), encoder.encode("in&relationship=parent")])));
    expect(form.get("fullName")).toBe("Robin");
    expect(form.get("relationship")).toBe("parent");
  });

  it("respects a smaller limit passed in", async () => {
    expect((await readForm(post("a=12345678"), 10)).get("a")).toBe("12345678");
    expect((await thrownBy(readForm(post("a=123456789"), 10))).init?.status).toBe(413);
  });

  it("replaces invalid UTF-8 rather than failing", async () => {
    // Raw bytes: "name=" then 0xFF 0xFE (never valid in UTF-8) then "ok".
    const raw = new Uint8Array([...new TextEncoder().encode("name="), 0xff, 0xfe, ...new TextEncoder().encode("ok")]);
    expect((await readForm(post(raw))).get("name")).toBe("\uFFFD\uFFFDok");
    // Percent-encoded invalid UTF-8 is replaced the same way.
    expect((await readForm(post("name=%C3%28x%FF"))).get("name")).toBe("\uFFFD(x\uFFFD");
  });

  it("answers 400 when the body stream breaks", async () => {
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error("connection reset"));
      },
    });
    const thrown = await thrownBy(readForm(post(broken)));
    expect(thrown.type).toBe("DataWithResponseInit");
    expect(thrown.init?.status).toBe(400);
  });
});
