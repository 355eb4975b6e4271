import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Params, SqlDriver, SqlExecutor, SqlValue } from '../driver.js';
import { columnNames, type TableDef } from '../tables.js';
import { sqliteError } from './errors.js';
import { markStateDir } from '../../util/state-dir.js';

export interface SqliteOptions {
  file: string;
  busyTimeoutMs: number;
}

/**
 * better-sqlite3 in WAL mode: readers never block the writer, and several processes can share the file
 * (writers queue on the busy timeout). The driver is synchronous; this wrapper serialises calls so an
 * async transaction body never interleaves with another call on the same connection.
 */
export async function openSqlite(opts: SqliteOptions): Promise<SqlDriver> {
  const memory = opts.file === ':memory:';
  const file = memory ? opts.file : path.resolve(opts.file);
  let db: Database.Database;
  try {
    if (!memory) {
      mkdirSync(path.dirname(file), { recursive: true });
      markStateDir(file);
    }
    db = new Database(file, { timeout: opts.busyTimeoutMs });
  } catch (err) {
    throw sqliteError(err, file);
  }
  try {
    db.pragma('journal_mode = WAL');
    // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose the last commit.
    db.pragma('synchronous = NORMAL');
    // Index pages stay cached across a batch of inserts, and a larger WAL between checkpoints (up to
    // ~80 MB, removed on close) copies a page touched by many batches once instead of once per batch.
    // Metrics' small sorts stay in memory.
    db.pragma('cache_size = -65536');
    db.pragma('wal_autocheckpoint = 20000');
    // Pages beyond the cache are read through a memory map instead of a read() call each.
    db.pragma('mmap_size = 1073741824');
    db.pragma('temp_store = MEMORY');
  } catch (err) {
    db.close();
    throw sqliteError(err, file);
  }
  return new SqliteDriver(db, file);
}

/**
 * One queue per database file for the whole process. better-sqlite3 waits for locks synchronously, so
 * two connections of one process to the same file must never wait on each other: one would block the
 * event loop that the other needs to finish its transaction.
 */
const queues = new Map<string, { tail: Promise<unknown>; users: number }>();

class SqliteDriver implements SqlDriver {
  readonly kind = 'sqlite' as const;
  readonly #queue: { tail: Promise<unknown>; users: number };
  #statements = new Map<string, Database.Statement>();
  readonly #direct: SqlExecutor;

  constructor(
    private readonly db: Database.Database,
    readonly location: string,
  ) {
    this.#queue = queues.get(location) ?? { tail: Promise.resolve(), users: 0 };
    this.#queue.users++;
    queues.set(location, this.#queue);
    this.#direct = {
      all: async <T>(sql: string, params: Params = []) => this.#guard(() => this.#stmt(sql).all(...params) as T[]),
      run: async (sql: string, params: Params = []) => this.#guard(() => this.#stmt(sql).run(...params).changes),
      insertMany: async (t: TableDef, rows: SqlValue[][]) => this.#guard(() => this.#insertMany(t, rows)),
    };
  }

  all<T>(sql: string, params?: Params): Promise<T[]> {
    return this.#serial(() => this.#direct.all<T>(sql, params));
  }
  run(sql: string, params?: Params): Promise<number> {
    return this.#serial(() => this.#direct.run(sql, params));
  }
  insertMany(t: TableDef, rows: SqlValue[][]): Promise<number[]> {
    return this.#serial(() => this.#direct.insertMany(t, rows));
  }

  tx<T>(fn: (x: SqlExecutor) => Promise<T>): Promise<T> {
    return this.#serial(async () => {
      // IMMEDIATE takes the write lock up front (waiting on the busy timeout), so two processes never
      // deadlock upgrading read locks to write locks.
      this.#guard(() => this.db.exec('BEGIN IMMEDIATE'));
      try {
        const result = await fn(this.#direct);
        this.#guard(() => this.db.exec('COMMIT'));
        return result;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw sqliteError(err, this.location);
      }
    });
  }

  withMigrationLock<T>(fn: (x: SqlExecutor) => Promise<T>): Promise<T> {
    // The IMMEDIATE transaction's write lock is file-wide: it is the migration lock.
    return this.tx(fn);
  }

  async hasMigrationsTable(): Promise<boolean> {
    const rows = await this.all<{ n: number }>(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'suture_migrations'`);
    return (rows[0]?.n ?? 0) > 0;
  }

  async optimize(): Promise<void> {
    await this.#serial(async () => void this.#guard(() => this.db.pragma('optimize')));
  }

  async columnsOf(table: string): Promise<string[]> {
    const rows = await this.all<{ name: string }>(`SELECT name FROM pragma_table_info(?)`, [table]);
    return rows.map((r) => r.name);
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    await this.#serial(async () => this.db.close());
    if (--this.#queue.users === 0) queues.delete(this.location);
  }

  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.#queue.tail.then(fn, fn);
    this.#queue.tail = result.catch(() => undefined);
    return result;
  }

  #guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw sqliteError(err, this.location);
    }
  }

  #stmt(sql: string): Database.Statement {
    let s = this.#statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.#statements.set(sql, s);
    }
    return s;
  }

  #insertMany(t: TableDef, rows: SqlValue[][]): number[] {
    const cols = columnNames(t);
    const stmt = this.#stmt(`INSERT INTO ${t.name} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) ON CONFLICT DO NOTHING`);
    const skipped: number[] = [];
    const insertAll = this.db.transaction(() => {
      for (let i = 0; i < rows.length; i++) if (stmt.run(...rows[i]!).changes === 0) skipped.push(i);
    });
    // Inside an open transaction better-sqlite3 uses a savepoint; outside it takes the write lock first.
    if (this.db.inTransaction) insertAll();
    else insertAll.immediate();
    return skipped;
  }
}
