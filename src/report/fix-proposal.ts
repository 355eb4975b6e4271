import type { ClusterResolution } from '../events/index.js';
import type { ClusterOutcome, HealResult } from '../heal/types.js';

export const FIX_PROPOSAL_VERSION = 1;

export function patchFile(o: ClusterOutcome): string {
  return `patches/${o.id}.patch`;
}

export function taskFile(o: ClusterOutcome): string {
  return `tasks/fix-${o.id}.yaml`;
}

/** The stacked patch of every healed cluster, in order: `git apply .suture/patches/healed.patch`. */
export const HEALED_PATCH = 'patches/healed.patch';

export function countResolutions(clusters: ClusterOutcome[]): Record<ClusterResolution, number> & { applied: number } {
  const n = { healed: 0, proposed: 0, escalated: 0, flaky: 0, skipped: 0, applied: 0 };
  for (const c of clusters) {
    n[c.resolution]++;
    if (c.applied) n.applied++;
  }
  return n;
}

/** fix-proposal.json: the machine-readable outcome of a heal run (paths relative to the output dir). */
export function buildFixProposal(r: HealResult): Record<string, unknown> {
  const healedChain = r.clusters.filter((c) => c.resolution === 'healed' && c.patch && !c.healedBy);
  return {
    version: FIX_PROPOSAL_VERSION,
    tool: 'suture',
    runId: r.runId,
    repo: r.repo,
    head: r.head ?? null,
    snapshot: r.snapshot,
    createdAt: r.finishedAt,
    summary: { clusters: r.clusters.length, ...countResolutions(r.clusters) },
    baseline: { totals: r.baseline.totals, failures: r.baseline.failures },
    commandProblems: r.commandProblems,
    combinedPatch: healedChain.length > 0 ? HEALED_PATCH : null,
    clusters: r.clusters.map((c) => ({
      id: c.id,
      fingerprint: c.cluster.fingerprint,
      category: c.cluster.category,
      stage: c.cluster.stage,
      confidence: c.cluster.confidence,
      risk: c.cluster.risk,
      resolution: c.resolution,
      reason: c.reason,
      tests: c.cluster.testIds,
      fixer: c.fixer ?? null,
      fixSummary: c.fixSummary ?? null,
      healedBy: c.healedBy ?? null,
      applied: c.applied ?? false,
      commit: c.commit ?? null,
      timeToGreenMs: c.timeToGreenMs ?? null,
      patch: c.patch
        ? { file: patchFile(c), hash: c.patch.hash, files: c.patch.files, linesAdded: c.patch.linesAdded, linesRemoved: c.patch.linesRemoved }
        : null,
      verdict: c.verdict ?? null,
      task: c.resolution === 'escalated' ? taskFile(c) : null,
      attempts: c.attempts.map((a) => ({
        attempt: a.attempt,
        fixer: a.fixer,
        outcome: a.outcome,
        reason: a.reason,
        durationMs: a.durationMs,
        testsRun: a.testsRun,
        patchHash: a.patch?.hash ?? null,
      })),
    })),
  };
}
