import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../config/schema.js';
import type { SutureError } from '../errors.js';
import { openRunStore, storeExitCode } from './index.js';
import { event } from './testing/builders.js';
import { makeTarget, type TestTarget } from './testing/targets.js';

const targets: TestTarget[] = [];
afterEach(async () => {
  for (const t of targets.splice(0)) await t.cleanup();
});

/** What a run command does: record, write its report, finish with an exit code. */
async function simulateRun(store: Awaited<ReturnType<typeof openRunStore>>, reportDir: string, beforeEvents?: () => Promise<void>) {
  await store.recordRun({ runId: 'r1', repo: 'acme/app', command: 'npm test', startedAt: '2026-03-01T10:00:00.000Z', status: 'running' });
  await beforeEvents?.();
  const fresh = await store.recordEvents([event({ run_id: 'r1', test_id: 'a' })]);
  const history = await store.testHistory('acme/app', 'a');
  const allowed = await store.countActions('acme/app', 'auto-apply', '2026-03-01T00:00:00.000Z');
  const report = path.join(reportDir, 'report.md');
  writeFileSync(report, `# suture run\n1 failure\n`);
  await store.finishRun('r1', '2026-03-01T10:05:00.000Z', 'failed');
  await store.close();
  return { fresh, history, allowed, report, exitCode: storeExitCode(store, 1) };
}

describe('openRunStore: a store failure never stops a run', () => {
  it('records normally when the store is healthy', async () => {
    const t = makeTarget('sqlite');
    targets.push(t);
    const warnings: SutureError[] = [];
    const store = await openRunStore({ root: t.root, config: t.config, env: t.env }, (e) => warnings.push(e));
    const r = await simulateRun(store, t.root);
    expect(r).toMatchObject({ fresh: 1, history: { failures: 1, flaky: 0, runs: 1 }, allowed: 0, exitCode: 1 });
    expect(warnings).toEqual([]);
    expect(store.failure).toBeUndefined();
  });

  it('starts degraded when the server is unreachable: one warning, reports written, exit 4', async () => {
    const t = makeTarget('sqlite');
    targets.push(t);
    const warnings: SutureError[] = [];
    const env = { SUTURE_DATABASE_URL: 'postgres://ci:secretpw99@127.0.0.1:1/suture' };
    const config = configSchema.parse({ store: { connect_timeout_ms: 2000 } });
    const store = await openRunStore({ root: t.root, config, env }, (e) => warnings.push(e));
    expect(store.kind).toBe('postgres');
    const r = await simulateRun(store, t.root);
    expect(existsSync(r.report)).toBe(true);
    // Reads answer as an empty history; rate limits answer "reached" so nothing risky runs unrecorded.
    expect(r).toMatchObject({ fresh: 0, history: { failures: 0, flaky: 0, runs: 0 }, allowed: Number.POSITIVE_INFINITY, exitCode: 4 });
    expect(warnings.map((w) => w.code)).toEqual(['E_STORE_UNREACHABLE']);
    expect(warnings[0]!.message).not.toContain('secretpw99');
    await expect(store.metrics({ since: '2026-01-01T00:00:00.000Z' })).rejects.toMatchObject({ code: 'E_STORE_UNREACHABLE' });
  });

  it('degrades mid-run when another process holds the write lock, and stops waiting on it', async () => {
    const t = makeTarget('sqlite', { busy_timeout_ms: 200 });
    targets.push(t);
    const warnings: SutureError[] = [];
    const store = await openRunStore({ root: t.root, config: t.config, env: t.env }, (e) => warnings.push(e));
    const file = path.join(t.root, '.suture', 'suture.db');
    const holder = spawn(process.execPath, ['-e', `
      const db = new (require('better-sqlite3'))(process.argv[1]);
      db.exec('BEGIN IMMEDIATE');
      db.exec("INSERT INTO breakers (repo, state, updated_at) VALUES ('x', 'open', 0)");
      process.stdout.write('locked\\n');
      process.stdin.resume();
    `, file], { stdio: ['pipe', 'pipe', 'inherit'] });
    const locked = new Promise<void>((resolve, reject) => {
      holder.stdout!.once('data', () => resolve());
      holder.once('exit', (code) => reject(new Error(`lock holder exited ${code}`)));
    });
    try {
      const r = await simulateRun(store, t.root, () => locked);
      expect(existsSync(r.report)).toBe(true);
      expect(r.exitCode).toBe(4);
      expect(warnings.map((w) => w.code)).toEqual(['E_STORE_LOCKED']);
      expect(store.failure?.code).toBe('E_STORE_LOCKED');
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
