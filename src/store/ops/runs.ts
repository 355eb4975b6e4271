import type { SqlDriver } from '../driver.js';
import type { RunRow } from '../types.js';
import { toMs } from '../time.js';

/** Idempotent by run id: a retried CI job re-records the same run rather than adding one. */
export async function recordRun(db: SqlDriver, run: RunRow): Promise<void> {
  await db.run(
    `INSERT INTO runs (run_id, repo, commit_sha, branch, command, started_at, finished_at, status, worker)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (run_id) DO UPDATE SET repo = excluded.repo, commit_sha = excluded.commit_sha, branch = excluded.branch,
       command = excluded.command, started_at = excluded.started_at, finished_at = excluded.finished_at,
       status = excluded.status, worker = excluded.worker`,
    [
      run.runId, run.repo, run.commit ?? null, run.branch ?? '', run.command, toMs(run.startedAt, 'startedAt'),
      run.finishedAt ? toMs(run.finishedAt, 'finishedAt') : null, run.status, run.worker ?? null,
    ],
  );
}

export async function finishRun(db: SqlDriver, runId: string, finishedAt: string, status: RunRow['status']): Promise<void> {
  await db.run(`UPDATE runs SET finished_at = ?, status = ? WHERE run_id = ?`, [toMs(finishedAt, 'finishedAt'), status, runId]);
}
