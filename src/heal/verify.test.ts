import { describe, expect, it } from 'vitest';
import type { RunOutcome, TestResult } from '../events/index.js';
import { checkFullRun, checkTargeted } from './verify.js';

const t = (test_id: string, status: TestResult['status'], extra: Partial<TestResult> = {}): TestResult => ({ kind: 'test', framework: 'vitest', test_id, status, file: 'a.test.ts', name: test_id, ...extra });
function run(results: TestResult[]): RunOutcome {
  return { runId: 'r', startedAt: '', finishedAt: '', results, events: [], commands: [], totals: { tests: results.length, passed: 0, failed: 0, errored: 0, skipped: 0, flaky: 0 } };
}
const baseline = run([t('a', 'failed'), t('b', 'passed'), t('c', 'passed'), t('d', 'failed')]);
const failing = [baseline.results[0]!];

describe('verification', () => {
  it('passes when the failing test passes and nothing else got worse', () => {
    expect(checkTargeted(failing, run([t('a', 'passed')]))).toEqual({ ok: true });
    expect(checkFullRun(baseline, failing, run([t('a', 'passed'), t('b', 'passed'), t('c', 'passed'), t('d', 'failed')])).ok).toBe(true);
  });

  it('still-failing when the targeted re-run fails, or only passes on a re-run', () => {
    expect(checkTargeted(failing, run([t('a', 'failed')]))).toMatchObject({ ok: false, outcome: 'still-failing' });
    expect(checkTargeted(failing, run([t('a', 'flaky')]))).toMatchObject({ ok: false, outcome: 'still-failing' });
  });

  it('fewer-tests when the failing test is gone, skipped or reported as not run', () => {
    expect(checkTargeted(failing, run([]), baseline.results)).toMatchObject({ ok: false, outcome: 'fewer-tests' });
    expect(checkTargeted(failing, run([t('a', 'skipped')]), baseline.results)).toMatchObject({ ok: false, outcome: 'fewer-tests' });
    expect(checkTargeted(failing, run([{ ...t('a', 'errored'), kind: 'runtime', error_class: 'TestNotRun' }]), baseline.results)).toMatchObject({ ok: false, outcome: 'fewer-tests' });
  });

  it('regressed when something that passed (or did not exist) now fails', () => {
    const r = checkFullRun(baseline, failing, run([t('a', 'passed'), t('b', 'failed'), t('c', 'passed'), t('d', 'failed')]));
    expect(r).toMatchObject({ ok: false, outcome: 'regressed' });
    expect(checkFullRun(baseline, failing, run([t('a', 'passed'), t('b', 'passed'), t('c', 'passed'), t('d', 'failed'), { ...t('tsc', 'failed'), kind: 'typecheck' }]))).toMatchObject({ outcome: 'regressed' });
  });

  it('fewer-tests when a passing test disappears or is skipped, even if another appears', () => {
    expect(checkFullRun(baseline, failing, run([t('a', 'passed'), t('b', 'passed'), t('d', 'failed'), t('new', 'passed')]))).toMatchObject({ outcome: 'fewer-tests' });
    expect(checkFullRun(baseline, failing, run([t('a', 'passed'), t('b', 'passed'), t('c', 'skipped'), t('d', 'failed')]))).toMatchObject({ outcome: 'fewer-tests' });
  });

  it('accepts a diagnostic that disappeared and a file-level load error replaced by passing tests', () => {
    const diag: TestResult = { kind: 'typecheck', framework: 'tsc', test_id: 'src/x.ts:3:1:TS2552', status: 'failed', file: 'src/x.ts' };
    const fileError: TestResult = { kind: 'test', framework: 'vitest', test_id: 'x.test.ts', status: 'errored', file: 'x.test.ts' };
    const base = run([diag, fileError, t('b', 'passed')]);
    const after = run([t('b', 'passed'), t('x1', 'passed', { file: 'x.test.ts' }), t('x2', 'passed', { file: 'x.test.ts' })]);
    expect(checkFullRun(base, [diag, fileError], after)).toEqual({ ok: true });
    // ...but not when the file's tests still fail
    expect(checkTargeted([fileError], run([t('x1', 'failed', { file: 'x.test.ts' })]))).toMatchObject({ ok: false, outcome: 'still-failing' });
    expect(checkTargeted([fileError], run([]), [fileError], false)).toMatchObject({ ok: false, outcome: 'fewer-tests' });
    // a targeted re-run of only the placeholder cannot tell: the full run decides
    expect(checkTargeted([fileError], run([]))).toEqual({ ok: true });
    // ...nor one whose name filter skipped the file's real tests (vitest -t '^\(test file\)$')
    expect(checkTargeted([fileError], run([t('x1', 'skipped', { file: 'x.test.ts' })]))).toEqual({ ok: true });
    // while the full run does tell: skipped there is not run
    expect(checkFullRun(run([fileError]), [fileError], run([t('x1', 'skipped', { file: 'x.test.ts' })]))).toMatchObject({ ok: false, outcome: 'fewer-tests' });
    // pytest names a collection error after the module; it was still the only result of its file
    const collection: TestResult = { kind: 'test', framework: 'pytest', test_id: 'tests/t.py::tests.t', name: 'tests.t', status: 'errored', file: 'tests/t.py', message: 'collection failure' };
    expect(checkTargeted([collection], run([t('tests/t.py::test_a', 'passed', { file: 'tests/t.py' })]), [collection])).toEqual({ ok: true });
    const vitestFile: TestResult = { kind: 'test', framework: 'vitest', test_id: 'c.test.js::(test file)', name: '(test file)', status: 'errored', file: 'c.test.js' };
    expect(checkFullRun(run([vitestFile]), [vitestFile], run([t('c.test.js::reads', 'passed', { file: 'c.test.js' })]))).toEqual({ ok: true });
    // ...but a real test renamed (or deleted) in its file is missing, even when it was the file's only test
    const named = t('adds', 'failed', { file: 'f.ts' });
    expect(checkFullRun(run([named]), [named], run([t('adds (renamed)', 'passed', { file: 'f.ts' })]))).toMatchObject({ outcome: 'fewer-tests' });
  });
});
