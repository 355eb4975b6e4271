import { existsSync } from 'node:fs';
import type { SutureConfig } from '../config/schema.js';
import { openDriver } from './adapters.js';
import { migrate } from './migrate.js';
import { resolveStoreTarget } from './resolve.js';
import { redactUrl } from './redact.js';
import { degradingStore, defaultStoreWarning, type RunStore, type StoreWarning } from './run-store.js';
import { SqlStore } from './sql-store.js';
import { openSqlite } from './sqlite/driver.js';
import type { Metrics, MetricsQuery, Store } from './types.js';

export * from './types.js';
export { StoreError, isStoreError, type StoreErrorCode } from './errors.js';
export { degradingStore, defaultStoreWarning, storeExitCode, type RunStore, type StoreWarning } from './run-store.js';
export { redactUrl } from './redact.js';
export { parseDuration, isoBefore } from './duration.js';
export { resolveStoreTarget, type StoreTarget } from './resolve.js';
export { LATEST_VERSION } from './migrations/index.js';

export interface OpenStoreOptions {
  /** Repository root: the SQLite file defaults to `<root>/.suture/suture.db`. */
  root: string;
  config: SutureConfig;
  /** Where SUTURE_DATABASE_URL (or `store.url_env`) is read from; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Opens the configured store and brings its schema up to date (idempotent, safe when many processes
 * open at once). Throws StoreError (exit code 4) for a corrupt or locked file, an unreachable server or
 * a database newer than this build, and ConfigError for a missing or malformed URL.
 */
export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  const target = resolveStoreTarget(opts.config.store, opts.root, opts.env ?? process.env);
  const driver = await openDriver(target);
  try {
    await migrate(driver);
  } catch (err) {
    await driver.close();
    throw err;
  }
  return new SqlStore(driver);
}

/**
 * False only for a SQLite store whose file does not exist yet (PostgreSQL is always "there"), so
 * read-only commands can say so instead of creating an empty database as a side effect.
 */
export function storeExists(opts: OpenStoreOptions): { exists: boolean; kind: Store['kind']; location: string } {
  const target = resolveStoreTarget(opts.config.store, opts.root, opts.env ?? process.env);
  if (target.kind === 'sqlite') return { exists: existsSync(target.file), kind: 'sqlite', location: target.file };
  return { exists: true, kind: 'postgres', location: redactUrl(target.url) };
}

/** Opens the store, runs `fn`, and always closes it. For commands whose whole job is the store. */
export async function withStore<T>(opts: OpenStoreOptions, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(opts);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/**
 * Opens the store for a run that must finish whatever happens to the store: a failure (now or midway)
 * is reported once through `warn` and the run continues without history. After writing reports, end
 * with `storeExitCode(store, code)` so the failure still yields a non-zero exit. Always `close()` it.
 */
export function openRunStore(opts: OpenStoreOptions, warn: StoreWarning = defaultStoreWarning): Promise<RunStore> {
  let kind: Store['kind'] = 'sqlite';
  try {
    kind = resolveStoreTarget(opts.config.store, opts.root, opts.env ?? process.env).kind;
  } catch {
    /* reported by openStore below */
  }
  return degradingStore(openStore(opts), warn, kind);
}

/** The metrics of a store with no history (same shape as any other), without creating a file. */
export async function emptyMetrics(q: MetricsQuery): Promise<Metrics> {
  const driver = await openSqlite({ file: ':memory:', busyTimeoutMs: 0 });
  try {
    await migrate(driver);
    return await new SqlStore(driver).metrics(q);
  } finally {
    await driver.close();
  }
}
