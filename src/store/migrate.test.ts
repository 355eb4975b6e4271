import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDriver } from './adapters.js';
import type { SqlDriver } from './driver.js';
import { openStore } from './index.js';
import { migrate } from './migrate.js';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index.js';
import { resolveStoreTarget } from './resolve.js';
import { columnNames, TABLES } from './tables.js';
import { ADAPTER_KINDS, makeTarget, type TestTarget } from './testing/targets.js';

describe.each(ADAPTER_KINDS)('migrations on %s', (kind) => {
  let target: TestTarget;
  let driver: SqlDriver | undefined;
  beforeEach(() => {
    target = makeTarget(kind);
  });
  afterEach(async () => {
    await driver?.close();
    driver = undefined;
    await target.cleanup();
  });
  const rawDriver = async () => (driver = await openDriver(resolveStoreTarget(target.config.store, target.root, target.env)));

  it('produces exactly the tables and columns the store is written against', async () => {
    await (await target.open()).close();
    const d = await rawDriver();
    for (const t of TABLES) expect({ table: t.name, columns: await d.columnsOf(t.name) }).toEqual({ table: t.name, columns: columnNames(t) });
  });

  it('applies each migration once, however often the store is opened', async () => {
    await (await target.open()).close();
    await (await target.open()).close();
    const d = await rawDriver();
    expect(await d.all('SELECT version, name FROM suture_migrations ORDER BY version')).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    expect(await migrate(d)).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION });
  });

  it('upgrades an older database and keeps its rows', async () => {
    const d = await rawDriver();
    expect(await migrate(d, 1)).toEqual({ from: 0, to: 1 });
    await d.run(`INSERT INTO runs (run_id, repo, commit_sha, branch, command, started_at, finished_at, status) VALUES ('old', 'acme/app', NULL, 'main', 'npm test', 1000, 2000, 'passed')`);
    await d.close();
    driver = undefined;

    const store = await target.open();
    const info = await store.info();
    expect(info.schemaVersion).toBe(LATEST_VERSION);
    expect(info.rows.runs).toBe(1);
    const rows = [];
    for await (const r of store.exportRows()) if (r.table === 'runs') rows.push(r.row);
    expect(rows).toEqual([{ run_id: 'old', repo: 'acme/app', commit_sha: null, branch: 'main', command: 'npm test', started_at: 1000, finished_at: 2000, status: 'passed', worker: null }]);
  });

  it('refuses a database written by a newer suture, with a clear message', async () => {
    await (await target.open()).close();
    const d = await rawDriver();
    await d.run(`INSERT INTO suture_migrations (version, name, applied_at) VALUES (99, 'from-the-future', 0)`);
    const err = await openStore({ root: target.root, config: target.config, env: target.env }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'E_STORE_TOO_NEW', exitCode: 4 });
    expect((err as Error).message).toContain(`schema version 99, newer than this suture understands (${LATEST_VERSION})`);
    expect((err as { hint: string }).hint).toMatch(/upgrade suture/);
  });

  it('lets several openers race on a brand-new database', async () => {
    const stores = await Promise.all(Array.from({ length: 6 }, () => target.open()));
    expect(stores.map((s) => s.kind)).toEqual(Array(6).fill(kind));
    const d = await rawDriver();
    expect((await d.all<{ n: number }>('SELECT count(*) AS n FROM suture_migrations'))[0]!.n).toBe(MIGRATIONS.length);
  });
});
