import { StringDecoder } from 'node:string_decoder';

/** Longest line kept; the rest of a longer line is dropped (a minified bundle or a base64 blob says nothing about why). */
export const MAX_LINE_CHARS = 64 * 1024;

/**
 * Splits a byte stream into lines with bounded memory: UTF-8 decoded across chunk boundaries, one
 * partial line carried over, and overlong lines cut instead of buffered.
 */
export async function* streamLines(input: NodeJS.ReadableStream): AsyncGenerator<string[]> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let skipping = false;
  for await (const chunk of input) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    const parts = text.split('\n');
    const batch: string[] = [];
    for (let i = 0; i < parts.length - 1; i++) {
      let line: string;
      if (i === 0) {
        line = skipping ? carry : carry + parts[0]!;
        carry = '';
        skipping = false;
      } else line = parts[i]!;
      if (line.length > MAX_LINE_CHARS) line = line.slice(0, MAX_LINE_CHARS);
      batch.push(line.endsWith('\r') ? line.slice(0, -1) : line);
    }
    const last = parts[parts.length - 1]!;
    if (parts.length === 1) {
      if (!skipping) carry += last;
    } else carry = last;
    if (carry.length > MAX_LINE_CHARS) {
      carry = carry.slice(0, MAX_LINE_CHARS);
      skipping = true;
    }
    if (batch.length) yield batch;
  }
  const rest = carry + decoder.end();
  if (rest !== '') yield [rest.length > MAX_LINE_CHARS ? rest.slice(0, MAX_LINE_CHARS) : rest];
}
