import { EnvironmentError, type SutureErrorOptions } from '../errors.js';

/** Stable codes for everything that can go wrong with the store (documented in docs/store.md). */
export type StoreErrorCode =
  | 'E_STORE_CORRUPT'
  | 'E_STORE_LOCKED'
  | 'E_STORE_UNREACHABLE'
  | 'E_STORE_AUTH'
  | 'E_STORE_TOO_NEW'
  | 'E_STORE_IO'
  | 'E_STORE_QUERY';

/**
 * The store could not do what was asked: a broken file, a lock held by someone else, a server that is
 * down or went away. Messages never contain a password: locations are always redacted first.
 */
export class StoreError extends EnvironmentError {
  declare readonly code: StoreErrorCode;
  constructor(message: string, opts: SutureErrorOptions & { code: StoreErrorCode }) {
    super(message, opts);
  }
}

export function isStoreError(err: unknown): err is StoreError {
  return err instanceof StoreError;
}
