import { StoreError } from '../errors.js';
import { scrubSecret } from '../redact.js';

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function codeOf(err: unknown): string {
  return String((err as { code?: unknown })?.code ?? '');
}

/** The connection broke or never came up: worth one retry on a fresh connection (every write is idempotent). */
export function isConnectionError(err: unknown): boolean {
  const code = codeOf(err);
  if (CONNECTION_CODES.has(code) || code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03') return true;
  const msg = (err as Error)?.message ?? '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection is closed/i.test(msg);
}

/** Deadlock or serialization failure: the transaction can simply run again. */
export function isTransientConflict(err: unknown): boolean {
  const code = codeOf(err);
  return code === '40P01' || code === '40001';
}

/** Turns a `pg` error into a StoreError naming the (redacted) server and what to do. */
export function postgresError(err: unknown, location: string, url: string): StoreError {
  if (err instanceof StoreError) return err;
  const code = codeOf(err);
  const msg = scrubSecret((err as Error)?.message || code || String(err), url);
  if (code === '28P01' || code === '28000') {
    return new StoreError(`PostgreSQL at ${location} refused the credentials: ${msg}`, {
      code: 'E_STORE_AUTH',
      hint: 'Check the user and password in SUTURE_DATABASE_URL (or the variable named by store.url_env).',
      cause: err,
    });
  }
  if (code === '3D000') {
    return new StoreError(`PostgreSQL at ${location}: ${msg}`, {
      code: 'E_STORE_UNREACHABLE',
      hint: 'Create the database first (createdb <name>) or fix the database name in the URL.',
      cause: err,
    });
  }
  if (isConnectionError(err)) {
    return new StoreError(`cannot reach PostgreSQL at ${location}: ${msg}`, {
      code: 'E_STORE_UNREACHABLE',
      hint: 'Check SUTURE_DATABASE_URL (or store.url_env) and that the server is up and reachable; the run\'s reports are still written.',
      cause: err,
    });
  }
  return new StoreError(`store query failed on PostgreSQL at ${location}: ${msg}`, {
    code: 'E_STORE_QUERY',
    hint: 'This is probably a bug in suture or a permissions problem; re-run with SUTURE_DEBUG=1 and report it.',
    cause: err,
  });
}
