import type { Store } from '../store/types.js';
import type { HealResult } from './types.js';

/**
 * Everything a run learned, into the store: the run, its events and clusters, every attempt, every
 * guard verdict, each cluster's outcome, a playbook entry per verified fix, and auto-apply actions.
 */
export async function recordRun(store: Store, r: HealResult, events: Parameters<Store['recordEvents']>[0]): Promise<void> {
  const anyOpen = r.clusters.some((c) => c.resolution === 'escalated' || c.resolution === 'proposed');
  await store.recordRun({
    runId: r.runId,
    repo: r.repo,
    ...(r.head ? { commit: r.head } : {}),
    command: 'heal',
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    status: r.clusters.length === 0 ? 'passed' : anyOpen ? 'failed' : 'healed',
  });
  await store.recordEvents(events);
  await store.upsertClusters(r.repo, r.clusters.map((c) => c.cluster));
  for (const c of r.clusters) {
    for (const a of c.attempts) await store.recordAttempt(r.runId, r.repo, a);
    if (c.verdict) await store.recordVerdict(r.runId, r.repo, { ...c.verdict, fingerprint: c.cluster.fingerprint });
    await store.recordOutcome(r.runId, r.repo, {
      fingerprint: c.cluster.fingerprint,
      resolution: c.resolution,
      category: c.cluster.category,
      ...(c.fixer ? { fixer: c.fixer } : {}),
      attempts: c.attempts.filter((a) => a.patch).length,
      ...(c.timeToGreenMs !== undefined ? { timeToFixMs: c.timeToGreenMs } : {}),
      ...(c.patch ? { patchHash: c.patch.hash } : {}),
      at: r.finishedAt,
    });
    if (c.patch && c.fixer && !c.healedBy && (c.resolution === 'healed' || c.resolution === 'proposed')) {
      await store.savePlaybook({ repo: r.repo, fingerprint: c.cluster.fingerprint, fixer: c.fixer, patchHash: c.patch.hash, diff: c.patch.diff, createdAt: r.finishedAt, successes: 1 });
    }
    if (c.applied) await store.recordAction(r.repo, 'auto-apply', r.finishedAt, c.commit ?? c.patch?.hash);
    else if (c.resolution === 'proposed' && c.patch) await store.recordAction(r.repo, 'auto-proposal', r.finishedAt, c.patch.hash);
  }
  await store.finishRun(r.runId, r.finishedAt, r.clusters.length === 0 ? 'passed' : anyOpen ? 'failed' : 'healed');
}
