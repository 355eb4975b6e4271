import { isAscii } from 'node:buffer';
/**
 * Buffer-to-string helpers for the hot path. `utf8Slice`/`latin1Slice` are the methods
 * `Buffer#toString` ends up calling; calling them directly skips its argument checks, which shows on
 * millions of short attribute values. They exist on every Node >= 12; the fallback keeps us safe.
 */
interface FastSlices {
  utf8Slice?(start: number, end: number): string;
  latin1Slice?(start: number, end: number): string;
}

const proto = Buffer.prototype as unknown as FastSlices;
const hasUtf8Slice = typeof proto.utf8Slice === 'function' && typeof proto.latin1Slice === 'function';

export function utf8(buf: Buffer, start: number, end: number): string {
  if (hasUtf8Slice) return (buf as unknown as Required<FastSlices>).utf8Slice(start, end);
  return buf.toString('utf8', start, end);
}

/** Longest string `shortAscii` builds itself. */
export const SHORT_ASCII_MAX = 12;

/**
 * A short ASCII string (`end - start <= SHORT_ASCII_MAX`, every byte < 0x80: the caller checked) built
 * with String.fromCharCode, which stays in JavaScript: a call into Buffer's native slice costs ~50 ns
 * whatever the length, several times this. Test titles, ids and types are often this short.
 */
export function shortAscii(b: Uint8Array, s: number, end: number): string {
  switch (end - s) {
    case 0:
      return '';
    case 1:
      return String.fromCharCode(b[s]!);
    case 2:
      return String.fromCharCode(b[s]!, b[s + 1]!);
    case 3:
      return String.fromCharCode(b[s]!, b[s + 1]!, b[s + 2]!);
    case 4:
      return String.fromCharCode(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!);
    case 5:
      return String.fromCharCode(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!);
    case 6:
      return String.fromCharCode(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!);
    case 7:
      return String.fromCharCode(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!);
    case 8:
      return String.fromCharCode(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!);
    case 9:
      return String.fromCharCode(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!, b[s + 8]!);
    case 10:
      return String.fromCharCode(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!, b[s + 8]!, b[s + 9]!);
    case 11:
      return String.fromCharCode(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!, b[s + 8]!, b[s + 9]!, b[s + 10]!);
    case 12:
      return String.fromCharCode(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!, b[s + 8]!, b[s + 9]!, b[s + 10]!, b[s + 11]!);
    default:
      throw new RangeError('shortAscii: longer than SHORT_ASCII_MAX');
  }
}

/** Backs `end` off so a cut never splits a UTF-8 sequence (continuation bytes are 10xxxxxx). */
export function utf8Boundary(buf: Uint8Array, start: number, end: number): number {
  let e = end;
  while (e > start && e < buf.length && (buf[e]! & 0xc0) === 0x80) e--;
  return e;
}

/** Bytes below which one native call beats looking for ASCII runs. */
const SEGMENT_MIN = 256;
/** Non-ASCII characters handled one by one before the rest is decoded in one go. */
const SEGMENT_ROUNDS = 8;

function latin1(buf: Buffer, start: number, end: number): string {
  if (hasUtf8Slice) return (buf as unknown as Required<FastSlices>).latin1Slice(start, end);
  return buf.toString('latin1', start, end);
}

/**
 * UTF-8 text (a failure's body) decoded fast when it is mostly ASCII. One non-ASCII character (vitest's
 * `❯`, a `✓`) sends V8's UTF-8 decoder down its slow path for the whole string: seven times slower on
 * a 2 KB stack. So ASCII runs are decoded as Latin-1 (the same characters) and only the few
 * characters around them as UTF-8; text with many non-ASCII characters goes to the decoder whole.
 */
export function utf8Text(buf: Buffer, start: number, end: number): string {
  if (end - start < SEGMENT_MIN) return utf8(buf, start, end);
  let out = '';
  let pos = start;
  for (let round = 0; round < SEGMENT_ROUNDS; round++) {
    if (asciiBetween(buf, pos, end)) return out + latin1(buf, pos, end);
    // The next non-ASCII character: its lead byte searched natively, commonest first (0xE2: arrows,
    // ticks, box drawing, quotes; 0xC2/0xC3: Latin-1 letters, no-break spaces). It must be the first
    // non-ASCII byte: the bytes before it ASCII.
    const at = nextNonAscii(buf, pos, end);
    if (at === -1) break;
    const len = sequenceLength(buf[at]!);
    if (len === 0 || at + len > end) break;
    out += latin1(buf, pos, at) + utf8(buf, at, at + len);
    pos = at + len;
  }
  return out + utf8(buf, pos, end);
}

function nextNonAscii(buf: Buffer, from: number, end: number): number {
  for (const lead of LEADS) {
    const at = buf.indexOf(lead, from);
    if (at !== -1 && at < end && asciiBetween(buf, from, at)) return at;
  }
  return -1;
}

const LEADS = [0xe2, 0xc3, 0xc2];

/** isAscii over a range, through a plain Uint8Array view (a Buffer subarray costs several times more to make). */
function asciiBetween(buf: Buffer, start: number, end: number): boolean {
  return isAscii(new Uint8Array(buf.buffer, buf.byteOffset + start, end - start));
}

/** Bytes in a UTF-8 sequence from its lead byte (0 for a continuation or invalid byte). */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}
