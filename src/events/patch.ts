/** A candidate change, always expressed as a unified diff against the sandbox's base state. */
export interface Patch {
  /** sha256 of `diff`: approvals and playbooks refer to patches by it. */
  hash: string;
  diff: string;
  files: PatchFile[];
  linesAdded: number;
  linesRemoved: number;
}

export interface PatchFile {
  path: string;
  status: 'added' | 'modified' | 'deleted' | 'renamed';
  oldPath?: string;
  linesAdded: number;
  linesRemoved: number;
}

export type AttemptOutcome =
  /** Failing tests pass and the full suite is no worse than the baseline. */
  | 'healed'
  /** The fixer produced nothing applicable. */
  | 'no-candidate'
  /** The fixer says it cannot be fixed (with a reason). */
  | 'unfixable'
  /** The targeted re-run still fails. */
  | 'still-failing'
  /** The full suite has new failures compared with the baseline. */
  | 'regressed'
  /** Fewer tests collected or run than the baseline (a deleted or skipped test). */
  | 'fewer-tests'
  /** The guard refused the patch. */
  | 'blocked'
  /** The fixer or the verification itself crashed or timed out. */
  | 'error'
  /** A budget (model calls, tokens, money, time) ran out. */
  | 'budget-exhausted';

export interface AttemptRecord {
  fingerprint: string;
  /** 1-based within the cluster. */
  attempt: number;
  fixer: string;
  outcome: AttemptOutcome;
  reason: string;
  patch?: Patch;
  durationMs: number;
  /** Test ids executed during verification (targeted + full). */
  testsRun: number;
  startedAt: string;
  costUsd?: number;
}

/** What happened to a cluster at the end of a heal run. */
export type ClusterResolution = 'healed' | 'proposed' | 'escalated' | 'flaky' | 'skipped';
