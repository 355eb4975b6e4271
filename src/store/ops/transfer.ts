import { InputError } from '../../errors.js';
import type { SqlDriver, SqlValue } from '../driver.js';
import { StoreError } from '../errors.js';
import { LATEST_VERSION } from '../migrations/index.js';
import { schemaVersion } from '../migrate.js';
import { columnNames, findTable, TABLES, type TableDef } from '../tables.js';
import type { ExportRow } from '../types.js';

export const EXPORT_FORMAT = 'suture-store-export';
const PAGE = 2000;

/**
 * Streams every table in primary-key order, a page at a time (keyset pagination: constant cost per
 * page, no long-held cursor, the same SQL on both adapters). The first row describes the export.
 */
export async function* exportRows(db: SqlDriver): AsyncGenerator<ExportRow> {
  yield { table: '_meta', row: { format: EXPORT_FORMAT, schema_version: await schemaVersion(db), source: db.kind, exported_at: new Date().toISOString() } };
  for (const t of TABLES) {
    const cols = columnNames(t);
    const pk = t.primaryKey.join(', ');
    const after = `(${pk}) > (${t.primaryKey.map(() => '?').join(', ')})`;
    let last: SqlValue[] | undefined;
    for (;;) {
      const rows = await db.all<Record<string, SqlValue>>(
        `SELECT ${cols.join(', ')} FROM ${t.name}${last ? ` WHERE ${after}` : ''} ORDER BY ${pk} LIMIT ${PAGE}`,
        last ?? [],
      );
      for (const row of rows) yield { table: t.name, row };
      if (rows.length < PAGE) break;
      const end = rows[rows.length - 1]!;
      last = t.primaryKey.map((k) => end[k]!);
    }
  }
}

function bad(where: string, message: string): InputError {
  return new InputError(`${where}: ${message}`, {
    code: 'E_STORE_IMPORT',
    hint: "Import only files written by 'suture store export' (one JSON object per line).",
  });
}

/**
 * Checks one line of an export (shape, table, columns, types) and returns the table and its values in
 * column order; `_meta` rows return no table. `where` names the row in errors ("FILE:12").
 */
export function checkExportRow(value: unknown, where: string): { t?: TableDef; values: SqlValue[]; meta?: Record<string, unknown> } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad(where, 'expected {"table": ..., "row": {...}}');
  const { table, row } = value as { table?: unknown; row?: unknown };
  if (typeof table !== 'string') throw bad(where, 'missing "table"');
  if (typeof row !== 'object' || row === null || Array.isArray(row)) throw bad(where, 'row must be an object');
  if (table === '_meta') return { values: [], meta: row as Record<string, unknown> };
  const t = findTable(table);
  if (!t) throw bad(where, `unknown table '${table}'`);
  return { t, values: rowValues(t, row as Record<string, unknown>, where) };
}

function rowValues(t: TableDef, row: Record<string, unknown>, where: string): SqlValue[] {
  const known = new Set(columnNames(t));
  for (const k of Object.keys(row)) if (!known.has(k)) throw bad(where, `table ${t.name} has no column '${k}'`);
  return t.columns.map(([name, type, nullable]) => {
    const v = row[name];
    if (v === undefined || v === null) {
      if (nullable) return null;
      throw bad(where, `${t.name}.${name} is required`);
    }
    const ok = type === 'text' ? typeof v === 'string' : type === 'int' ? Number.isSafeInteger(v) : typeof v === 'number' && Number.isFinite(v);
    if (!ok) throw bad(where, `${t.name}.${name} must be ${type === 'text' ? 'a string' : type === 'int' ? 'an integer' : 'a number'}`);
    return v as SqlValue;
  });
}

/** Inserts exported rows, skipping any whose key exists (so an interrupted import can simply re-run). */
export async function importRows(db: SqlDriver, rows: AsyncIterable<ExportRow>): Promise<number> {
  let inserted = 0;
  let rowNo = 0;
  let pending: { t: TableDef; values: SqlValue[][] } | undefined;
  const flush = async () => {
    if (!pending || pending.values.length === 0) return;
    const { t, values } = pending;
    inserted += values.length - (await db.tx((x) => x.insertMany(t, values))).length;
    pending.values = [];
  };
  for await (const r of rows) {
    rowNo++;
    const { t, values, meta } = checkExportRow(r, `export row ${rowNo}`);
    if (meta) {
      const v = Number(meta.schema_version);
      if (Number.isFinite(v) && v > LATEST_VERSION) {
        throw new StoreError(`the export was written by a store with schema version ${v}, newer than this suture understands (${LATEST_VERSION})`, {
          code: 'E_STORE_TOO_NEW',
          hint: 'Upgrade suture before importing it.',
        });
      }
      continue;
    }
    if (!t) continue;
    if (pending?.t !== t) {
      await flush();
      pending = { t, values: [] };
    }
    pending.values.push(values);
    if (pending.values.length >= PAGE) await flush();
  }
  await flush();
  if (inserted >= 10_000) await db.optimize();
  return inserted;
}
