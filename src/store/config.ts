import { z } from 'zod';

/**
 * `store:` section of suture.yml. Owned by the store stage. Secrets never live here: the PostgreSQL URL
 * is read from an environment variable (SUTURE_DATABASE_URL unless `url_env` names another).
 */
export const storeConfigSchema = z
  .object({
    adapter: z
      .enum(['auto', 'sqlite', 'postgres'])
      .default('auto')
      .describe('auto: PostgreSQL when the URL variable is set, else SQLite'),
    path: z.string().default('.suture/suture.db').describe('SQLite file, relative to the repository root'),
    url_env: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name, not a URL')
      .default('SUTURE_DATABASE_URL')
      .describe('Name of the environment variable holding the PostgreSQL URL (never the URL itself)'),
    schema: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier')
      .optional()
      .describe('PostgreSQL schema for suture\'s tables (default: the connection\'s search_path, usually public)'),
    busy_timeout_ms: z.number().int().min(0).max(600_000).default(5000).describe('How long to wait for a lock before failing'),
    pool_size: z.number().int().min(1).max(100).default(4).describe('PostgreSQL connections per suture process'),
    connect_timeout_ms: z.number().int().min(100).max(600_000).default(10_000).describe('PostgreSQL connection timeout'),
  })
  .strict();

export type StoreConfig = z.infer<typeof storeConfigSchema>;
