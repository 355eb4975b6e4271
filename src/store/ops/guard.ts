import { createHash, randomUUID } from 'node:crypto';
import type { SqlDriver } from '../driver.js';
import type { ApprovalRow, BreakerRow, ModelCallRow } from '../types.js';
import { optIso, toIso, toMs } from '../time.js';

export async function recordApproval(db: SqlDriver, a: ApprovalRow): Promise<void> {
  await db.run(
    `INSERT INTO approvals (patch_hash, approver, at, note) VALUES (?, ?, ?, ?)
     ON CONFLICT (patch_hash, approver) DO UPDATE SET at = excluded.at, note = excluded.note`,
    [a.patchHash, a.approver, toMs(a.at, 'at'), a.note ?? null],
  );
}

export async function findApprovals(db: SqlDriver, patchHash: string): Promise<ApprovalRow[]> {
  const rows = await db.all<{ approver: string; at: number; note: string | null }>(
    `SELECT approver, at, note FROM approvals WHERE patch_hash = ? ORDER BY at, approver`,
    [patchHash],
  );
  return rows.map((r) => ({ patchHash, approver: r.approver, at: toIso(r.at), ...(r.note != null ? { note: r.note } : {}) }));
}

export async function breakerState(db: SqlDriver, repo: string): Promise<BreakerRow | undefined> {
  const [r] = await db.all<{ state: BreakerRow['state']; reason: string | null; opened_at: number | null }>(
    `SELECT state, reason, opened_at FROM breakers WHERE repo = ?`,
    [repo],
  );
  if (!r) return undefined;
  const openedAt = optIso(r.opened_at);
  return { repo, state: r.state, ...(r.reason != null ? { reason: r.reason } : {}), ...(openedAt ? { openedAt } : {}) };
}

export async function setBreakerState(db: SqlDriver, row: BreakerRow): Promise<void> {
  await db.run(
    `INSERT INTO breakers (repo, state, reason, opened_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (repo) DO UPDATE SET state = excluded.state, reason = excluded.reason, opened_at = excluded.opened_at,
       updated_at = excluded.updated_at`,
    [row.repo, row.state, row.reason ?? null, row.openedAt ? toMs(row.openedAt, 'openedAt') : null, Date.now()],
  );
}

export async function countActions(db: SqlDriver, repo: string, action: string, since: string): Promise<number> {
  const [r] = await db.all<{ n: number }>(`SELECT count(*) AS n FROM actions WHERE repo = ? AND action = ? AND at >= ?`, [
    repo, action, toMs(since, 'since'),
  ]);
  return r?.n ?? 0;
}

export async function recordAction(db: SqlDriver, repo: string, action: string, at: string, ref?: string): Promise<void> {
  // With a ref the id is derived from it, so the same PR or patch recorded twice is one action.
  const id = ref === undefined ? randomUUID() : createHash('sha256').update(`${repo}\0${action}\0${ref}`).digest('hex').slice(0, 32);
  await db.run(`INSERT INTO actions (id, repo, action, at, ref) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`, [
    id, repo, action, toMs(at, 'at'), ref ?? null,
  ]);
}

export async function recordModelCall(db: SqlDriver, c: ModelCallRow): Promise<void> {
  await db.run(
    `INSERT INTO model_calls (id, run_id, repo, provider, model, input_tokens, output_tokens, usd, at, fingerprint)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    [c.id ?? randomUUID(), c.runId, c.repo, c.provider, c.model, c.inputTokens, c.outputTokens, c.usd, toMs(c.at, 'at'), c.fingerprint ?? null],
  );
}

export async function spend(db: SqlDriver, since: string, repo?: string) {
  const [r] = await db.all<{ calls: number; input: number | null; output: number | null; usd: number | null }>(
    `SELECT count(*) AS calls, sum(input_tokens) AS input, sum(output_tokens) AS output, sum(usd) AS usd
       FROM model_calls WHERE at >= ?${repo === undefined ? '' : ' AND repo = ?'}`,
    repo === undefined ? [toMs(since, 'since')] : [toMs(since, 'since'), repo],
  );
  return { calls: r?.calls ?? 0, inputTokens: r?.input ?? 0, outputTokens: r?.output ?? 0, usd: r?.usd ?? 0 };
}
