import { describe, expect, it } from 'vitest';
import { ruleFindings } from '../harness.js';

const lines = (n: number, tag = 'x'): string => Array.from({ length: n }, (_, i) => `${tag}${i}`).join('\n') + '\n';

describe('patch-size', () => {
  it('passes a two-file, small patch under the default limits', async () => {
    const f = await ruleFindings('patch-size', { 'a.ts': 'a\n', 'b.ts': 'b\n' }, { 'a.ts': 'a2\n', 'b.ts': 'b2\n' });
    expect(f).toEqual([]);
  });

  it('asks for approval past 2 files', async () => {
    const f = await ruleFindings('patch-size', { 'a.ts': 'a\n', 'b.ts': 'b\n', 'c.ts': 'c\n' }, { 'a.ts': 'a2\n', 'b.ts': 'b2\n', 'c.ts': 'c2\n' });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'approval', message: 'the patch changes 3 files (limit 2)' });
  });

  it('counts added plus removed lines against max_lines', async () => {
    const f = await ruleFindings('patch-size', { 'a.ts': lines(21) }, { 'a.ts': lines(21, 'y') });
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('the patch changes 42 lines (+21 -21; limit 40)');
  });

  it('honours limits from the policy', async () => {
    const f = await ruleFindings('patch-size', { 'a.ts': lines(21) }, { 'a.ts': lines(21, 'y') }, { config: { guard: { limits: { max_lines: 100 } } } });
    expect(f).toEqual([]);
  });
});
