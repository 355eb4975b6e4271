import { utf8 } from './decode.js';
import { attributeValue } from './value.js';
import type { NameKey } from './names.js';

const EMPTY = Buffer.alloc(0);

/** The last value `getRepeated` decoded for one attribute. */
export interface ValueMemo {
  bytes: Buffer | undefined;
  text: string | undefined;
}

export function valueMemo(): ValueMemo {
  return { bytes: undefined, text: undefined };
}
/** Mixes length, first and last byte: many attribute names end alike ("name", "time", "file"). */
function maskBit(sig: number): number {
  return (sig ^ (sig >>> 5) ^ (sig >>> 11) ^ (sig >>> 16)) & 31;
}

const SLOT = 5; // name signature (names.ts attributeSig), name start, name end, value start, value end

/**
 * The start tag the scanner is looking at, valid only during `onOpen`. Attribute values stay as byte
 * spans until a handler asks for one, so unwanted attributes (hundreds of JVM properties) cost nothing.
 */
export class Tag {
  buf: Buffer = EMPTY;
  /** Index in the handler's NameTable, -1 for names it did not register. */
  nameId = -1;
  nameStart = 0;
  nameEnd = 0;
  /** The scanner's hash of the name's bytes, and where its `:` is (-1 without a prefix). */
  nameHash = 0;
  colon = -1;
  selfClosing = false;
  /** Absolute byte offset of the `<` in the document. */
  offset = 0;
  count = 0;
  /** One bit per attribute name signature (mod 32): a lookup of an absent attribute usually stops here. */
  mask = 0;
  spans: Int32Array = new Int32Array(SLOT * 16);

  reset(buf: Buffer, nameStart: number, nameEnd: number, offset: number): void {
    this.buf = buf;
    this.nameStart = nameStart;
    this.nameEnd = nameEnd;
    this.offset = offset;
    this.count = 0;
    this.mask = 0;
  }

  push(sig: number, nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): void {
    let s = this.spans;
    const at = this.count * SLOT;
    if (at + SLOT > s.length) {
      const grown = new Int32Array(s.length * 2);
      grown.set(s);
      this.spans = s = grown;
    }
    s[at] = sig;
    s[at + 1] = nameStart;
    s[at + 2] = nameEnd;
    s[at + 3] = valueStart;
    s[at + 4] = valueEnd;
    this.count++;
    this.mask |= 1 << maskBit(sig);
  }

  /** The element's name as written (prefix included). */
  name(): string {
    return utf8(this.buf, this.nameStart, this.nameEnd);
  }

  private find(key: NameKey): number {
    if (((this.mask >>> maskBit(key.sig)) & 1) === 0) return -1;
    const s = this.spans;
    const b = this.buf;
    const kb = key.bytes;
    for (let i = 0, at = 0; i < this.count; i++, at += SLOT) {
      if (s[at] !== key.sig) continue;
      let same = true;
      for (let k = 0, p = s[at + 1]!; k < kb.length; k++, p++) {
        if (b[p] !== kb[k]) {
          same = false;
          break;
        }
      }
      if (same) return at;
    }
    return -1;
  }

  has(key: NameKey): boolean {
    return this.find(key) !== -1;
  }

  /** The attribute's value with references decoded, or undefined when the tag lacks it. */
  get(key: NameKey): string | undefined {
    const at = this.find(key);
    return at === -1 ? undefined : this.valueAt(at);
  }

  /** The value of the attribute at span `at` (from `AttrSet.collect`), references decoded. */
  valueAt(at: number): string {
    const s = this.spans;
    return attributeValue(this.buf, s[at + 3]!, s[at + 4]!);
  }

  /** Where the value of the attribute at span `at` starts and ends in `buf`. */
  valueStart(at: number): number {
    return this.spans[at + 3]!;
  }

  valueEnd(at: number): number {
    return this.spans[at + 4]!;
  }

  /**
   * Like `get`, but returns the previous string when the bytes are the same as last time: a suite's
   * hundred cases share one classname, so it is decoded once.
   */
  getRepeated(key: NameKey, memo: ValueMemo): string | undefined {
    const at = this.find(key);
    return at === -1 ? undefined : this.repeatedAt(at, memo);
  }

  /** `getRepeated` for the attribute at span `at`. */
  repeatedAt(at: number, memo: ValueMemo): string {
    const s = this.spans;
    const b = this.buf;
    const start = s[at + 3]!;
    const len = s[at + 4]! - start;
    const last = memo.bytes;
    if (last !== undefined && last.length === len) {
      let same = true;
      for (let i = 0; i < len; i++) {
        if (last[i] !== b[start + i]) {
          same = false;
          break;
        }
      }
      if (same) return memo.text!;
    }
    const text = this.valueAt(at);
    memo.bytes = len <= 256 ? Buffer.from(b.subarray(start, start + len)) : undefined;
    memo.text = text;
    return text;
  }

  /** A hash of the attribute's raw bytes (0 when absent): a cheap key for spotting repeated values. */
  valueHash(key: NameKey): number {
    const at = this.find(key);
    return at === -1 ? 0 : this.valueHashAt(at);
  }

  valueHashAt(at: number): number {
    const b = this.buf;
    let h = 7;
    for (let i = this.spans[at + 3]!, end = this.spans[at + 4]!; i < end; i++) h = (Math.imul(h, 31) + b[i]!) | 0;
    return h;
  }

  /**
   * A plain decimal attribute (`time="0.012"`, `line="42"`) parsed straight from the bytes; anything
   * else (`1,234.5`, `<<computed>>`) comes back as NaN so the caller can fall back to the string.
   */
  number(key: NameKey): number | undefined {
    const at = this.find(key);
    return at === -1 ? undefined : this.numberAt(at);
  }

  /** `number` for the attribute at span `at`. */
  numberAt(at: number): number {
    const b = this.buf;
    const end = this.spans[at + 4]!;
    let i = this.spans[at + 3]!;
    if (i === end) return NaN;
    let neg = false;
    if (b[i] === 45) {
      neg = true;
      i++;
    }
    let int = 0;
    let digits = 0;
    for (; i < end; i++) {
      const c = b[i]! - 48;
      if (c < 0 || c > 9) break;
      int = int * 10 + c;
      digits++;
    }
    let frac = 0;
    let scale = 1;
    if (i < end && b[i] === 46) {
      for (i++; i < end; i++) {
        const c = b[i]! - 48;
        if (c < 0 || c > 9) break;
        if (scale < 1e15) {
          frac = frac * 10 + c;
          scale *= 10;
        }
        digits++;
      }
    }
    if (i !== end || digits === 0 || digits > 15) return NaN;
    const v = int + frac / scale;
    return neg ? -v : v;
  }
}
