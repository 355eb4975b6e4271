import path from 'node:path';
import type { CommandRecord, PlannedPackage, PlannedSuite, RunOutcome, TestPlan, TestResult } from '../../events/index.js';
import { runnerById } from '../registry.js';
import type { RunOptions, TestRef } from '../types.js';
import { packageOutDir, suiteContext, suiteKey } from './context.js';
import { confirmFlaky, type SuiteRun } from './flaky.js';
import { invokeSuite } from './invoke.js';
import { findTest } from './match.js';
import { buildOutcome } from './outcome.js';
import { DEFAULT_TIMEOUT_MS, gitStamp } from './run-plan.js';

/** The plan's suite a test came from: its package, and the runner that produced it. */
function suiteOf(plan: TestPlan, t: TestRef): { pkg: PlannedPackage; suite: PlannedSuite } | undefined {
  const dir = t.package ?? '.';
  const pkgs = [...plan.packages.filter((p) => p.dir === dir), ...plan.packages.filter((p) => p.dir !== dir)];
  for (const pkg of pkgs) {
    const suite = pkg.suites.find((s) => s.runner === t.framework) ?? (pkg.dir === dir ? pkg.suites.find((s) => s.runner === 'command') : undefined);
    if (suite) return { pkg, suite };
  }
  return undefined;
}

function notRun(t: TestRef, why: string): TestResult {
  return { kind: 'runtime', framework: t.framework, test_id: t.test_id, status: 'errored', suite: t.suite, name: t.name, file: t.file, package: t.package, error_class: 'TestNotRun', message: why };
}

/**
 * Re-runs only the given tests with each runner's own filter (all tests of one suite in one command)
 * and returns their new status. Results for requested tests carry the requested `test_id`; a requested
 * test the re-run did not report (deleted, renamed, filter missed) comes back errored as TestNotRun,
 * never as passing. Flaky re-runs are off unless `opts.flakyReruns` asks for them.
 */
export async function rerunTests(plan: TestPlan, tests: TestRef[], opts: RunOptions): Promise<RunOutcome> {
  const startedAt = new Date().toISOString();
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const groups = new Map<string, { pkg: PlannedPackage; suite: PlannedSuite; tests: TestRef[] }>();
  const results: TestResult[] = [];
  const commands: CommandRecord[] = [];
  for (const t of tests) {
    const found = suiteOf(plan, t);
    if (!found) {
      results.push(notRun(t, `no suite of the plan runs ${t.framework} tests${t.package ? ` in ${t.package}` : ''}`));
      continue;
    }
    const key = `${found.pkg.dir}\0${suiteKey(found.suite)}`;
    const g = groups.get(key) ?? { ...found, tests: [] };
    g.tests.push(t);
    groups.set(key, g);
  }
  const runs: SuiteRun[] = [];
  let index = 0;
  for (const g of groups.values()) {
    if (opts.signal?.aborted) break;
    const runner = runnerById(g.suite.runner);
    if (!runner) continue;
    const ctx = suiteContext(plan, g.pkg, g.suite, path.join(packageOutDir(opts.outDir, g.pkg.dir), suiteKey(g.suite)), opts.flakyReruns ?? 0);
    const inv = runner.targetedRun?.(ctx, g.tests) ?? runner.fullRun(ctx);
    opts.onProgress?.({ type: 'start', what: 'rerun', id: g.suite.runner, package: g.pkg.dir, command: g.suite.command, index: ++index, total: groups.size });
    const out = await invokeSuite(ctx, runner, inv, { timeoutMs, signal: opts.signal, env: opts.env });
    commands.push(out.record);
    const wanted: TestResult[] = [];
    for (const t of g.tests) {
      const r = findTest(t, out.results);
      if (r) wanted.push({ ...r, test_id: t.test_id, file: r.file ?? t.file });
      else if (out.toolMissing || out.exec.timedOut) continue;
      else results.push(notRun(t, `${t.name ?? t.test_id} was not reported by the re-run (${out.record.command}): the test no longer exists or the filter did not match it`));
    }
    // Everything else the command reported (a crash, a compile error, tests the filter also matched).
    const others = out.results.filter((r) => !g.tests.some((t) => findTest(t, [r]) === r));
    results.push(...wanted, ...others);
    runs.push({ ctx, runner, results: wanted });
    opts.onProgress?.({ type: 'end', what: 'rerun', id: g.suite.runner, package: g.pkg.dir, exitCode: out.exec.exitCode, timedOut: out.exec.timedOut, durationMs: out.exec.durationMs, passed: wanted.filter((r) => r.status === 'passed').length, failed: wanted.filter((r) => r.status === 'failed' || r.status === 'errored').length });
  }
  if ((opts.flakyReruns ?? 0) > 0) commands.push(...(await confirmFlaky(runs, { reruns: opts.flakyReruns!, outDir: path.join(opts.outDir, 'reruns'), timeoutMs, signal: opts.signal, env: opts.env })));
  return buildOutcome(opts.runId, startedAt, results, commands, gitStamp(plan.root));
}
