import { describe, expect, it } from 'vitest';
import { AttrSet } from './attr-set.js';
import { nameKey } from './names.js';
import { readStartTag } from './start-tag.js';
import { Tag } from './tag.js';

const tagOf = (xml: string): Tag => {
  const tag = new Tag();
  readStartTag(Buffer.from(xml), 0, tag, 0);
  return tag;
};

describe('AttrSet: the attributes a handler reads, found in one pass', () => {
  const keys = ['name', 'classname', 'time', 'file', 'filepath', 'line', 'status', 'fine'].map(nameKey);
  const set = new AttrSet(keys);
  const read = (xml: string): Record<string, string | undefined> => {
    const tag = tagOf(xml);
    const slots = new Int32Array(set.size);
    set.collect(tag, slots);
    return Object.fromEntries(keys.map((k, i) => [k.text, slots[i] === -1 ? undefined : tag.valueAt(slots[i]!)]));
  };

  it('finds each name it knows and leaves the others unset', () => {
    expect(read('<testcase classname="a.b" name="t &amp; u" time="0.5" other="x"/>')).toEqual({ name: 't & u', classname: 'a.b', time: '0.5', file: undefined, filepath: undefined, line: undefined, status: undefined, fine: undefined });
  });

  it('tells apart names with the same length, first and last letter (file / fine)', () => {
    expect(read('<x fine="1" file="2"/>')).toMatchObject({ fine: '1', file: '2' });
    expect(read('<x fize="1" file="2"/>')).toMatchObject({ fine: undefined, file: '2' });
  });

  it('keeps the first of a repeated attribute, as Tag.get does', () => {
    const xml = '<x name="first" name="second"/>';
    expect(read(xml).name).toBe('first');
    expect(tagOf(xml).get(nameKey('name'))).toBe('first');
  });

  it('agrees with Tag.get for namespaced and unknown names', () => {
    const xml = '<x xsi:name="ns" line="12" filepath="/a/b.ts" status="run"/>';
    const tag = tagOf(xml);
    const got = read(xml);
    for (const k of keys) expect(got[k.text], k.text).toBe(tag.get(k));
  });
});
