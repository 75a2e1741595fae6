/**
 * React 18.3's streaming renderer can flush its whole 2 KB buffer when a multi-byte character
 * (Urdu, Polish, an en dash) did not fit at its end, sending the unwritten bytes as U+0000
 * (facebook/react#26228, fixed only in React 19). A NUL byte is never part of another UTF-8
 * character and never valid in HTML, so every one can be dropped from the stream safely.
 */
export function withoutNulBytes(chunk: Uint8Array): Uint8Array {
  if (!chunk.includes(0)) return chunk;
  return chunk.filter((byte) => byte !== 0);
}
