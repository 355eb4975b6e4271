import { utf8Boundary } from './decode.js';

const QUOTE = 34;
const APOS = 39;
const GT = 62;

/** Bytes kept of one attribute value in an oversized tag: more than the 16,000-character message cap. */
export const HUGE_VALUE_KEEP = 64 * 1024;
/** Bytes kept of everything outside values (names, spaces): a tag whose names alone exceed it is refused. */
const HUGE_OUTSIDE_MAX = 4 * 1024 * 1024;

/**
 * Rebuilds a start tag too big to hold (a 200 MB `message="..."`) as a small copy in which every value
 * is cut to HUGE_VALUE_KEEP bytes. The scanner feeds it chunk after chunk; once the closing `>` arrives
 * the copy is parsed like any other tag. Nothing but the kept bytes is ever held.
 */
export class HugeTag {
  private parts: Buffer[] = [];
  private quote = 0;
  private kept = 0;
  private outside = 0;
  /** Absolute offset of the tag's `<`. */
  readonly offset: number;

  constructor(offset: number) {
    this.offset = offset;
  }

  /**
   * Consumes `buf[from..]`. Returns the index just after the tag's `>`, or -1 when the whole buffer was
   * consumed and the tag continues in the next chunk. Throws 'too-large' when the tag has no end in sight.
   */
  feed(buf: Buffer, from: number): number {
    const len = buf.length;
    let i = from;
    while (i < len) {
      if (this.quote !== 0) {
        const q = buf.indexOf(this.quote, i);
        const end = q === -1 ? len : q;
        const room = HUGE_VALUE_KEEP - this.kept;
        if (room > 0) {
          const cut = end - i > room ? utf8Boundary(buf, i, i + room) : end;
          this.keep(buf, i, cut);
          this.kept += cut - i;
          if (cut < end) this.kept = HUGE_VALUE_KEEP;
        }
        if (q === -1) return -1;
        this.keep(buf, q, q + 1);
        this.quote = 0;
        i = q + 1;
        continue;
      }
      let j = i;
      while (j < len) {
        const c = buf[j]!;
        if (c === QUOTE || c === APOS || c === GT) break;
        j++;
      }
      this.outside += j - i;
      if (this.outside > HUGE_OUTSIDE_MAX) throw new Error('too-large');
      this.keep(buf, i, j < len ? j + 1 : j);
      if (j >= len) return -1;
      if (buf[j] === GT) return j + 1;
      this.quote = buf[j]!;
      this.kept = 0;
      i = j + 1;
    }
    return -1;
  }

  /** The compacted tag, `<name a="..." ...>` with values cut. */
  bytes(): Buffer {
    return Buffer.concat(this.parts);
  }

  private keep(buf: Buffer, start: number, end: number): void {
    if (end > start) this.parts.push(Buffer.from(buf.subarray(start, end)));
  }
}
