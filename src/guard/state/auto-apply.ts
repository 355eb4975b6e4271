import type { SutureConfig } from '../../config/schema.js';
import type { Store } from '../../store/types.js';
import { evaluateBreaker } from './breaker.js';
import { hasTrailer } from './trailer.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How many recent attempts are read to count per-fingerprint failures. */
const HISTORY = 500;

export const AUTO_PROPOSAL = 'auto-proposal';
/** The heal loop records fixes it applied itself under this action; they count against the same cap. */
export const AUTO_APPLY = 'auto-apply';

async function automaticActionsSince(store: Store, repo: string, since: string): Promise<number> {
  const [proposals, applies] = await Promise.all([store.countActions(repo, AUTO_PROPOSAL, since), store.countActions(repo, AUTO_APPLY, since)]);
  return proposals + applies;
}
export const loopAction = (sha: string): string => `loop-attempt:${sha}`;

export interface AutoApplyOptions {
  now?: Date;
  /** The commit the run is on: when it carries suture's trailer, loop prevention applies. */
  headCommit?: { sha: string; message: string };
}

export interface AutoApplyDecision {
  allowed: boolean;
  reason?: string;
}

/** For a closed breaker, `openedAt` records when it was last reset: attempts before it no longer count. */
function resetAt(row: { state: string; openedAt?: string } | undefined): string | undefined {
  return row?.state === 'closed' ? row.openedAt : undefined;
}

/**
 * May suture apply (or propose) a fix automatically right now? Checks, in order: an open circuit
 * breaker; whether recent attempts should open it (then opens it, so it stays open until
 * `suture guard reset`); the daily cap on automatic proposals; loop prevention on suture's own commits.
 */
export async function autoApplyAllowed(store: Store, repo: string, config: SutureConfig, opts: AutoApplyOptions = {}): Promise<AutoApplyDecision> {
  const policy = config.guard;
  const now = opts.now ?? new Date();
  const row = await store.breakerState(repo);
  if (row?.state === 'open') {
    return { allowed: false, reason: `circuit breaker open since ${row.openedAt ?? 'unknown'}: ${row.reason ?? 'no reason recorded'} (resume with \`suture guard reset\`)` };
  }
  const since = resetAt(row);
  const attempts = (await store.recentAttempts(repo, HISTORY)).filter((a) => since === undefined || a.startedAt > since);
  const evaluation = evaluateBreaker(attempts, policy.breaker);
  if (evaluation.trip) {
    await store.setBreakerState({ repo, state: 'open', reason: evaluation.reason!, openedAt: now.toISOString() });
    return { allowed: false, reason: `circuit breaker opened: ${evaluation.reason} (resume with \`suture guard reset\`)` };
  }
  const max = policy.rate_limit.max_auto_proposals_per_day;
  const today = await automaticActionsSince(store, repo, new Date(now.getTime() - DAY_MS).toISOString());
  if (today >= max) return { allowed: false, reason: `rate limit: ${today} automatic proposals in the last 24 hours (max ${max})` };
  if (opts.headCommit && hasTrailer(opts.headCommit.message, policy.loop.trailer)) {
    const tries = await store.countActions(repo, loopAction(opts.headCommit.sha), new Date(0).toISOString());
    if (tries >= policy.loop.max_attempts) {
      return { allowed: false, reason: `loop prevention: commit ${opts.headCommit.sha.slice(0, 12)} carries the ${policy.loop.trailer} trailer and already had ${tries} attempt(s) (max ${policy.loop.max_attempts})` };
    }
  }
  return { allowed: true };
}

/** Counts one automatic proposal against the daily cap (idempotent per `ref`, e.g. the patch hash). */
export async function recordAutoProposal(store: Store, repo: string, ref?: string, now = new Date()): Promise<void> {
  await store.recordAction(repo, AUTO_PROPOSAL, now.toISOString(), ref);
}

/** Counts one heal attempt on a commit that carries suture's trailer (loop prevention). */
export async function recordLoopAttempt(store: Store, repo: string, sha: string, now = new Date()): Promise<void> {
  await store.recordAction(repo, loopAction(sha), now.toISOString());
}

/** Closes the breaker; attempts before now stop counting towards reopening it. */
export async function resetBreaker(store: Store, repo: string, by: string, now = new Date()): Promise<void> {
  await store.setBreakerState({ repo, state: 'closed', reason: `reset by ${by}`, openedAt: now.toISOString() });
}

export interface GuardStatus {
  breaker: 'open' | 'closed';
  reason?: string;
  since?: string;
  successRate: number | null;
  countedAttempts: number;
  proposalsToday: number;
  maxProposalsPerDay: number;
}

/** What `suture guard status` prints: breaker state, recent success rate, proposals in the last 24 hours. */
export async function guardStatus(store: Store, repo: string, config: SutureConfig, now = new Date()): Promise<GuardStatus> {
  const row = await store.breakerState(repo);
  const since = resetAt(row);
  const attempts = (await store.recentAttempts(repo, HISTORY)).filter((a) => since === undefined || a.startedAt > since);
  const ev = evaluateBreaker(attempts, config.guard.breaker);
  const status: GuardStatus = {
    breaker: row?.state ?? 'closed',
    successRate: ev.successRate,
    countedAttempts: ev.counted,
    proposalsToday: await automaticActionsSince(store, repo, new Date(now.getTime() - DAY_MS).toISOString()),
    maxProposalsPerDay: config.guard.rate_limit.max_auto_proposals_per_day,
  };
  if (row?.reason) status.reason = row.reason;
  if (row?.openedAt) status.since = row.openedAt;
  return status;
}
