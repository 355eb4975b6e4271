import type { NameKey } from './names.js';
import type { Tag } from './tag.js';

/** Open-addressing table size (a power of two, well above the number of names a handler reads). */
const TABLE_BITS = 6;
const TABLE_SIZE = 1 << TABLE_BITS;

function slotOf(sig: number): number {
  return Math.imul(sig, 0x9e3779b1) >>> (32 - TABLE_BITS);
}

/**
 * The attribute names a handler reads from one kind of element, found in one pass over a start tag's
 * attributes: `collect` fills a slot per name with the attribute's span (or -1). A test case's tag is
 * read this way instead of by one `Tag.get` per name, most of which are absent (`file`, `line`,
 * `status`, ...): on 450,000 test cases the lookups cost more than the values.
 */
export class AttrSet {
  readonly size: number;
  /** Every name's bytes end to end, and where each starts (names are compared from here). */
  private readonly bytes: Uint8Array;
  private readonly starts: Int32Array;
  /** Signature per table slot (0 = empty: a name's signature is never 0). */
  private readonly sigs = new Int32Array(TABLE_SIZE);
  /** Key index per table slot. */
  private readonly ids = new Int32Array(TABLE_SIZE);
  /** Next key index with the same signature, -1 at the end of the chain. */
  private readonly next: Int32Array;

  constructor(keys: readonly NameKey[]) {
    if (keys.length > TABLE_SIZE / 2) throw new Error('AttrSet: too many names');
    this.size = keys.length;
    this.starts = new Int32Array(keys.length + 1);
    keys.forEach((k, id) => (this.starts[id + 1] = this.starts[id]! + k.bytes.length));
    this.bytes = new Uint8Array(this.starts[keys.length]!);
    keys.forEach((k, id) => this.bytes.set(k.bytes, this.starts[id]!));
    this.next = new Int32Array(keys.length).fill(-1);
    keys.forEach((k, id) => {
      let s = slotOf(k.sig);
      for (;;) {
        if (this.sigs[s] === 0) {
          this.sigs[s] = k.sig;
          this.ids[s] = id;
          return;
        }
        if (this.sigs[s] === k.sig) {
          // Same signature as an earlier name: chained behind it.
          let last = this.ids[s]!;
          while (this.next[last] !== -1) last = this.next[last]!;
          this.next[last] = id;
          return;
        }
        s = (s + 1) & (TABLE_SIZE - 1);
      }
    });
  }

  /** Sets `slots[i]` to the span of `keys[i]` in `tag` (the first one when repeated), -1 when absent. */
  collect(tag: Tag, slots: Int32Array): void {
    for (let k = 0; k < slots.length; k++) slots[k] = -1;
    const spans = tag.spans;
    const buf = tag.buf;
    const sigs = this.sigs;
    const bytes = this.bytes;
    const starts = this.starts;
    for (let i = 0, at = 0; i < tag.count; i++, at += 5) {
      const sig = spans[at]!;
      let s = slotOf(sig);
      let t = sigs[s]!;
      while (t !== sig && t !== 0) {
        s = (s + 1) & (TABLE_SIZE - 1);
        t = sigs[s]!;
      }
      if (t === 0) continue;
      const start = spans[at + 1]!;
      const len = spans[at + 2]! - start;
      for (let id = this.ids[s]!; id !== -1; id = this.next[id]!) {
        const from = starts[id]!;
        if (starts[id + 1]! - from !== len) continue;
        let same = true;
        for (let k = 0; k < len; k++) {
          if (buf[start + k] !== bytes[from + k]) {
            same = false;
            break;
          }
        }
        if (same) {
          if (slots[id] === -1) slots[id] = at;
          break;
        }
      }
    }
  }
}
