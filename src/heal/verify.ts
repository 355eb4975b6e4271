import path from 'node:path';
import { isFailure, type AttemptOutcome, type RunOutcome, type TestResult } from '../events/index.js';

/** A verification step's answer: pass, or the attempt outcome and a sentence saying why not. */
export type Check = { ok: true; note?: string } | { ok: false; outcome: Extract<AttemptOutcome, 'still-failing' | 'regressed' | 'fewer-tests'>; reason: string };

const MAX_LISTED = 3;

function list(ids: string[]): string {
  const shown = ids.slice(0, MAX_LISTED).join(', ');
  return ids.length > MAX_LISTED ? `${shown} and ${ids.length - MAX_LISTED} more` : shown;
}

/** The runners report a requested test the re-run did not see (deleted, renamed) as errored TestNotRun. */
export function notRun(r: TestResult): boolean {
  return r.error_class === 'TestNotRun';
}

/** Results by id, leaving out "not run" placeholders: a test that did not run is absent, not failing. */
function byId(results: TestResult[]): Map<string, TestResult> {
  const m = new Map<string, TestResult>();
  for (const r of results) if (!notRun(r)) m.set(r.test_id, r);
  return m;
}

/** A real failure: failed or errored (a flaky result failed then passed on re-run). */
function hardFailure(r: TestResult): boolean {
  return r.status === 'failed' || r.status === 'errored';
}

/**
 * Why a failing result of the baseline is absent from a run. Diagnostics (type errors, lint findings)
 * disappear when fixed. A placeholder for a whole test file (a collection or load error: no test name,
 * or the only result its file had) disappears when the file loads again: fixed if the file's tests now
 * run and pass, still failing if they fail. A real test that disappears was deleted or skipped.
 */
/**
 * A result standing for a whole test file that could not load: no test name, or a name that is the
 * file itself (vitest "(test file)", pytest's module name for a collection error). A renamed or
 * deleted real test never looks like this, so it cannot pass as "the file loads again".
 */
export function isFilePlaceholder(r: TestResult): boolean {
  if (!r.name) return true;
  const file = r.file ?? '';
  const module = file.replace(/\.[^./]+$/, '').replace(/\//g, '.');
  return /^\(.*\)$/.test(r.name) || r.name === file || r.name === module || r.name === path.posix.basename(file);
}

function whyAbsent(before: TestResult, after: TestResult[], _baseline: TestResult[], partial: boolean): 'fixed' | 'missing' | 'still-failing' | 'unknown' {
  if (before.kind !== 'test') return 'fixed';
  if (!before.file) return 'missing';
  if (!isFilePlaceholder(before)) return 'missing';
  const sameFile = after.filter((r) => r.file === before.file && r.kind === 'test' && !notRun(r));
  // A targeted re-run asked only for the placeholder's id: the file's real tests are judged by the full
  // run (the runner's name filter may also have skipped every one of them).
  if (sameFile.length === 0 || (partial && sameFile.every((r) => r.status === 'skipped'))) return partial ? 'unknown' : 'missing';
  if (sameFile.some(hardFailure)) return 'still-failing';
  return sameFile.some((r) => r.status === 'passed') ? 'fixed' : 'missing';
}

/**
 * Step 1, the targeted re-run: every failing result of the cluster must now pass (or be a diagnostic
 * that is gone). A test that is no longer collected is a deleted test, caught here by the count rule.
 */
export function checkTargeted(failing: TestResult[], rerun: RunOutcome, baseline: TestResult[] = failing, partial = true): Check {
  const now = byId(rerun.results);
  const still: string[] = [];
  const missing: string[] = [];
  const flaky: string[] = [];
  for (const f of failing) {
    const r = now.get(f.test_id);
    if (!r) {
      const why = whyAbsent(f, rerun.results, baseline, partial);
      if (why === 'missing') missing.push(f.test_id);
      else if (why === 'still-failing') still.push(f.test_id);
    } else if (hardFailure(r)) still.push(f.test_id);
    else if (r.status === 'flaky') flaky.push(f.test_id);
    else if (r.status === 'skipped') missing.push(f.test_id);
  }
  if (missing.length > 0) return { ok: false, outcome: 'fewer-tests', reason: `the failing test no longer runs (deleted, renamed or skipped?): ${list(missing)}` };
  if (still.length > 0) return { ok: false, outcome: 'still-failing', reason: `still failing in the targeted re-run: ${list(still)}` };
  if (flaky.length > 0) return { ok: false, outcome: 'still-failing', reason: `passes only on some runs after the patch: ${list(flaky)}` };
  return { ok: true };
}

/** Tests (not diagnostics) collected, and run (not skipped). */
export function testCounts(results: TestResult[]): { collected: number; ran: number } {
  let collected = 0;
  let ran = 0;
  for (const r of results) {
    if (r.kind !== 'test' || notRun(r)) continue;
    collected++;
    if (r.status !== 'skipped') ran++;
  }
  return { collected, ran };
}

/**
 * Step 2, the full suite compared with the baseline: the cluster's failures are gone, nothing that
 * passed before fails now, no test that ran before is missing or skipped, and no fewer tests were
 * collected or run. Failures other clusters already had may remain (they are healed separately).
 */
export function checkFullRun(baseline: RunOutcome, failing: TestResult[], after: RunOutcome): Check {
  const targeted = checkTargeted(failing, after, baseline.results, false);
  if (!targeted.ok) return targeted;

  const before = byId(baseline.results);
  const now = byId(after.results);
  const newFailures: string[] = [];
  for (const r of after.results) {
    if (!hardFailure(r) || notRun(r)) continue;
    const b = before.get(r.test_id);
    if (!b || !isFailure(b)) newFailures.push(r.test_id);
  }
  if (newFailures.length > 0) return { ok: false, outcome: 'regressed', reason: `new failures in the full suite: ${list(newFailures)}` };

  const gone: string[] = [];
  for (const b of baseline.results) {
    if (b.kind !== 'test' || b.status !== 'passed') continue;
    const r = now.get(b.test_id);
    if (!r || r.status === 'skipped') gone.push(b.test_id);
  }
  if (gone.length > 0) return { ok: false, outcome: 'fewer-tests', reason: `tests that passed before no longer run: ${list(gone)}` };

  const b = testCounts(baseline.results);
  const a = testCounts(after.results);
  if (a.collected < b.collected) return { ok: false, outcome: 'fewer-tests', reason: `fewer tests collected: ${a.collected} vs ${b.collected} in the baseline` };
  if (a.ran < b.ran) return { ok: false, outcome: 'fewer-tests', reason: `fewer tests run: ${a.ran} vs ${b.ran} in the baseline` };

  const newlyFlaky = after.results.filter((r) => r.status === 'flaky' && before.get(r.test_id)?.status === 'passed').map((r) => r.test_id);
  return newlyFlaky.length > 0 ? { ok: true, note: `passed after a re-run (flaky?): ${list(newlyFlaky)}` } : { ok: true };
}

/** Failing results of the baseline that belong to a cluster (by test id). */
export function failingResults(baseline: RunOutcome, testIds: string[]): TestResult[] {
  const ids = new Set(testIds);
  return baseline.results.filter((r) => ids.has(r.test_id) && isFailure(r));
}

/** Does this run show every one of these failures gone (a cluster healed by another cluster's patch)? */
export function allPass(failing: TestResult[], after: RunOutcome, baseline: TestResult[] = failing): boolean {
  return failing.length > 0 && checkTargeted(failing, after, baseline, false).ok;
}
