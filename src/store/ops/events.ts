import type { FailureEvent } from '../../events/index.js';
import type { SqlDriver, SqlValue } from '../driver.js';
import { table } from '../tables.js';
import { toMs } from '../time.js';

const EVENTS = table('events');
const DETAILS = table('event_details');
/** Rows per transaction: large enough to amortise the commit, small enough to keep locks short. */
const BATCH = 5000;

/** Resolves each run's repository from the runs table (events carry no repo of their own). */
async function reposOf(db: SqlDriver, runIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < runIds.length; i += 500) {
    const chunk = runIds.slice(i, i + 500);
    const rows = await db.all<{ run_id: string; repo: string }>(
      `SELECT run_id, repo FROM runs WHERE run_id IN (${chunk.map(() => '?').join(', ')})`,
      chunk,
    );
    for (const r of rows) out.set(r.run_id, r.repo);
  }
  return out;
}

export async function recordEvents(db: SqlDriver, events: FailureEvent[], repo?: string): Promise<number> {
  if (events.length === 0) return 0;
  const repos = repo === undefined ? await reposOf(db, [...new Set(events.map((e) => e.run_id))]) : undefined;
  // A stable key order means concurrent writers lock index entries in the same order: no deadlocks.
  const sorted = [...events].sort((a, b) => (a.run_id === b.run_id ? cmp(a.test_id, b.test_id) : cmp(a.run_id, b.run_id)));
  let inserted = 0;
  for (let i = 0; i < sorted.length; i += BATCH) {
    const batch = sorted.slice(i, i + BATCH);
    const eventRows: SqlValue[][] = batch.map((e) => [
      e.run_id, e.test_id, repo ?? repos?.get(e.run_id) ?? '', toMs(e.ts, 'event ts'), e.kind, e.framework, e.status,
      e.category ?? null, e.fingerprint ?? null, e.file ?? null,
    ]);
    const detailRows: SqlValue[][] = batch.map((e) => [e.run_id, e.test_id, JSON.stringify(e)]);
    inserted += await db.tx(async (x) => {
      const skipped = await x.insertMany(EVENTS, eventRows);
      await x.insertMany(DETAILS, detailRows);
      // Already stored: a re-record after triage carries the enrichment; copy it without counting twice.
      for (const idx of skipped) {
        const e = batch[idx]!;
        if (e.category === undefined && e.fingerprint === undefined) continue;
        await x.run(
          `UPDATE events SET category = COALESCE(?, category), fingerprint = COALESCE(?, fingerprint) WHERE run_id = ? AND test_id = ?`,
          [e.category ?? null, e.fingerprint ?? null, e.run_id, e.test_id],
        );
        await x.run(`UPDATE event_details SET payload = ? WHERE run_id = ? AND test_id = ?`, [detailRows[idx]![2]!, e.run_id, e.test_id]);
      }
      return batch.length - skipped.length;
    });
  }
  return inserted;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export async function testHistory(db: SqlDriver, repo: string, testId: string, since?: string) {
  const from = since ? toMs(since, 'since') : 0;
  const [ev] = await db.all<{ failures: number; flaky: number }>(
    `SELECT count(*) FILTER (WHERE status <> 'flaky') AS failures, count(*) FILTER (WHERE status = 'flaky') AS flaky
       FROM events WHERE repo = ? AND test_id = ? AND ts >= ?`,
    [repo, testId, from],
  );
  const [runs] = await db.all<{ n: number }>(`SELECT count(*) AS n FROM runs WHERE repo = ? AND started_at >= ?`, [repo, from]);
  return { failures: ev?.failures ?? 0, flaky: ev?.flaky ?? 0, runs: runs?.n ?? 0 };
}
