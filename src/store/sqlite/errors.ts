import { StoreError } from '../errors.js';

/** Turns a better-sqlite3 error into a StoreError that says what happened to which file and what to do. */
export function sqliteError(err: unknown, file: string): StoreError {
  if (err instanceof StoreError) return err;
  const code = String((err as { code?: unknown })?.code ?? '');
  const msg = (err as Error)?.message ?? String(err);
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new StoreError(`the store at ${file} is not a valid SQLite database (${msg})`, {
      code: 'E_STORE_CORRUPT',
      hint: `Move the file aside (mv ${file} ${file}.broken) to start a fresh history, or restore it from a 'suture store export'.`,
      cause: err,
    });
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StoreError(`the store at ${file} is locked by another process (${msg})`, {
      code: 'E_STORE_LOCKED',
      hint: 'Another program holds an exclusive lock on it; wait for it to finish, or raise store.busy_timeout_ms in suture.yml.',
      cause: err,
    });
  }
  if (/^SQLITE_(CANTOPEN|READONLY|FULL|IOERR|PERM|AUTH)/.test(code)) {
    return new StoreError(`cannot use the store at ${file}: ${msg}`, {
      code: 'E_STORE_IO',
      hint: 'Check that the directory exists, is writable and the disk is not full, or set store.path in suture.yml.',
      cause: err,
    });
  }
  return new StoreError(`store query failed on ${file}: ${msg}`, {
    code: 'E_STORE_QUERY',
    hint: 'This is probably a bug in suture; re-run with SUTURE_DEBUG=1 and report it.',
    cause: err,
  });
}
