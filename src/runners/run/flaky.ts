import path from 'node:path';
import type { CommandRecord, TestResult } from '../../events/index.js';
import { capMessage } from '../../events/index.js';
import type { Runner, SuiteContext } from '../types.js';
import { invokeSuite, type InvokeOptions } from './invoke.js';
import { findTest, isFailing } from './match.js';

export interface SuiteRun {
  ctx: SuiteContext;
  runner: Runner;
  results: TestResult[];
}

export interface FlakyOptions extends InvokeOptions {
  reruns: number;
  /** Directory for the re-runs' logs and reports. */
  outDir: string;
  onRerun?: (phase: 'start' | 'end', run: SuiteRun, round: number, record?: CommandRecord, passed?: number, failed?: number) => void;
}

/**
 * Tells flaky from real: every failed test is re-run (the runner's targeted filter, all failures of a
 * suite in one command) up to `reruns` times. Failed then passed means flaky, with the evidence on the
 * result (source 'suture-rerun'); failing every time means real. Runners whose framework re-runs by
 * itself (Surefire) are left to their report's own evidence.
 */
export async function confirmFlaky(runs: SuiteRun[], opts: FlakyOptions): Promise<CommandRecord[]> {
  const records: CommandRecord[] = [];
  for (const run of runs) {
    const { ctx, runner } = run;
    if (!runner.targetedRun || runner.nativeReruns?.(ctx) || (runner.resultKind ?? 'test') !== 'test') continue;
    let pending = run.results.filter((r) => r.kind === 'test' && isFailing(r));
    const evidence = new Map<TestResult, { runs: number; failures: number; passes: number; messages: string[] }>();
    for (const r of pending) evidence.set(r, { runs: 1, failures: 1, passes: 0, messages: [capMessage(r.message ?? '')] });
    for (let round = 1; round <= opts.reruns && pending.length > 0; round++) {
      if (opts.signal?.aborted) break;
      const rctx: SuiteContext = { ...ctx, reportDir: path.join(opts.outDir, `rerun-${round}`, ctx.pkgDir === '.' ? '_root' : ctx.pkgDir, path.basename(ctx.reportDir)) };
      const target = runner.targetedRun(rctx, pending);
      if (!target) break;
      opts.onRerun?.('start', run, round);
      const outcome = await invokeSuite(rctx, runner, target, opts);
      records.push({ ...outcome.record, id: `${outcome.record.id}#rerun-${round}` });
      const still: TestResult[] = [];
      let passed = 0;
      for (const r of pending) {
        const again = findTest(r, outcome.results);
        // Not seen again (filter missed, the re-run crashed): no evidence either way, it stays a real failure.
        if (!again || again.status === 'skipped') continue;
        const ev = evidence.get(r)!;
        ev.runs++;
        if (again.status === 'passed' || again.status === 'flaky') {
          ev.passes++;
          passed++;
        } else {
          ev.failures++;
          ev.messages.push(capMessage(again.message ?? ''));
          still.push(r);
        }
      }
      opts.onRerun?.('end', run, round, outcome.record, passed, still.length);
      pending = still;
    }
    for (const [r, ev] of evidence) {
      if (ev.passes === 0) continue;
      r.status = 'flaky';
      r.flaky = { source: 'suture-rerun', runs: ev.runs, failures: ev.failures, passes: ev.passes, messages: ev.messages };
    }
  }
  return records;
}
