import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLines } from './lines.js';
import { peekHead } from './head.js';

async function lines(chunks: (string | Buffer)[], max?: number) {
  const out = [];
  for await (const l of readLines(Readable.from(chunks), max)) out.push(l);
  return out;
}

describe('readLines', () => {
  it('splits across chunks, handles CRLF and a last line without a newline', async () => {
    expect((await lines(['a\r\nb', 'c\n', 'd'])).map((l) => [l.text, l.lineNo])).toEqual([
      ['a', 1],
      ['bc', 2],
      ['d', 3],
    ]);
  });

  it('truncates an over-long line instead of holding it, and keeps counting lines', async () => {
    const big = 'x'.repeat(5_000_000);
    const out = await lines(['start\n', big.slice(0, 2_000_000), big.slice(2_000_000), '\nend\n'], 1024);
    expect(out.map((l) => [l.text.length, l.truncated, l.lineNo])).toEqual([
      [5, false, 1],
      [1024, true, 2],
      [3, false, 3],
    ]);
  });
});

describe('peekHead', () => {
  it('returns the first bytes and a stream that replays everything', async () => {
    const p = await peekHead(Readable.from([Buffer.from('\uFEFFhello '), Buffer.from('world')]), 4);
    expect(p.head).toBe('hell');
    let all = '';
    for await (const c of p.stream) all += String(c);
    expect(all).toBe('hello world');
  });

  it('transcodes UTF-16 BE with a character split across chunks', async () => {
    const be = Buffer.from('\uFEFFok \u00e9\n', 'utf16le').swap16();
    const p = await peekHead(Readable.from([be.subarray(0, 5), be.subarray(5)]));
    expect(p.head).toBe('ok \u00e9\n');
    let all = '';
    for await (const c of p.stream) all += String(c);
    expect(all).toBe('ok \u00e9\n');
  });

  it('says when a stream is empty', async () => {
    expect((await peekHead(Readable.from([]))).empty).toBe(true);
  });
});
