import type { TableDef } from './tables.js';

export type SqlValue = string | number | null;
export type Params = readonly SqlValue[];

/**
 * The little SQL surface the store needs. Queries are written once, in portable SQL with `?`
 * placeholders (the PostgreSQL adapter numbers them); only locking, batching and error mapping differ.
 */
export interface SqlExecutor {
  all<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T[]>;
  /** Returns the number of rows changed. */
  run(sql: string, params?: Params): Promise<number>;
  /**
   * Inserts rows (values in the table's column order), skipping any whose primary key already exists,
   * including duplicates within `rows`. Returns the indices of the skipped rows.
   */
  insertMany(t: TableDef, rows: SqlValue[][]): Promise<number[]>;
}

export interface SqlDriver extends SqlExecutor {
  readonly kind: 'sqlite' | 'postgres';
  /** Where the data lives, safe to print (passwords redacted). */
  readonly location: string;
  /** Runs `fn` in one transaction; writers are serialised (SQLite: BEGIN IMMEDIATE). */
  tx<T>(fn: (x: SqlExecutor) => Promise<T>): Promise<T>;
  /** A transaction that also holds the store-wide migration lock, so concurrent first opens are safe. */
  withMigrationLock<T>(fn: (x: SqlExecutor) => Promise<T>): Promise<T>;
  /** True when the migrations table exists (a brand-new database has none). */
  hasMigrationsTable(): Promise<boolean>;
  /** Refreshes planner statistics after bulk writes (SQLite: PRAGMA optimize; PostgreSQL: VACUUM ANALYZE). */
  optimize(): Promise<void>;
  /** Column names of a table as the database sees them (for the schema conformance test). */
  columnsOf(table: string): Promise<string[]>;
  close(): Promise<void>;
}
