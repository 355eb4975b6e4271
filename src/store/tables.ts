/**
 * The current shape of every table, as data. Migrations (migrations/) are the history that produces
 * this shape; `tables.test.ts` checks that both adapters' migrated databases match it exactly. Export,
 * import and batched inserts are driven from here, so a new column is one line here plus a migration.
 *
 * Timestamps are integers (milliseconds since the epoch, UTC) in every adapter: they sort, subtract and
 * bucket by day identically in SQLite and PostgreSQL, and survive export/import byte for byte.
 */
export type ColumnType = 'text' | 'int' | 'real';

export interface TableDef {
  name: string;
  columns: ReadonlyArray<readonly [name: string, type: ColumnType, nullable?: 'null']>;
  primaryKey: readonly string[];
  /** Rows older than a cutoff on this column are removed by `prune` (absent: kept forever). */
  pruneBy?: string;
}

export const TABLES = [
  {
    name: 'runs',
    columns: [
      ['run_id', 'text'], ['repo', 'text'], ['commit_sha', 'text', 'null'], ['branch', 'text'], ['command', 'text'],
      ['started_at', 'int'], ['finished_at', 'int', 'null'], ['status', 'text'], ['worker', 'text', 'null'],
    ],
    primaryKey: ['run_id'],
    pruneBy: 'started_at',
  },
  {
    name: 'events',
    columns: [
      ['run_id', 'text'], ['test_id', 'text'], ['repo', 'text'], ['ts', 'int'], ['day', 'int'], ['kind', 'text'],
      ['framework', 'text'], ['status', 'text'], ['category', 'text', 'null'], ['fingerprint', 'text', 'null'], ['fkey', 'text'],
      ['file', 'text', 'null'], ['payload', 'text'],
    ],
    primaryKey: ['repo', 'test_id', 'run_id'],
    pruneBy: 'ts',
  },
  {
    name: 'clusters',
    columns: [
      ['repo', 'text'], ['fingerprint', 'text'], ['category', 'text'], ['stage', 'text'], ['confidence', 'real'],
      ['root_cause', 'text'], ['suggested_fix', 'text'], ['flaky', 'int'], ['risk', 'real'], ['first_seen', 'int'],
      ['last_seen', 'int'], ['last_run_id', 'text'], ['issue_ref', 'text', 'null'],
    ],
    primaryKey: ['repo', 'fingerprint'],
    pruneBy: 'last_seen',
  },
  {
    name: 'cluster_sightings',
    columns: [
      ['repo', 'text'], ['fingerprint', 'text'], ['run_id', 'text'], ['seen_at', 'int'], ['occurrences', 'int'], ['test_ids', 'text'],
    ],
    primaryKey: ['repo', 'fingerprint', 'run_id'],
    pruneBy: 'seen_at',
  },
  {
    name: 'attempts',
    columns: [
      ['run_id', 'text'], ['fingerprint', 'text'], ['attempt', 'int'], ['repo', 'text'], ['fixer', 'text'], ['outcome', 'text'],
      ['reason', 'text'], ['patch_hash', 'text', 'null'], ['duration_ms', 'int'], ['tests_run', 'int'], ['started_at', 'int'],
      ['cost_usd', 'real', 'null'],
    ],
    primaryKey: ['run_id', 'fingerprint', 'attempt'],
    pruneBy: 'started_at',
  },
  {
    name: 'patches',
    columns: [
      ['hash', 'text'], ['diff', 'text'], ['files', 'text'], ['lines_added', 'int'], ['lines_removed', 'int'], ['created_at', 'int'],
    ],
    primaryKey: ['hash'],
  },
  {
    name: 'outcomes',
    columns: [
      ['run_id', 'text'], ['fingerprint', 'text'], ['repo', 'text'], ['resolution', 'text'], ['category', 'text'],
      ['fixer', 'text', 'null'], ['attempts', 'int'], ['time_to_fix_ms', 'int', 'null'], ['patch_hash', 'text', 'null'],
      ['at', 'int'], ['false_fix', 'int'],
    ],
    primaryKey: ['run_id', 'fingerprint'],
    pruneBy: 'at',
  },
  {
    name: 'verdicts',
    columns: [
      ['run_id', 'text'], ['fingerprint', 'text'], ['patch_hash', 'text'], ['repo', 'text'], ['decision', 'text'],
      ['risk', 'text'], ['findings', 'text'], ['at', 'int'],
    ],
    primaryKey: ['run_id', 'fingerprint', 'patch_hash'],
    pruneBy: 'at',
  },
  {
    name: 'playbooks',
    columns: [
      ['repo', 'text'], ['fingerprint', 'text'], ['patch_hash', 'text'], ['fixer', 'text'], ['diff', 'text'],
      ['created_at', 'int'], ['successes', 'int'], ['updated_at', 'int'],
    ],
    primaryKey: ['repo', 'fingerprint', 'patch_hash'],
  },
  {
    name: 'approvals',
    columns: [['patch_hash', 'text'], ['approver', 'text'], ['at', 'int'], ['note', 'text', 'null']],
    primaryKey: ['patch_hash', 'approver'],
  },
  {
    name: 'breakers',
    columns: [['repo', 'text'], ['state', 'text'], ['reason', 'text', 'null'], ['opened_at', 'int', 'null'], ['updated_at', 'int']],
    primaryKey: ['repo'],
  },
  {
    name: 'actions',
    columns: [['id', 'text'], ['repo', 'text'], ['action', 'text'], ['at', 'int'], ['ref', 'text', 'null']],
    primaryKey: ['id'],
    pruneBy: 'at',
  },
  {
    name: 'model_calls',
    columns: [
      ['id', 'text'], ['run_id', 'text'], ['repo', 'text'], ['provider', 'text'], ['model', 'text'], ['input_tokens', 'int'],
      ['output_tokens', 'int'], ['usd', 'real'], ['at', 'int'], ['fingerprint', 'text', 'null'],
    ],
    primaryKey: ['id'],
    pruneBy: 'at',
  },
] as const satisfies readonly TableDef[];

export type TableName = (typeof TABLES)[number]['name'];

const BY_NAME = new Map<string, TableDef>(TABLES.map((t) => [t.name, t]));

export function table(name: TableName): TableDef {
  return BY_NAME.get(name)!;
}

export function findTable(name: string): TableDef | undefined {
  return BY_NAME.get(name);
}

export function columnNames(t: TableDef): string[] {
  return t.columns.map((c) => c[0]);
}
