// Test support (not used by the CLI): a tiny but real test runner for the loop's own tests, used
// before/independently of the real runners. Every `tests/*.mjs` file of the plan's root is one test,
// run with node: exit 0 passes, anything else fails with its stderr as the message.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Cluster, FailureEvent, RunOutcome, TestPlan, TestResult } from '../../events/index.js';
import { toFailureEvent } from '../../events/index.js';
import type { HealDeps, TestRef } from '../types.js';

function runOne(root: string, rel: string): { result: TestResult; durationMs: number } {
  const t = Date.now();
  const r = spawnSync(process.execPath, [rel], { cwd: root, encoding: 'utf8', timeout: 30_000 });
  const base = { kind: 'test' as const, framework: 'node-script', test_id: rel, file: rel, name: path.basename(rel, '.mjs') };
  const result: TestResult = r.status === 0 ? { ...base, status: 'passed' } : { ...base, status: 'failed', message: (r.stderr || r.stdout || `exit ${r.status}`).trim().split('\n').slice(-3).join('\n') };
  return { result, durationMs: Date.now() - t };
}

function outcome(runId: string, results: TestResult[], durationMs: number, root: string): RunOutcome {
  const now = new Date().toISOString();
  const events = results.map((r) => toFailureEvent(r, { run_id: runId, ts: now })).filter((e): e is FailureEvent => !!e);
  const count = (s: TestResult['status']) => results.filter((r) => r.status === s).length;
  return {
    runId,
    startedAt: now,
    finishedAt: now,
    results,
    events,
    commands: [{ package: '.', id: 'node-script', command: `node tests/*.mjs (${root})`, exitCode: count('failed') ? 1 : 0, timedOut: false, durationMs, reportPaths: [] }],
    totals: { tests: results.length, passed: count('passed'), failed: count('failed'), errored: count('errored'), skipped: count('skipped'), flaky: count('flaky') },
  };
}

export function scriptTests(root: string): string[] {
  const dir = path.join(root, 'tests');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.mjs')).sort().map((f) => `tests/${f}`) : [];
}

/** Runs the plan's script tests; a failure that passes on one re-run is flaky. */
export function runScripts(plan: TestPlan, opts: { runId: string; flakyReruns?: number }): RunOutcome {
  let ms = 0;
  const results = scriptTests(plan.root).map((rel) => {
    const first = runOne(plan.root, rel);
    ms += first.durationMs;
    if (first.result.status === 'failed' && (opts.flakyReruns ?? 1) > 0) {
      const again = runOne(plan.root, rel);
      ms += again.durationMs;
      if (again.result.status === 'passed') return { ...first.result, status: 'flaky' as const };
    }
    return first.result;
  });
  return outcome(opts.runId, results, ms, plan.root);
}

export function rerunScripts(plan: TestPlan, tests: TestRef[], opts: { runId: string }): RunOutcome {
  let ms = 0;
  const results = tests.map((t) => {
    if (!existsSync(path.join(plan.root, t.test_id))) {
      return { kind: 'runtime' as const, framework: t.framework, test_id: t.test_id, status: 'errored' as const, error_class: 'TestNotRun', message: 'not found' };
    }
    const r = runOne(plan.root, t.test_id);
    ms += r.durationMs;
    return r.result;
  });
  return outcome(opts.runId, results, ms, plan.root);
}

/** One cluster per failing test; confidence and category from the caller. */
export function scriptTriage(confidence: Record<string, number> = {}): HealDeps['triage'] {
  return async (events) => {
    const clusters: Cluster[] = events.map((e, i) => ({
      fingerprint: `fp1:${Buffer.from(e.test_id).toString('hex').slice(0, 16)}`,
      stage: 'test',
      category: 'assertion',
      confidence: confidence[e.test_id] ?? 0.95,
      rootCause: `the assertion in ${e.test_id} fails`,
      suggestedFix: 'fix the code under test',
      testIds: [e.test_id],
      count: 1,
      firstSeen: e.ts,
      lastSeen: e.ts,
      representative: e,
      flaky: e.status === 'flaky',
      risk: 0.5,
      priority: i,
    }));
    return { events, clusters };
  };
}

export function scriptPlan(root: string): TestPlan {
  return { root, packages: [{ dir: '.', suites: [{ runner: 'node-script', detectedBy: 'tests/*.mjs', command: 'node tests/*.mjs' }], checks: [] }] };
}
