import type { SqlDriver, SqlExecutor } from './driver.js';
import { StoreError } from './errors.js';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index.js';

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS suture_migrations (
  version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`;

export async function schemaVersion(x: SqlExecutor): Promise<number> {
  const rows = await x.all<{ v: number | null }>(`SELECT max(version) AS v FROM suture_migrations`);
  return rows[0]?.v ?? 0;
}

function tooNew(version: number, location: string): StoreError {
  return new StoreError(`the store at ${location} has schema version ${version}, newer than this suture understands (${LATEST_VERSION})`, {
    code: 'E_STORE_TOO_NEW',
    hint: 'A newer suture wrote it: upgrade suture (npm install -g suture@latest), or point store.path / SUTURE_DATABASE_URL elsewhere.',
  });
}

/**
 * Brings the database to `upTo` (default: the latest version), applying each missing migration in one
 * transaction under the store-wide migration lock. Safe to call from many processes at once: the first
 * one migrates, the others wait on the lock and then find nothing to do. A newer database is refused.
 */
export async function migrate(driver: SqlDriver, upTo = LATEST_VERSION): Promise<{ from: number; to: number }> {
  // Fast path without the lock: an up-to-date store is the common case on every open.
  if (await driver.hasMigrationsTable()) {
    const current = await schemaVersion(driver);
    if (current > LATEST_VERSION) throw tooNew(current, driver.location);
    if (current >= upTo) return { from: current, to: current };
  }
  return driver.withMigrationLock(async (x) => {
    await x.run(CREATE_MIGRATIONS_TABLE);
    const from = await schemaVersion(x);
    if (from > LATEST_VERSION) throw tooNew(from, driver.location);
    let to = from;
    for (const m of MIGRATIONS) {
      if (m.version <= from || m.version > upTo) continue;
      for (const statement of m.statements) {
        const sql = typeof statement === 'string' ? statement : statement(driver.kind);
        if (sql) await x.run(sql);
      }
      await x.run(`INSERT INTO suture_migrations (version, name, applied_at) VALUES (?, ?, ?)`, [m.version, m.name, Date.now()]);
      to = m.version;
    }
    return { from, to };
  });
}
