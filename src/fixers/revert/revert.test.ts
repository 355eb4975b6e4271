import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../config/schema.js';
import type { FailureEvent } from '../../events/index.js';
import { detectPlan, runPlan } from '../../runners/index.js';
import { buildGoBisectHistory, buildGoRenameHistory, buildTsTypeBreakHistory } from '../shared/testing/history.js';
import { fixContext, git, NODE_MODULES, run, tempRepo, worktreeOf, type Worktree } from '../shared/testing/temp-repo.js';
import { revertFixer } from './index.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const config = configSchema.parse({});

async function failingEvents(dir: string, noChecks = true): Promise<FailureEvent[]> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'suture-revert-run-'));
  cleanups.push(() => rmSync(out, { recursive: true, force: true }));
  const outcome = await runPlan(await detectPlan(dir, config), { runId: 'revert-test', outDir: out, flakyReruns: 0, noChecks });
  return outcome.events;
}

function setup(): { wt: Worktree; breaking: string } {
  const repo = tempRepo('go-bisect');
  const { breaking } = buildGoBisectHistory(repo);
  const wt = worktreeOf(repo);
  cleanups.push(() => repo.cleanup(), () => wt.cleanup());
  return { wt, breaking };
}

describe('revert', () => {
  it('bisects to the breaking commit and reverts only the responsible hunk (re-located after later edits); go test then passes', async () => {
    const { wt, breaking } = setup();
    const events = await failingEvents(wt.dir);
    expect(events.map((e) => e.name)).toEqual(['TestMul']);
    const ctx = fixContext(wt.dir, events, { plan: await detectPlan(wt.dir, config) });
    expect(revertFixer.appliesTo(ctx.cluster, events)).toBe(true);

    const head = git(wt.dir, 'rev-parse', 'HEAD');
    const result = await revertFixer.propose(ctx);
    expect(result).toMatchObject({ kind: 'edited', summary: expect.stringContaining(`reverted 1 of 2 hunk(s) of ${breaking.slice(0, 10)} "calc: shorter docs, tweak Mul"`) });
    // Bisected in place (the worktree is a sandbox already): HEAD is back, no bisect state, no other worktree.
    expect(git(wt.dir, 'rev-parse', 'HEAD')).toBe(head);
    expect(existsSync(path.resolve(wt.dir, git(wt.dir, 'rev-parse', '--git-path', 'BISECT_LOG').trim()))).toBe(false);
    expect(git(wt.dir, 'worktree', 'list').trim().split('\n')).toHaveLength(2);
    expect(wt.diff()).toBe(
      [
        'diff --git a/calc.go b/calc.go',
        '--- a/calc.go',
        '+++ b/calc.go',
        '@@ -23,5 +23,5 @@ func Square(x int) int {',
        ' ',
        ' // Mul multiplies two numbers.',
        ' func Mul(a, b int) int {',
        '-\treturn a*b + a',
        '+\treturn a * b',
        ' }',
        '',
      ].join('\n'),
    );
    // The harmless docstring hunk of the same commit stays; the later commit's Half stays.
    expect(readFileSync(path.join(wt.dir, 'calc.go'), 'utf8')).toContain('// Add returns a + b.');
    expect(readFileSync(path.join(wt.dir, 'calc.go'), 'utf8')).toContain('func Half(x int) int');
    expect(ctx.lines.filter((l) => l.startsWith('revert: trying'))).toHaveLength(2);
    // 5 bisect probes (HEAD, HEAD~1, HEAD~2, HEAD~4 good, then git's one step) + 2 hunk trials, reported to the loop.
    expect(ctx.lines.filter((l) => l.startsWith('bisect: '))).toHaveLength(5);
    expect(result).toMatchObject({ testRuns: 7, testMs: expect.any(Number) });
    expect(run('go', ['test', './...'], wt.dir).code).toBe(0);
  });

  it('bisects a Go build failure (a rename with a stale caller) by building again, and reverts the rename; go test then passes', async () => {
    const repo = tempRepo('go-bisect');
    const { breaking } = buildGoRenameHistory(repo);
    const wt = worktreeOf(repo);
    cleanups.push(() => repo.cleanup(), () => wt.cleanup());
    const plan = await detectPlan(wt.dir, config);
    const events = (await failingEvents(wt.dir, false)).filter((e) => e.kind === 'build' && e.file);
    expect(events.map((e) => e.message)).toEqual(['undefined: Add']);
    const ctx = fixContext(wt.dir, events, { plan });
    expect(revertFixer.appliesTo(ctx.cluster, events)).toBe(true);
    const result = await revertFixer.propose(ctx);
    expect(result).toMatchObject({ kind: 'edited', summary: expect.stringContaining(`of ${breaking.slice(0, 10)} "calc: Add is now Sum"`) });
    expect(result.kind === 'edited' && result.summary).toContain('the commit that first broke the build (undefined: Add)');
    expect(wt.diff()).toContain('-// Sum returns the sum of two numbers.\n-func Sum(a, b int) int {\n+// Add returns the sum of two numbers.\n+func Add(a, b int) int {');
    expect(run('go', ['test', './...'], wt.dir).code).toBe(0);
  });

  it('bisects a TypeScript type-check failure (no test runs it) with tsc, and reverts the responsible hunk, never the test file', async () => {
    const repo = tempRepo('ts-build-break', { linkNodeModules: true });
    const { breaking } = buildTsTypeBreakHistory(repo);
    const wt = worktreeOf(repo);
    cleanups.push(() => repo.cleanup(), () => wt.cleanup());
    const plan = await detectPlan(wt.dir, config);
    const events = await failingEvents(wt.dir, false);
    expect(events.map((e) => `${e.kind} ${e.file} ${e.error_code}`)).toEqual(['typecheck src/label.ts TS2322']);
    const result = await revertFixer.propose(fixContext(wt.dir, events, { plan }));
    expect(result).toMatchObject({ kind: 'edited', summary: expect.stringContaining(`reverted 1 of 1 hunk(s) of ${breaking.slice(0, 10)}`) });
    expect(result.kind === 'edited' && result.summary).toContain("the commit that first broke the build (Type 'string' is not assignable to type 'number'.)");
    // The return-type hunk is reverted; the test file the commit adapted is never a candidate.
    expect(wt.diff()).toContain('-export function toGrams(kg: number): string {\n-  return (kg * GRAMS_PER_KG).toFixed(0);\n+export function toGrams(kg: number): number {\n+  return kg * GRAMS_PER_KG;');
    expect(wt.diff()).not.toContain('units.test.ts');
    expect(run(path.join(NODE_MODULES, '.bin', 'tsc'), ['--noEmit', '-p', '.'], wt.dir).code).toBe(0);
  });

  it('is unfixable when the failure is not in the committed history (an uncommitted change)', async () => {
    const { wt } = setup();
    const file = path.join(wt.dir, 'calc.go');
    writeFileSync(file, readFileSync(file, 'utf8').replace('\treturn a + b\n', '\treturn a - b\n'));
    const events = (await failingEvents(wt.dir)).filter((e) => e.name === 'TestAdd');
    expect(events).toHaveLength(1);
    const result = await revertFixer.propose(fixContext(wt.dir, events, { plan: await detectPlan(wt.dir, config) }));
    expect(result).toMatchObject({ kind: 'unfixable', reason: expect.stringMatching(/^bisect: the failure does not happen at HEAD/) });
  });
});
