import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../config/schema.js';
import { makeTarget } from '../store/testing/targets.js';
import { judgeFiles, makeDiff, writeTree } from './harness.js';
import { judge } from './judge.js';
import { recordApproval } from './state/approvals.js';

const TEST = "import { it, expect } from 'vitest';\n\nit('adds', () => {\n  expect(1 + 1).toBe(2);\n});\n\nit('subtracts', () => {\n  expect(2 - 1).toBe(1);\n});\n";
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function repo(): { dir: string; git: (...a: string[]) => string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'suture-judge-'));
  dirs.push(dir);
  const env = { ...process.env, GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@x', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@x' };
  const git = (...a: string[]): string => execFileSync('git', a, { cwd: dir, env, encoding: 'utf8' });
  git('init', '-q');
  return { dir, git };
}

describe('judge', () => {
  it('reads both sides from git revisions, following a renamed test file', async () => {
    const { dir, git } = repo();
    await writeTree(dir, { 'test/math.test.ts': TEST });
    git('add', '-A');
    git('commit', '-qm', 'base');
    git('mv', 'test/math.test.ts', 'test/arith.test.ts');
    await writeTree(dir, { 'test/arith.test.ts': TEST.replace(/\nit\('subtracts'[\s\S]*$/, '') });
    git('add', '-A');
    git('commit', '-qm', 'head');
    const diff = git('diff', '--find-renames', 'HEAD~1', 'HEAD');
    const v = await judge({ diff }, { root: dir, config: configSchema.parse({}), base: 'HEAD~1', head: 'HEAD' });
    expect(v.decision).toBe('block');
    expect(v.findings).toEqual([expect.objectContaining({ rule: 'deleted-tests', file: 'test/arith.test.ts', message: "fewer tests: 2 → 1 tests; missing 'subtracts'" })]);
  });

  it('judges the same in a sandbox that already holds the patched files', async () => {
    const base = { 'test/math.test.ts': TEST };
    const head = { 'test/math.test.ts': TEST.replace("it('adds'", "it.skip('adds'") };
    for (const rootHolds of ['base', 'head'] as const) {
      const v = await judgeFiles(base, head, { rootHolds });
      expect(v.findings.map((f) => [f.rule, f.line])).toEqual([['skipped-tests', 3]]);
    }
  });

  it('judges a diff with no files to read (fragment mode) from its own lines', async () => {
    const diff = makeDiff({ 'test/math.test.ts': TEST }, { 'test/math.test.ts': TEST.replace("it('adds'", "it.only('adds'") });
    const empty = mkdtempSync(path.join(os.tmpdir(), 'suture-judge-empty-'));
    dirs.push(empty);
    const v = await judge({ diff }, { root: empty, config: configSchema.parse({}) });
    expect(v.findings.map((f) => [f.rule, f.line])).toEqual([['skipped-tests', 3]]);
  });

  it('lets recorded approvals of this exact hash release approval findings, never blocks', async () => {
    const target = makeTarget('sqlite');
    try {
      const store = await target.open();
      const config = { guard: { protected: { approvals: 2 } } };
      const first = await judgeFiles({ 'package.json': '{}\n' }, { 'package.json': '{ "private": true }\n' }, { store, config });
      expect(first.decision).toBe('needs-approval');
      await recordApproval(store, { patchHash: first.patchHash!, approver: 'ann' });
      expect((await judgeFiles({ 'package.json': '{}\n' }, { 'package.json': '{ "private": true }\n' }, { store, config })).decision).toBe('needs-approval');
      await recordApproval(store, { patchHash: first.patchHash!, approver: 'ben' });
      const approved = await judgeFiles({ 'package.json': '{}\n' }, { 'package.json': '{ "private": true }\n' }, { store, config });
      expect(approved.decision).toBe('pass');
      // A different patch (one more byte) is not approved.
      expect((await judgeFiles({ 'package.json': '{}\n' }, { 'package.json': '{ "private": false }\n' }, { store, config })).decision).toBe('needs-approval');
    } finally {
      await target.cleanup();
    }
  });

  it('applies the risk gate to scored patches only', async () => {
    const base = { 'src/a.ts': 'export const a = 1;\n', 'src/b.ts': 'export const b = 1;\n' };
    const head = { 'src/a.ts': 'export const a = 2;\n', 'src/b.ts': 'export const b = 2;\n' };
    const human = await judgeFiles(base, head);
    expect([human.decision, human.risk]).toEqual(['pass', 'medium']);
    const scored = await judgeFiles(base, head, { confidence: 0.95 });
    expect(scored.decision).toBe('needs-approval');
    expect(scored.findings).toEqual([{ rule: 'risk', severity: 'approval', message: 'risk medium is above the auto-apply level low (2 files > 1)' }]);
    expect((await judgeFiles({ 'src/a.ts': 'export const a = 1;\n' }, { 'src/a.ts': 'export const a = 2;\n' }, { confidence: 0.95 })).decision).toBe('pass');
  });

  it('honours rules disabled or re-graded in the policy', async () => {
    const base = { 'test/math.test.ts': TEST };
    const head = { 'test/math.test.ts': TEST.replace("it('adds'", "it.skip('adds'") };
    expect((await judgeFiles(base, head, { config: { guard: { rules: { 'skipped-tests': { enabled: false } } } } })).decision).toBe('pass');
    const warn = await judgeFiles(base, head, { config: { guard: { rules: { 'skipped-tests': { severity: 'warn' } } } } });
    expect([warn.decision, warn.findings[0]!.severity]).toEqual(['pass', 'warn']);
  });

  it('passes an empty diff', async () => {
    const v = await judge({ diff: '' }, { root: os.tmpdir(), config: configSchema.parse({}) });
    expect(v).toMatchObject({ decision: 'pass', risk: 'low', findings: [] });
  });
});
