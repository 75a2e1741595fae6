/**
 * Remix's single fetch writes each page's data as inline <script>s rendered *after* the document
 * (`<RemixServer>` puts its `StreamTransfer` beside `<html>`, not inside it), and React 18 closes
 * `</body></html>` with the shell, so every page sent script after `</html>`: invalid HTML,
 * which browsers repair by moving the scripts into <body>. React 19 holds the closing tags back
 * until the stream ends; this does the same for React 18: the first `</body></html>` is taken out
 * of the stream and written last. The scripts then sit at the end of <body>, where browsers
 * already put them, so hydration sees the same tree (React 18 ignores extra nodes at the end of
 * <body>).
 *
 * React escapes `<` in text and Remix in its serialised data, so the first `</body></html>` in the
 * stream is the document's own. The marker may be split across chunks, so up to its length less
 * one byte is held back until the next chunk shows whether it completes.
 */
const END = new TextEncoder().encode("</body></html>");

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** How many bytes at the end of `bytes` could be the start of the marker. */
function partialEndAtTail(bytes: Uint8Array): number {
  for (let n = Math.min(END.length - 1, bytes.length); n > 0; n -= 1) {
    if (indexOf(bytes.subarray(bytes.length - n), END.subarray(0, n)) === 0) return n;
  }
  return 0;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

export interface DocumentEndMover {
  /** The bytes to send now for this chunk of the stream. */
  push(chunk: Uint8Array): Uint8Array;
  /** The bytes to send when the stream ends: what was held back, then `</body></html>`. */
  end(): Uint8Array;
}

export function documentEndMover(): DocumentEndMover {
  let held = new Uint8Array(0);
  let found = false;
  return {
    push(chunk) {
      if (found) return chunk;
      const bytes = concat(held, chunk);
      const at = indexOf(bytes, END);
      if (at >= 0) {
        found = true;
        held = new Uint8Array(0);
        return concat(bytes.subarray(0, at), bytes.subarray(at + END.length));
      }
      const keep = partialEndAtTail(bytes);
      held = bytes.slice(bytes.length - keep);
      return bytes.subarray(0, bytes.length - keep);
    },
    end() {
      return found ? END : held;
    },
  };
}
