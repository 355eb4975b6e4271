import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildBisectHistory, buildGoBisectHistory } from '../../src/fixers/shared/testing/history.js';
import { git, tempRepo } from '../../src/fixers/shared/testing/temp-repo.js';
import { runCli } from './run-cli.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('suture bisect', () => {
  it('names the first bad commit for a test id (go test re-runs) and leaves the repository as it was', async () => {
    const repo = tempRepo('go-bisect');
    cleanups.push(() => repo.cleanup());
    const { breaking, commits } = buildGoBisectHistory(repo);
    const r = await runCli(['bisect', 'TestMul', '--json'], { cwd: repo.dir, timeoutMs: 180_000 });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.firstBad).toMatchObject({ sha: breaking, subject: 'calc: shorter docs, tweak Mul' });
    expect(out.bad).toBe(commits.at(-1));
    expect(git(repo.dir, 'status', '--porcelain')).toBe('');
    expect(git(repo.dir, 'worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(1);
  }, 240_000);

  it('uses --cmd with --good/--bad and prints the steps for people', async () => {
    const repo = tempRepo('py-bisect');
    cleanups.push(() => repo.cleanup());
    const { breaking, commits } = buildBisectHistory(repo);
    const r = await runCli(['bisect', 'test_mul', '--cmd', 'python3 -m pytest -q test_calc.py::test_mul', '--good', commits[1]!, '--bad', commits[4]!], { cwd: repo.dir, timeoutMs: 180_000 });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`first bad commit: ${breaking.slice(0, 10)} calc: clearer docs, tweak mul (Fixture Author,`);
    expect(r.stdout).toMatch(/good [0-9a-f]{10} {3}bad [0-9a-f]{10} {3}\d+ test runs/);
  }, 240_000);

  it('fails clearly outside a repository, for an unknown test and when the test passes at --bad', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'suture-not-repo-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const outside = await runCli(['bisect', 'x'], { cwd: dir });
    expect(outside.code).toBe(4);
    expect(outside.stderr).toMatch(/\[E_NOT_GIT_REPO\]/);

    const repo = tempRepo('go-bisect');
    cleanups.push(() => repo.cleanup());
    const { commits } = buildGoBisectHistory(repo);
    const unknown = await runCli(['bisect', 'TestNope'], { cwd: repo.dir, timeoutMs: 120_000 });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/\[E_UNKNOWN_TEST\] no test 'TestNope'/);
    const passing = await runCli(['bisect', 'TestMul', '--bad', commits[1]!], { cwd: repo.dir, timeoutMs: 120_000 });
    expect(passing.code).toBe(1);
    expect(passing.stderr).toMatch(/\[E_NOT_FAILING\]/);
    expect(git(repo.dir, 'status', '--porcelain')).toBe('');
  }, 240_000);
});
