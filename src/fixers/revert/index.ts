import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FailureEvent } from '../../events/index.js';
import { isSutureError } from '../../errors.js';
import { rerunTests, type TestRef } from '../../runners/index.js';
import { gitOut } from '../shared/git.js';
import { isTestFile } from '../shared/language.js';
import type { Fixer, FixContext, FixResult } from '../types.js';
import { bisect, type BisectResult } from './bisect.js';
import { commitHunks, restorePatches, revertPatches, type CommitHunk } from './hunks.js';
import { buildProbe, commandMs, isBuildFailure, judgeResults, testsProbe } from './probes.js';

/** Single-hunk trials before trying the whole commit: each one is a targeted test run. */
const MAX_HUNK_TRIALS = 6;

const rerunnable = (e: FailureEvent): boolean => e.kind === 'test' && e.status !== 'flaky';

function testRefs(events: FailureEvent[]): TestRef[] {
  const seen = new Set<string>();
  return events.filter(rerunnable).flatMap((e) => {
    if (seen.has(e.test_id)) return [];
    seen.add(e.test_id);
    return [{ test_id: e.test_id, framework: e.framework, file: e.file, name: e.name, suite: e.suite, package: e.package }];
  });
}

/**
 * When the failing tests passed at some earlier commit: finds the commit that broke them (bisect with
 * targeted re-runs) and reverts its smallest responsible hunk in the worktree, trying single hunks
 * (files on the failure's stack first, smallest first) before the whole commit. Hunks in test files are
 * never reverted: changing a test to make it pass is the guard's business, not a fix.
 */
export const revertFixer: Fixer = {
  id: 'revert',
  cost: 'free',
  appliesTo: (cluster, events) => !cluster.flaky && (events.some(rerunnable) || events.some(isBuildFailure)),
  async propose(ctx: FixContext): Promise<FixResult> {
    const tests = testRefs(ctx.events);
    // Failing tests are re-run with their own filter; a build or type-check failure (no test to re-run)
    // is probed by building again and looking for the same diagnostics.
    const builds = tests.length === 0 ? ctx.events.filter(isBuildFailure) : [];
    if (tests.length === 0 && builds.length === 0) return { kind: 'pass', reason: 'no re-runnable failing test or build diagnostic to bisect' };
    const packages = builds.length > 0 && builds.every((e) => e.package) ? [...new Set(builds.map((e) => e.package!))] : undefined;
    const build = builds.length > 0 ? buildProbe([...new Set(builds.map((e) => e.test_id))], packages, ctx.config) : undefined;
    const what = build ? `${builds.length === 1 ? `the build (${builds[0]!.message.split('\n')[0]})` : `the build (${builds.length} diagnostics)`}` : tests.length === 1 ? tests[0]!.test_id : `${tests.length} tests`;
    // Reported to the loop as time in test commands: the commands' own durations, nothing around them.
    const time = { testRuns: 0, testMs: 0 };
    const timed = async <T extends { testMs?: number }>(run: () => Promise<T>): Promise<T> => {
      const r = await run();
      time.testRuns += 1;
      time.testMs += r.testMs ?? 0;
      return r;
    };
    const bisectProbe = build ?? testsProbe(tests, ctx.config);
    const result = (r: FixResult): FixResult => ({ ...r, ...time });
    let found: BisectResult;
    try {
      found = await bisect({ repoDir: ctx.worktree, probe: (dir, signal) => timed(() => bisectProbe(dir, signal)), maxBack: 32, inPlace: true, signal: ctx.signal, log: ctx.log });
    } catch (err) {
      if (isSutureError(err)) return result({ kind: 'unfixable', reason: `bisect: ${err.message}` });
      throw err;
    }
    const commit = found.firstBad;
    if (!commit) return result({ kind: 'unfixable', reason: `bisect could not single out a commit (skipped commits left: ${found.candidates.map((c) => c.sha.slice(0, 10)).join(', ')})` });
    const label = `${commit.sha.slice(0, 10)} "${commit.subject}"`;
    const parents = (await gitOut(ctx.worktree, ['rev-list', '--parents', '-n', '1', commit.sha])).trim().split(/\s+/).length - 1;
    if (parents !== 1) return result({ kind: 'unfixable', reason: `${label} first broke ${what} but is a ${parents === 0 ? 'root' : 'merge'} commit: reverting it needs a person` });
    const hunks = (await commitHunks(ctx.worktree, commit.sha)).filter((h) => !isTestFile(h.file));
    if (hunks.length === 0) return result({ kind: 'unfixable', reason: `${label} first broke ${what} but changes only test files (or binaries): not reverted` });
    const ordered = orderHunks(hunks, ctx.events);
    const probe = async (): Promise<boolean> => (await timed(() => (build ? build.run(ctx.plan, ctx.signal) : probeWorktree(ctx, tests)))).verdict === 'good';
    for (const h of ordered.slice(0, MAX_HUNK_TRIALS)) {
      if (ctx.signal.aborted) break;
      if (!(await revertPatches(ctx.worktree, [h.patch]))) continue;
      ctx.log(`revert: trying ${h.file} ${h.header} of ${label}`);
      if (await probe()) {
        return result({ kind: 'edited', summary: `reverted 1 of ${hunks.length} hunk(s) of ${label} (${h.file} ${h.header}), the commit that first broke ${what} (bisect: ${found.steps.length} test runs)` });
      }
      await restorePatches(ctx.worktree, [h.patch]);
    }
    if (hunks.length > 1 && (await revertPatches(ctx.worktree, hunks.map((h) => h.patch)))) {
      if (await probe()) return result({ kind: 'edited', summary: `reverted all ${hunks.length} non-test hunks of ${label}, the commit that first broke ${what} (no single hunk was enough)` });
      await restorePatches(ctx.worktree, hunks.map((h) => h.patch));
    }
    return result({ kind: 'unfixable', reason: `${label} first broke ${what}, but reverting its hunks (singly or together) does not fix it at HEAD` });
  },
};

/** Files the failure points at first, then the smallest change, then diff order. */
function orderHunks(hunks: CommitHunk[], events: FailureEvent[]): CommitHunk[] {
  const mentioned = (file: string): boolean => events.some((e) => e.file === file || (e.stack ?? '').includes(file));
  return hunks
    .map((h, i) => ({ h, i }))
    .sort((a, b) => Number(mentioned(b.h.file)) - Number(mentioned(a.h.file)) || a.h.added + a.h.removed - (b.h.added + b.h.removed) || a.i - b.i)
    .map((x) => x.h);
}

async function probeWorktree(ctx: FixContext, tests: TestRef[]): Promise<{ verdict: 'good' | 'bad' | 'skip'; testMs: number }> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'suture-revert-out-'));
  try {
    const outcome = await rerunTests(ctx.plan, tests, { runId: `${ctx.runId}-revert`, outDir, signal: ctx.signal, flakyReruns: 0, timeoutMs: ctx.config.runners.timeout_seconds * 1000 });
    return { verdict: judgeResults(tests, outcome.results).verdict, testMs: commandMs(outcome) };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

export { bisect } from './bisect.js';
export type { BisectOptions, BisectResult, BisectStep, CommitInfo } from './bisect.js';
export { commandProbe, testIdProbe, testsProbe, type BisectProbe } from './probes.js';
export default revertFixer;
