import { describe, expect, it } from 'vitest';
import { attributeValue } from '../xml/value.js';
import { VitestNameReader } from './vitest-names.js';

/** What the general path makes of a name attribute: decoded, trimmed, split at the last " > ". */
function general(raw: string): { parents: string | undefined; title: string } {
  const b = Buffer.from(raw);
  let name = attributeValue(b, 0, b.length);
  if (name.charCodeAt(0) === 32 || name.charCodeAt(name.length - 1) === 32) name = name.trim();
  const cut = name.lastIndexOf(' > ');
  return cut === -1 ? { parents: undefined, title: name } : { parents: name.slice(0, cut), title: name.slice(cut + 3) };
}

describe('VitestNameReader: describe path and title read from the bytes', () => {
  const reader = new VitestNameReader();
  const read = (raw: string): { parents: string | undefined; title: string } | false => {
    const b = Buffer.from(`"${raw}"`);
    return reader.read(b, 1, b.length - 1) && { parents: reader.parents, title: reader.title };
  };

  it.each([
    ['a title alone', 'adds two numbers'],
    ['one describe', 'calc &gt; adds'],
    ['nested describes', 'calc &gt; add &gt; adds two numbers'],
    ['references in the describe path', 'a &amp; b &gt; &lt;c&gt; &gt; works'],
    ['non-ASCII titles', 'größer &gt; wirft ❯ 😀'],
    ['a long title', `suite &gt; ${'x'.repeat(600)}`],
    ['a short ASCII title', 'd &gt; ok'],
  ])('reads %s as the general path does', (_n, raw) => {
    expect(read(raw)).toEqual(general(raw));
  });

  it.each([
    ['a reference in the title', 'a &gt; b &amp; c'],
    ['a raw > in the title', 'a &gt; b > c'],
    ['a numeric > reference', 'a &#62; b'],
    ['spaces to trim', ' a &gt; b'],
    ['a trailing space', 'a &gt; b '],
    ['a CR', 'a &gt; b&#13;'],
    ['an empty name', ''],
    ['a describe path that decodes to a leading space', '&#32;a &gt; b'],
    ['&gt; without spaces', 'a&gt;b'],
  ])('leaves %s to the general path', (_n, raw) => {
    expect(read(raw)).toBe(false);
  });

  it('agrees with the general path on random names whenever it reads one', () => {
    const parts = ['a', 'b', 'c', ' &gt; ', ' &gt; ', 'é', '❯', 'x y', '&gt;', '&amp;', '>', '&#62;', '\r', ' '];
    const safe = ['a', 'b', 'c', 'é', '❯', 'x y', 'ok'];
    let seed = 11;
    const next = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >>> 8) % n;
    let read_ = 0;
    for (let n = 0; n < 3000; n++) {
      let s = '';
      for (let i = 0, len = next(6); i < len; i++) s += parts[next(parts.length)];
      if (next(2) === 0) s += ' &gt; ';
      for (let i = 0, len = next(4); i < len; i++) s += (next(3) === 0 ? parts : safe)[next(safe.length)];
      const got = read(s);
      if (got === false) continue;
      read_++;
      expect(got, JSON.stringify(s)).toEqual(general(s));
    }
    expect(read_).toBeGreaterThan(300);
  });
});
