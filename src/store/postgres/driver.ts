import pg from 'pg';
import type { Params, SqlDriver, SqlExecutor, SqlValue } from '../driver.js';
import { redactUrl } from '../redact.js';
import { columnNames, type ColumnType, type TableDef } from '../tables.js';
import { isConnectionError, isTransientConflict, postgresError } from './errors.js';

export interface PostgresOptions {
  url: string;
  /** Schema holding suture's tables; created under the migration lock. Absent: the connection's default. */
  schema?: string;
  poolSize: number;
  connectTimeoutMs: number;
}

const PG_TYPE: Record<ColumnType, string> = { text: 'text', int: 'bigint', real: 'double precision' };

// BIGINT, NUMERIC (sum/avg) arrive as strings by default; every value we store fits a double exactly.
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID || oid === NUMERIC_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** Connects a pool and proves the server answers, so a wrong URL fails here with a clear message. */
export async function openPostgres(opts: PostgresOptions): Promise<SqlDriver> {
  const location = redactUrl(opts.url) + (opts.schema ? ` (schema ${opts.schema})` : '');
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolSize,
    connectionTimeoutMillis: opts.connectTimeoutMs,
    // A URL's own application_name wins (tests and operators use it to tell workers apart).
    fallback_application_name: 'suture',
    types,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  // An idle connection that dies (server restart, pg_terminate_backend) must not crash the process:
  // the pool drops it and the next query gets a fresh one.
  pool.on('error', () => undefined);
  const driver = new PostgresDriver(pool, location, opts);
  try {
    await driver.all('SELECT 1');
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
  return driver;
}

/** `?` placeholders to `$1..$n` (our SQL never has a literal `?`). */
function numbered(sql: string): string {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
}

class PostgresDriver implements SqlDriver {
  readonly kind = 'postgres' as const;
  #sql = new Map<string, string>();

  constructor(
    private readonly pool: pg.Pool,
    readonly location: string,
    private readonly opts: PostgresOptions,
  ) {}

  all<T>(sql: string, params?: Params): Promise<T[]> {
    return this.#retry(() => this.#exec(this.pool).all<T>(sql, params));
  }
  run(sql: string, params?: Params): Promise<number> {
    return this.#retry(() => this.#exec(this.pool).run(sql, params));
  }
  insertMany(t: TableDef, rows: SqlValue[][]): Promise<number[]> {
    return this.#retry(() => this.#exec(this.pool).insertMany(t, rows));
  }

  tx<T>(fn: (x: SqlExecutor) => Promise<T>): Promise<T> {
    return this.#retry(async () => {
      let client: pg.PoolClient;
      try {
        client = await this.pool.connect();
      } catch (err) {
        throw postgresError(err, this.location, this.opts.url);
      }
      let broken: unknown;
      try {
        await client.query('BEGIN');
        const result = await fn(this.#exec(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        const raw = (err as { cause?: unknown }).cause ?? err;
        broken = isConnectionError(raw) ? raw : undefined;
        if (!broken) await client.query('ROLLBACK').catch(() => undefined);
        throw postgresError(err, this.location, this.opts.url);
      } finally {
        // A broken connection is destroyed rather than returned to the pool.
        client.release(broken instanceof Error ? broken : broken ? true : undefined);
      }
    });
  }

  withMigrationLock<T>(fn: (x: SqlExecutor) => Promise<T>): Promise<T> {
    return this.tx(async (x) => {
      // One lock per schema, held until commit: concurrent first opens queue here and then find the work done.
      await x.all(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`suture:migrate:${this.opts.schema ?? ''}`]);
      if (this.opts.schema) await x.run(`CREATE SCHEMA IF NOT EXISTS ${this.opts.schema}`);
      return fn(x);
    });
  }

  async hasMigrationsTable(): Promise<boolean> {
    const rows = await this.all<{ t: string | null }>(`SELECT to_regclass('suture_migrations')::text AS t`);
    return rows[0]?.t != null;
  }

  async optimize(): Promise<void> {
    // Also sets the visibility map, so the metrics can read their covering indexes without the table.
    await this.run('VACUUM (ANALYZE) events');
  }

  async columnsOf(table: string): Promise<string[]> {
    const rows = await this.all<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = ? AND table_schema = current_schema() ORDER BY ordinal_position`,
      [table],
    );
    return rows.map((r) => r.column_name);
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }

  async #retry<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn();
      } catch (err) {
        const cause = (err as { cause?: unknown }).cause ?? err;
        const retryable = isConnectionError(cause) || isTransientConflict(cause);
        if (!retryable || attempt >= 3) throw postgresError(err, this.location, this.opts.url);
      }
    }
  }

  #exec(q: pg.Pool | pg.PoolClient): SqlExecutor {
    const query = async (sql: string, params: Params = []) => {
      let text = this.#sql.get(sql);
      if (text === undefined) this.#sql.set(sql, (text = numbered(sql)));
      try {
        return await q.query(text, params as unknown[]);
      } catch (err) {
        throw postgresError(err, this.location, this.opts.url);
      }
    };
    return {
      all: async <T>(sql: string, params?: Params) => (await query(sql, params)).rows as T[],
      run: async (sql: string, params?: Params) => (await query(sql, params)).rowCount ?? 0,
      insertMany: async (t: TableDef, rows: SqlValue[][]) => {
        if (rows.length === 0) return [];
        const cols = columnNames(t);
        const pkIdx = t.primaryKey.map((k) => cols.indexOf(k));
        // One statement per batch: each column travels as one array parameter, however many rows.
        const arrays = cols.map((_, c) => rows.map((r) => r[c] ?? null));
        const sql =
          `INSERT INTO ${t.name} (${cols.join(', ')}) SELECT * FROM unnest(` +
          t.columns.map((c) => `?::${PG_TYPE[c[1]]}[]`).join(', ') +
          `) ON CONFLICT DO NOTHING RETURNING ${t.primaryKey.join(', ')}`;
        const inserted = new Set((await query(sql, arrays as unknown as SqlValue[])).rows.map((r) => JSON.stringify(t.primaryKey.map((k) => r[k]))));
        const skipped: number[] = [];
        rows.forEach((r, i) => {
          const key = JSON.stringify(pkIdx.map((p) => r[p]));
          if (inserted.has(key)) inserted.delete(key); // the first row with a key is the one inserted
          else skipped.push(i);
        });
        return skipped;
      },
    };
  }
}
