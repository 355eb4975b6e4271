import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../config/schema.js';
import { detectPlan, runPlan } from '../../runners/index.js';
import { buildBisectHistory, buildGoBisectHistory } from '../shared/testing/history.js';
import { git, tempRepo, type TempRepo } from '../shared/testing/temp-repo.js';
import { bisect } from './bisect.js';
import { commandProbe, testsProbe } from './probes.js';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function history(): { repo: TempRepo; commits: string[]; breaking: string } {
  const repo = tempRepo('py-bisect');
  cleanups.push(() => repo.cleanup());
  return { repo, ...buildBisectHistory(repo) };
}

/** The user's repository after a bisection: not bisecting, no extra worktree, nothing changed. */
function expectUntouched(repo: TempRepo, head: string): void {
  expect(() => git(repo.dir, 'bisect', 'log')).toThrow(/not bisecting/);
  expect(git(repo.dir, 'worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(1);
  expect(git(repo.dir, 'status', '--porcelain')).toBe('');
  expect(git(repo.dir, 'rev-parse', 'HEAD').trim()).toBe(head);
}

const config = configSchema.parse({});

describe('bisect', () => {
  it('finds the commit that broke a test with a --cmd probe, finding a good commit by itself, in a sandbox worktree', async () => {
    const { repo, commits, breaking } = history();
    const head = commits.at(-1)!;
    const lines: string[] = [];
    const r = await bisect({ repoDir: repo.dir, probe: commandProbe('python3 -m pytest -q -p no:cacheprovider test_calc.py::test_mul', 60_000), log: (l) => lines.push(l) });
    expect(r.firstBad).toMatchObject({ sha: breaking, subject: 'calc: clearer docs, tweak mul', author: 'Fixture Author' });
    expect(r.bad).toBe(head);
    // HEAD bad; HEAD~1 bad; HEAD~2 bad (that is the breaking commit); HEAD~4 good; then git bisect between.
    expect(r.steps.map((s) => [commits.indexOf(s.sha), s.verdict])).toEqual([
      [5, 'bad'],
      [4, 'bad'],
      [3, 'bad'],
      [1, 'good'],
      [2, 'good'],
    ]);
    expect(lines).toHaveLength(r.steps.length);
    expectUntouched(repo, head);
  });

  it('re-runs the test through the runners (targeted go test) with explicit --good/--bad', async () => {
    const repo = tempRepo('go-bisect');
    cleanups.push(() => repo.cleanup());
    const { commits, breaking } = buildGoBisectHistory(repo);
    const out = mkdtempSync(path.join(os.tmpdir(), 'suture-bisect-run-'));
    cleanups.push(() => rmSync(out, { recursive: true, force: true }));
    const outcome = await runPlan(await detectPlan(repo.dir, config), { runId: 'find-test', outDir: out, flakyReruns: 0, noChecks: true });
    const failing = outcome.results.filter((t) => t.status === 'failed');
    expect(failing.map((t) => t.name)).toEqual(['TestMul']);
    const r = await bisect({ repoDir: repo.dir, probe: testsProbe(failing, config), good: commits[0], bad: commits[4] });
    expect(r.firstBad?.sha).toBe(breaking);
    expect(r.good).toBe(commits[0]);
    expect(r.steps[0]).toMatchObject({ sha: commits[4], verdict: 'bad', detail: expect.stringContaining('1 of 1 failing') });
    expectUntouched(repo, commits.at(-1)!);
  });

  it('says so when the failure does not happen at --bad, or already happens at --good', async () => {
    const { repo, commits } = history();
    const probe = commandProbe('python3 -m pytest -q -p no:cacheprovider test_calc.py::test_mul', 60_000);
    await expect(bisect({ repoDir: repo.dir, probe, bad: commits[1] })).rejects.toMatchObject({ code: 'E_NOT_FAILING' });
    await expect(bisect({ repoDir: repo.dir, probe, good: commits[4] })).rejects.toMatchObject({ code: 'E_GOOD_IS_BAD' });
    await expect(bisect({ repoDir: repo.dir, probe, good: 'no-such-rev' })).rejects.toMatchObject({ code: 'E_BAD_REVISION' });
    expectUntouched(repo, commits.at(-1)!);
  });
});
