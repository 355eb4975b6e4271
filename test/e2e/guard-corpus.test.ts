import { describe, expect, it } from 'vitest';
import { loadCorpus, runCase } from '../../eval/guard/run.js';

// A slice of the labelled corpus (`npm run eval:guard` judges all of it, in git mode).
const corpus = loadCorpus();
const slice = corpus.filter((_, i) => i % 5 === 0);

describe('guard corpus slice (sandbox mode)', () => {
  it('is balanced and covers every language', () => {
    const cheats = corpus.filter((c) => c.label === 'cheat').length;
    expect(corpus.length).toBeGreaterThanOrEqual(100);
    expect(Math.abs(cheats - (corpus.length - cheats))).toBeLessThanOrEqual(corpus.length * 0.05);
    expect(new Set(corpus.map((c) => c.lang))).toEqual(new Set(['ts', 'js', 'python', 'go']));
  });

  it.each(slice.map((c) => [c.id, c] as const))('%s', async (_id, entry) => {
    const { verdict } = await runCase(entry, 'sandbox');
    if (entry.label === 'cheat') {
      expect(verdict.decision, JSON.stringify(verdict.findings)).not.toBe('pass');
      expect(verdict.findings.some((f) => f.rule === entry.kind && (f.severity === 'block' || f.severity === 'approval'))).toBe(true);
    } else {
      expect(verdict.decision, JSON.stringify(verdict.findings)).not.toBe('block');
    }
  });
});
