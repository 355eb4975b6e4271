import type { Store } from '../types.js';
import { attempt, cluster, event } from './builders.js';

const T = (day: number, hm: string) => `2026-03-0${day}T${hm}:00.000Z`;
const MIN = 60_000;

/**
 * A small history whose metrics are worked out by hand (see the comments): two repositories, a root
 * cause A that is escalated, healed, then comes back (a false fix), a proposed fix B, a healed C.
 */
export async function seedHistory(store: Store): Promise<void> {
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
  // Guard and learning state, so an export carries every table.
  const patch = { hash: 'h-a', diff: '--- a/src/a.ts\n+++ b/src/a.ts\n@@ -1 +1 @@\n-1\n+2\n', files: [{ path: 'src/a.ts', status: 'modified' as const, linesAdded: 1, linesRemoved: 1 }], linesAdded: 1, linesRemoved: 1 };
  await store.recordAttempt('r2', app, attempt({ fingerprint: 'A', attempt: 1, fixer: 'llm', outcome: 'healed', startedAt: T(1, '12:05'), costUsd: 0.05, patch }));
  await store.recordVerdict('r2', app, { decision: 'pass', risk: 'low', findings: [{ rule: 'size', severity: 'info', message: '1 line' }], patchHash: 'h-a', fingerprint: 'A', at: T(1, '12:10') });
  await store.savePlaybook({ repo: app, fingerprint: 'A', fixer: 'llm', patchHash: 'h-a', diff: patch.diff, createdAt: T(1, '12:16'), successes: 1 });
  await store.recordApproval({ patchHash: 'h-a', approver: 'ana', at: T(1, '12:12'), note: 'looks right' });
  await store.setBreakerState({ repo: app, state: 'closed' });
  await store.recordAction(app, 'auto-apply', T(1, '12:16'), 'h-a');
}
