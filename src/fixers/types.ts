import type { AttemptRecord, Cluster, FailureEvent, TestPlan } from '../events/index.js';
import type { SutureConfig } from '../config/schema.js';
import type { Store } from '../store/types.js';

/**
 * What a fixer gets for one attempt. The fixer edits files only under `worktree` (a disposable git
 * worktree); the loop turns whatever changed into a Patch with `git diff`, then verifies it.
 */
export interface FixContext {
  cluster: Cluster;
  /** All events of the cluster (the representative is `cluster.representative`). */
  events: FailureEvent[];
  /** Absolute path of the sandbox worktree: the only place a fixer may write. */
  worktree: string;
  /** The plan with `root` set to the worktree. */
  plan: TestPlan;
  config: SutureConfig;
  /** Attempts already made on this cluster in this run, with why each failed. */
  previousAttempts: AttemptRecord[];
  store?: Store;
  /** Repository identity used in the store (usually the origin URL or the root's basename). */
  repo: string;
  runId: string;
  signal: AbortSignal;
  /** Progress lines for the live display and the attempt record. */
  log: (line: string) => void;
  /**
   * A directory outside the worktree, private to this run and removed with the sandbox (create it
   * if needed): for what a fixer needs to verify its fix, such as a package installed to check an
   * added dependency (missing-dependency links it into the sandbox's own node_modules).
   */
  scratchDir?: string;
}

export type FixResult =
  /** Files under the worktree were changed; `summary` says what and why. */
  | ({ kind: 'edited'; summary: string; costUsd?: number } & FixTestTime)
  /** The fixer is sure this cannot be fixed by it (or at all) and says why: recorded, never retried by it. */
  | ({ kind: 'unfixable'; reason: string; costUsd?: number } & FixTestTime)
  /** Not this fixer's kind of failure, or nothing to offer: the loop asks the next fixer. */
  | ({ kind: 'pass'; reason: string; costUsd?: number } & FixTestTime)
  /** A model budget (calls, tokens, money) is spent: recorded as a 'budget-exhausted' attempt, never retried by it. */
  | { kind: 'budget-exhausted'; reason: string; costUsd?: number };

/**
 * Test runs a fixer made itself (bisect and revert re-run the failing tests), so the loop can count
 * their time as time in test commands rather than as its own overhead.
 */
export interface FixTestTime {
  testRuns?: number;
  testMs?: number;
}

export interface Fixer {
  /** Folder name under src/fixers/. */
  id: string;
  /** Cheapest first: 'free' fixers run before 'model' and 'agent' ones. */
  cost: 'free' | 'model' | 'agent';
  /** Cheap check on the cluster alone; false means the loop does not even create a worktree for it. */
  appliesTo(cluster: Cluster, events: FailureEvent[]): boolean;
  propose(ctx: FixContext): Promise<FixResult>;
}
