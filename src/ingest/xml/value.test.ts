import { describe, expect, it } from 'vitest';
import { decodeEntities, normaliseNewlines } from './entities.js';
import { attributeValue } from './value.js';

const viaStrings = (s: string): string => normaliseNewlines(decodeEntities(s));
const decode = (s: string): string => {
  const b = Buffer.from(`"${s}"`);
  return attributeValue(b, 1, b.length - 1);
};

describe('attribute values decoded from bytes', () => {
  it.each([
    ['plain', 'adds two numbers'],
    ['vitest names', 'calc &gt; add &gt; adds two numbers'],
    ['the five entities', '&lt;a href=&quot;x&quot;&gt; &amp; &apos;q&apos;'],
    ['numeric references', '&#27;[31mred&#x1b;[0m &#x1F600; &#233;t&#233;'],
    ['left as written', '&nbsp; &; &#; &#xZZ; &#1114112; &#xD800; & alone; AT&T'],
    ['a far semicolon, then a reference', `a & ${'x'.repeat(40)}; &gt; b`],
    ['newlines', 'one\r\ntwo\rthree\n'],
    ['UTF-8', 'größer → 😀 失败'],
    ['an entity at the very end', 'x &gt;'],
    ['a cut reference at the end', 'x &gt'],
  ])('%s', (_n, text) => {
    expect(decode(text)).toBe(viaStrings(text));
  });

  it('agrees with the string functions on random values, short and long', () => {
    const parts = ['a', ' ', '&', ';', '#', 'x', '1', 'F', 'gt', 'lt', 'amp', 'quot', 'apos', '\r', '\n', 'é', '❯', '😀', '&gt;', '&#x41;', '&#65;'];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    for (let n = 0; n < 3000; n++) {
      const len = n % 10 === 0 ? 300 + (next() % 400) : next() % 40;
      let s = '';
      for (let i = 0; i < len; i++) s += parts[next() % parts.length];
      expect(decode(s), JSON.stringify(s)).toBe(viaStrings(s));
    }
  });
});
