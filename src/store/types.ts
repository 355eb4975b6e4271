import type { AttemptRecord, Cluster, ClusterResolution, FailureEvent, Verdict } from '../events/index.js';

/**
 * Durable history shared by every stage. Two adapters (SQLite default, PostgreSQL for teams) pass the
 * same test suite. Every write is idempotent where a natural key exists, so re-ingesting or a retried
 * CI job never double-counts. All timestamps are ISO-8601 UTC strings.
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Where the data lives, safe to print: a file path, or a URL with the password redacted. */
  readonly location: string;
  close(): Promise<void>;
  /** Adapter, location, schema version and row counts (`suture store info`). */
  info(): Promise<StoreInfo>;

  // Runs and events
  recordRun(run: RunRow): Promise<void>;
  finishRun(runId: string, finishedAt: string, status: RunRow['status']): Promise<void>;
  /**
   * Idempotent by (run_id, test_id). Returns how many were new. `repo` defaults to the recorded run's
   * repo. Recording an event again after triage updates its category and fingerprint (counts unchanged).
   */
  recordEvents(events: FailureEvent[], repo?: string): Promise<number>;

  // Triage
  /**
   * Keyed by (repo, fingerprint): first/last seen widen, one sighting per run (the representative's
   * run_id), and the run's member events are tagged with the cluster's category and fingerprint.
   */
  upsertClusters(repo: string, clusters: Cluster[]): Promise<void>;
  /** A root cause's history across runs: for recurrence, and for the issue opened for it. */
  clusterHistory(repo: string, fingerprint: string): Promise<ClusterHistory | undefined>;
  /** Links a root cause to its tracking issue (e.g. a GitHub issue URL). */
  setClusterIssue(repo: string, fingerprint: string, issueRef: string): Promise<void>;
  /** Past flaky/real history for a test, used by triage's risk and flaky scoring. */
  testHistory(repo: string, testId: string, since?: string): Promise<{ failures: number; flaky: number; runs: number }>;

  // Heal
  recordAttempt(runId: string, repo: string, attempt: AttemptRecord): Promise<void>;
  recordOutcome(runId: string, repo: string, outcome: OutcomeRow): Promise<void>;
  /** Idempotent by (run, fingerprint, patch hash). `at` defaults to now. */
  recordVerdict(runId: string, repo: string, verdict: Verdict & { fingerprint?: string; at?: string }): Promise<void>;

  // Learn: playbooks of verified fixes, replayed by the playbook-memory fixer
  /** Keyed by (repo, fingerprint, patchHash); `successes` never goes down (concurrent writers keep the larger). */
  savePlaybook(entry: PlaybookEntry): Promise<void>;
  /** Best first: most successes, then most recently saved. */
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
  /** With a `ref` (a PR URL, a patch hash) recording the same action twice counts once. */
  recordAction(repo: string, action: string, at: string, ref?: string): Promise<void>;

  // Cost
  /** Idempotent when `call.id` is given (a retried write then counts once). */
  recordModelCall(call: ModelCallRow): Promise<void>;
  spend(since: string, repo?: string): Promise<{ calls: number; inputTokens: number; outputTokens: number; usd: number }>;

  // Metrics, retention, export
  metrics(q: MetricsQuery): Promise<Metrics>;
  /**
   * Deletes history (runs, events, sightings, attempts, outcomes, verdicts, actions, model calls, and
   * clusters not seen since) older than an ISO instant; playbooks, approvals and breaker state stay.
   * Returns the number of rows deleted.
   */
  prune(olderThan: string): Promise<number>;
  /** Every row, table by table, led by a `_meta` row (format, schema version). Streams in pages. */
  exportRows(): AsyncIterable<ExportRow>;
  /** Idempotent: rows whose key exists are skipped. Returns how many rows were new. */
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
  /** Which machine or CI job recorded the run (many workers can share one PostgreSQL). */
  worker?: string;
}

export interface StoreInfo {
  kind: 'sqlite' | 'postgres';
  location: string;
  schemaVersion: number;
  /** The newest schema this build knows. */
  latestVersion: number;
  rows: Record<string, number>;
}

export interface ClusterHistory {
  repo: string;
  fingerprint: string;
  category: string;
  firstSeen: string;
  lastSeen: string;
  /** Distinct runs the root cause was seen in. */
  runs: number;
  /** Failures attributed to it, summed over runs. */
  occurrences: number;
  lastRunId: string;
  issueRef?: string;
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
  /** Optional caller-chosen id: makes a retried write idempotent. */
  id?: string;
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

/**
 * Computed by queries over a time window (definitions in docs/store.md). Rates are 0..1, null when
 * there is nothing to divide by. "Attempted" clusters are those a fixer worked on (healed, proposed or
 * escalated); flaky and skipped ones are not.
 */
export interface Metrics {
  window: { since: string; until: string };
  repo?: string;
  runs: number;
  /** Failure events, flaky ones included. */
  failures: number;
  /** Failure events marked flaky. */
  flaky: number;
  /** Clusters a fixer worked on. */
  attempted: number;
  /** Clusters fixed and applied. */
  healed: number;
  /** Clusters with a verified fix proposed (not applied). */
  proposed: number;
  escalated: number;
  meanTimeToFixMs: number | null;
  fixSuccessRate: number | null;
  firstTrySuccessRate: number | null;
  meanTimeToGreenMs: number | null;
  escalationRate: number | null;
  falseFixes: number;
  recurrenceRate: number | null;
  flakyRate: number | null;
  costUsd: number;
  byCategory: Array<{ category: string; failures: number; healed: number; escalated: number; fixSuccessRate: number | null }>;
  byFixer: Array<{ fixer: string; attempts: number; healed: number; successRate: number; costUsd: number }>;
  byRepo: Array<{ repo: string; runs: number; failures: number; healed: number; escalated: number; costUsd: number }>;
  /** Per-day series for sparklines, one entry per UTC day of the window (YYYY-MM-DD), oldest first. */
  daily: Array<{ day: string; runs: number; failures: number; healed: number; escalated: number; costUsd: number }>;
}

export interface ExportRow {
  table: string;
  row: Record<string, unknown>;
}
