import { utf8 } from './decode.js';
import { APOS, COLON, EQ, GT, QUOTE, SLASH, describeByte } from './bytes.js';
import { XmlFault } from './fault.js';
import type { Tag } from './tag.js';
import { attributeSig } from './names.js';

/** Returned when the tag continues in the next chunk. */
export const MORE = -1;

/** Bytes that end a name (element or attribute): whitespace and controls, `=`, `>`, `/`, quotes. */
const ENDS_NAME = new Uint8Array(256);
for (let c = 0; c <= 32; c++) ENDS_NAME[c] = 1;
for (const c of [EQ, GT, SLASH, QUOTE, APOS]) ENDS_NAME[c] = 1;

/**
 * Reads the start tag at `buf[lt] === '<'` into `tag` (name span and hash, attribute spans, whether it
 * closes itself) and returns the index after its `>`, or MORE when the buffer ends first. Only the
 * quotes of values are searched for, so a value may hold `>` or even `<`. `base` is the buffer's
 * absolute offset, for the position of a fault.
 */
export function readStartTag(buf: Buffer, lt: number, tag: Tag, base: number): number {
  const len = buf.length;
  let i = lt + 1;
  let h = 0;
  let colon = -1;
  for (; i < len; i++) {
    const c = buf[i]!;
    if (c <= 32 || c === GT || c === SLASH) break;
    if (c === COLON) colon = i;
    h = (Math.imul(h, 31) + c) | 0;
  }
  if (i >= len) return MORE;
  const nameEnd = i;
  tag.reset(buf, lt + 1, nameEnd, base + lt);
  let selfClosing = false;
  for (;;) {
    let c = buf[i]!;
    while (c <= 32) {
      if (++i >= len) return MORE;
      c = buf[i]!;
    }
    if (c === GT) {
      i++;
      break;
    }
    if (c === SLASH) {
      if (i + 1 >= len) return MORE;
      if (buf[i + 1] !== GT) throw fault(base, i, "expected '>' after '/' in a start tag");
      selfClosing = true;
      i += 2;
      break;
    }
    const as = i;
    while (ENDS_NAME[c] === 0) {
      if (++i >= len) return MORE;
      c = buf[i]!;
    }
    const ae = i;
    if (ae === as) throw fault(base, i, `unexpected ${describeByte(c)} in <${utf8(buf, lt + 1, nameEnd)}>`);
    while (c <= 32) {
      if (++i >= len) return MORE;
      c = buf[i]!;
    }
    if (c !== EQ) throw fault(base, as, `attribute ${utf8(buf, as, ae)} of <${utf8(buf, lt + 1, nameEnd)}> has no value`);
    if (++i >= len) return MORE;
    c = buf[i]!;
    while (c <= 32) {
      if (++i >= len) return MORE;
      c = buf[i]!;
    }
    if (c !== QUOTE && c !== APOS) throw fault(base, i, `value of attribute ${utf8(buf, as, ae)} is not quoted`);
    const vs = i + 1;
    let ve = vs;
    // Most values are short: looked for here; a long one (a message) goes to the native search.
    const near = Math.min(len, vs + 64);
    while (ve < near && buf[ve] !== c) ve++;
    if (ve === near) ve = near === len ? -1 : buf.indexOf(c, near);
    if (ve === -1) return MORE;
    tag.push(attributeSig(buf, as, ae), as, ae, vs, ve);
    i = ve + 1;
    if (i >= len) return MORE;
    c = buf[i]!;
    if (c > 32 && c !== GT && c !== SLASH) throw fault(base, i, `missing space between attributes in <${utf8(buf, lt + 1, nameEnd)}>`);
  }
  tag.nameHash = h;
  tag.colon = colon;
  tag.selfClosing = selfClosing;
  return i;
}

function fault(base: number, at: number, what: string): XmlFault {
  return new XmlFault('E_XML_MALFORMED', base + at, what);
}
