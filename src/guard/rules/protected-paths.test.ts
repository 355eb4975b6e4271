import { describe, expect, it } from 'vitest';
import { ruleFindings } from '../harness.js';

describe('protected-paths', () => {
  it.each([
    '.github/workflows/ci.yml',
    'src/auth/session.ts',
    'app/security/tokens.py',
    'package.json',
    'web/package-lock.json',
    'go.sum',
    'requirements.txt',
    'suture.yml',
  ])('needs approval for %s', async (p) => {
    const f = await ruleFindings('protected-paths', { [p]: 'a\n' }, { [p]: 'b\n' });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'approval', file: p, line: 1 });
  });

  it('leaves ordinary source alone', async () => {
    expect(await ruleFindings('protected-paths', { 'src/cart.ts': 'a\n' }, { 'src/cart.ts': 'b\n' })).toEqual([]);
  });

  it('catches a rename out of a protected path (the old path counts)', async () => {
    const f = await ruleFindings('protected-paths', { 'src/auth/login.ts': 'x\n' }, { 'src/auth/login.ts': null, 'src/login.ts': 'x\n' });
    expect(f.map((x) => x.file)).toEqual(['src/auth/login.ts']);
  });

  it('takes extra globs and replaced defaults from the policy', async () => {
    const extra = await ruleFindings('protected-paths', { 'db/migrations/1.sql': 'a\n' }, { 'db/migrations/1.sql': 'b\n' }, { config: { guard: { protected: { extra: ['db/migrations/**'] } } } });
    expect(extra).toHaveLength(1);
    const replaced = await ruleFindings('protected-paths', { 'package.json': 'a\n' }, { 'package.json': 'b\n' }, { config: { guard: { protected: { paths: ['infra/**'] } } } });
    expect(replaced).toEqual([]);
  });
});
