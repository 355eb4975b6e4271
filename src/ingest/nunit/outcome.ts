import type { TestStatus } from '../../events/test-result.js';

/**
 * NUnit's verdicts to suture's statuses. NUnit 3 splits them over `result` (Passed, Failed,
 * Skipped, Inconclusive, Warning), `label` (Error, Cancelled, Invalid, Ignored, Explicit) and `site`;
 * NUnit 2 uses one `result` (Success, Failure, Error, Ignored, NotRunnable, ...) plus `executed`/`success`.
 * Undefined when none of them says (decided by the presence of a <failure>).
 */
export function nunitStatus(result: string | undefined, label: string | undefined, executed: string | undefined, success: string | undefined): TestStatus | undefined {
  const r = result?.toLowerCase();
  const l = label?.toLowerCase();
  switch (r) {
    case 'passed':
    case 'success':
    case 'warning':
      return 'passed';
    case 'failed':
      return l === 'error' || l === 'cancelled' || l === 'invalid' ? 'errored' : 'failed';
    case 'failure':
      return 'failed';
    case 'error':
    case 'cancelled':
      return 'errored';
    case 'skipped':
    case 'ignored':
    case 'inconclusive':
    case 'notrunnable':
    case 'notrun':
    case 'explicit':
      return 'skipped';
  }
  if (executed?.toLowerCase() === 'false') return 'skipped';
  if (success?.toLowerCase() === 'false') return 'failed';
  if (success?.toLowerCase() === 'true') return 'passed';
  // Old NUnit 2 writes neither result nor success: the case passed unless a <failure> follows.
  return r === undefined ? undefined : 'skipped';
}
