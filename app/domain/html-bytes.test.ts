import { describe, expect, it } from "vitest";
import { withoutNulBytes } from "./html-bytes";

describe("withoutNulBytes", () => {
  it("drops the NUL bytes React 18 leaves at the end of a flushed buffer, keeping multi-byte text whole", () => {
    const text = new TextEncoder().encode("<p>شکایت – skarga</p>");
    const flushed = new Uint8Array(text.length + 3);
    flushed.set(text);
    expect(new TextDecoder().decode(withoutNulBytes(flushed))).toBe("<p>شکایت – skarga</p>");
  });
  it("returns a chunk without NUL bytes as it is", () => {
    const chunk = new TextEncoder().encode("<p>Hello</p>");
    expect(withoutNulBytes(chunk)).toBe(chunk);
  });
});
