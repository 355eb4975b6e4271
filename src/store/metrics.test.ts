import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from './types.js';
import { attempt, cluster, event } from './testing/builders.js';
import { ADAPTER_KINDS, makeTarget, type TestTarget } from './testing/targets.js';

const T = (day: number, hm: string) => `2026-03-0${day}T${hm}:00.000Z`;
const MIN = 60_000;

/**
 * A small history whose metrics are worked out by hand (see the comments): two repositories, a root
 * cause A that is escalated, healed, then comes back (a false fix), a proposed fix B, a healed C.
 */
async function seed(store: Store): Promise<void> {
  const app = 'acme/app';
  const api = 'acme/api';
  const runs: Array<[string, string, string, string, string, string]> = [
    ['r0', app, 'main', '2026-02-20T10:00:00.000Z', '2026-02-20T10:10:00.000Z', 'failed'], // before the window
    ['r1', app, 'main', T(1, '10:00'), T(1, '10:10'), 'failed'],
    ['r2', app, 'main', T(1, '12:00'), T(1, '12:20'), 'healed'],
    ['r3', app, 'main', T(2, '09:00'), T(2, '09:05'), 'passed'],
    ['r4', app, 'feature', T(2, '10:00'), T(2, '10:05'), 'failed'],
    ['r5', app, 'main', T(4, '10:00'), T(4, '10:10'), 'failed'],
    ['a1', api, 'main', T(3, '08:00'), T(3, '08:30'), 'failed'],
    ['a2', api, 'main', T(3, '09:00'), T(3, '09:10'), 'passed'],
  ];
  for (const [runId, repo, branch, startedAt, finishedAt, status] of runs) {
    await store.recordRun({ runId, repo, branch, command: 'npm test', startedAt, finishedAt, status: status as 'failed' });
  }
  const e = (run_id: string, test_id: string, ts: string, over: Parameters<typeof event>[0] extends infer P ? Partial<P> : never = {}) =>
    event({ run_id, test_id, ts, ...over });
  await store.recordEvents([
    e('r0', 't1', '2026-02-20T10:01:00.000Z', { category: 'assertion', fingerprint: 'A' }),
    e('r1', 't1', T(1, '10:01'), { category: 'assertion', fingerprint: 'A' }),
    e('r1', 't2', T(1, '10:01'), { category: 'assertion', fingerprint: 'A' }),
    e('r1', 't3', T(1, '10:01'), { category: 'type-error', fingerprint: 'B' }),
    e('r1', 't4', T(1, '10:01'), { status: 'flaky' }),
    e('r2', 't1', T(1, '12:01'), { category: 'assertion', fingerprint: 'A' }),
    e('r4', 't5', T(2, '10:01')),
    e('r5', 't1', T(4, '10:01'), { category: 'assertion', fingerprint: 'A' }),
  ]);
  await store.recordEvents([e('a1', 'u1', T(3, '08:01'), { category: 'import-error', fingerprint: 'C' })]);
  for (const [runId, at] of [['r1', T(1, '10:01')], ['r2', T(1, '12:01')], ['r5', T(4, '10:01')]] as const) {
    await store.upsertClusters(app, [cluster({ fingerprint: 'A', testIds: ['t1'], runId, firstSeen: at, lastSeen: at })]);
  }
  await store.recordOutcome('r1', app, { fingerprint: 'A', resolution: 'escalated', category: 'assertion', attempts: 3, at: T(1, '10:09') });
  await store.recordOutcome('r2', app, { fingerprint: 'A', resolution: 'healed', category: 'assertion', fixer: 'llm', attempts: 1, timeToFixMs: 10 * MIN, at: T(1, '12:15') });
  await store.recordOutcome('r1', app, { fingerprint: 'B', resolution: 'proposed', category: 'type-error', fixer: 'ts-codefix', attempts: 2, timeToFixMs: 5 * MIN, at: T(1, '10:08') });
  await store.recordOutcome('r4', app, { fingerprint: 'F', resolution: 'flaky', category: 'flaky', attempts: 0, at: T(2, '10:04') });
  await store.recordOutcome('a1', api, { fingerprint: 'C', resolution: 'healed', category: 'import-error', fixer: 'did-you-mean', attempts: 1, timeToFixMs: 2 * MIN, at: T(3, '08:20') });
  const attempts: Array<[string, string, string, number, string, string, number?]> = [
    ['r1', app, 'A', 1, 'ts-codefix', 'still-failing'],
    ['r1', app, 'A', 2, 'llm', 'still-failing', 0.05],
    ['r1', app, 'A', 3, 'llm', 'still-failing', 0.05],
    ['r2', app, 'A', 1, 'llm', 'healed', 0.05],
    ['r1', app, 'B', 1, 'ts-codefix', 'no-candidate'],
    ['r1', app, 'B', 2, 'ts-codefix', 'healed'],
    ['a1', api, 'C', 1, 'did-you-mean', 'healed'],
  ];
  for (const [runId, repo, fingerprint, n, fixer, outcome, costUsd] of attempts) {
    const startedAt = runId === 'a1' ? T(3, '08:05') : runId === 'r2' ? T(1, '12:05') : T(1, '10:05');
    await store.recordAttempt(runId, repo, attempt({ fingerprint, attempt: n, fixer, outcome: outcome as 'healed', startedAt, ...(costUsd ? { costUsd } : {}) }));
  }
  const call = { provider: 'anthropic', model: 'm', inputTokens: 100, outputTokens: 10 };
  await store.recordModelCall({ ...call, runId: 'r1', repo: app, usd: 0.1, at: T(1, '10:06') });
  await store.recordModelCall({ ...call, runId: 'a1', repo: api, usd: 0.25, at: T(3, '08:06') });
  await store.recordModelCall({ ...call, runId: 'r0', repo: app, usd: 1, at: '2026-02-20T10:06:00.000Z' });
}

describe.each(ADAPTER_KINDS)('metrics on %s', (kind) => {
  let target: TestTarget;
  let store: Store;
  beforeAll(async () => {
    target = makeTarget(kind);
    store = await target.open();
    await seed(store);
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
