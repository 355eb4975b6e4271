/**
 * Buffer-to-string helpers for the hot path. `utf8Slice`/`latin1Slice` are the methods
 * `Buffer#toString` ends up calling; calling them directly skips its argument checks, which shows on
 * millions of short attribute values. They exist on every Node >= 12; the fallback keeps us safe.
 */
interface FastSlices {
  utf8Slice?(start: number, end: number): string;
}

const proto = Buffer.prototype as unknown as FastSlices;
const hasUtf8Slice = typeof proto.utf8Slice === 'function';

export function utf8(buf: Buffer, start: number, end: number): string {
  if (hasUtf8Slice) return (buf as unknown as Required<FastSlices>).utf8Slice(start, end);
  return buf.toString('utf8', start, end);
}

/** Backs `end` off so a cut never splits a UTF-8 sequence (continuation bytes are 10xxxxxx). */
export function utf8Boundary(buf: Uint8Array, start: number, end: number): number {
  let e = end;
  while (e > start && e < buf.length && (buf[e]! & 0xc0) === 0x80) e--;
  return e;
}
