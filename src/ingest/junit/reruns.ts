import { capMessage, type TestResult } from '../../events/test-result.js';

const failing = (r: TestResult): boolean => r.status === 'failed' || r.status === 'errored';

/**
 * Several test cases with the same id in one suite are re-runs of one test (pytest-rerunfailures, go
 * test -count, retrying reporters). The last run decides; a final pass after failures is flaky; a
 * final failure keeps every failing run's message.
 */
export function mergeRuns(runs: TestResult[]): TestResult {
  const decisive = runs.filter((r) => r.status !== 'skipped');
  if (decisive.length === 0) return runs[runs.length - 1]!;
  const last = decisive[decisive.length - 1]!;
  const failed = decisive.filter(failing);
  const priorFlakes = decisive.reduce((n, r) => n + (r.status === 'flaky' ? (r.flaky?.failures ?? 1) : 0), 0);
  const passes = decisive.length - failed.length;
  const duration = runs.reduce<number | undefined>((sum, r) => (r.duration_ms === undefined ? sum : (sum ?? 0) + r.duration_ms), undefined);
  const messages = [...new Set(failed.map((r) => r.message ?? ''))].filter((m) => m !== '');
  if (!failing(last)) {
    if (failed.length === 0 && priorFlakes === 0) return { ...last, duration_ms: duration };
    const firstFailure = failed[0] ?? last;
    return {
      ...firstFailure,
      status: 'flaky',
      duration_ms: duration,
      flaky: {
        source: 'framework-rerun',
        runs: decisive.length + priorFlakes,
        failures: failed.length + priorFlakes,
        passes,
        messages: failed.map((r) => capMessage(r.message ?? '')),
      },
    };
  }
  return { ...last, duration_ms: duration, message: capMessage(messages.join('\n')) || last.message };
}
