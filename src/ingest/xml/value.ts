import { SHORT_ASCII_MAX, shortAscii, utf8 } from './decode.js';
import { decodeEntities, normaliseNewlines } from './entities.js';

const AMP = 38;
const SEMI = 59;
const CR = 13;
/** Values up to this long are decoded through a scratch buffer; longer ones as strings. */
const SCRATCH_MAX = 512;
const scratch = Buffer.allocUnsafe(SCRATCH_MAX);

/**
 * An attribute value as text: references decoded, newlines normalised (entities.ts says which
 * references and why). Short values (test names, classnames: millions of them) are decoded from the
 * bytes in one pass, without building and re-scanning intermediate strings; long ones go through the
 * string functions. Both give the same text.
 */
export function attributeValue(buf: Buffer, start: number, end: number): string {
  const len = end - start;
  if (len > SCRATCH_MAX) return stringPath(buf, start, end);
  let i = start;
  let bits = 0;
  for (; i < end; i++) {
    const c = buf[i]!;
    if (c === AMP || c === CR) break;
    bits |= c;
  }
  if (i === end) return bits < 0x80 && len <= SHORT_ASCII_MAX ? shortAscii(buf, start, end) : utf8(buf, start, end);
  // Copied byte by byte: for a few dozen bytes a native copy costs more than the loop.
  let out = 0;
  for (let k = start; k < i; k++) scratch[out++] = buf[k]!;
  while (i < end) {
    const c = buf[i]!;
    if (c === CR) {
      // CRLF and a lone CR become LF.
      scratch[out++] = 10;
      i += buf[i + 1] === 10 && i + 1 < end ? 2 : 1;
      continue;
    }
    if (c !== AMP) {
      scratch[out++] = c;
      i++;
      continue;
    }
    const used = reference(buf, i, end, out);
    if (used === 0) {
      scratch[out++] = c;
      i++;
    } else {
      out = used >>> 8;
      i += used & 0xff;
    }
  }
  return utf8(scratch, 0, out);
}

function stringPath(buf: Buffer, start: number, end: number): string {
  let v = utf8(buf, start, end);
  if (v.indexOf('&') !== -1) v = decodeEntities(v);
  if (v.indexOf('\r') !== -1) v = normaliseNewlines(v);
  return v;
}

/**
 * Decodes the reference at `buf[amp] === '&'` into `scratch` at `out`. Returns 0 to leave it as
 * written (an undeclared entity, a bad number), else `(newOut << 8) | bytesConsumed`.
 */
function reference(buf: Buffer, amp: number, end: number, out: number): number {
  let semi = -1;
  // Like decodeEntities: the `;` within 33 characters (a reference is short), at least one character in.
  for (let k = amp + 2; k < end && k - amp <= 33; k++) {
    if (buf[k] === SEMI) {
      semi = k;
      break;
    }
  }
  if (semi === -1) return 0;
  const n = semi - amp - 1;
  const a = buf[amp + 1]!;
  let byte = -1;
  if (a === 35 /* # */) return numeric(buf, amp + 2, semi, out);
  if (n === 2 && buf[amp + 2] === 116 /* t */) byte = a === 108 /* l */ ? 60 : a === 103 /* g */ ? 62 : -1;
  else if (n === 3 && a === 97 && buf[amp + 2] === 109 && buf[amp + 3] === 112) byte = 38; // amp
  else if (n === 4 && a === 113 && buf[amp + 2] === 117 && buf[amp + 3] === 111 && buf[amp + 4] === 116) byte = 34; // quot
  else if (n === 4 && a === 97 && buf[amp + 2] === 112 && buf[amp + 3] === 111 && buf[amp + 4] === 115) byte = 39; // apos
  if (byte === -1) return 0;
  scratch[out] = byte;
  return ((out + 1) << 8) | (n + 2);
}

/** `&#123;` / `&#x1F600;`: the code point written as UTF-8; 0 for anything decodeEntities would leave. */
function numeric(buf: Buffer, from: number, semi: number, out: number): number {
  const hex = buf[from] === 120; /* x */
  let i = hex ? from + 1 : from;
  const digits = semi - i;
  if (digits < 1 || digits > (hex ? 6 : 7)) return 0;
  let code = 0;
  for (; i < semi; i++) {
    const c = buf[i]!;
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (hex && c >= 97 && c <= 102) d = c - 87;
    else if (hex && c >= 65 && c <= 70) d = c - 55;
    else return 0;
    code = code * (hex ? 16 : 10) + d;
  }
  if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return 0;
  const written = scratch.write(String.fromCodePoint(code), out, 'utf8');
  return ((out + written) << 8) | (semi - from + 3);
}
