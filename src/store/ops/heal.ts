import type { AttemptRecord, Verdict } from '../../events/index.js';
import type { SqlDriver, SqlExecutor } from '../driver.js';
import type { OutcomeRow, PlaybookEntry } from '../types.js';
import { toIso, toMs } from '../time.js';

export async function recordAttempt(db: SqlDriver, runId: string, repo: string, a: AttemptRecord): Promise<void> {
  const started = toMs(a.startedAt, 'startedAt');
  // With a patch, patch and attempt land together; without one a single statement needs no transaction.
  const write = (x: SqlExecutor) => writeAttempt(x, runId, repo, a, started);
  await (a.patch ? db.tx(write) : write(db));
}

async function writeAttempt(x: SqlExecutor, runId: string, repo: string, a: AttemptRecord, started: number): Promise<void> {
  if (a.patch) {
    const p = a.patch;
    await x.run(
      `INSERT INTO patches (hash, diff, files, lines_added, lines_removed, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (hash) DO NOTHING`,
      [p.hash, p.diff, JSON.stringify(p.files), p.linesAdded, p.linesRemoved, started],
    );
  }
  await x.run(
    `INSERT INTO attempts (run_id, fingerprint, attempt, repo, fixer, outcome, reason, patch_hash, duration_ms, tests_run,
       started_at, cost_usd)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (run_id, fingerprint, attempt) DO UPDATE SET repo = excluded.repo, fixer = excluded.fixer,
       outcome = excluded.outcome, reason = excluded.reason, patch_hash = excluded.patch_hash,
       duration_ms = excluded.duration_ms, tests_run = excluded.tests_run, started_at = excluded.started_at,
       cost_usd = excluded.cost_usd`,
    [runId, a.fingerprint, a.attempt, repo, a.fixer, a.outcome, a.reason, a.patch?.hash ?? null, Math.round(a.durationMs),
      a.testsRun, started, a.costUsd ?? null],
  );
}

export async function recordOutcome(db: SqlDriver, runId: string, repo: string, o: OutcomeRow): Promise<void> {
  await db.run(
    `INSERT INTO outcomes (run_id, fingerprint, repo, resolution, category, fixer, attempts, time_to_fix_ms, patch_hash, at, false_fix)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (run_id, fingerprint) DO UPDATE SET repo = excluded.repo, resolution = excluded.resolution,
       category = excluded.category, fixer = excluded.fixer, attempts = excluded.attempts,
       time_to_fix_ms = excluded.time_to_fix_ms, patch_hash = excluded.patch_hash, at = excluded.at,
       false_fix = excluded.false_fix`,
    [runId, o.fingerprint, repo, o.resolution, o.category, o.fixer ?? null, o.attempts,
      o.timeToFixMs == null ? null : Math.round(o.timeToFixMs), o.patchHash ?? null, toMs(o.at, 'at'), o.falseFix ? 1 : 0],
  );
}

export async function recordVerdict(
  db: SqlDriver, runId: string, repo: string, v: Verdict & { fingerprint?: string; at?: string },
): Promise<void> {
  await db.run(
    `INSERT INTO verdicts (run_id, fingerprint, patch_hash, repo, decision, risk, findings, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (run_id, fingerprint, patch_hash) DO UPDATE SET repo = excluded.repo, decision = excluded.decision,
       risk = excluded.risk, findings = excluded.findings, at = excluded.at`,
    [runId, v.fingerprint ?? '', v.patchHash ?? '', repo, v.decision, v.risk, JSON.stringify(v.findings),
      v.at ? toMs(v.at, 'at') : Date.now()],
  );
}

export async function savePlaybook(db: SqlDriver, e: PlaybookEntry): Promise<void> {
  await db.run(
    `INSERT INTO playbooks (repo, fingerprint, patch_hash, fixer, diff, created_at, successes, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (repo, fingerprint, patch_hash) DO UPDATE SET fixer = excluded.fixer, diff = excluded.diff,
       successes = CASE WHEN excluded.successes > playbooks.successes THEN excluded.successes ELSE playbooks.successes END,
       updated_at = excluded.updated_at`,
    [e.repo, e.fingerprint, e.patchHash, e.fixer, e.diff, toMs(e.createdAt, 'createdAt'), e.successes, Date.now()],
  );
}

export async function findPlaybooks(db: SqlDriver, repo: string, fingerprint: string): Promise<PlaybookEntry[]> {
  const rows = await db.all<{ patch_hash: string; fixer: string; diff: string; created_at: number; successes: number }>(
    `SELECT patch_hash, fixer, diff, created_at, successes FROM playbooks WHERE repo = ? AND fingerprint = ?
     ORDER BY successes DESC, updated_at DESC, patch_hash`,
    [repo, fingerprint],
  );
  return rows.map((r) => ({
    repo, fingerprint, fixer: r.fixer, patchHash: r.patch_hash, diff: r.diff, createdAt: toIso(r.created_at), successes: r.successes,
  }));
}

export async function recentAttempts(db: SqlDriver, repo: string, limit: number) {
  const rows = await db.all<{ fingerprint: string; outcome: AttemptRecord['outcome']; started_at: number }>(
    `SELECT fingerprint, outcome, started_at FROM attempts WHERE repo = ? ORDER BY started_at DESC, run_id DESC, attempt DESC LIMIT ?`,
    [repo, Math.max(0, Math.floor(limit))],
  );
  return rows.map((r) => ({ fingerprint: r.fingerprint, outcome: r.outcome, startedAt: toIso(r.started_at) }));
}
