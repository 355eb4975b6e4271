import type { RunOutcome } from '../../events/index.js';
import type { Store } from '../../store/types.js';

/** A `suture run` into history: the run row, then its events (idempotent by run id + test id). */
export async function recordRunOutcome(store: Store, repo: string, outcome: RunOutcome, stamp: { commit?: string; branch?: string } = {}): Promise<void> {
  await store.recordRun({
    runId: outcome.runId,
    repo,
    ...(stamp.commit ? { commit: stamp.commit } : {}),
    ...(stamp.branch ? { branch: stamp.branch } : {}),
    command: 'run',
    startedAt: outcome.startedAt,
    status: 'running',
  });
  await store.recordEvents(outcome.events, repo);
  const failing = outcome.events.some((e) => e.status !== 'flaky');
  await store.finishRun(outcome.runId, outcome.finishedAt, failing ? 'failed' : 'passed');
}
