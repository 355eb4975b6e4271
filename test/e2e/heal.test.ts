import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GIT_ENV, makeRepo, SUTURE_ROOT, type TempRepo } from '../../src/heal/testing/temp-repo.js';
import { BIN, runCli } from './run-cli.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

/** The bundled example (what `npm run demo` heals) as a fresh git repository. */
function exampleRepo(): TempRepo {
  const files: Record<string, string> = {};
  const src = path.join(SUTURE_ROOT, 'examples', 'broken-invoice');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, name.name);
      if (name.isDirectory()) walk(abs);
      else files[path.relative(src, abs)] = readFileSync(abs, 'utf8');
    }
  };
  walk(src);
  const repo = makeRepo(files, { nodeModules: true });
  repos.push(repo);
  return repo;
}

/** A Go module with a typo'd identifier: quick to build, healed by the compiler-near-miss fixer. */
function goTypoRepo(): TempRepo {
  const repo = makeRepo(
    {
      'go.mod': 'module example.com/cart\n\ngo 1.19\n',
      'cart.go': 'package cart\n\nfunc Total(prices []int) int {\n\ttotal := 0\n\tfor _, p := range prices {\n\t\ttotal += p\n\t}\n\treturn totl\n}\n',
      'cart_test.go': 'package cart\n\nimport (\n\t"testing"\n\t"time"\n)\n\nfunc TestTotal(t *testing.T) {\n\ttime.Sleep(1500 * time.Millisecond)\n\tif Total([]int{1, 2}) != 3 {\n\t\tt.Fatal("sum")\n\t}\n}\n',
    },
    { gitignore: '.suture/\n' },
  );
  repos.push(repo);
  return repo;
}

const env = { ...GIT_ENV };

describe('suture heal (CLI)', () => {
  it('says so and exits 4 outside a git repository', async () => {
    const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'suture-nogit-')));
    try {
      const r = await runCli(['heal', dir], { env });
      expect(r.code).toBe(4);
      expect(r.stderr).toMatch(/\[E_NOT_GIT_REPO\] .* is not inside a git repository/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('heals the bundled example end to end through the real runners, triage, guard and fixers', async () => {
    const repo = exampleRepo();
    const before = repo.fingerprint(['.suture', 'node_modules']);
    const r = await runCli(['heal', '--json', repo.root], { env, timeoutMs: 240_000 });
    expect(r.stderr).toMatch(/running the tests \(baseline\)/);
    const out = JSON.parse(r.stdout);
    expect(out.baseline.failures).toBeGreaterThanOrEqual(4);
    // Every cluster got a verified fix (healed, or proposed when triage/guard want a person to approve).
    expect(out.clusters.length).toBeGreaterThanOrEqual(2);
    for (const c of out.clusters) expect(['healed', 'proposed']).toContain(c.resolution);
    const fixers = new Set(out.clusters.map((c: { fixer: string }) => c.fixer));
    expect(fixers.size).toBeGreaterThanOrEqual(1);
    expect(r.code).toBe(out.summary.proposed > 0 ? 1 : 0);
    // Without --apply the user's files are untouched; the verified stack applies and goes green.
    expect(repo.fingerprint(['.suture', 'node_modules'])).toEqual(before);
    expect(existsSync(path.join(repo.root, '.suture', 'heal-report.md'))).toBe(true);
    repo.git('apply', '.suture/patches/all.patch');
    expect(repo.read('src/invoice.ts')).toContain('calculateSubtotal(invoice.lines)');
    expect(repo.read('src/tax.ts')).toMatch(/import \{ roundCents \} from ["']\.\/money["']/);
  }, 300_000);

  it('leaves the tree byte-for-byte intact when killed with SIGKILL mid-attempt, and the next run cleans up', async () => {
    const repo = goTypoRepo();
    repo.write('notes.txt', 'uncommitted work of the user\n');
    const before = repo.fingerprint(['.suture']);
    const child = spawn(process.execPath, [BIN, 'heal', repo.root], { env: { ...process.env, ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d) => {
        err += String(d);
        if (/candidate patch, verifying/.test(err)) resolve();
      });
      child.once('exit', (code) => reject(new Error(`heal exited (${code}) before an attempt was verifying:\n${err}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(repo.fingerprint(['.suture'])).toEqual(before);
    const leftovers = repo.git('worktree', 'list', '--porcelain').split('\n').filter((l) => l.startsWith('worktree ') && !l.endsWith(repo.root));
    expect(leftovers).toHaveLength(1);
    const leftoverDir = leftovers[0]!.slice('worktree '.length);
    expect(existsSync(leftoverDir)).toBe(true);

    const r = await runCli(['heal', '--dry-run', repo.root], { env, timeoutMs: 120_000 });
    expect(r.stderr).toMatch(/cleaned 1 sandbox\(es\) left by an interrupted run/);
    expect(existsSync(leftoverDir)).toBe(false);
    expect(repo.git('worktree', 'list', '--porcelain').split('\n').filter((l) => l.startsWith('worktree '))).toHaveLength(1);
    expect(repo.git('for-each-ref', 'refs/suture/')).toBe('');
    expect(repo.fingerprint(['.suture'])).toEqual(before);
  }, 180_000);

  it('stops on SIGINT with exit 130, removes its sandbox and leaves the tree intact', async () => {
    const repo = goTypoRepo();
    const before = repo.fingerprint(['.suture']);
    const child = spawn(process.execPath, [BIN, 'heal', repo.root], { env: { ...process.env, ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d) => {
        err += String(d);
        if (/candidate patch, verifying/.test(err)) resolve();
      });
      void exited.then((code) => reject(new Error(`heal exited (${code}) before an attempt was verifying:\n${err}`)));
    });
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(err).toMatch(/\[E_INTERRUPTED\] interrupted by SIGINT; your files are unchanged/);
    expect(repo.git('worktree', 'list', '--porcelain').split('\n').filter((l) => l.startsWith('worktree '))).toHaveLength(1);
    expect(repo.fingerprint(['.suture'])).toEqual(before);
  }, 120_000);

  it('--apply writes the verified fix for a confident cluster; --dry-run writes nothing at all', async () => {
    const repo = goTypoRepo();
    const before = repo.fingerprint();
    const dry = await runCli(['heal', '--dry-run', repo.root], { env, timeoutMs: 120_000 });
    expect(dry.stdout).toMatch(/dry run: nothing was written or applied/);
    expect(repo.fingerprint()).toEqual(before);
    expect(existsSync(path.join(repo.root, '.suture'))).toBe(false);

    const r = await runCli(['heal', '--apply', '--json', repo.root], { env, timeoutMs: 120_000 });
    const out = JSON.parse(r.stdout);
    const c = out.clusters[0];
    expect(c.fixer).toBe('did-you-mean');
    if (c.resolution === 'healed') {
      expect(c.applied).toBe(true);
      expect(repo.read('cart.go')).toContain('return total\n');
      expect(r.code).toBe(0);
    } else {
      // Triage or the guard asked for a person: nothing may land, the patch is the proposal.
      expect(c.resolution).toBe('proposed');
      expect(repo.read('cart.go')).toContain('return totl\n');
      expect(readFileSync(path.join(repo.root, '.suture', c.patch.file), 'utf8')).toContain('+\treturn total');
      expect(r.code).toBe(1);
    }
  }, 180_000);
});

