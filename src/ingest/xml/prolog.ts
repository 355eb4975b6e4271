import { TextDecoder } from 'node:util';
import { XmlFault } from './fault.js';

/** How far into the file the XML declaration must have ended. */
const PROLOG_WINDOW = 1024;

const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8', 'us-ascii', 'ascii']);

export interface EncodingChoice {
  /** undefined: the bytes are UTF-8 already (or ASCII) and pass through untouched. */
  transcodeFrom?: string;
  /** The declaration names another encoding than the bytes have: they were converted on the way. */
  transcodedUpstream?: boolean;
}

/**
 * Decides how to read the bytes from the first ones: a UTF-16 byte-order mark or pattern, else the
 * `encoding` of the XML declaration. UTF-8 and ASCII pass through; encodings Node's TextDecoder knows
 * (ISO-8859-x, windows-125x, Shift_JIS, UTF-16, ...) are transcoded; anything else is a clear error.
 * A declaration of UTF-16 on 8-bit bytes is taken as UTF-8 already converted on the way.
 */
export function chooseEncoding(head: Buffer): EncodingChoice {
  const b0 = head[0];
  const b1 = head[1];
  if (b0 === 0xff && b1 === 0xfe) return { transcodeFrom: 'utf-16le' };
  if (b0 === 0xfe && b1 === 0xff) return { transcodeFrom: 'utf-16be' };
  if (b0 === 0x3c && b1 === 0x00 && head[2] === 0x3f && head[3] === 0x00) return { transcodeFrom: 'utf-16le' };
  if (b0 === 0x00 && b1 === 0x3c && head[2] === 0x00 && head[3] === 0x3f) return { transcodeFrom: 'utf-16be' };
  const start = b0 === 0xef && b1 === 0xbb && head[2] === 0xbf ? 3 : 0;
  const text = head.toString('latin1', start, Math.min(head.length, PROLOG_WINDOW));
  const decl = /^\s*<\?xml\b([^>]*?)\?>/.exec(text);
  const label = decl ? /\bencoding\s*=\s*["']([^"']*)["']/.exec(decl[1]!)?.[1]?.trim() : undefined;
  if (label === undefined || UTF8_LABELS.has(label.toLowerCase())) return {};
  if (start === 3) return {}; // a UTF-8 byte-order mark wins over the declaration
  // Says UTF-16 but the bytes are 8-bit: something upstream (a pipe, suture's own detection) already
  // transcoded it. The bytes win; offsets no longer match the file.
  if (/^(utf-?16|ucs-?2|unicode)/i.test(label)) return { transcodedUpstream: true };
  try {
    new TextDecoder(label);
  } catch {
    throw new XmlFault('E_XML_ENCODING', 0, `the report declares encoding "${label}", which suture cannot read`);
  }
  return { transcodeFrom: label };
}

/**
 * The input as UTF-8 Buffer chunks. Holds back only the first bytes until the encoding is known;
 * transcodes chunk by chunk when needed (a multi-byte sequence cut by a chunk boundary is completed by
 * TextDecoder's streaming mode).
 */
export async function* utf8Chunks(input: AsyncIterable<Buffer | string>, onTranscode: (encoding: string) => void): AsyncGenerator<Buffer> {
  let head: Buffer | undefined;
  let decoder: TextDecoder | undefined;
  let decided = false;
  for await (const raw of input) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    if (!decided) {
      head = head === undefined ? chunk : Buffer.concat([head, chunk]);
      if (head.length < PROLOG_WINDOW && !/\?>/.test(head.toString('latin1'))) continue;
      decoder = decide(head, onTranscode);
      decided = true;
      yield convert(head, decoder);
      head = undefined;
      continue;
    }
    yield decoder === undefined ? chunk : convert(chunk, decoder);
  }
  if (!decided && head !== undefined) {
    decoder = decide(head, onTranscode);
    yield convert(head, decoder);
  }
  if (decoder !== undefined) {
    const rest = decoder.decode();
    if (rest.length > 0) yield Buffer.from(rest, 'utf8');
  }
}

function decide(head: Buffer, onTranscode: (encoding: string) => void): TextDecoder | undefined {
  const choice = chooseEncoding(head);
  if (choice.transcodedUpstream) onTranscode('utf-8');
  if (choice.transcodeFrom === undefined) return undefined;
  onTranscode(choice.transcodeFrom);
  return new TextDecoder(choice.transcodeFrom);
}

function convert(chunk: Buffer, decoder: TextDecoder | undefined): Buffer {
  return decoder === undefined ? chunk : Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8');
}
