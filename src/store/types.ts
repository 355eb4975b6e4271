import type { AttemptRecord, Cluster, ClusterResolution, FailureEvent, Verdict } from '../events/index.js';

/**
 * Durable history shared by every stage. Two adapters (SQLite default, PostgreSQL for teams) pass the
 * same test suite. Every write is idempotent where a natural key exists, so re-ingesting or a retried
 * CI job never double-counts. All timestamps are ISO-8601 UTC strings.
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  close(): Promise<void>;

  // Runs and events
  recordRun(run: RunRow): Promise<void>;
  finishRun(runId: string, finishedAt: string, status: RunRow['status']): Promise<void>;
  /** Idempotent by (run_id, test_id). Returns how many were new. */
  recordEvents(events: FailureEvent[]): Promise<number>;

  // Triage
  upsertClusters(repo: string, clusters: Cluster[]): Promise<void>;
  /** Past flaky/real history for a test, used by triage's risk and flaky scoring. */
  testHistory(repo: string, testId: string, since?: string): Promise<{ failures: number; flaky: number; runs: number }>;

  // Heal
  recordAttempt(runId: string, repo: string, attempt: AttemptRecord): Promise<void>;
  recordOutcome(runId: string, repo: string, outcome: OutcomeRow): Promise<void>;
  recordVerdict(runId: string, repo: string, verdict: Verdict & { fingerprint?: string }): Promise<void>;

  // Learn: playbooks of verified fixes, replayed by the playbook-memory fixer
  savePlaybook(entry: PlaybookEntry): Promise<void>;
  findPlaybooks(repo: string, fingerprint: string): Promise<PlaybookEntry[]>;

  // Guard state: approvals, breaker, rate limits
  recordApproval(a: ApprovalRow): Promise<void>;
  findApprovals(patchHash: string): Promise<ApprovalRow[]>;
  /** Most recent attempts first (for the circuit breaker's success rate). */
  recentAttempts(repo: string, limit: number): Promise<Array<Pick<AttemptRecord, 'fingerprint' | 'outcome' | 'startedAt'>>>;
  breakerState(repo: string): Promise<BreakerRow | undefined>;
  setBreakerState(row: BreakerRow): Promise<void>;
  /** Counts events of a kind ('auto-proposal', 'auto-apply', 'pr') since a time, for rate limits. */
  countActions(repo: string, action: string, since: string): Promise<number>;
  recordAction(repo: string, action: string, at: string, ref?: string): Promise<void>;

  // Cost
  recordModelCall(call: ModelCallRow): Promise<void>;
  spend(since: string, repo?: string): Promise<{ calls: number; inputTokens: number; outputTokens: number; usd: number }>;

  // Metrics, retention, export
  metrics(q: MetricsQuery): Promise<Metrics>;
  prune(olderThan: string): Promise<number>;
  exportRows(): AsyncIterable<ExportRow>;
  importRows(rows: AsyncIterable<ExportRow>): Promise<number>;
}

export interface RunRow {
  runId: string;
  repo: string;
  commit?: string;
  branch?: string;
  command: string;
  startedAt: string;
  finishedAt?: string;
  status: 'running' | 'passed' | 'failed' | 'healed' | 'error';
}

export interface OutcomeRow {
  fingerprint: string;
  resolution: ClusterResolution;
  category: string;
  fixer?: string;
  attempts: number;
  /** Time from the cluster's first failure in this run to the verified fix. */
  timeToFixMs?: number;
  patchHash?: string;
  at: string;
  /** Set later when a healed fingerprint fails again (a false fix). */
  falseFix?: boolean;
}

export interface PlaybookEntry {
  repo: string;
  fingerprint: string;
  fixer: string;
  patchHash: string;
  diff: string;
  createdAt: string;
  successes: number;
}

export interface ApprovalRow {
  patchHash: string;
  approver: string;
  at: string;
  note?: string;
}

export interface BreakerRow {
  repo: string;
  state: 'closed' | 'open';
  reason?: string;
  openedAt?: string;
}

export interface ModelCallRow {
  runId: string;
  repo: string;
  provider: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  usd: number;
  at: string;
  fingerprint?: string;
}

export interface MetricsQuery {
  since: string;
  until?: string;
  repo?: string;
}

export interface Metrics {
  window: { since: string; until: string };
  runs: number;
  failures: number;
  meanTimeToFixMs: number | null;
  fixSuccessRate: number | null;
  firstTrySuccessRate: number | null;
  meanTimeToGreenMs: number | null;
  escalationRate: number | null;
  falseFixes: number;
  recurrenceRate: number | null;
  flakyRate: number | null;
  costUsd: number;
  byCategory: Array<{ category: string; failures: number; healed: number; escalated: number }>;
  byFixer: Array<{ fixer: string; attempts: number; healed: number; successRate: number }>;
  byRepo: Array<{ repo: string; runs: number; failures: number; healed: number }>;
  /** Per-day series for sparklines. */
  daily: Array<{ day: string; failures: number; healed: number; escalated: number; costUsd: number }>;
}

export interface ExportRow {
  table: string;
  row: Record<string, unknown>;
}
