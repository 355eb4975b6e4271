import { describe, expect, it } from 'vitest';
import { SHORT_ASCII_MAX, shortAscii, utf8Text } from './decode.js';

describe('utf8Text: long text decoded in ASCII runs', () => {
  const frames = Array.from({ length: 30 }, (_, i) => `    at runTest (/home/ci/repo/node_modules/@vitest/runner/dist/index.js:${i}:14)`).join('\n');
  const cases = [
    ['ASCII only', `AssertionError: expected 1 to be 2\n${frames}`],
    ['one vitest ❯ line', `AssertionError: expected 1 to be 2\n ❯ src/a.test.ts:5:50\n${frames}`],
    ['Latin-1 letters, a no-break space, an arrow, an emoji and CJK', `Erwartet: "größer"\u00a0→ 😀 ${frames} 失败 ✓ é`],
    ['many non-ASCII characters', '✓'.repeat(500) + frames],
    ['a short string', '❯ x'],
    ['a non-ASCII character at the very end', `${frames}❯`],
  ];
  it.each(cases)('%s', (_name, text) => {
    const buf = Buffer.concat([Buffer.from('<<'), Buffer.from(text), Buffer.from('>>')]);
    expect(utf8Text(buf, 2, buf.length - 2)).toBe(text);
  });

  it('replaces invalid bytes as the UTF-8 decoder does', () => {
    const buf = Buffer.concat([Buffer.from('x'.repeat(300)), Buffer.from([0xe2, 0x28, 0xa1]), Buffer.from('y'.repeat(300)), Buffer.from([0xff])]);
    expect(utf8Text(buf, 0, buf.length)).toBe(buf.toString('utf8'));
  });
});

describe('shortAscii: short ASCII strings built in JavaScript', () => {
  it('gives what the UTF-8 decoder gives for every length up to its limit', () => {
    const buf = Buffer.from('<<abcdefghijkl~ 0&;>>');
    for (let len = 0; len <= SHORT_ASCII_MAX; len++) expect(shortAscii(buf, 2, 2 + len)).toBe(buf.toString('utf8', 2, 2 + len));
  });

  it('refuses anything longer', () => {
    expect(() => shortAscii(Buffer.alloc(20), 0, SHORT_ASCII_MAX + 1)).toThrow(RangeError);
  });
});
