/** Byte values and small byte-level helpers of the scanner. */
export const LT = 60;
export const GT = 62;
export const SLASH = 47;
export const BANG = 33;
export const QMARK = 63;
export const EQ = 61;
export const QUOTE = 34;
export const APOS = 39;
export const COLON = 58;

/** How far a JS loop looks before handing over to the native search (whose call costs ~40 bytes' worth). */
const NEAR = 48;

/**
 * `buf.indexOf(byte, from)`, but short distances (an attribute value, the indentation before the next
 * tag) are searched in JS: most searches end within a few bytes, where the native call's own overhead
 * dominates. Long ones (CDATA, system-out) still get memchr.
 */
export function findByte(buf: Buffer, byte: number, from: number): number {
  const stop = Math.min(buf.length, from + NEAR);
  for (let i = from; i < stop; i++) if (buf[i] === byte) return i;
  return stop === buf.length ? -1 : buf.indexOf(byte, stop);
}

export function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === COLON || c >= 0x80;
}

export function describeByte(c: number): string {
  return c >= 33 && c < 127 ? `'${String.fromCharCode(c)}'` : `byte 0x${c.toString(16).padStart(2, '0')}`;
}

export function notXmlReason(buf: Buffer, at: number): string {
  const sample = buf.subarray(at, Math.min(buf.length, at + 64));
  const binary = sample.some((b) => b === 0 || (b < 32 && b !== 9 && b !== 10 && b !== 13));
  if (binary) return 'binary data, not XML';
  const first = sample.toString('utf8').split('\n')[0]!.slice(0, 40);
  return `not XML: text ${JSON.stringify(first)} before the first element`;
}
