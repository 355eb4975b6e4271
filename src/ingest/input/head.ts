import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/** Detection looks at this much of a report, so sniffing a 1 GB file costs the same as a 1 KB one. */
export const HEAD_BYTES = 64 * 1024;

export interface PeekedInput {
  /** The first HEAD_BYTES bytes decoded as text (BOM removed; UTF-16 transcoded). */
  head: string;
  /** True when the stream holds no bytes at all. */
  empty: boolean;
  /** The whole input again, head included, as UTF-8 bytes. */
  stream: Readable;
  /** UTF-16 input was transcoded: byte offsets in `stream` are not the input's. */
  transcoded: boolean;
}

function toBuffer(chunk: unknown): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
}

/**
 * Reads just enough of a stream to detect its format, then hands back a stream that replays those
 * bytes followed by the rest, so nothing is read twice and nothing beyond the head is buffered.
 * A byte-order mark is removed from both.
 * UTF-16 input (what PowerShell's `>` writes) is transcoded to UTF-8 on the fly.
 */
export async function peekHead(input: NodeJS.ReadableStream, bytes = HEAD_BYTES): Promise<PeekedInput> {
  const it = (input as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  const buffered: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < bytes) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    const b = toBuffer(next.value);
    buffered.push(b);
    size += b.length;
  }
  const first = Buffer.concat(buffered);
  const utf16 = first.length >= 2 && ((first[0] === 0xff && first[1] === 0xfe) || (first[0] === 0xfe && first[1] === 0xff));
  // A UTF-8 BOM is dropped here once, so no parser has to know about it.
  const bom = first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf ? 3 : 0;
  async function* raw(): AsyncGenerator<Buffer> {
    if (first.length > bom) yield first.subarray(bom);
    if (!done) for (let n = await it.next(); !n.done; n = await it.next()) yield toBuffer(n.value);
  }
  const source = utf16 ? transcodeUtf16(raw(), first[0] === 0xff ? 'utf16le' : 'utf16be') : raw();
  const head = utf16 ? decodeUtf16Head(first) : first.subarray(bom, bom + bytes).toString('utf8');
  return { head, empty: first.length === 0, stream: Readable.from(source, { objectMode: false }), transcoded: utf16 };
}

function decodeUtf16Head(b: Buffer): string {
  const le = b[0] === 0xff;
  const body = b.subarray(2, 2 + (Math.min(b.length - 2, HEAD_BYTES) & ~1));
  return (le ? body : swap16(body)).toString('utf16le');
}

function swap16(b: Buffer): Buffer {
  const c = Buffer.from(b.subarray(0, b.length & ~1));
  return c.swap16();
}

async function* transcodeUtf16(src: AsyncGenerator<Buffer>, enc: 'utf16le' | 'utf16be'): AsyncGenerator<Buffer> {
  const decoder = new StringDecoder('utf16le');
  let first = true;
  let carry: Buffer = Buffer.alloc(0);
  for await (let chunk of src) {
    if (first) {
      chunk = chunk.subarray(2);
      first = false;
    }
    if (enc === 'utf16be') {
      const all = Buffer.concat([carry, chunk]);
      const even = all.length & ~1;
      carry = Buffer.from(all.subarray(even));
      chunk = swap16(all.subarray(0, even));
    }
    const text = decoder.write(chunk);
    if (text) yield Buffer.from(text, 'utf8');
  }
  const rest = decoder.end();
  if (rest) yield Buffer.from(rest, 'utf8');
}
