import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, writeFileSync, closeSync, writeSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../config/schema.js';
import { openStore } from './index.js';
import { event } from './testing/builders.js';
import { adminQuery, testDatabaseUrl } from './testing/postgres.js';
import { makeTarget, type TestTarget } from './testing/targets.js';

const targets: TestTarget[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  for (const t of targets.splice(0)) await t.cleanup();
});
function target(kind: TestTarget['kind'], store: Record<string, unknown> = {}): TestTarget {
  const t = makeTarget(kind, store);
  targets.push(t);
  return t;
}
const dbFile = (t: TestTarget) => path.join(t.root, '.suture', 'suture.db');

describe('SQLite file problems', () => {
  it('names a file that is not a database and says how to recover', async () => {
    const t = target('sqlite');
    mkdirSync(path.dirname(dbFile(t)), { recursive: true });
    writeFileSync(dbFile(t), 'this is not a database\n'.repeat(200));
    const err = await t.open().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'E_STORE_CORRUPT', exitCode: 4 });
    expect((err as Error).message).toContain(`the store at ${dbFile(t)} is not a valid SQLite database`);
    expect((err as { hint: string }).hint).toContain('suture store export');
    // Never rewritten behind the user's back.
    expect(readFileSync(dbFile(t), 'utf8')).toBe('this is not a database\n'.repeat(200));
  });

  it('reports damaged pages inside a valid file as corrupt, not as a crash', async () => {
    const t = target('sqlite');
    const store = await t.open();
    await store.recordRun({ runId: 'r1', repo: 'acme/app', command: 'x', startedAt: '2026-03-01T10:00:00.000Z', status: 'failed' });
    await store.recordEvents(Array.from({ length: 2000 }, (_, i) => event({ run_id: 'r1', test_id: `t${i}` })));
    await store.close();
    const size = statSync(dbFile(t)).size;
    const fd = openSync(dbFile(t), 'r+');
    const page = 4096;
    for (let off = page; off < size; off += page) writeSync(fd, Buffer.alloc(page, 0xa5), 0, page, off);
    closeSync(fd);
    const err = await (async () => {
      const s = await t.open();
      return s.metrics({ since: '2026-01-01T00:00:00.000Z' });
    })().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'E_STORE_CORRUPT' });
  });

  it('fails with E_STORE_LOCKED when another process holds an exclusive lock', async () => {
    const t = target('sqlite', { busy_timeout_ms: 300 });
    await (await t.open()).close();
    // Another program (here a plain better-sqlite3 script) takes and keeps an exclusive lock.
    const holder = spawn(process.execPath, ['-e', `
      const db = new (require('better-sqlite3'))(process.argv[1]);
      db.pragma('locking_mode = EXCLUSIVE');
      db.exec('BEGIN EXCLUSIVE');
      db.exec("INSERT INTO breakers (repo, state, updated_at) VALUES ('x', 'open', 0)");
      process.stdout.write('locked\\n');
      process.stdin.resume();
    `, dbFile(t)], { cwd: process.cwd(), stdio: ['pipe', 'pipe', 'inherit'] });
    children.push(holder);
    await new Promise<void>((resolve, reject) => {
      holder.stdout!.once('data', () => resolve());
      holder.once('exit', (code) => reject(new Error(`lock holder exited ${code}`)));
    });
    const err = await t.open().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'E_STORE_LOCKED', exitCode: 4 });
    expect((err as Error).message).toContain(`the store at ${dbFile(t)} is locked by another process`);
    expect((err as { hint: string }).hint).toContain('busy_timeout_ms');
  });
});

describe('PostgreSQL connection problems', () => {
  const open = (url: string, store: Record<string, unknown> = {}) =>
    openStore({ root: '/nonexistent', config: configSchema.parse({ store }), env: { SUTURE_DATABASE_URL: url } }).catch((e: unknown) => e);

  it('says which server it could not reach, without the password', async () => {
    const err = await open('postgres://suture:hunter2secret@127.0.0.1:1/suture', { connect_timeout_ms: 3000 });
    expect(err).toMatchObject({ code: 'E_STORE_UNREACHABLE', exitCode: 4 });
    const text = `${(err as Error).message} ${(err as { hint: string }).hint}`;
    expect(text).toContain('cannot reach PostgreSQL at postgres://suture:****@127.0.0.1:1/suture');
    expect(text).not.toContain('hunter2secret');
  });

  it('says when the database does not exist', async () => {
    const url = new URL(testDatabaseUrl());
    url.pathname = '/no_such_database_here';
    const err = await open(url.toString());
    expect(err).toMatchObject({ code: 'E_STORE_UNREACHABLE' });
    expect((err as Error).message).toContain('no_such_database_here');
    expect((err as { hint: string }).hint).toContain('createdb');
  });

  it('refuses a URL that is not PostgreSQL, and postgres without a URL', async () => {
    const bad = await open('mysql://root:pw123456@db/x');
    expect(bad).toMatchObject({ code: 'E_STORE_BAD_URL', exitCode: 2 });
    expect((bad as Error).message).toBe('SUTURE_DATABASE_URL is not a PostgreSQL URL: mysql://root:****@db/x');
    const none = await openStore({ root: '/x', config: configSchema.parse({ store: { adapter: 'postgres', url_env: 'TEAM_DB' } }), env: {} }).catch((e: unknown) => e);
    expect(none).toMatchObject({ code: 'E_STORE_NO_URL', message: "store.adapter is 'postgres' but TEAM_DB is not set" });
  });
});

describe('a PostgreSQL server that goes away mid-run', () => {
  /** A store whose connections carry a unique application_name, so the test can find and kill them. */
  async function openNamed() {
    const t = target('postgres');
    const app = `suture_${t.schema}`;
    const url = new URL(testDatabaseUrl());
    url.password = 'not-a-real-secret-pw';
    url.searchParams.set('application_name', app);
    const env = { SUTURE_DATABASE_URL: url.toString() };
    const store = await openStore({ root: t.root, config: t.config, env });
    return { store, app, t };
  }
  const terminate = (app: string, onlyWaiting = false) =>
    adminQuery<{ ok: boolean }>(
      `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = $1${onlyWaiting ? ` AND wait_event_type = 'Lock'` : ''}`,
      [app],
    );

  it('replaces a killed connection and loses nothing', async () => {
    const { store, app } = await openNamed();
    await store.recordRun({ runId: 'r1', repo: 'acme/app', command: 'x', startedAt: '2026-03-01T10:00:00.000Z', status: 'running' });
    expect((await terminate(app)).length).toBeGreaterThan(0);
    expect(await store.recordEvents(Array.from({ length: 50 }, (_, i) => event({ run_id: 'r1', test_id: `t${i}` })))).toBe(50);
    expect((await store.info()).rows.events).toBe(50);
    await store.close();
  });

  it('gives up with a clear error when the connection keeps dying mid-transaction, and commits nothing', async () => {
    const { store, app, t } = await openNamed();
    await store.recordRun({ runId: 'r1', repo: 'acme/app', command: 'x', startedAt: '2026-03-01T10:00:00.000Z', status: 'running' });
    // Hold the events table so the write is parked inside its transaction, then kill it there, every time.
    const pg = (await import('pg')).default;
    const admin = new pg.Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
    try {
      await admin.query('BEGIN');
      await admin.query(`LOCK TABLE ${t.schema}.events IN ACCESS EXCLUSIVE MODE`);
      let settled = false;
      const write = store.recordEvents([event({ run_id: 'r1', test_id: 'a' })]).then(
        (n) => n,
        (e: unknown) => e,
      ).finally(() => (settled = true));
      const killed: number[] = [];
      while (!settled) {
        killed.push((await terminate(app, true)).length);
        await new Promise((r) => setTimeout(r, 50));
      }
      const err = await write;
      expect(err).toMatchObject({ code: 'E_STORE_UNREACHABLE', exitCode: 4 });
      expect((err as Error).message).toMatch(/^cannot reach PostgreSQL at postgres:\/\/postgres:\*\*\*\*@127\.0\.0\.1:\d+\/postgres\?application_name=.* \(schema t_.*\): terminating connection due to administrator command$/);
      expect((err as Error).message).not.toContain('not-a-real-secret-pw');
      expect(killed.reduce((a, b) => a + b, 0)).toBe(3); // the first try and two retries
    } finally {
      await admin.query('ROLLBACK');
      await admin.end();
    }
    expect((await store.info()).rows.events).toBe(0);
    await store.close();
  });
});
