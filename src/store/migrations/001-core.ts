import type { Migration } from './types.js';

/**
 * The core history: runs and their failure events, clusters and their sightings, heal attempts and
 * outcomes, guard verdicts and approvals, playbooks, breaker and rate-limit state, model-call costs.
 * Portable DDL only: TEXT, BIGINT and DOUBLE PRECISION mean the same in SQLite and PostgreSQL.
 */
export const core: Migration = {
  version: 1,
  name: 'core',
  statements: [
    `CREATE TABLE runs (
      run_id TEXT PRIMARY KEY, repo TEXT NOT NULL, commit_sha TEXT, branch TEXT NOT NULL, command TEXT NOT NULL,
      started_at BIGINT NOT NULL, finished_at BIGINT, status TEXT NOT NULL)`,
    `CREATE INDEX runs_started ON runs (started_at)`,
    // Time to green looks for the next green run on the same repository and branch.
    `CREATE INDEX runs_repo_branch ON runs (repo, branch, started_at)`,

    // The key is (run, test) as the events schema defines it, led by the repository (a run belongs to
    // one) so the same index answers a test's history.
    // `day` (UTC day number) and `fkey` (fingerprint, else test id) are derived on write so the covering
    // indexes below hold exactly what each metric reads, already in its GROUP BY order: metrics read
    // them front to back without sorting and never touch the wide rows (see docs/store.md).
    // `payload` is the rest of the event (message, stack, line, ...) as JSON.
    `CREATE TABLE events (
      run_id TEXT NOT NULL, test_id TEXT NOT NULL, repo TEXT NOT NULL, ts BIGINT NOT NULL, day BIGINT NOT NULL,
      kind TEXT NOT NULL, framework TEXT NOT NULL, status TEXT NOT NULL, category TEXT, fingerprint TEXT,
      fkey TEXT NOT NULL, file TEXT, payload TEXT NOT NULL, PRIMARY KEY (repo, test_id, run_id))`,
    `CREATE INDEX events_by_category_day ON events (repo, category, day, status, ts)`,
    `CREATE INDEX events_by_key ON events (repo, fkey, run_id, status, ts)`,
    // PostgreSQL guesses the number of (repo, fkey) groups from each column alone and, far too low, picks
    // a hash over a full scan; the real figure makes it read events_by_key in order instead.
    (d) => (d === 'postgres' ? `CREATE STATISTICS events_key_groups (ndistinct) ON repo, fkey FROM events` : ''),

    `CREATE TABLE clusters (
      repo TEXT NOT NULL, fingerprint TEXT NOT NULL, category TEXT NOT NULL, stage TEXT NOT NULL,
      confidence DOUBLE PRECISION NOT NULL, root_cause TEXT NOT NULL, suggested_fix TEXT NOT NULL, flaky BIGINT NOT NULL,
      risk DOUBLE PRECISION NOT NULL, first_seen BIGINT NOT NULL, last_seen BIGINT NOT NULL, last_run_id TEXT NOT NULL,
      PRIMARY KEY (repo, fingerprint))`,
    `CREATE TABLE cluster_sightings (
      repo TEXT NOT NULL, fingerprint TEXT NOT NULL, run_id TEXT NOT NULL, seen_at BIGINT NOT NULL,
      occurrences BIGINT NOT NULL, test_ids TEXT NOT NULL, PRIMARY KEY (repo, fingerprint, run_id))`,
    `CREATE INDEX cluster_sightings_seen ON cluster_sightings (seen_at)`,

    `CREATE TABLE attempts (
      run_id TEXT NOT NULL, fingerprint TEXT NOT NULL, attempt BIGINT NOT NULL, repo TEXT NOT NULL, fixer TEXT NOT NULL,
      outcome TEXT NOT NULL, reason TEXT NOT NULL, patch_hash TEXT, duration_ms BIGINT NOT NULL, tests_run BIGINT NOT NULL,
      started_at BIGINT NOT NULL, cost_usd DOUBLE PRECISION, PRIMARY KEY (run_id, fingerprint, attempt))`,
    `CREATE INDEX attempts_repo_started ON attempts (repo, started_at)`,
    `CREATE INDEX attempts_started ON attempts (started_at)`,
    `CREATE TABLE patches (
      hash TEXT PRIMARY KEY, diff TEXT NOT NULL, files TEXT NOT NULL, lines_added BIGINT NOT NULL,
      lines_removed BIGINT NOT NULL, created_at BIGINT NOT NULL)`,
    `CREATE TABLE outcomes (
      run_id TEXT NOT NULL, fingerprint TEXT NOT NULL, repo TEXT NOT NULL, resolution TEXT NOT NULL, category TEXT NOT NULL,
      fixer TEXT, attempts BIGINT NOT NULL, time_to_fix_ms BIGINT, patch_hash TEXT, at BIGINT NOT NULL,
      false_fix BIGINT NOT NULL, PRIMARY KEY (run_id, fingerprint))`,
    `CREATE INDEX outcomes_at ON outcomes (at)`,

    `CREATE TABLE verdicts (
      run_id TEXT NOT NULL, fingerprint TEXT NOT NULL, patch_hash TEXT NOT NULL, repo TEXT NOT NULL, decision TEXT NOT NULL,
      risk TEXT NOT NULL, findings TEXT NOT NULL, at BIGINT NOT NULL, PRIMARY KEY (run_id, fingerprint, patch_hash))`,
    `CREATE TABLE playbooks (
      repo TEXT NOT NULL, fingerprint TEXT NOT NULL, patch_hash TEXT NOT NULL, fixer TEXT NOT NULL, diff TEXT NOT NULL,
      created_at BIGINT NOT NULL, successes BIGINT NOT NULL, updated_at BIGINT NOT NULL,
      PRIMARY KEY (repo, fingerprint, patch_hash))`,
    `CREATE TABLE approvals (
      patch_hash TEXT NOT NULL, approver TEXT NOT NULL, at BIGINT NOT NULL, note TEXT, PRIMARY KEY (patch_hash, approver))`,
    `CREATE TABLE breakers (
      repo TEXT PRIMARY KEY, state TEXT NOT NULL, reason TEXT, opened_at BIGINT, updated_at BIGINT NOT NULL)`,
    `CREATE TABLE actions (
      id TEXT PRIMARY KEY, repo TEXT NOT NULL, action TEXT NOT NULL, at BIGINT NOT NULL, ref TEXT)`,
    `CREATE INDEX actions_repo_action_at ON actions (repo, action, at)`,
    `CREATE TABLE model_calls (
      id TEXT PRIMARY KEY, run_id TEXT NOT NULL, repo TEXT NOT NULL, provider TEXT NOT NULL, model TEXT NOT NULL,
      input_tokens BIGINT NOT NULL, output_tokens BIGINT NOT NULL, usd DOUBLE PRECISION NOT NULL, at BIGINT NOT NULL,
      fingerprint TEXT)`,
    `CREATE INDEX model_calls_at ON model_calls (at)`,
  ],
};
