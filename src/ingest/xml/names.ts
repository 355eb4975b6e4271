/**
 * Byte-level name matching. The scanner hashes element and attribute names while it walks their bytes,
 * so a handler can recognise `testcase` or `classname` without a string being allocated for every tag
 * of a 1 GB report.
 */

/** The rolling hash the scanner computes over a name's bytes (same formula on both sides). */
export function hashBytes(buf: Uint8Array, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + buf[i]!) | 0;
  return h;
}

/**
 * The cheap signature the scanner gives an attribute name: its length and first and last bytes. Names
 * are compared byte for byte after a signature match, so it needs only to tell most names apart, and it
 * costs nothing per byte (a start tag's attribute names are most of the bytes the scanner walks).
 */
export function attributeSig(buf: Uint8Array, start: number, end: number): number {
  return ((end - start) << 16) | (buf[start]! << 8) | buf[end - 1]!;
}

/** A name known in advance, with its bytes, hash (element names) and signature (attribute names) precomputed. */
export interface NameKey {
  readonly text: string;
  readonly bytes: Uint8Array;
  readonly hash: number;
  readonly sig: number;
}

export function nameKey(text: string): NameKey {
  const bytes = Buffer.from(text, 'utf8');
  return { text, bytes, hash: hashBytes(bytes, 0, bytes.length), sig: attributeSig(bytes, 0, bytes.length) };
}

function slotOf(hash: number, mask: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> 16 & mask;
}

export function bytesEqual(buf: Uint8Array, start: number, end: number, key: Uint8Array): boolean {
  if (end - start !== key.length) return false;
  for (let i = 0; i < key.length; i++) if (buf[start + i] !== key[i]) return false;
  return true;
}

/**
 * The element names one handler cares about, each mapped to its index in the list. Unknown names map
 * to -1, so the handler's hot path is a switch over small integers.
 */
export class NameTable {
  readonly keys: readonly NameKey[];
  /** Open addressing by hash: the hash and first key index per slot (-1 = empty); equal hashes chain. */
  private readonly hashes: Int32Array;
  private readonly ids: Int32Array;
  private readonly next: Int32Array;
  private readonly mask: number;

  constructor(names: readonly string[]) {
    this.keys = names.map(nameKey);
    let size = 16;
    while (size < this.keys.length * 4) size *= 2;
    this.mask = size - 1;
    this.hashes = new Int32Array(size);
    this.ids = new Int32Array(size).fill(-1);
    this.next = new Int32Array(this.keys.length).fill(-1);
    this.keys.forEach((k, id) => {
      let s = slotOf(k.hash, this.mask);
      while (this.ids[s] !== -1 && this.hashes[s] !== k.hash) s = (s + 1) & this.mask;
      if (this.ids[s] === -1) {
        this.hashes[s] = k.hash;
        this.ids[s] = id;
        return;
      }
      let last = this.ids[s]!;
      while (this.next[last] !== -1) last = this.next[last]!;
      this.next[last] = id;
    });
  }

  lookup(buf: Uint8Array, start: number, end: number, hash: number): number {
    let s = slotOf(hash, this.mask);
    for (;;) {
      const id = this.ids[s]!;
      if (id === -1) return -1;
      if (this.hashes[s] === hash) {
        for (let k = id; k !== -1; k = this.next[k]!) if (bytesEqual(buf, start, end, this.keys[k]!.bytes)) return k;
        return -1;
      }
      s = (s + 1) & this.mask;
    }
  }

  name(id: number): string {
    return this.keys[id]?.text ?? '?';
  }
}
