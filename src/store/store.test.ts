import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventFromRow } from './ops/events.js';
import type { Store } from './types.js';
import { attempt, cluster, event } from './testing/builders.js';
import { ADAPTER_KINDS, makeTarget, type TestTarget } from './testing/targets.js';

// The conformance suite: every adapter registered in adapters.ts must pass exactly the same tests.
describe.each(ADAPTER_KINDS)('Store on %s', (kind) => {
  let target: TestTarget;
  let store: Store;
  beforeEach(async () => {
    target = makeTarget(kind);
    store = await target.open();
  });
  afterEach(() => target.cleanup());

  const run = (runId: string, over: Partial<Parameters<Store['recordRun']>[0]> = {}) =>
    store.recordRun({ runId, repo: 'acme/app', command: 'npm test', startedAt: '2026-03-01T10:00:00.000Z', status: 'failed', ...over });

  it('reports its adapter, a printable location and the latest schema', async () => {
    const info = await store.info();
    expect(info.kind).toBe(kind);
    expect(store.kind).toBe(kind);
    expect(info.schemaVersion).toBe(info.latestVersion);
    expect(info.location).toBe(store.location);
    expect(info.rows.events).toBe(0);
    if (kind === 'sqlite') expect(info.location).toBe(`${target.root}/.suture/suture.db`);
    else expect(info.location).toContain(`schema ${target.schema}`);
  });

  it('records events idempotently by run id + test id', async () => {
    await run('r1');
    const evs = [event({ run_id: 'r1', test_id: 'a' }), event({ run_id: 'r1', test_id: 'b' }), event({ run_id: 'r1', test_id: 'a' })];
    expect(await store.recordEvents(evs)).toBe(2);
    expect(await store.recordEvents(evs)).toBe(0);
    expect(await store.recordEvents([event({ run_id: 'r2', test_id: 'a' })], 'acme/app')).toBe(1);
    const info = await store.info();
    expect(info.rows.events).toBe(3);
  });

  it('takes the repository from the recorded run, and keeps the whole event for export', async () => {
    await run('r1', { repo: 'acme/api' });
    const e = event({ run_id: 'r1', test_id: 't', stack: 'Error: x\n    at f (src/a.ts:3:9)', file: 'src/a.ts', line: 3 });
    await store.recordEvents([e]);
    const rows = await collect(store);
    expect(rows.events).toEqual([expect.objectContaining({ run_id: 'r1', test_id: 't', repo: 'acme/api', file: 'src/a.ts', status: 'failed', fkey: 't' })]);
    expect(eventFromRow(rows.events![0]!)).toEqual(e);
  });

  it('updates category and fingerprint when an event is recorded again after triage, without counting it twice', async () => {
    await run('r1');
    await store.recordEvents([event({ run_id: 'r1', test_id: 'a' })]);
    expect(await store.recordEvents([event({ run_id: 'r1', test_id: 'a', category: 'assertion', fingerprint: 'fp1:x' })])).toBe(0);
    const rows = await collect(store);
    expect(rows.events).toEqual([expect.objectContaining({ category: 'assertion', fingerprint: 'fp1:x', fkey: 'fp1:x' })]);
  });

  it('widens a cluster over runs, one sighting per run, and tags the run\'s events', async () => {
    await run('r1');
    await run('r2', { startedAt: '2026-03-02T10:00:00.000Z' });
    await store.recordEvents([event({ run_id: 'r1', test_id: 'a' }), event({ run_id: 'r1', test_id: 'b' })]);
    const c1 = cluster({ fingerprint: 'fp1:aa', testIds: ['a', 'b'], runId: 'r1' });
    await store.upsertClusters('acme/app', [c1]);
    await store.upsertClusters('acme/app', [c1]); // re-triage of the same run
    await store.upsertClusters('acme/app', [
      cluster({ fingerprint: 'fp1:aa', testIds: ['a'], runId: 'r2', firstSeen: '2026-03-02T10:00:00.000Z', lastSeen: '2026-03-02T10:05:00.000Z', category: 'type-error' }),
    ]);
    const h = await store.clusterHistory('acme/app', 'fp1:aa');
    expect(h).toEqual({
      repo: 'acme/app', fingerprint: 'fp1:aa', category: 'type-error', firstSeen: '2026-03-01T10:00:00.000Z',
      lastSeen: '2026-03-02T10:05:00.000Z', runs: 2, occurrences: 3, lastRunId: 'r2',
    });
    await store.setClusterIssue('acme/app', 'fp1:aa', 'https://github.com/acme/app/issues/7');
    expect((await store.clusterHistory('acme/app', 'fp1:aa'))?.issueRef).toBe('https://github.com/acme/app/issues/7');
    expect(await store.clusterHistory('acme/app', 'fp1:none')).toBeUndefined();
    const rows = await collect(store);
    expect(rows.events!.map((e) => [e.test_id, e.category, e.fingerprint, e.fkey])).toEqual([['a', 'assertion', 'fp1:aa', 'fp1:aa'], ['b', 'assertion', 'fp1:aa', 'fp1:aa']]);
  });

  it('answers a test\'s history for flaky and risk scoring', async () => {
    await run('r1');
    await run('r2', { startedAt: '2026-03-02T10:00:00.000Z' });
    await run('r3', { startedAt: '2026-03-03T10:00:00.000Z', status: 'passed' });
    await store.recordEvents([
      event({ run_id: 'r1', test_id: 't' }),
      event({ run_id: 'r2', test_id: 't', status: 'flaky', ts: '2026-03-02T10:00:00.000Z' }),
      event({ run_id: 'r2', test_id: 'other', ts: '2026-03-02T10:00:00.000Z' }),
    ]);
    expect(await store.testHistory('acme/app', 't')).toEqual({ failures: 1, flaky: 1, runs: 3 });
    expect(await store.testHistory('acme/app', 't', '2026-03-02T00:00:00.000Z')).toEqual({ failures: 0, flaky: 1, runs: 2 });
    expect(await store.testHistory('other/repo', 't')).toEqual({ failures: 0, flaky: 0, runs: 0 });
  });

  it('finishes a run', async () => {
    await run('r1', { status: 'running' });
    await store.finishRun('r1', '2026-03-01T10:02:00.000Z', 'healed');
    expect((await collect(store)).runs).toEqual([
      expect.objectContaining({ run_id: 'r1', status: 'healed', finished_at: Date.parse('2026-03-01T10:02:00.000Z'), branch: '' }),
    ]);
  });

  it('records attempts with their patch, newest first for the breaker', async () => {
    const patch = { hash: 'h1', diff: '--- a\n+++ b\n', files: [{ path: 'a.ts', status: 'modified' as const, linesAdded: 1, linesRemoved: 1 }], linesAdded: 1, linesRemoved: 1 };
    await store.recordAttempt('r1', 'acme/app', attempt({ fingerprint: 'f1', outcome: 'still-failing', startedAt: '2026-03-01T10:01:00.000Z' }));
    await store.recordAttempt('r1', 'acme/app', attempt({ fingerprint: 'f1', attempt: 2, patch, startedAt: '2026-03-01T10:02:00.000Z' }));
    await store.recordAttempt('r1', 'acme/app', attempt({ fingerprint: 'f1', attempt: 2, patch, startedAt: '2026-03-01T10:02:00.000Z' }));
    expect(await store.recentAttempts('acme/app', 5)).toEqual([
      { fingerprint: 'f1', outcome: 'healed', startedAt: '2026-03-01T10:02:00.000Z' },
      { fingerprint: 'f1', outcome: 'still-failing', startedAt: '2026-03-01T10:01:00.000Z' },
    ]);
    expect(await store.recentAttempts('acme/app', 1)).toHaveLength(1);
    const rows = await collect(store);
    expect(rows.attempts).toHaveLength(2);
    expect(rows.patches).toEqual([expect.objectContaining({ hash: 'h1', lines_added: 1, files: JSON.stringify(patch.files) })]);
  });

  it('upserts outcomes and verdicts by their natural keys', async () => {
    const o = { fingerprint: 'f1', resolution: 'escalated' as const, category: 'assertion', attempts: 3, at: '2026-03-01T10:05:00.000Z' };
    await store.recordOutcome('r1', 'acme/app', o);
    await store.recordOutcome('r1', 'acme/app', { ...o, resolution: 'healed', fixer: 'llm', timeToFixMs: 4000 });
    await store.recordVerdict('r1', 'acme/app', { decision: 'block', risk: 'high', findings: [{ rule: 'no-skip', severity: 'block', message: 'skips a test' }], patchHash: 'h1', fingerprint: 'f1', at: '2026-03-01T10:04:00.000Z' });
    await store.recordVerdict('r1', 'acme/app', { decision: 'pass', risk: 'low', findings: [], patchHash: 'h1', fingerprint: 'f1', at: '2026-03-01T10:04:00.000Z' });
    await store.recordVerdict('r1', 'acme/app', { decision: 'pass', risk: 'low', findings: [] });
    const rows = await collect(store);
    expect(rows.outcomes).toEqual([expect.objectContaining({ resolution: 'healed', fixer: 'llm', time_to_fix_ms: 4000, false_fix: 0 })]);
    expect(rows.verdicts!.map((v) => [v.fingerprint, v.patch_hash, v.decision])).toEqual([['', '', 'pass'], ['f1', 'h1', 'pass']]);
  });

  it('keeps playbooks best first and never lowers their success count', async () => {
    const p = { repo: 'acme/app', fingerprint: 'f1', fixer: 'llm', diff: 'd1', createdAt: '2026-03-01T10:00:00.000Z' };
    await store.savePlaybook({ ...p, patchHash: 'h1', successes: 3 });
    await store.savePlaybook({ ...p, patchHash: 'h1', successes: 1 });
    await store.savePlaybook({ ...p, patchHash: 'h2', successes: 5, diff: 'd2' });
    const found = await store.findPlaybooks('acme/app', 'f1');
    expect(found.map((f) => [f.patchHash, f.successes, f.diff])).toEqual([['h2', 5, 'd2'], ['h1', 3, 'd1']]);
    expect(found[1]).toEqual({ ...p, patchHash: 'h1', successes: 3 });
    expect(await store.findPlaybooks('acme/app', 'nope')).toEqual([]);
  });

  it('keeps approvals, breaker state and rate-limit actions', async () => {
    await store.recordApproval({ patchHash: 'h1', approver: 'ana', at: '2026-03-01T10:00:00.000Z', note: 'ok' });
    await store.recordApproval({ patchHash: 'h1', approver: 'bo', at: '2026-03-01T11:00:00.000Z' });
    expect(await store.findApprovals('h1')).toEqual([
      { patchHash: 'h1', approver: 'ana', at: '2026-03-01T10:00:00.000Z', note: 'ok' },
      { patchHash: 'h1', approver: 'bo', at: '2026-03-01T11:00:00.000Z' },
    ]);
    expect(await store.breakerState('acme/app')).toBeUndefined();
    await store.setBreakerState({ repo: 'acme/app', state: 'open', reason: '5 failed attempts', openedAt: '2026-03-01T10:00:00.000Z' });
    expect(await store.breakerState('acme/app')).toEqual({ repo: 'acme/app', state: 'open', reason: '5 failed attempts', openedAt: '2026-03-01T10:00:00.000Z' });
    await store.setBreakerState({ repo: 'acme/app', state: 'closed' });
    expect(await store.breakerState('acme/app')).toEqual({ repo: 'acme/app', state: 'closed' });

    await store.recordAction('acme/app', 'pr', '2026-03-01T10:00:00.000Z', 'https://github.com/acme/app/pull/1');
    await store.recordAction('acme/app', 'pr', '2026-03-01T10:00:00.000Z', 'https://github.com/acme/app/pull/1');
    await store.recordAction('acme/app', 'pr', '2026-03-01T12:00:00.000Z');
    await store.recordAction('acme/app', 'auto-apply', '2026-03-01T12:00:00.000Z');
    expect(await store.countActions('acme/app', 'pr', '2026-03-01T00:00:00.000Z')).toBe(2);
    expect(await store.countActions('acme/app', 'pr', '2026-03-01T11:00:00.000Z')).toBe(1);
    expect(await store.countActions('other', 'pr', '2026-03-01T00:00:00.000Z')).toBe(0);
  });

  it('sums model-call spend, idempotently when the caller gives an id', async () => {
    const call = { runId: 'r1', repo: 'acme/app', provider: 'anthropic', model: 'm', inputTokens: 1000, outputTokens: 200, usd: 0.25, at: '2026-03-01T10:00:00.000Z' };
    await store.recordModelCall({ ...call, id: 'c1' });
    await store.recordModelCall({ ...call, id: 'c1' });
    await store.recordModelCall({ ...call, repo: 'acme/api', usd: 0.5, at: '2026-03-02T10:00:00.000Z' });
    expect(await store.spend('2026-03-01T00:00:00.000Z')).toEqual({ calls: 2, inputTokens: 2000, outputTokens: 400, usd: 0.75 });
    expect(await store.spend('2026-03-01T00:00:00.000Z', 'acme/app')).toEqual({ calls: 1, inputTokens: 1000, outputTokens: 200, usd: 0.25 });
    expect(await store.spend('2026-04-01T00:00:00.000Z')).toEqual({ calls: 0, inputTokens: 0, outputTokens: 0, usd: 0 });
  });

  it('refuses a timestamp that is not ISO-8601 with a clear error', async () => {
    await expect(run('r1', { startedAt: 'yesterday' })).rejects.toMatchObject({ code: 'E_STORE_BAD_TIME' });
  });
});

/** Every row by table, through the export path (so the test reads what a user would get). */
async function collect(store: Store): Promise<Record<string, Array<Record<string, unknown>>>> {
  const out: Record<string, Array<Record<string, unknown>>> = {};
  for await (const { table, row } of store.exportRows()) (out[table] ??= []).push(row);
  return out;
}
