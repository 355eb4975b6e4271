import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const SCRIPT = fileURLToPath(new URL('../../../scripts/pg-test-server.sh', import.meta.url));

/**
 * The PostgreSQL the store tests run against: SUTURE_TEST_DATABASE_URL (CI exports it), else the
 * throwaway loopback server from scripts/pg-test-server.sh, started here and left running for later runs.
 * Never skipped: if PostgreSQL cannot start, the tests fail and say why.
 */
export function testDatabaseUrl(): string {
  const existing = process.env.SUTURE_TEST_DATABASE_URL;
  if (existing) return existing;
  const out = execFileSync(SCRIPT, ['start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  const m = /SUTURE_TEST_DATABASE_URL=(\S+)/.exec(out);
  if (!m) throw new Error(`scripts/pg-test-server.sh start printed no URL:\n${out}`);
  process.env.SUTURE_TEST_DATABASE_URL = m[1]!;
  return m[1]!;
}

/** A fresh schema name per test keeps tests isolated on one shared server. */
export function uniqueSchema(prefix = 't'): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

/** Runs one statement on a short-lived admin connection (test setup and teardown only). */
export async function adminQuery<T extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export async function dropSchema(schema: string): Promise<void> {
  await adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}
