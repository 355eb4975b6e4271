import type { AttemptRecord, Cluster, FailureEvent, Verdict } from '../events/index.js';
import type { SqlDriver } from './driver.js';
import { LATEST_VERSION } from './migrations/index.js';
import { schemaVersion } from './migrate.js';
import { TABLES } from './tables.js';
import * as clusters from './ops/clusters.js';
import * as events from './ops/events.js';
import * as guard from './ops/guard.js';
import * as heal from './ops/heal.js';
import { computeMetrics } from './ops/metrics.js';
import { prune } from './ops/prune.js';
import { finishRun, recordRun } from './ops/runs.js';
import { exportRows, importRows } from './ops/transfer.js';
import type {
  ApprovalRow, BreakerRow, ExportRow, Metrics, MetricsQuery, ModelCallRow, OutcomeRow, PlaybookEntry, RunRow, Store, StoreInfo,
} from './types.js';

/**
 * The one Store implementation: every query is portable SQL run through an adapter's SqlDriver, so
 * SQLite and PostgreSQL behave the same by construction and are held to it by one shared test suite.
 */
export class SqlStore implements Store {
  constructor(private readonly db: SqlDriver) {}

  get kind() {
    return this.db.kind;
  }
  get location() {
    return this.db.location;
  }
  close() {
    return this.db.close();
  }

  async info(): Promise<StoreInfo> {
    const rows: Record<string, number> = {};
    for (const t of TABLES) rows[t.name] = (await this.db.all<{ n: number }>(`SELECT count(*) AS n FROM ${t.name}`))[0]?.n ?? 0;
    return { kind: this.kind, location: this.location, schemaVersion: await schemaVersion(this.db), latestVersion: LATEST_VERSION, rows };
  }

  recordRun(run: RunRow) { return recordRun(this.db, run); }
  finishRun(runId: string, finishedAt: string, status: RunRow['status']) { return finishRun(this.db, runId, finishedAt, status); }
  recordEvents(list: FailureEvent[], repo?: string) { return events.recordEvents(this.db, list, repo); }

  upsertClusters(repo: string, list: Cluster[]) { return clusters.upsertClusters(this.db, repo, list); }
  clusterHistory(repo: string, fingerprint: string) { return clusters.clusterHistory(this.db, repo, fingerprint); }
  setClusterIssue(repo: string, fingerprint: string, issueRef: string) { return clusters.setClusterIssue(this.db, repo, fingerprint, issueRef); }
  testHistory(repo: string, testId: string, since?: string) { return events.testHistory(this.db, repo, testId, since); }

  recordAttempt(runId: string, repo: string, attempt: AttemptRecord) { return heal.recordAttempt(this.db, runId, repo, attempt); }
  recordOutcome(runId: string, repo: string, outcome: OutcomeRow) { return heal.recordOutcome(this.db, runId, repo, outcome); }
  recordVerdict(runId: string, repo: string, verdict: Verdict & { fingerprint?: string; at?: string }) {
    return heal.recordVerdict(this.db, runId, repo, verdict);
  }
  savePlaybook(entry: PlaybookEntry) { return heal.savePlaybook(this.db, entry); }
  findPlaybooks(repo: string, fingerprint: string) { return heal.findPlaybooks(this.db, repo, fingerprint); }
  recentAttempts(repo: string, limit: number) { return heal.recentAttempts(this.db, repo, limit); }

  recordApproval(a: ApprovalRow) { return guard.recordApproval(this.db, a); }
  findApprovals(patchHash: string) { return guard.findApprovals(this.db, patchHash); }
  breakerState(repo: string) { return guard.breakerState(this.db, repo); }
  setBreakerState(row: BreakerRow) { return guard.setBreakerState(this.db, row); }
  countActions(repo: string, action: string, since: string) { return guard.countActions(this.db, repo, action, since); }
  recordAction(repo: string, action: string, at: string, ref?: string) { return guard.recordAction(this.db, repo, action, at, ref); }
  recordModelCall(call: ModelCallRow) { return guard.recordModelCall(this.db, call); }
  spend(since: string, repo?: string) { return guard.spend(this.db, since, repo); }

  metrics(q: MetricsQuery): Promise<Metrics> { return computeMetrics(this.db, q); }
  prune(olderThan: string) { return prune(this.db, olderThan); }
  exportRows(): AsyncIterable<ExportRow> { return exportRows(this.db); }
  importRows(rows: AsyncIterable<ExportRow>) { return importRows(this.db, rows); }
}
