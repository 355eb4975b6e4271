import type { FailureEvent } from '../../events/index.js';
import type { SqlDriver, SqlValue } from '../driver.js';
import { table } from '../tables.js';
import { DAY_MS, toMs } from '../time.js';

const EVENTS = table('events');
/** Rows per transaction: large enough to amortise the commit (each commit rewrites every index page it
 * touched), small enough to hold the write lock for well under a second. */
const BATCH = 20_000;

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

/** Fields stored as columns of `events`; everything else goes into its `payload`. */
const COLUMN_FIELDS = new Set(['v', 'run_id', 'test_id', 'ts', 'kind', 'framework', 'status', 'category', 'fingerprint', 'file']);

function payloadOf(e: FailureEvent): string {
  const rest: Record<string, unknown> = {};
  for (const k in e) if (!COLUMN_FIELDS.has(k)) rest[k] = e[k as keyof FailureEvent];
  return JSON.stringify(rest);
}

/** Rebuilds the canonical event from its `events` row (columns plus the JSON payload). */
export function eventFromRow(row: Record<string, unknown>): FailureEvent {
  const opt = (k: string) => (row[k] == null ? {} : { [k]: row[k] });
  return {
    v: 1, kind: row.kind, run_id: row.run_id, ts: new Date(row.ts as number).toISOString(), framework: row.framework,
    test_id: row.test_id, status: row.status, ...opt('category'), ...opt('fingerprint'), ...opt('file'), ...JSON.parse(row.payload as string),
  } as FailureEvent;
}

export async function recordEvents(db: SqlDriver, events: FailureEvent[], repo?: string): Promise<number> {
  if (events.length === 0) return 0;
  const repos = repo === undefined ? await reposOf(db, [...new Set(events.map((e) => e.run_id))]) : undefined;
  // A stable key order means concurrent writers lock index entries in the same order: no deadlocks.
  const repoOf = (e: FailureEvent) => repo ?? repos?.get(e.run_id) ?? '';
  const sorted = [...events].sort((a, b) => cmp(repoOf(a), repoOf(b)) || cmp(a.test_id, b.test_id) || cmp(a.run_id, b.run_id));
  // Events of one run share a handful of timestamps: parse each once.
  const times = new Map<string, number>();
  const msOf = (ts: string) => times.get(ts) ?? times.set(ts, toMs(ts, 'event ts')).get(ts)!;
  let inserted = 0;
  for (let i = 0; i < sorted.length; i += BATCH) {
    const batch = sorted.slice(i, i + BATCH);
    const rows: SqlValue[][] = batch.map((e) => {
      const ms = msOf(e.ts);
      return [
        e.run_id, e.test_id, repoOf(e), ms, Math.floor(ms / DAY_MS), e.kind, e.framework, e.status,
        e.category ?? null, e.fingerprint ?? null, e.fingerprint ?? e.test_id, e.file ?? null, payloadOf(e),
      ];
    });
    inserted += await db.tx(async (x) => {
      const skipped = await x.insertMany(EVENTS, rows);
      // Already stored: a re-record after triage carries the enrichment; copy it without counting twice.
      for (const idx of skipped) {
        const e = batch[idx]!;
        if (e.category === undefined && e.fingerprint === undefined) continue;
        await x.run(
          `UPDATE events SET category = COALESCE(?, category), fingerprint = COALESCE(?, fingerprint), fkey = COALESCE(?, fkey),
             payload = ? WHERE repo = ? AND test_id = ? AND run_id = ?`,
          [e.category ?? null, e.fingerprint ?? null, e.fingerprint ?? null, rows[idx]![12]!, repoOf(e), e.test_id, e.run_id],
        );
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
