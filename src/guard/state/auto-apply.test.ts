import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../config/schema.js';
import type { AttemptOutcome } from '../../events/index.js';
import { makeTarget, type TestTarget } from '../../store/testing/targets.js';
import type { Store } from '../../store/types.js';
import { autoApplyAllowed, guardStatus, recordAutoProposal, recordLoopAttempt, resetBreaker } from './auto-apply.js';
import { recordApproval } from './approvals.js';

const config = configSchema.parse({});
const REPO = 'github.com/acme/shop';
let target: TestTarget;
let store: Store;

beforeEach(async () => {
  target = makeTarget('sqlite');
  store = await target.open();
});
afterEach(async () => {
  await target.cleanup();
});

async function attempts(outcomes: AttemptOutcome[], fingerprint = (i: number) => `fp1:${i}`, startMs = Date.UTC(2026, 0, 1)): Promise<void> {
  for (const [i, outcome] of outcomes.entries()) {
    await store.recordAttempt('run-1', REPO, {
      fingerprint: fingerprint(i), attempt: i + 1, fixer: 'llm', outcome, reason: outcome, durationMs: 10, testsRun: 1,
      startedAt: new Date(startMs + i * 1000).toISOString(),
    });
  }
}

describe('auto-apply gate over the SQLite store', () => {
  it('allows a fresh repository', async () => {
    expect(await autoApplyAllowed(store, REPO, config)).toEqual({ allowed: true });
  });

  it('opens the breaker under 70% success, keeps it open, and resumes after a reset', async () => {
    await attempts(['healed', 'healed', 'healed', 'healed', 'healed', 'healed', 'still-failing', 'regressed', 'error', 'blocked']);
    const first = await autoApplyAllowed(store, REPO, config, { now: new Date(Date.UTC(2026, 0, 2)) });
    expect(first).toEqual({ allowed: false, reason: 'circuit breaker opened: success rate 60% over the last 10 attempts is under 70% (resume with `suture guard reset`)' });
    expect(await store.breakerState(REPO)).toMatchObject({ state: 'open', openedAt: '2026-01-02T00:00:00.000Z' });
    expect((await autoApplyAllowed(store, REPO, config)).reason).toMatch(/^circuit breaker open since 2026-01-02T00:00:00.000Z: success rate 60%/);
    await resetBreaker(store, REPO, 'alice', new Date(Date.UTC(2026, 0, 3)));
    expect(await autoApplyAllowed(store, REPO, config, { now: new Date(Date.UTC(2026, 0, 3, 1)) })).toEqual({ allowed: true });
    // New failures after the reset count again.
    await attempts(['still-failing', 'still-failing', 'still-failing'], () => 'fp1:same', Date.UTC(2026, 0, 4));
    expect((await autoApplyAllowed(store, REPO, config)).reason).toBe('circuit breaker opened: fingerprint fp1:same failed 3 times (limit 3) (resume with `suture guard reset`)');
  });

  it('caps automatic proposals per day', async () => {
    const now = new Date(Date.UTC(2026, 1, 1, 12));
    for (let i = 0; i < 5; i++) await recordAutoProposal(store, REPO, `patch-${i}`, new Date(now.getTime() - i * 3600_000));
    await recordAutoProposal(store, REPO, 'patch-0', now); // same ref counts once
    expect(await autoApplyAllowed(store, REPO, config, { now })).toEqual({ allowed: false, reason: 'rate limit: 5 automatic proposals in the last 24 hours (max 5)' });
    expect(await autoApplyAllowed(store, REPO, config, { now: new Date(now.getTime() + 25 * 3600_000) })).toEqual({ allowed: true });
    const status = await guardStatus(store, REPO, config, now);
    expect(status).toMatchObject({ breaker: 'closed', proposalsToday: 5, maxProposalsPerDay: 5 });
    // Fixes the heal loop applied itself count against the same cap.
    const later = new Date(now.getTime() + 48 * 3600_000);
    for (let i = 0; i < 4; i++) await recordAutoProposal(store, REPO, `later-${i}`, later);
    await store.recordAction(REPO, 'auto-apply', later.toISOString(), 'applied-1');
    expect((await autoApplyAllowed(store, REPO, config, { now: later })).allowed).toBe(false);
  });

  it("prevents loops on suture's own commits", async () => {
    const headCommit = { sha: 'a'.repeat(40), message: 'fix: cart total\n\nSuture-Fix: fp1:abc\n' };
    expect(await autoApplyAllowed(store, REPO, config, { headCommit })).toEqual({ allowed: true });
    await recordLoopAttempt(store, REPO, headCommit.sha);
    expect((await autoApplyAllowed(store, REPO, config, { headCommit })).reason).toBe(`loop prevention: commit ${'a'.repeat(12)} carries the Suture-Fix trailer and already had 1 attempt(s) (max 1)`);
    expect(await autoApplyAllowed(store, REPO, config, { headCommit: { sha: 'b'.repeat(40), message: 'human commit\n' } })).toEqual({ allowed: true });
  });

  it('records approvals by full patch hash and rejects anything else', async () => {
    const hash = 'ab'.repeat(32);
    await recordApproval(store, { patchHash: `sha256:${hash.toUpperCase()}`, approver: 'bob', note: 'reviewed CI change' });
    expect(await store.findApprovals(hash)).toEqual([expect.objectContaining({ patchHash: hash, approver: 'bob', note: 'reviewed CI change' })]);
    await expect(recordApproval(store, { patchHash: 'abc', approver: 'bob' })).rejects.toThrow("'abc' is not a patch hash (64 hex characters)");
  });
});
