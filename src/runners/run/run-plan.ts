import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { CommandRecord, PlannedCheck, PlannedPackage, PlannedSuite, RunOutcome, TestPlan, TestResult } from '../../events/index.js';
import { childEnv } from '../../secrets/env.js';
import { runnerById, runners } from '../registry.js';
import type { RunOptions } from '../types.js';
import { invokeCheck } from './check.js';
import { packageOutDir, suiteContext, suiteKey } from './context.js';
import { confirmFlaky, type SuiteRun } from './flaky.js';
import { invokeSuite } from './invoke.js';
import { buildOutcome } from './outcome.js';

export const DEFAULT_TIMEOUT_MS = 900_000;
export const DEFAULT_FLAKY_RERUNS = 2;

/** Keeps the packages `only` names (dir or package name) and drops checks when asked. */
export function narrowPlan(plan: TestPlan, opts: Pick<RunOptions, 'only' | 'noChecks'>): TestPlan {
  const only = opts.only?.map((o) => o.replace(/\/$/, '').replace(/^\.\//, '') || '.');
  const packages = plan.packages
    .filter((p) => !only?.length || only.includes(p.dir) || (p.name !== undefined && only.includes(p.name)))
    .map((p) => (opts.noChecks ? { ...p, checks: [] } : p))
    .filter((p) => p.suites.length > 0 || p.checks.length > 0);
  return { ...plan, packages };
}

/** The commit and branch the run saw, when the root is a git checkout. */
export function gitStamp(root: string): { commit?: string; branch?: string } {
  const git = (args: string[]) => {
    const r = spawnSync('git', args, { cwd: root, env: childEnv(), encoding: 'utf8', timeout: 5000 });
    return r.status === 0 ? r.stdout.trim() : undefined;
  };
  const commit = git(['rev-parse', 'HEAD']);
  if (!commit) return {};
  const branch = git(['rev-parse', '--abbrev-ref', 'HEAD']);
  return { commit, branch: branch && branch !== 'HEAD' ? branch : undefined };
}

const suiteTimeout = (suite: PlannedSuite, fallback: number) => {
  const t = suite.options?.timeout_seconds;
  return typeof t === 'number' && t > 0 ? t * 1000 : fallback;
};

type Step = { pkg: PlannedPackage; suite: PlannedSuite } | { pkg: PlannedPackage; check: PlannedCheck };

/** CI's order within a package: build first, then the tests, then type checks and linters. */
function steps(plan: TestPlan): Step[] {
  return plan.packages.flatMap((pkg) => [
    ...pkg.checks.filter((c) => c.kind === 'build').map((check) => ({ pkg, check })),
    ...pkg.suites.map((suite) => ({ pkg, suite })),
    ...pkg.checks.filter((c) => c.kind !== 'build').map((check) => ({ pkg, check })),
  ]);
}

/**
 * Runs every suite and check of the plan with machine-readable reporters injected, then re-runs each
 * failed test to separate flaky from real. Logs and raw reports go under `opts.outDir`. Commands that
 * cannot run (missing tool, crash, timeout) become results, so this only throws for a bug.
 */
export async function runPlan(plan: TestPlan, opts: RunOptions): Promise<RunOutcome> {
  const startedAt = new Date().toISOString();
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const reruns = opts.flakyReruns ?? DEFAULT_FLAKY_RERUNS;
  const narrowed = narrowPlan(plan, opts);
  const all = steps(narrowed);
  const results: TestResult[] = [];
  const commands: CommandRecord[] = [];
  const suiteRuns: SuiteRun[] = [];

  for (const [i, step] of all.entries()) {
    if (opts.signal?.aborted) break;
    const pkgOut = packageOutDir(opts.outDir, step.pkg.dir);
    const base = { package: step.pkg.dir, index: i + 1, total: all.length };
    if ('check' in step) {
      opts.onProgress?.({ type: 'start', what: 'check', id: step.check.id, command: step.check.command, ...base });
      const out = await invokeCheck({ root: narrowed.root, pkgDir: step.pkg.dir, reportDir: path.join(pkgOut, 'checks') }, step.check, { timeoutMs, signal: opts.signal, env: opts.env });
      results.push(...out.results);
      commands.push(out.record);
      opts.onProgress?.({ type: 'end', what: 'check', id: step.check.id, package: step.pkg.dir, exitCode: out.exec.exitCode, timedOut: out.exec.timedOut, durationMs: out.exec.durationMs, passed: out.results.length ? 0 : 1, failed: out.results.length });
      continue;
    }
    const runner = runnerById(step.suite.runner);
    if (!runner) {
      // A plan written by hand or by another version of suture: say so rather than skip it silently.
      results.push({ kind: 'runtime', framework: step.suite.runner, test_id: `${step.suite.runner}:${step.pkg.dir}:unknown-runner`, status: 'errored', error_class: 'UnknownRunner', message: `no runner '${step.suite.runner}' in this version of suture (known: ${runners.map((r) => r.id).join(', ')})`, package: step.pkg.dir === '.' ? undefined : step.pkg.dir });
      continue;
    }
    const ctx = suiteContext(narrowed, step.pkg, step.suite, path.join(pkgOut, suiteKey(step.suite)), reruns);
    const inv = runner.fullRun(ctx);
    opts.onProgress?.({ type: 'start', what: 'suite', id: step.suite.runner, command: step.suite.command, ...base });
    const out = await invokeSuite(ctx, runner, inv, { timeoutMs: suiteTimeout(step.suite, timeoutMs), signal: opts.signal, env: opts.env });
    results.push(...out.results);
    commands.push(out.record);
    suiteRuns.push({ ctx, runner, results: out.results });
    opts.onProgress?.({
      type: 'end',
      what: 'suite',
      id: step.suite.runner,
      package: step.pkg.dir,
      exitCode: out.exec.exitCode,
      timedOut: out.exec.timedOut,
      durationMs: out.exec.durationMs,
      passed: out.results.filter((r) => r.status === 'passed').length,
      failed: out.results.filter((r) => r.status === 'failed' || r.status === 'errored').length,
    });
  }

  if (reruns > 0) {
    const rerunRecords = await confirmFlaky(suiteRuns, {
      reruns,
      outDir: path.join(opts.outDir, 'reruns'),
      timeoutMs,
      signal: opts.signal,
      env: opts.env,
      onRerun: (phase, run, round, record, passed, failed) => {
        const id = `${run.runner.id} re-run ${round}`;
        if (phase === 'start') opts.onProgress?.({ type: 'start', what: 'rerun', id, package: run.ctx.pkgDir, command: run.ctx.suite.command, index: all.length, total: all.length });
        else opts.onProgress?.({ type: 'end', what: 'rerun', id, package: run.ctx.pkgDir, exitCode: record?.exitCode ?? null, timedOut: record?.timedOut ?? false, durationMs: record?.durationMs ?? 0, passed: passed ?? 0, failed: failed ?? 0 });
      },
    });
    commands.push(...rerunRecords);
  }
  return buildOutcome(opts.runId, startedAt, results, commands, gitStamp(narrowed.root));
}
