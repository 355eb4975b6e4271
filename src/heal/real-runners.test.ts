import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../config/schema.js';
import type { Fixer } from '../fixers/types.js';
import { detectPlan, rerunTests, runPlan } from '../runners/index.js';
import { triage } from '../triage/index.js';
import { heal } from './loop.js';
import { makeRepo, type TempRepo } from './testing/temp-repo.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

/** Test fixers: each edits the worktree the way a bad (or good) fixer would. */
const testFixer = (id: string, edit: (wt: string) => void): Fixer => ({
  id,
  cost: 'free',
  appliesTo: () => true,
  async propose(ctx) {
    edit(ctx.worktree);
    return { kind: 'edited', summary: id };
  },
});
const rewrite = (wt: string, rel: string, f: (s: string) => string) => writeFileSync(path.join(wt, rel), f(readFileSync(path.join(wt, rel), 'utf8')));

describe('heal loop through the real runners and triage (vitest)', () => {
  it('rejects a patch that deletes the failing test (test count) and one that breaks other tests, then heals', async () => {
    const repo = makeRepo(
      {
        'package.json': JSON.stringify({ name: 'p', type: 'module', scripts: { test: 'vitest run' }, devDependencies: { vitest: '*' } }),
        'src/math.js': 'export const add = (a, b) => a - b;\nexport const mul = (a, b) => a * b;\n',
        'src/add.test.js': "import { expect, test } from 'vitest';\nimport { add } from './math.js';\ntest('adds', () => expect(add(2, 3)).toBe(5));\n",
        'src/mul.test.js': "import { expect, test } from 'vitest';\nimport { mul } from './math.js';\ntest('multiplies', () => expect(mul(2, 3)).toBe(6));\n",
      },
      { nodeModules: true, gitignore: 'node_modules\n.suture/\n' },
    );
    repos.push(repo);
    const fixers = [
      testFixer('test-fixer:delete-failing-test', (wt) => rmSync(path.join(wt, 'src/add.test.js'))),
      testFixer('test-fixer:breaks-mul', (wt) => rewrite(wt, 'src/math.js', (s) => s.replace('a - b', 'a + b').replace('a * b', 'a + b'))),
      testFixer('test-fixer:correct', (wt) => rewrite(wt, 'src/math.js', (s) => s.replace('a - b', 'a + b'))),
    ];
    const config = configSchema.parse({ heal: { reporters: [] } });
    // No guard on purpose: the verification's own test count must catch the deleted test.
    const r = await heal({ root: repo.root, config, reporters: [] }, { detectPlan, runPlan, rerunTests, triage, fixers });
    const c = r.clusters.find((x) => x.cluster.testIds.some((t) => t.includes('adds')))!;
    expect(c.attempts.map((a) => [a.fixer, a.outcome])).toEqual([
      ['test-fixer:delete-failing-test', 'fewer-tests'],
      ['test-fixer:breaks-mul', 'regressed'],
      ['test-fixer:correct', 'healed'],
    ]);
    expect(c.attempts[1]!.reason).toMatch(/multiplies/);
    expect(c.patch!.diff).toContain('+export const add = (a, b) => a + b;');
    // No guard available: verified, but a person approves it.
    expect(c.resolution).toBe('proposed');
  }, 180_000);
});
