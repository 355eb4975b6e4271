import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configSchema, type SutureConfig } from '../../config/schema.js';
import { openStore } from '../index.js';
import type { Store } from '../types.js';
import { dropSchema, testDatabaseUrl, uniqueSchema } from './postgres.js';

import type { StoreTarget } from '../resolve.js';

export type AdapterKind = StoreTarget['kind'];
export { ADAPTER_KINDS } from '../adapters.js';

/** One isolated store location for a test: a temp SQLite file, or a fresh PostgreSQL schema. */
export interface TestTarget {
  kind: AdapterKind;
  root: string;
  config: SutureConfig;
  env: NodeJS.ProcessEnv;
  /** Set for PostgreSQL targets. */
  schema?: string;
  open(): Promise<Store>;
  cleanup(): Promise<void>;
}

export function makeTarget(kind: AdapterKind, storeConfig: Record<string, unknown> = {}): TestTarget {
  const root = mkdtempSync(path.join(os.tmpdir(), `suture-store-${kind}-`));
  const schema = kind === 'postgres' ? uniqueSchema() : undefined;
  const config = configSchema.parse({ store: { ...(schema ? { schema } : {}), ...storeConfig } });
  // Only the variables the store reads: a developer's own SUTURE_DATABASE_URL must not leak in.
  const env: NodeJS.ProcessEnv = kind === 'postgres' ? { SUTURE_DATABASE_URL: testDatabaseUrl() } : {};
  const opened: Store[] = [];
  return {
    kind,
    root,
    config,
    env,
    ...(schema ? { schema } : {}),
    async open() {
      const s = await openStore({ root, config, env });
      opened.push(s);
      return s;
    },
    async cleanup() {
      for (const s of opened) await s.close().catch(() => undefined);
      if (schema) await dropSchema(schema);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
