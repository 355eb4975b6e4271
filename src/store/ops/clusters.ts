import type { Cluster } from '../../events/index.js';
import type { SqlDriver } from '../driver.js';
import type { ClusterHistory } from '../types.js';
import { toIso, toMs } from '../time.js';

export async function upsertClusters(db: SqlDriver, repo: string, clusters: Cluster[]): Promise<void> {
  if (clusters.length === 0) return;
  const sorted = [...clusters].sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0));
  await db.tx(async (x) => {
    for (const c of sorted) {
      const first = toMs(c.firstSeen, 'firstSeen');
      const last = toMs(c.lastSeen, 'lastSeen');
      const runId = c.representative.run_id;
      await x.run(
        `INSERT INTO clusters (repo, fingerprint, category, stage, confidence, root_cause, suggested_fix, flaky, risk,
           first_seen, last_seen, last_run_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (repo, fingerprint) DO UPDATE SET category = excluded.category, stage = excluded.stage,
           confidence = excluded.confidence, root_cause = excluded.root_cause, suggested_fix = excluded.suggested_fix,
           flaky = excluded.flaky, risk = excluded.risk,
           first_seen = CASE WHEN excluded.first_seen < clusters.first_seen THEN excluded.first_seen ELSE clusters.first_seen END,
           last_run_id = CASE WHEN excluded.last_seen >= clusters.last_seen THEN excluded.last_run_id ELSE clusters.last_run_id END,
           last_seen = CASE WHEN excluded.last_seen > clusters.last_seen THEN excluded.last_seen ELSE clusters.last_seen END`,
        [repo, c.fingerprint, c.category, c.stage, c.confidence, c.rootCause, c.suggestedFix, c.flaky ? 1 : 0, c.risk, first, last, runId],
      );
      // One sighting per run: re-triaging the same run replaces it instead of counting it twice.
      await x.run(
        `INSERT INTO cluster_sightings (repo, fingerprint, run_id, seen_at, occurrences, test_ids) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (repo, fingerprint, run_id) DO UPDATE SET seen_at = excluded.seen_at, occurrences = excluded.occurrences,
           test_ids = excluded.test_ids`,
        [repo, c.fingerprint, runId, last, c.count, JSON.stringify(c.testIds)],
      );
      for (let i = 0; i < c.testIds.length; i += 500) {
        const ids = c.testIds.slice(i, i + 500);
        await x.run(
          `UPDATE events SET category = ?, fingerprint = ?, fkey = ? WHERE repo = ? AND run_id = ? AND test_id IN (${ids.map(() => '?').join(', ')})`,
          [c.category, c.fingerprint, c.fingerprint, repo, runId, ...ids],
        );
      }
    }
  });
}

export async function clusterHistory(db: SqlDriver, repo: string, fingerprint: string): Promise<ClusterHistory | undefined> {
  const [c] = await db.all<{
    category: string; first_seen: number; last_seen: number; last_run_id: string; issue_ref: string | null;
  }>(`SELECT category, first_seen, last_seen, last_run_id, issue_ref FROM clusters WHERE repo = ? AND fingerprint = ?`, [repo, fingerprint]);
  if (!c) return undefined;
  const [s] = await db.all<{ runs: number; occurrences: number | null }>(
    `SELECT count(*) AS runs, sum(occurrences) AS occurrences FROM cluster_sightings WHERE repo = ? AND fingerprint = ?`,
    [repo, fingerprint],
  );
  return {
    repo,
    fingerprint,
    category: c.category,
    firstSeen: toIso(c.first_seen),
    lastSeen: toIso(c.last_seen),
    runs: s?.runs ?? 0,
    occurrences: s?.occurrences ?? 0,
    lastRunId: c.last_run_id,
    ...(c.issue_ref ? { issueRef: c.issue_ref } : {}),
  };
}

export async function setClusterIssue(db: SqlDriver, repo: string, fingerprint: string, issueRef: string): Promise<void> {
  await db.run(`UPDATE clusters SET issue_ref = ? WHERE repo = ? AND fingerprint = ?`, [issueRef, repo, fingerprint]);
}
