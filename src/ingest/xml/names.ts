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
  private readonly byHash = new Map<number, number[]>();

  constructor(names: readonly string[]) {
    this.keys = names.map(nameKey);
    this.keys.forEach((k, id) => {
      const list = this.byHash.get(k.hash);
      if (list) list.push(id);
      else this.byHash.set(k.hash, [id]);
    });
  }

  lookup(buf: Uint8Array, start: number, end: number, hash: number): number {
    const ids = this.byHash.get(hash);
    if (ids === undefined) return -1;
    for (const id of ids) if (bytesEqual(buf, start, end, this.keys[id]!.bytes)) return id;
    return -1;
  }

  name(id: number): string {
    return this.keys[id]?.text ?? '?';
  }
}
