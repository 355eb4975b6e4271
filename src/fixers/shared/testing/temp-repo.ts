/**
 * Test support for the fixers' real-repository tests: temporary git repositories built from fixture
 * projects, disposable worktrees like the heal loop's sandbox, and FixContexts around real events.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { configSchema } from '../../../config/schema.js';
import type { Cluster, FailureEvent, TestPlan } from '../../../events/index.js';
import type { FixContext } from '../../../fixers/types.js';

export const MAIN_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const FIXTURES = path.join(MAIN_ROOT, 'test', 'fixtures', 'fixers');
export const NODE_MODULES = path.join(MAIN_ROOT, 'node_modules');

export const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Fixture Author',
  GIT_AUTHOR_EMAIL: 'author@example.invalid',
  GIT_COMMITTER_NAME: 'Fixture Author',
  GIT_COMMITTER_EMAIL: 'author@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
};

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  out: string;
}

export function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}, timeoutMs = 180_000): RunResult {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV, NO_COLOR: '1', FORCE_COLOR: '0', ...env }, timeout: timeoutMs });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

export function git(cwd: string, ...args: string[]): string {
  const r = run('git', args, cwd);
  if (r.code !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.out}`);
  return r.stdout;
}

export interface TempRepo {
  dir: string;
  write(rel: string, content: string): void;
  commit(message: string): string;
  cleanup(): void;
}

/** A fresh git repository holding a copy of `test/fixtures/fixers/<fixture>` (or nothing), committed. */
export function tempRepo(fixture?: string, opts: { linkNodeModules?: boolean } = {}): TempRepo {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'suture-fixers-repo-'));
  if (fixture) cpSync(path.join(FIXTURES, fixture), dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'commit.gpgsign', 'false');
  if (opts.linkNodeModules) {
    writeFileSync(path.join(dir, '.gitignore'), 'node_modules\n', { flag: 'a' });
    symlinkSync(NODE_MODULES, path.join(dir, 'node_modules'), 'dir');
  }
  const repo: TempRepo = {
    dir,
    write(rel, content) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), content);
    },
    commit(message) {
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '--allow-empty', '-m', message);
      return git(dir, 'rev-parse', 'HEAD').trim();
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
  if (fixture || opts.linkNodeModules) repo.commit('initial');
  return repo;
}

export interface Worktree {
  dir: string;
  /** `git diff` of the worktree against its base commit (tracked and new files), without blob hashes. */
  diff(): string;
  cleanup(): void;
}

/** A detached worktree of HEAD, like the heal loop's sandbox (node_modules linked when the repo has it). */
export function worktreeOf(repo: TempRepo): Worktree {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'suture-fixers-wt-'));
  const dir = path.join(parent, 'wt');
  git(repo.dir, 'worktree', 'add', '-q', '--detach', dir, 'HEAD');
  if (existsSync(path.join(repo.dir, 'node_modules'))) symlinkSync(NODE_MODULES, path.join(dir, 'node_modules'), 'dir');
  return {
    dir,
    diff() {
      git(dir, 'add', '-A', '-N');
      return git(dir, 'diff', '--no-color', '--no-ext-diff', 'HEAD')
        .split('\n')
        .filter((l) => !/^index [0-9a-f]+\.\.[0-9a-f]+/.test(l))
        .join('\n');
    },
    cleanup() {
      run('git', ['worktree', 'remove', '--force', dir], repo.dir);
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

let seq = 0;
/**
 * A test file's fixture sandboxes: `open(fixture)` copies a fixture into a temporary repository and
 * adds a worktree of it (as the heal loop's sandbox is); both, and anything passed to `defer`, are
 * removed after each test.
 */
export function fixtureSandboxes(): {
  open(fixture: string, opts?: { linkNodeModules?: boolean; history?: (repo: TempRepo) => unknown }): { repo: TempRepo; wt: Worktree };
  defer(cleanup: () => void): void;
} {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    while (cleanups.length) cleanups.pop()!();
  });
  return {
    open(fixture, opts = {}) {
      const repo = tempRepo(fixture, { linkNodeModules: opts.linkNodeModules });
      opts.history?.(repo);
      const wt = worktreeOf(repo);
      cleanups.push(() => repo.cleanup(), () => wt.cleanup());
      return { repo, wt };
    },
    defer: (cleanup) => void cleanups.push(cleanup),
  };
}

/** A schema-v1 failure event with the required fields filled in. */
export function failure(partial: Partial<FailureEvent> & Pick<FailureEvent, 'message'>): FailureEvent {
  seq += 1;
  return {
    v: 1,
    kind: 'test',
    run_id: 'run-fixers-test',
    ts: '2026-01-01T00:00:00.000Z',
    framework: 'vitest',
    test_id: `t${seq}`,
    status: 'failed',
    ...partial,
  };
}

export function clusterOf(events: FailureEvent[], partial: Partial<Cluster> = {}): Cluster {
  return {
    fingerprint: 'fp1:test',
    stage: 'test',
    category: 'unknown',
    confidence: 0.9,
    rootCause: events[0]!.message,
    suggestedFix: '',
    testIds: events.map((e) => e.test_id),
    count: events.length,
    firstSeen: events[0]!.ts,
    lastSeen: events[0]!.ts,
    representative: events[0]!,
    flaky: false,
    risk: 0.5,
    priority: 1,
    ...partial,
  };
}

export function fixContext(worktree: string, events: FailureEvent[], extra: Partial<FixContext> = {}): FixContext & { lines: string[] } {
  const lines: string[] = [];
  const plan: TestPlan = { root: worktree, packages: [] };
  return {
    cluster: clusterOf(events),
    events,
    worktree,
    plan,
    config: configSchema.parse({}),
    previousAttempts: [],
    repo: 'fixture',
    runId: 'run-fixers-test',
    signal: new AbortController().signal,
    log: (l) => lines.push(l),
    lines,
    ...extra,
  };
}

/** Runs vitest (the root's own install) in a project directory; returns the real result. */
export function vitest(cwd: string, ...args: string[]): RunResult {
  return run(process.execPath, [path.join(NODE_MODULES, 'vitest', 'vitest.mjs'), 'run', '--reporter=dot', ...args], cwd);
}

/** Runs the project's `tsc --noEmit -p .`. */
export function tsc(cwd: string, ...args: string[]): RunResult {
  // The project's own `tsc` (node_modules/.bin: the native TypeScript 7 compiler here), as the runners'
  // type-check runs it: ~0.3 s a run instead of ~2 s for TypeScript 5's JS compiler started cold.
  return run(path.join(NODE_MODULES, '.bin', 'tsc'), ['--noEmit', '--pretty', 'false', '-p', '.', ...args], cwd);
}
