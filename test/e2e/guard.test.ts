import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const GIT_ENV = { GIT_AUTHOR_NAME: 'Ann', GIT_AUTHOR_EMAIL: 'ann@example.com', GIT_COMMITTER_NAME: 'Ann', GIT_COMMITTER_EMAIL: 'ann@example.com' };
let repo: string;

const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
const write = (rel: string, text: string): void => {
  mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
  writeFileSync(path.join(repo, rel), text);
};
const commit = (msg: string): string => {
  git('add', '-A');
  git('commit', '-q', '-m', msg);
  return git('rev-parse', 'HEAD').trim();
};

const CART = `export function total(items: number[]): number {
  return items.reduce((a, b) => a + b, 0);
}
`;
const CART_TEST = `import { describe, expect, it } from 'vitest';
import { total } from '../src/cart';

describe('total', () => {
  it('sums', () => {
    expect(total([1, 2])).toBe(3);
  });
  it('is zero when empty', () => {
    expect(total([])).toBe(0);
  });
});
`;

let main: string;
let legit: string;
let cheat: string;

// One real repository with a history: main, a legitimate fix, then a cheating commit.
beforeAll(() => {
  repo = mkdtempSync(path.join(os.tmpdir(), 'suture-guard-e2e-'));
  git('init', '-q', '-b', 'main');
  write('src/cart.ts', CART);
  write('test/cart.test.ts', CART_TEST);
  write('.github/workflows/ci.yml', 'on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n');
  main = commit('initial');
  write('src/cart.ts', CART.replace('(a, b) => a + b', '(sum, n) => sum + n'));
  legit = commit('fix: clearer names');
  write('test/cart.test.ts', CART_TEST.replace("it('is zero when empty'", "it.skip('is zero when empty'"));
  cheat = commit('fix: make CI green');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('suture guard (real git history)', () => {
  it('passes a legitimate commit with exit 0', async () => {
    const r = await runCli(['guard', '--head', legit], { cwd: repo });
    expect(r.stderr).toBe('');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^PASS {2}risk low {2}1 file\(s\) \+1 -1 {2}\(commit [0-9a-f]{40}\)/);
    expect(r.stdout).toContain('no findings');
  });

  it('blocks a commit that skips a test, naming file, line and rule, with exit 1', async () => {
    const r = await runCli(['guard', '--head', cheat], { cwd: repo });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^BLOCK/);
    expect(r.stdout).toContain('test/cart.test.ts:8  block  [skipped-tests] test disabled: skipped test `it.skip`');
  });

  it('judges a PR range from the merge base, and --dry-run exits 0', async () => {
    const r = await runCli(['guard', '--base', main, '--head', 'HEAD', '--format', 'json'], { cwd: repo });
    expect(r.code, r.stderr).toBe(1);
    const v = JSON.parse(r.stdout);
    expect(v).toMatchObject({ decision: 'block', patch: { files: 2, linesAdded: 2, linesRemoved: 2 } });
    expect(v.findings.map((f: { rule: string }) => f.rule)).toEqual(['skipped-tests']);
    const dry = await runCli(['guard', '--base', main, '--head', 'HEAD', '--dry-run'], { cwd: repo });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^BLOCK.*\[dry run\]/);
  });

  it('needs approval (exit 6) for a protected path in the working tree until `guard approve` records one', async () => {
    write('.github/workflows/ci.yml', 'on: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n');
    try {
      const r = await runCli(['guard', '--format', 'json'], { cwd: repo });
      expect(r.code, r.stderr).toBe(6);
      const v = JSON.parse(r.stdout);
      expect(v).toMatchObject({ decision: 'needs-approval', subject: 'working tree vs HEAD' });
      expect(v.findings[0]).toMatchObject({ rule: 'protected-paths', file: '.github/workflows/ci.yml', line: 1 });
      const ok = await runCli(['guard', 'approve', v.patchHash, '--by', 'Bob', '--note', 'trigger change reviewed'], { cwd: repo });
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout).toMatch(new RegExp(`^approved ${v.patchHash} by Bob at \\d{4}-`));
      const again = await runCli(['guard'], { cwd: repo });
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toMatch(/^PASS/);
      expect(again.stdout).toContain('[approval] approved by Bob');
    } finally {
      git('checkout', '--', '.github/workflows/ci.yml');
    }
  });

  it('judges a patch file or stdin against the directory, and renders markdown and SARIF', async () => {
    const diff = git('diff', `${legit}`, cheat);
    writeFileSync(path.join(repo, '..', `${path.basename(repo)}.diff`), diff);
    git('checkout', '-q', legit);
    try {
      const md = await runCli(['guard', '--patch', '-', '--format', 'markdown'], { cwd: repo, input: diff });
      expect(md.code, md.stderr).toBe(1);
      expect(md.stdout).toContain('### ⛔ suture guard: BLOCK');
      expect(md.stdout).toContain('| block | `skipped-tests` | `test/cart.test.ts:8` |');
      const sarif = await runCli(['guard', '--patch', path.join(repo, '..', `${path.basename(repo)}.diff`), '--format', 'sarif'], { cwd: repo });
      const log = JSON.parse(sarif.stdout);
      expect(log.version).toBe('2.1.0');
      expect(log.runs[0].results[0]).toMatchObject({ ruleId: 'skipped-tests', level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'test/cart.test.ts' }, region: { startLine: 8 } } }] });
    } finally {
      git('checkout', '-q', 'main');
      rmSync(path.join(repo, '..', `${path.basename(repo)}.diff`), { force: true });
    }
  });

  it('shows breaker status and resets it', async () => {
    const s = await runCli(['guard', 'status', '--json'], { cwd: repo });
    expect(s.code, s.stderr).toBe(0);
    expect(JSON.parse(s.stdout)).toMatchObject({ breaker: 'closed', successRate: null, proposalsToday: 0, maxProposalsPerDay: 5 });
    const r = await runCli(['guard', 'reset', '--by', 'Ann'], { cwd: repo });
    expect(r.stdout).toBe(`circuit breaker closed for ${path.basename(repo)} by Ann\n`);
  });

  it('fails with one clear line for bad input', async () => {
    const notGit = mkdtempSync(path.join(os.tmpdir(), 'suture-nogit-'));
    try {
      const a = await runCli(['guard'], { cwd: notGit });
      expect(a.code, a.stderr).toBe(4);
      expect(a.stderr).toMatch(/is not a git repository\n {2}hint: Run inside a git checkout, or pass --patch FILE\.\n$/);
    } finally {
      rmSync(notGit, { recursive: true, force: true });
    }
    const b = await runCli(['guard', '--base', 'no-such-branch'], { cwd: repo });
    expect([b.code, b.stderr.split('\n')[0]]).toEqual([2, "suture: error [E_BAD_REV] unknown revision 'no-such-branch'"]);
    const c = await runCli(['guard', '--patch', 'missing.diff'], { cwd: repo });
    expect([c.code, c.stderr.split('\n')[0]]).toEqual([3, 'suture: error [E_PATCH_READ] cannot read patch missing.diff: ENOENT']);
    const d = await runCli(['guard', '--patch', '-'], { cwd: repo, input: 'not a diff at all\n' });
    expect(d.code, d.stderr).toBe(3);
    expect(d.stderr).toMatch(/\[E_PATCH_EMPTY\]/);
    const e = await runCli(['guard', '--format', 'xml'], { cwd: repo });
    expect(e.code, e.stderr).toBe(2);
    expect(e.stderr).not.toMatch(/\n\s+at /);
  });
});
