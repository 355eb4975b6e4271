import type { ClusterResolution } from '../events/index.js';
import { verifiedChain } from '../heal/chain.js';
import type { ClusterOutcome, HealResult } from '../heal/types.js';

export const FIX_PROPOSAL_VERSION = 1;

export function patchFile(o: ClusterOutcome): string {
  return `patches/${o.id}.patch`;
}

export function taskFile(o: ClusterOutcome): string {
  return `tasks/fix-${o.id}.yaml`;
}

/** The auto-approved fixes, stacked in order: what `--apply` writes (`git apply .suture/patches/healed.patch`). */
export const HEALED_PATCH = 'patches/healed.patch';

/** Every verified fix (healed and proposed), stacked in the order they were verified together. */
export const ALL_PATCH = 'patches/all.patch';

/** The proposals (the rest of the stack after healed.patch): applies on top of healed.patch. */
export const PROPOSED_PATCH = 'patches/proposed.patch';

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
  const chain = verifiedChain(r.clusters);
  const healedChain = chain.filter((c) => c.resolution === 'healed');
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
    allVerifiedPatch: chain.length > 0 ? ALL_PATCH : null,
    proposedPatch: chain.length > healedChain.length ? PROPOSED_PATCH : null,
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
      stackIndex: c.stackIndex ?? null,
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
