import { isSutureError, type SutureError } from '../errors.js';
import type { Store } from './types.js';

/**
 * A Store for the duration of a run that never stops the run. The first store failure (server gone,
 * file locked or corrupt, bad URL) is reported once through `warn` and kept in `failure`; from then on
 * the run continues without history: writes are dropped and reads answer as an empty history, except
 * rate-limit counts, which answer "limit reached" so nothing risky happens unrecorded. The command
 * writes its reports as usual and then exits non-zero (see `storeExitCode`).
 */
export interface RunStore extends Store {
  /** The first store failure of this run, if any. */
  readonly failure: SutureError | undefined;
}

export type StoreWarning = (err: SutureError) => void;

type Fallbacks = { [K in keyof Store]?: Store[K] extends (...a: never[]) => Promise<infer R> ? () => R : never };

const FALLBACKS: Fallbacks = {
  recordRun: () => undefined,
  finishRun: () => undefined,
  recordEvents: () => 0,
  upsertClusters: () => undefined,
  clusterHistory: () => undefined,
  setClusterIssue: () => undefined,
  testHistory: () => ({ failures: 0, flaky: 0, runs: 0 }),
  recordAttempt: () => undefined,
  recordOutcome: () => undefined,
  recordVerdict: () => undefined,
  savePlaybook: () => undefined,
  findPlaybooks: () => [],
  recordApproval: () => undefined,
  findApprovals: () => [],
  recentAttempts: () => [],
  breakerState: () => undefined,
  setBreakerState: () => undefined,
  countActions: () => Number.POSITIVE_INFINITY,
  recordAction: () => undefined,
  recordModelCall: () => undefined,
  spend: () => ({ calls: 0, inputTokens: 0, outputTokens: 0, usd: 0 }),
};

export function defaultStoreWarning(err: SutureError): void {
  process.stderr.write(`suture: warning [${err.code}] store unavailable, continuing without history: ${err.message}\n`);
  if (err.hint) process.stderr.write(`  hint: ${err.hint}\n`);
}

/**
 * Wraps an opening store. `opening` may reject (unreachable server, corrupt file): the run then starts
 * degraded. Methods without a fallback (metrics, prune, export, import, info) still throw.
 */
export function degradingStore(opening: Promise<Store>, warn: StoreWarning = defaultStoreWarning, kind: Store['kind'] = 'sqlite'): Promise<RunStore> {
  let failure: SutureError | undefined;
  const fail = (err: unknown) => {
    if (!isSutureError(err)) throw err;
    if (!failure) {
      failure = err;
      warn(err);
    }
  };
  return opening.then(
    (store) => wrap(store),
    (err) => {
      fail(err);
      return wrap(undefined);
    },
  );

  function wrap(store: Store | undefined): RunStore {
    const target = store ?? ({} as Store);
    return new Proxy(target, {
      get(_t, prop: string | symbol) {
        if (prop === 'failure') return failure;
        if (prop === 'then') return undefined; // not a thenable
        if (prop === 'kind') return store?.kind ?? kind;
        if (prop === 'location') return store?.location ?? '(unavailable)';
        if (prop === 'close') return async () => { await store?.close().catch(() => undefined); };
        const fallback = FALLBACKS[prop as keyof Store] as (() => unknown) | undefined;
        const method = store ? (store[prop as keyof Store] as unknown) : undefined;
        if (!fallback) {
          if (typeof method === 'function') return (method as (...a: unknown[]) => unknown).bind(store);
          if (!store) return async () => { throw failure; };
          return method;
        }
        return async (...args: unknown[]) => {
          if (failure || !store) return fallback();
          try {
            return await (method as (...a: unknown[]) => Promise<unknown>).apply(store, args);
          } catch (err) {
            fail(err);
            return fallback();
          }
        };
      },
    }) as RunStore;
  }
}

/** The exit code a run should end with after writing its reports: 4 (environment) if the store failed. */
export function storeExitCode(store: RunStore, otherwise: number): number {
  return store.failure ? store.failure.exitCode : otherwise;
}
