import type { Writable } from 'node:stream';
import type { AttemptRecord, Cluster, RunOutcome } from '../events/index.js';
import type { ClusterOutcome, CommandProblem, HealResult } from '../heal/types.js';

/** The loop's stages as reporters see them (declared in src/heal/stages.ts). */
export type HealStageId = 'prepare' | 'baseline' | 'triage' | 'heal' | 'apply' | 'record' | 'write';

export interface RunStartInfo {
  runId: string;
  root: string;
  dryRun: boolean;
  apply: boolean;
  commit: boolean;
  maxAttempts: number;
  fixers: string[];
  startedAt: string;
}

export interface BaselineInfo {
  totals: RunOutcome['totals'];
  failures: number;
  clusters: Cluster[];
  commandProblems: CommandProblem[];
}

/** Where a cluster is in the run: i of n. */
export interface ClusterPosition {
  index: number;
  total: number;
  id: string;
  cluster: Cluster;
  /** Set on the second round for a cluster escalated before a later fix changed the base. */
  retry?: boolean;
}

/** Fine-grained progress inside an attempt, for the live display. */
export interface AttemptProgress extends ClusterPosition {
  attempt: number;
  maxAttempts: number;
  fixer?: string;
  phase: 'asking' | 'guard' | 'targeted' | 'full';
}

/**
 * One interface for every output (vitest-style: optional hooks). The terminal, JSON, files and
 * Markdown reporters implement it; GitHub issues/PRs and a dashboard are more entries in the map.
 * Reporters with `writesFiles` are skipped on --dry-run.
 */
export interface HealReporter {
  readonly name: string;
  readonly writesFiles?: boolean;
  onRunStart?(info: RunStartInfo): void | Promise<void>;
  onStage?(stage: HealStageId, label: string): void | Promise<void>;
  onBaseline?(info: BaselineInfo): void | Promise<void>;
  onClusterStart?(pos: ClusterPosition): void | Promise<void>;
  onProgress?(p: AttemptProgress): void | Promise<void>;
  onAttempt?(pos: ClusterPosition, attempt: AttemptRecord): void | Promise<void>;
  onCluster?(pos: ClusterPosition, outcome: ClusterOutcome): void | Promise<void>;
  onWarning?(message: string): void | Promise<void>;
  /** Final hook; file-writing reporters return the paths they wrote (repository-relative). */
  onRunEnd?(result: HealResult): void | string[] | Promise<void | string[]>;
  /** Stops timers and restores the terminal; called even when the run fails. */
  close?(): void;
}

export interface ReporterContext {
  /** The user's repository root. */
  root: string;
  /** Absolute output directory (heal.output_dir). */
  outDir: string;
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean; columns?: number };
  color: boolean;
}

export type ReporterFactory = (ctx: ReporterContext) => HealReporter;
