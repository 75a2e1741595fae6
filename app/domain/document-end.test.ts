import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { documentEndMover } from "./document-end";

const encode = (text: string) => new TextEncoder().encode(text);

function run(chunks: string[] | Uint8Array[]): string {
  const mover = documentEndMover();
  const out: Uint8Array[] = chunks.map((c) => mover.push(typeof c === "string" ? encode(c) : c));
  out.push(mover.end());
  return Buffer.concat(out).toString("utf8");
}

// As React 18 and Remix send a page: the shell, closed, then the streamed data.
const streamed =
  '<!DOCTYPE html><html lang="ur"><head></head><body><p>شکایت – skarga</p><script>a()</script></body></html>' +
  '<!--$--><script nonce="n">window.__remixContext.streamController.enqueue("[]");</script><!--/$-->';
const valid =
  '<!DOCTYPE html><html lang="ur"><head></head><body><p>شکایت – skarga</p><script>a()</script>' +
  '<!--$--><script nonce="n">window.__remixContext.streamController.enqueue("[]");</script><!--/$--></body></html>';

describe("documentEndMover", () => {
  it("moves the closing </body></html> after the data scripts streamed behind it", () => {
    expect(run([streamed])).toBe(valid);
  });

  it("finds the closing tags however the stream is cut into chunks, even inside a multi-byte character", () => {
    const bytes = encode(streamed);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }), (cuts) => {
        const at = [0, ...cuts.sort((a, b) => a - b), bytes.length];
        const chunks = at.slice(1).map((end, i) => bytes.subarray(at[i], end));
        expect(run(chunks)).toBe(valid);
      }),
    );
  });

  it("leaves a document already ending in </body></html> as it was", () => {
    expect(run(["<html><body><p>Hi</p>", "</body>", "</html>"])).toBe("<html><body><p>Hi</p></body></html>");
  });

  it("sends everything, in order, when there is no closing tag to move", () => {
    expect(run(["<p>a</b", "ody><", "/"])).toBe("<p>a</body></");
  });
});
