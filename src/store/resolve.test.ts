import { describe, expect, it } from 'vitest';
import { storeConfigSchema } from './config.js';
import { resolveStoreTarget } from './resolve.js';

const cfg = (over: Record<string, unknown> = {}) => storeConfigSchema.parse(over);

describe('resolveStoreTarget', () => {
  it('defaults to SQLite under .suture in the repository', () => {
    expect(resolveStoreTarget(cfg(), '/repo', {})).toEqual({ kind: 'sqlite', file: '/repo/.suture/suture.db', busyTimeoutMs: 5000 });
    expect(resolveStoreTarget(cfg({ path: 'var/history.db' }), '/repo', {})).toMatchObject({ file: '/repo/var/history.db' });
  });

  it('switches to PostgreSQL when SUTURE_DATABASE_URL (or the named variable) is set', () => {
    expect(resolveStoreTarget(cfg(), '/repo', { SUTURE_DATABASE_URL: 'postgres://db/s' })).toEqual({
      kind: 'postgres', url: 'postgres://db/s', poolSize: 4, connectTimeoutMs: 10_000,
    });
    expect(resolveStoreTarget(cfg({ url_env: 'TEAM_DB', schema: 'suture' }), '/repo', { TEAM_DB: 'postgresql://db/s', SUTURE_DATABASE_URL: 'x' })).toMatchObject({
      kind: 'postgres', url: 'postgresql://db/s', schema: 'suture',
    });
  });

  it('lets config pin SQLite even when a URL is in the environment', () => {
    expect(resolveStoreTarget(cfg({ adapter: 'sqlite' }), '/repo', { SUTURE_DATABASE_URL: 'postgres://db/s' }).kind).toBe('sqlite');
  });

  it('never accepts a URL in the config file', () => {
    expect(storeConfigSchema.safeParse({ url_env: 'postgres://u:p@db/s' }).success).toBe(false);
    expect(storeConfigSchema.safeParse({ url: 'postgres://u:p@db/s' }).success).toBe(false);
  });
});
