import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from './types.js';
import { seedHistory } from './testing/seed.js';
import { ADAPTER_KINDS, makeTarget, type TestTarget } from './testing/targets.js';

describe.each(ADAPTER_KINDS)('metrics on %s', (kind) => {
  let target: TestTarget;
  let store: Store;
  beforeAll(async () => {
    target = makeTarget(kind);
    store = await target.open();
    await seedHistory(store);
  });
  afterAll(() => target.cleanup());

  const window = { since: '2026-03-01T00:00:00.000Z', until: '2026-03-08T00:00:00.000Z' };

  it('computes every metric over the window', async () => {
    const m = await store.metrics(window);
    expect(m).toEqual({
      window,
      runs: 7, // r1-r5, a1, a2 (r0 is older)
      failures: 8, // r1: 4, r2: 1, r4: 1, r5: 1, a1: 1
      flaky: 1,
      attempted: 4, // A escalated, A healed, B proposed, C healed (F was flaky: not attempted)
      healed: 2,
      proposed: 1,
      escalated: 1,
      meanTimeToFixMs: 340_000, // (10 + 5 + 2) min / 3
      fixSuccessRate: 0.75,
      firstTrySuccessRate: 0.5, // A in r2 and C, at the first attempt
      meanTimeToGreenMs: 4_600_000, // r1 140 min (to r2's end), r2 20 min (itself), a1 70 min; r4 and r5 not green yet
      escalationRate: 0.25,
      falseFixes: 1, // A healed in r2, seen again in r5
      recurrenceRate: 0.25, // of A, B, t5, C only A failed in more than one run
      flakyRate: 0.125,
      costUsd: expect.closeTo(0.35, 9),
      byCategory: [
        { category: 'assertion', failures: 4, healed: 1, escalated: 1, fixSuccessRate: 0.5 },
        { category: 'uncategorized', failures: 2, healed: 0, escalated: 0, fixSuccessRate: null },
        { category: 'import-error', failures: 1, healed: 1, escalated: 0, fixSuccessRate: 1 },
        { category: 'type-error', failures: 1, healed: 0, escalated: 0, fixSuccessRate: 1 },
      ],
      byFixer: [
        { fixer: 'llm', attempts: 3, healed: 1, successRate: 1 / 3, costUsd: expect.closeTo(0.15, 9) },
        { fixer: 'ts-codefix', attempts: 3, healed: 1, successRate: 1 / 3, costUsd: 0 },
        { fixer: 'did-you-mean', attempts: 1, healed: 1, successRate: 1, costUsd: 0 },
      ],
      byRepo: [
        { repo: 'acme/app', runs: 5, failures: 7, healed: 1, escalated: 1, costUsd: expect.closeTo(0.1, 9) },
        { repo: 'acme/api', runs: 2, failures: 1, healed: 1, escalated: 0, costUsd: expect.closeTo(0.25, 9) },
      ],
      daily: [
        { day: '2026-03-01', runs: 2, failures: 5, healed: 1, escalated: 1, costUsd: expect.closeTo(0.1, 9) },
        { day: '2026-03-02', runs: 2, failures: 1, healed: 0, escalated: 0, costUsd: 0 },
        { day: '2026-03-03', runs: 2, failures: 1, healed: 1, escalated: 0, costUsd: expect.closeTo(0.25, 9) },
        { day: '2026-03-04', runs: 1, failures: 1, healed: 0, escalated: 0, costUsd: 0 },
        { day: '2026-03-05', runs: 0, failures: 0, healed: 0, escalated: 0, costUsd: 0 },
        { day: '2026-03-06', runs: 0, failures: 0, healed: 0, escalated: 0, costUsd: 0 },
        { day: '2026-03-07', runs: 0, failures: 0, healed: 0, escalated: 0, costUsd: 0 },
      ],
    });
  });

  it('narrows every metric to one repository', async () => {
    const m = await store.metrics({ ...window, repo: 'acme/api' });
    expect(m).toMatchObject({
      repo: 'acme/api', runs: 2, failures: 1, flaky: 0, attempted: 1, healed: 1, proposed: 0, escalated: 0,
      meanTimeToFixMs: 120_000, fixSuccessRate: 1, firstTrySuccessRate: 1, meanTimeToGreenMs: 4_200_000, escalationRate: 0,
      falseFixes: 0, recurrenceRate: 0, flakyRate: 0, costUsd: 0.25,
      byFixer: [{ fixer: 'did-you-mean', attempts: 1, healed: 1, successRate: 1, costUsd: 0 }],
      byCategory: [{ category: 'import-error', failures: 1, healed: 1, escalated: 0, fixSuccessRate: 1 }],
    });
    expect(m.byRepo.map((r) => r.repo)).toEqual(['acme/api']);
  });

  it('moves with the window: a day later, the false fix and first day drop out', async () => {
    const m = await store.metrics({ since: '2026-03-02T00:00:00.000Z', until: '2026-03-08T00:00:00.000Z' });
    expect(m).toMatchObject({ runs: 5, failures: 3, healed: 1, escalated: 0, falseFixes: 0, costUsd: 0.25, recurrenceRate: 0 });
  });

  it('answers an empty window with zeros and no rates', async () => {
    const m = await store.metrics({ since: '2025-01-01T00:00:00.000Z', until: '2025-01-03T00:00:00.000Z' });
    expect(m).toEqual({
      window: { since: '2025-01-01T00:00:00.000Z', until: '2025-01-03T00:00:00.000Z' },
      runs: 0, failures: 0, flaky: 0, attempted: 0, healed: 0, proposed: 0, escalated: 0,
      meanTimeToFixMs: null, fixSuccessRate: null, firstTrySuccessRate: null, meanTimeToGreenMs: null, escalationRate: null,
      falseFixes: 0, recurrenceRate: null, flakyRate: null, costUsd: 0, byCategory: [], byFixer: [], byRepo: [],
      daily: [
        { day: '2025-01-01', runs: 0, failures: 0, healed: 0, escalated: 0, costUsd: 0 },
        { day: '2025-01-02', runs: 0, failures: 0, healed: 0, escalated: 0, costUsd: 0 },
      ],
    });
  });
});
