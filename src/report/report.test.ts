import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Cluster, FailureEvent } from '../events/index.js';
import type { ClusterOutcome, HealResult } from '../heal/types.js';
import { createReporters, healReporters } from './index.js';
import { buildFixProposal } from './fix-proposal.js';
import { renderMarkdown } from './markdown.js';
import { buildTaskContext } from './task-context.js';
import { renderSummary } from './terminal/summary.js';
import pc from 'picocolors';

class Capture extends Writable {
  text = '';
  constructor(readonly isTTY: boolean) {
    super();
  }
  override _write(chunk: Buffer, _enc: string, cb: () => void): void {
    this.text += String(chunk);
    cb();
  }
}

const ev = (id: string): FailureEvent => ({ v: 1, kind: 'test', run_id: 'r', ts: '2026-01-01T00:00:00.000Z', framework: 'vitest', test_id: id, message: `boom in ${id}`, status: 'failed', file: 'src/a.test.ts', line: 3, repro_cmd: `npx vitest run src/a.test.ts -t ${id}` });
const cluster = (fp: string, id: string, extra: Partial<Cluster> = {}): Cluster => ({
  fingerprint: fp, stage: 'test', category: 'assertion-failure', confidence: 0.93, rootCause: 'an assertion does not hold', suggestedFix: 'fix the code under test',
  testIds: [id], count: 1, firstSeen: '', lastSeen: '', representative: ev(id), flaky: false, risk: 0.4, priority: 0, ...extra,
});
const patch = { hash: 'h'.repeat(64), diff: 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n', files: [{ path: 'x', status: 'modified' as const, linesAdded: 1, linesRemoved: 1 }], linesAdded: 1, linesRemoved: 1 };
const healed: ClusterOutcome = {
  id: 'aaa', cluster: cluster('fp1:aaa', 't1'), events: [ev('t1')], resolution: 'healed', reason: 'verified', fixer: 'did-you-mean', patch, stackIndex: 0, timeToGreenMs: 4200, verdict: { decision: 'pass', risk: 'low', findings: [] },
  attempts: [{ fingerprint: 'fp1:aaa', attempt: 1, fixer: 'did-you-mean', outcome: 'healed', reason: 'ok', patch, durationMs: 1000, testsRun: 5, startedAt: '' }], notes: [],
};
const escalated: ClusterOutcome = {
  id: 'bbb', cluster: cluster('fp1:bbb', 't2'), events: [ev('t2')], resolution: 'escalated', reason: '1 candidate(s) rejected', notes: [{ fixer: 'ts-codefix', result: 'unfixable', reason: 'no code fix offered' }],
  attempts: [{ fingerprint: 'fp1:bbb', attempt: 1, fixer: 'revert', outcome: 'regressed', reason: 'new failures in the full suite: t3', patch: { ...patch, hash: 'g'.repeat(64) }, durationMs: 2000, testsRun: 6, startedAt: '' }],
};
const flaky: ClusterOutcome = { id: 'ccc', cluster: cluster('fp1:ccc', 't4', { flaky: true }), events: [ev('t4')], resolution: 'flaky', reason: 'flaky', attempts: [], notes: [] };
const result = (): HealResult => ({
  runId: 'run1', repo: 'demo', root: '/tmp/none', head: 'abc1234567', snapshot: 'def', startedAt: '', finishedAt: '2026-01-01T00:00:10.000Z', dryRun: false,
  baseline: { totals: { tests: 10, passed: 7, failed: 3, errored: 0, skipped: 0, flaky: 0 }, failures: 3, commands: [] },
  clusters: [healed, escalated, flaky], commandProblems: [{ package: '.', id: 'pytest', command: 'python3 -m pytest', problem: 'command not found (is the tool installed?)' }],
  testRuns: 7, testTimeMs: 9000, durationMs: 10_000, phaseMs: {}, cleanedLeftovers: 0, warnings: [], outputs: [],
});

describe('heal reporters', () => {
  it('are listed in one map; an unknown name is a usage error', () => {
    expect(Object.keys(healReporters)).toEqual(expect.arrayContaining(['files', 'markdown', 'terminal', 'json']));
    expect(() => createReporters(['nope'], { root: '/', outDir: '/', stdout: new Capture(false), stderr: new Capture(false), color: false })).toThrow(/unknown reporter 'nope'/);
  });

  it('terminal: a live line on a TTY, plain lines otherwise, and the summary table', async () => {
    for (const tty of [true, false]) {
      const out = new Capture(false);
      const err = new Capture(tty);
      const [t] = createReporters(['terminal'], { root: '/', outDir: '/', stdout: out, stderr: err, color: false });
      const pos = { index: 1, total: 3, id: 'aaa', cluster: healed.cluster };
      await t!.onRunStart!({ runId: 'run1', root: '/', dryRun: false, apply: false, commit: false, maxAttempts: 3, fixers: ['did-you-mean'], startedAt: '' });
      await t!.onStage!('heal', 'healing');
      await t!.onClusterStart!(pos);
      await t!.onProgress!({ ...pos, attempt: 1, maxAttempts: 3, fixer: 'did-you-mean', phase: 'full' });
      await t!.onAttempt!(pos, healed.attempts[0]!);
      await t!.onCluster!(pos, healed);
      await t!.onRunEnd!(result());
      t!.close?.();
      if (tty) {
        expect(err.text).toContain('\r\x1b[2K');
        expect(err.text).toMatch(/healing · cluster 1\/3 aaa · attempt 1\/3 · did-you-mean · verifying \(full suite\)/);
      } else {
        expect(err.text).not.toContain('\x1b[');
        expect(err.text).toContain('[1/3] aaa assertion-failure');
      }
      expect(out.text).toMatch(/aaa\s+assertion-failure\s+1\s+healed\s+did-you-mean\s+1\s+4\.2s/);
      expect(out.text).toMatch(/1 healed · 0 proposed · 1 escalated · 1 flaky/);
      expect(out.text).toContain('test command failed: python3 -m pytest');
    }
  });

  it('fix-proposal.json, the Markdown report and the task YAML carry what the run learned', () => {
    const r = result();
    const json = buildFixProposal(r) as { summary: Record<string, number>; clusters: Array<Record<string, unknown>>; combinedPatch: string };
    expect(json.summary).toMatchObject({ clusters: 3, healed: 1, escalated: 1, flaky: 1 });
    expect(json.combinedPatch).toBe('patches/healed.patch');
    expect(json.clusters[1]).toMatchObject({ id: 'bbb', resolution: 'escalated', task: 'tasks/fix-bbb.yaml' });
    const md = renderMarkdown(r);
    expect(md).toContain('| aaa | assertion-failure | 1 | ✅ healed | did-you-mean | 1 | 4.2 s |');
    expect(md).toContain('## Test command problems');
    expect(md).toContain('```diff');
    const task = parse(buildTaskContext(escalated, r, ['README.md']));
    expect(task).toMatchObject({ id: 'fix-bbb', fingerprint: 'fp1:bbb', root_cause: 'an assertion does not hold' });
    expect(task.failures[0]).toMatchObject({ test: 't2', file: 'src/a.test.ts', line: 3 });
    expect(task.acceptance_criteria[0]).toBe('`npx vitest run src/a.test.ts -t t2` passes');
    expect(task.tried_by_suture[0]).toBe('revert -> regressed: new failures in the full suite: t3');
    expect(task.approach).toContain('ts-codefix (unfixable): no code fix offered');
    expect(task.related_docs).toEqual(['src/a.test.ts:3', 'README.md']);
  });

  it('files reporter writes atomically into the output dir and prunes what an earlier run left', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'suture-report-'));
    try {
      const ctx = { root, outDir: path.join(root, '.suture'), stdout: new Capture(false), stderr: new Capture(false), color: false };
      const [files] = createReporters(['files'], ctx);
      const r = { ...result(), root };
      expect(await files!.onRunEnd!(r)).toEqual(['.suture/patches/aaa.patch', '.suture/patches/healed.patch', '.suture/patches/all.patch', '.suture/tasks/fix-bbb.yaml', '.suture/fix-proposal.json']);
      expect(readFileSync(path.join(root, '.suture/patches/aaa.patch'), 'utf8')).toBe(patch.diff);
      const second = await files!.onRunEnd!({ ...r, clusters: [flaky] });
      expect(second).toEqual(['.suture/fix-proposal.json']);
      expect(() => readFileSync(path.join(root, '.suture/tasks/fix-bbb.yaml'))).toThrow();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('the summary says when everything was green', () => {
    expect(renderSummary({ ...result(), clusters: [], commandProblems: [] }, pc.createColors(false))).toContain('all green: 7/10 tests passing');
  });
});
