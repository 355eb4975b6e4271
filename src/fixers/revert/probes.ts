import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SutureConfig } from '../../config/schema.js';
import type { FailureEvent, RunOutcome, TestPlan, TestResult } from '../../events/index.js';
import { UsageError } from '../../errors.js';
import { detectPlan, rerunTests, runPlan, type TestRef } from '../../runners/index.js';
import { execShell } from '../shared/exec.js';

export type ProbeVerdict = 'good' | 'bad' | 'skip';

/**
 * Tests one checkout (a directory): does the failure happen here? `testMs`: how long the test
 * commands themselves ran (the runners' own figures), when the probe ran any.
 */
export type BisectProbe = (dir: string, signal?: AbortSignal) => Promise<{ verdict: ProbeVerdict; detail: string; testMs?: number }>;

/** Time spent in the test commands of a run (not detection, report parsing or temp files). */
export function commandMs(outcome: { commands: Array<{ durationMs: number }> }): number {
  return outcome.commands.reduce((n, c) => n + c.durationMs, 0);
}

/**
 * `--cmd`: a command the user gives, judged like `git bisect run` does: exit 0 good, 125 skip,
 * 1-127 bad; killed or timed out aborts the bisection.
 */
export function commandProbe(command: string, timeoutMs: number): BisectProbe {
  return async (dir, signal) => {
    const r = await execShell(command, { cwd: dir, signal, timeoutMs });
    if (r.timedOut) throw new Error(`'${command}' timed out after ${Math.round(timeoutMs / 1000)} s`);
    if (r.code === null || r.code > 127) throw new Error(`'${command}' was killed (exit ${r.code ?? 'signal'})`);
    const verdict: ProbeVerdict = r.code === 0 ? 'good' : r.code === 125 ? 'skip' : 'bad';
    return { verdict, detail: `exit ${r.code}` };
  };
}

/** What a re-run says about the requested tests: all passed, any failed, or not runnable here. */
export function judgeResults(tests: TestRef[], results: TestResult[]): { verdict: ProbeVerdict; detail: string } {
  const mine = tests.map((t) => results.find((r) => r.test_id === t.test_id));
  if (mine.some((r) => r === undefined || r.error_class === 'TestNotRun' || r.status === 'skipped')) {
    return { verdict: 'skip', detail: 'the test does not exist or did not run at this commit' };
  }
  const failed = mine.filter((r) => r!.status !== 'passed');
  if (failed.length) return { verdict: 'bad', detail: `${failed.length} of ${tests.length} failing: ${failed[0]!.message?.split('\n')[0] ?? failed[0]!.status}` };
  return { verdict: 'good', detail: `${tests.length} passed` };
}

/**
 * The tests themselves, re-run with the runners' own filters (targeted, no flaky re-runs) on a plan
 * detected at each checkout, since the test command may differ between commits.
 */
export function testsProbe(tests: TestRef[], config: SutureConfig): BisectProbe {
  return async (dir, signal) => {
    const outDir = await mkdtemp(path.join(os.tmpdir(), 'suture-bisect-out-'));
    try {
      const plan = await detectPlan(dir, config);
      const outcome = await rerunTests(plan, tests, { runId: `bisect-${path.basename(outDir)}`, outDir, signal, flakyReruns: 0, timeoutMs: config.runners.timeout_seconds * 1000 });
      return { ...judgeResults(tests, outcome.results), testMs: commandMs(outcome) };
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  };
}

/**
 * A test known only by its id (the CLI): the first probe, at the bad commit inside the sandbox, runs
 * the suite once to find the test (exact id, else a unique id suffix or test name) and later probes
 * re-run just that test.
 */
export function testIdProbe(testId: string, config: SutureConfig): BisectProbe {
  let targeted: BisectProbe | undefined;
  return async (dir, signal) => {
    if (targeted) return targeted(dir, signal);
    const outDir = await mkdtemp(path.join(os.tmpdir(), 'suture-bisect-find-'));
    try {
      const outcome = await runPlan(await detectPlan(dir, config), { runId: 'bisect-find', outDir, signal, flakyReruns: 0, noChecks: true, timeoutMs: config.runners.timeout_seconds * 1000 });
      const ref = findTest(testId, outcome.results);
      targeted = testsProbe([ref], config);
      return { ...judgeResults([ref], outcome.results), testMs: commandMs(outcome) };
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  };
}

export function findTest(testId: string, results: TestResult[]): TestRef {
  const exact = results.filter((r) => r.test_id === testId);
  const loose = exact.length ? exact : results.filter((r) => r.test_id.endsWith(testId) || r.name === testId);
  if (loose.length === 1) return loose[0]!;
  if (loose.length > 1) {
    throw new UsageError(`'${testId}' matches ${loose.length} tests: ${loose.slice(0, 5).map((r) => r.test_id).join(', ')}`, { code: 'E_AMBIGUOUS_TEST', hint: 'Pass the full test id.' });
  }
  const failing = results.filter((r) => r.status === 'failed' || r.status === 'errored').slice(0, 5).map((r) => r.test_id);
  throw new UsageError(`no test '${testId}' in this repository's suites`, {
    code: 'E_UNKNOWN_TEST',
    hint: failing.length ? `Failing tests: ${failing.join(', ')}` : 'Run `suture run` to see the test ids.',
  });
}

/** Build and type-check failures (a compiler's diagnostics): what the build probe looks for. */
export const isBuildFailure = (e: FailureEvent): boolean => (e.kind === 'build' || e.kind === 'typecheck') && e.status !== 'flaky' && !!e.file;

/**
 * Does this checkout still produce these build or type-check diagnostics? Runs the plan detected
 * there (the builds and type checks of the events' packages; the test suites too when those are what
 * reports them; no flaky re-runs) and reads its
 * diagnostics by test id (`<tool>:<file>::<message>`): bad when one of them is reported, good when
 * none is and nothing else fails to build that did not already fail at the first commit probed
 * (HEAD: an older commit with another build error in its place is skipped, not called good).
 */
export function buildProbe(ids: string[], packages: string[] | undefined, config: SutureConfig): BisectProbe & { run: (plan: TestPlan, signal?: AbortSignal) => Promise<{ verdict: ProbeVerdict; detail: string; testMs: number }> } {
  const wanted = new Set(ids);
  let known: Set<string> | undefined;
  const judge = (outcome: RunOutcome): { verdict: ProbeVerdict; detail: string; testMs: number } => {
    const testMs = commandMs(outcome);
    const broken = outcome.events.filter((e) => (e.kind === 'build' || e.kind === 'typecheck') && e.status !== 'flaky').map((e) => e.test_id);
    const still = broken.filter((id) => wanted.has(id));
    known ??= new Set(broken);
    if (still.length > 0) return { verdict: 'bad', detail: `${still.length} of ${wanted.size} diagnostic(s) still reported: ${still[0]}`, testMs };
    const other = broken.filter((id) => !known!.has(id));
    if (other.length > 0) return { verdict: 'skip', detail: `another build error here: ${other[0]}`, testMs };
    return { verdict: 'good', detail: `none of the ${wanted.size} diagnostic(s) reported`, testMs };
  };
  // Builds and type checks alone (no test suite) when they report the diagnostics: decided on the
  // first run (HEAD, where they are reported), then kept for every commit.
  let checksOnly: boolean | undefined;
  const once = async (plan: TestPlan, signal: AbortSignal | undefined, onlyChecks: boolean) => {
    const outDir = await mkdtemp(path.join(os.tmpdir(), 'suture-bisect-build-'));
    try {
      const narrowed = onlyChecks ? { ...plan, packages: plan.packages.map((p) => ({ ...p, suites: [] })) } : plan;
      return await runPlan(narrowed, { runId: `bisect-${path.basename(outDir)}`, outDir, signal, flakyReruns: 0, ...(packages ? { only: packages } : {}), timeoutMs: config.runners.timeout_seconds * 1000 });
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  };
  const run = async (plan: TestPlan, signal?: AbortSignal) => {
    if (checksOnly === undefined) {
      const first = await once(plan, signal, true);
      checksOnly = first.events.some((e) => wanted.has(e.test_id));
      if (checksOnly) return judge(first);
    }
    return judge(await once(plan, signal, checksOnly));
  };
  const probe = async (dir: string, signal?: AbortSignal) => run(await detectPlan(dir, config), signal);
  return Object.assign(probe, { run });
}
