import { describe, expect, it } from 'vitest';
import { builtinRules } from './index.js';
import { NeedleSet } from './needles.js';

describe('NeedleSet (Aho-Corasick)', () => {
  it('finds every needle, overlapping and nested ones included, exactly like includes()', () => {
    const needles = ['he', 'she', 'his', 'hers', 'timeout', 'timeouterror: ', 'abc', 'bcd'];
    const set = new NeedleSet(needles);
    for (const text of ['ushers', 'a timeouterror: x', 'abcd', 'nothing here', '', 'hishe']) {
      const found = [...set.find(text)].map((i) => set.needles[i]).sort();
      expect(found, text).toEqual(needles.filter((n) => text.includes(n)).sort());
    }
  });

  it('agrees with includes() on the built-in rules\' needles over real-looking text', () => {
    const set = new NeedleSet(builtinRules.flatMap((r) => r.needles ?? []));
    const texts = ["modulenotfounderror: no module named 'requests'", 'npm err! code e404\nnpm err! 404 not found - get https://registry.npmjs.org/x', 'error[e0425]: cannot find value `x` in this scope', 'thrown: "exceeded timeout of 5000 ms for a test.'];
    for (const t of texts) expect([...set.find(t)].map((i) => set.needles[i]).sort()).toEqual(set.needles.filter((n) => t.includes(n)).sort());
  });
});
