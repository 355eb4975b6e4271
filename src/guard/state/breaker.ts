import type { AttemptOutcome, AttemptRecord } from '../../events/index.js';
import type { GuardConfig } from '../config.js';

export type AttemptRow = Pick<AttemptRecord, 'fingerprint' | 'outcome' | 'startedAt'>;

/** Outcomes where nothing was tried (no candidate, declared unfixable, out of budget) say nothing about fix quality. */
const NOT_COUNTED: ReadonlySet<AttemptOutcome> = new Set(['no-candidate', 'unfixable', 'budget-exhausted']);

export interface BreakerEvaluation {
  trip: boolean;
  reason?: string;
  /** Success rate over the counted window, or null when there are no counted attempts. */
  successRate: number | null;
  counted: number;
}

/**
 * Pure: should the breaker open, given recent attempts (most recent first) since the last reset?
 * Opens when the success rate of the last `window` counted attempts is under `min_success_rate`
 * (once at least `min_attempts` are in the window), or when one fingerprint failed
 * `max_fingerprint_failures` times since it last healed.
 */
export function evaluateBreaker(attempts: AttemptRow[], policy: GuardConfig['breaker']): BreakerEvaluation {
  const counted = attempts.filter((a) => !NOT_COUNTED.has(a.outcome));
  const window = counted.slice(0, policy.window);
  const successes = window.filter((a) => a.outcome === 'healed').length;
  const successRate = window.length === 0 ? null : successes / window.length;
  // Failures per fingerprint since its last success (attempts are most recent first).
  const failures = new Map<string, number>();
  const healed = new Set<string>();
  for (const a of counted) {
    if (a.outcome === 'healed') healed.add(a.fingerprint);
    else if (!healed.has(a.fingerprint)) failures.set(a.fingerprint, (failures.get(a.fingerprint) ?? 0) + 1);
  }
  const worst = [...failures].sort((x, y) => y[1] - x[1])[0];
  if (worst && worst[1] >= policy.max_fingerprint_failures) {
    return { trip: true, reason: `fingerprint ${worst[0]} failed ${worst[1]} times (limit ${policy.max_fingerprint_failures})`, successRate, counted: window.length };
  }
  if (successRate !== null && window.length >= policy.min_attempts && successRate < policy.min_success_rate) {
    return {
      trip: true,
      reason: `success rate ${Math.round(successRate * 100)}% over the last ${window.length} attempts is under ${Math.round(policy.min_success_rate * 100)}%`,
      successRate,
      counted: window.length,
    };
  }
  return { trip: false, successRate, counted: window.length };
}
