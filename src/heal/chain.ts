import type { ClusterOutcome } from './types.js';

/**
 * The verified fixes in the order they became part of the sandbox's base: each was verified on top of
 * all before it, so together they are one verified change (`patches/all.patch`).
 */
export function verifiedChain(outcomes: ClusterOutcome[]): ClusterOutcome[] {
  return outcomes.filter((o) => o.patch && !o.healedBy && o.stackIndex !== undefined).sort((a, b) => a.stackIndex! - b.stackIndex!);
}

/**
 * Only a prefix of the chain may be applied automatically: a fix verified on top of a proposal was
 * never verified without it, so once a proposal appears, later fixes become proposals too.
 */
export function settleChain(outcomes: ClusterOutcome[]): void {
  let blocker: ClusterOutcome | undefined;
  for (const o of verifiedChain(outcomes)) {
    if (blocker && o.resolution === 'healed') {
      o.resolution = 'proposed';
      o.reason = `verified on top of the proposed fix for ${blocker.id}, so it waits for that one`;
    }
    if (o.resolution !== 'healed') blocker ??= o;
  }
}
