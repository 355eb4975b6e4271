import path from 'node:path';
import { ConfigError } from '../errors.js';
import type { StoreConfig } from './config.js';
import { redactUrl } from './redact.js';

export type StoreTarget =
  | { kind: 'sqlite'; file: string; busyTimeoutMs: number }
  | { kind: 'postgres'; url: string; schema?: string; poolSize: number; connectTimeoutMs: number };

/**
 * Decides where the store lives (pure: config + environment in, target out). PostgreSQL when
 * `adapter: postgres`, or `auto` with the URL variable set; SQLite otherwise. The URL only ever
 * comes from the environment.
 */
export function resolveStoreTarget(cfg: StoreConfig, root: string, env: NodeJS.ProcessEnv): StoreTarget {
  const url = env[cfg.url_env]?.trim() || undefined;
  const adapter = cfg.adapter === 'auto' ? (url ? 'postgres' : 'sqlite') : cfg.adapter;
  if (adapter === 'sqlite') return { kind: 'sqlite', file: path.resolve(root, cfg.path), busyTimeoutMs: cfg.busy_timeout_ms };
  if (!url) {
    throw new ConfigError(`store.adapter is 'postgres' but ${cfg.url_env} is not set`, {
      code: 'E_STORE_NO_URL',
      hint: `Export ${cfg.url_env}=postgres://user:password@host:5432/dbname (never write the URL into suture.yml).`,
    });
  }
  if (!/^postgres(ql)?:\/\//i.test(url)) {
    throw new ConfigError(`${cfg.url_env} is not a PostgreSQL URL: ${redactUrl(url)}`, {
      code: 'E_STORE_BAD_URL',
      hint: 'Use postgres://user:password@host:5432/dbname.',
    });
  }
  return {
    kind: 'postgres',
    url,
    ...(cfg.schema ? { schema: cfg.schema } : {}),
    poolSize: cfg.pool_size,
    connectTimeoutMs: cfg.connect_timeout_ms,
  };
}
