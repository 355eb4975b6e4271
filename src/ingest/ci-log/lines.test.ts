import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MAX_LINE_CHARS, streamLines } from './lines.js';

async function collect(chunks: Array<string | Buffer>): Promise<string[]> {
  const out: string[] = [];
  for await (const b of streamLines(Readable.from(chunks))) out.push(...b);
  return out;
}

describe('streamLines', () => {
  it('splits across chunk boundaries, handles CRLF and a last line without newline', async () => {
    expect(await collect(['a\r\nb', 'c\nd'])).toEqual(['a', 'bc', 'd']);
  });

  it('decodes UTF-8 split across chunks', async () => {
    const bytes = Buffer.from('é✓\n');
    expect(await collect([bytes.subarray(0, 1), bytes.subarray(1, 3), bytes.subarray(3)])).toEqual(['é✓']);
  });

  it('cuts an overlong line instead of buffering it', async () => {
    const big = 'x'.repeat(MAX_LINE_CHARS * 3);
    const out = await collect([big.slice(0, 100_000), big.slice(100_000), '\nnext\n']);
    expect(out[0]!.length).toBe(MAX_LINE_CHARS);
    expect(out[1]).toBe('next');
  });
});
