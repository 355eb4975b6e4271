import type { FlakyEvidence } from '../../events/failure-event.js';
import { capMessage, type TestStatus } from '../../events/test-result.js';
import type { CaseDraft, Outcome, OutcomeKind } from './draft.js';

const RANK: Record<OutcomeKind, number> = { error: 0, failure: 1, rerunError: 2, rerunFailure: 3, flakyError: 4, flakyFailure: 5, skipped: 6 };

export interface Verdict {
  status: TestStatus;
  /** The outcome whose message, class and stack the result carries. */
  primary: Outcome | undefined;
  /** Every outcome in priority order: error > failure > reruns > flaky > skipped. */
  ordered: Outcome[];
  flaky?: FlakyEvidence;
}

const SKIP_STATUS = /^(disabled|notrun|not[-_ ]?run|skipped|skip|ignored|pending)$/i;
const FAIL_STATUS = /^(fail|failed|failure)$/i;
const ERROR_STATUS = /^(error|errored)$/i;

/**
 * The status of one test case from its child elements: error > failure > skipped; Surefire's
 * `flakyFailure`/`flakyError` without a failure mean it passed on a re-run (flaky); `rerunFailure`/
 * `rerunError` beside a failure mean it failed every time. A case whose status attribute says it was
 * disabled is skipped even if it carries a failure: a disabled test that failed is not a failure.
 */
export function verdictOf(draft: CaseDraft, messageOf: (o: Outcome) => string): Verdict {
  const ordered = draft.outcomes.length > 1 ? [...draft.outcomes].sort((a, b) => RANK[a.kind] - RANK[b.kind]) : draft.outcomes;
  const status = draft.status;
  // Disabled (CTest, gtest) or a TODO (node:test, TAP) that failed: expected, not a failure.
  const todo = ordered.find((o) => o.kind === 'skipped' && o.type?.toLowerCase() === 'todo');
  if ((status !== undefined && /^disabled$/i.test(status)) || todo) return { status: 'skipped', primary: todo ?? ordered.find((o) => o.kind === 'skipped') ?? ordered[0], ordered };
  const first = ordered[0];
  if (first === undefined) {
    if (status !== undefined) {
      if (SKIP_STATUS.test(status)) return { status: 'skipped', primary: undefined, ordered };
      if (FAIL_STATUS.test(status)) return { status: 'failed', primary: undefined, ordered };
      if (ERROR_STATUS.test(status)) return { status: 'errored', primary: undefined, ordered };
    }
    return { status: 'passed', primary: undefined, ordered };
  }
  switch (first.kind) {
    case 'error':
      return { status: 'errored', primary: first, ordered };
    case 'failure':
      return { status: 'failed', primary: first, ordered };
    case 'rerunError':
    case 'rerunFailure':
      // Re-runs without the final failure: every recorded run failed.
      return { status: first.kind === 'rerunError' ? 'errored' : 'failed', primary: first, ordered };
    case 'flakyError':
    case 'flakyFailure': {
      const failures = ordered.filter((o) => o.kind === 'flakyError' || o.kind === 'flakyFailure');
      const flaky: FlakyEvidence = { source: 'framework-rerun', runs: failures.length + 1, failures: failures.length, passes: 1, messages: failures.map((o) => capMessage(messageOf(o))) };
      return { status: 'flaky', primary: first, ordered, flaky };
    }
    default:
      return { status: 'skipped', primary: first, ordered };
  }
}
