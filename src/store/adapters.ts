import type { SqlDriver } from './driver.js';
import { openPostgres } from './postgres/driver.js';
import type { StoreTarget } from './resolve.js';
import { openSqlite } from './sqlite/driver.js';

type Opener<K extends StoreTarget['kind']> = (target: Extract<StoreTarget, { kind: K }>) => Promise<SqlDriver>;

/** Every adapter, registered once. The shared suite (store.test.ts) runs against each of them. */
export const ADAPTERS: { [K in StoreTarget['kind']]: Opener<K> } = {
  sqlite: (t) => openSqlite({ file: t.file, busyTimeoutMs: t.busyTimeoutMs }),
  postgres: (t) =>
    openPostgres({ url: t.url, ...(t.schema ? { schema: t.schema } : {}), poolSize: t.poolSize, connectTimeoutMs: t.connectTimeoutMs }),
};

export const ADAPTER_KINDS = Object.keys(ADAPTERS) as Array<StoreTarget['kind']>;

export function openDriver(target: StoreTarget): Promise<SqlDriver> {
  return target.kind === 'sqlite' ? ADAPTERS.sqlite(target) : ADAPTERS.postgres(target);
}
