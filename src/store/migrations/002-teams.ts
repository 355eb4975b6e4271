import type { Migration } from './types.js';

/**
 * Shared-store features for many CI workers and one dashboard: which worker recorded a run, the
 * tracking issue opened for a root cause (GitHub issue per cluster), and a lookup of a cluster's
 * sightings over time (recurrence and false-fix detection).
 */
export const teams: Migration = {
  version: 2,
  name: 'teams',
  statements: [
    `ALTER TABLE runs ADD COLUMN worker TEXT`,
    `ALTER TABLE clusters ADD COLUMN issue_ref TEXT`,
    `CREATE INDEX cluster_sightings_fp ON cluster_sightings (repo, fingerprint, seen_at)`,
  ],
};
