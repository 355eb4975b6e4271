import type { TestStatus } from '../../events/test-result.js';

/**
 * TRX outcomes (Microsoft.VisualStudio.TestTools.Common.TestOutcome) to suture's statuses. A result
 * without an outcome did not finish: it is an error.
 */
const OUTCOMES: Record<string, TestStatus> = {
  passed: 'passed',
  passedbutrunaborted: 'passed',
  completed: 'passed',
  warning: 'passed',
  failed: 'failed',
  error: 'errored',
  timeout: 'errored',
  aborted: 'errored',
  disconnected: 'errored',
  notexecuted: 'skipped',
  notrunnable: 'skipped',
  inconclusive: 'skipped',
  pending: 'skipped',
  inprogress: 'skipped',
};

export function trxStatus(outcome: string | undefined): TestStatus {
  return (outcome && OUTCOMES[outcome.toLowerCase()]) || 'errored';
}

/** The test framework behind a TRX file, from the adapter that ran the tests. */
export function trxFramework(adapter: string | undefined): string | undefined {
  if (!adapter) return undefined;
  if (/xunit/i.test(adapter)) return 'xunit';
  if (/nunit/i.test(adapter)) return 'nunit';
  if (/mstest|UnitTestAdapter|TestTools/i.test(adapter)) return 'mstest';
  return undefined;
}
