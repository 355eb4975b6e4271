import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { readLines } from '../events/ndjson.js';
import type { ExportRow, Store } from './types.js';
import { seedHistory } from './testing/seed.js';
import { ADAPTER_KINDS, makeTarget, type TestTarget } from './testing/targets.js';

const targets: TestTarget[] = [];
afterEach(async () => {
  for (const t of targets.splice(0)) await t.cleanup();
});
async function fresh(kind: TestTarget['kind']): Promise<Store> {
  const t = makeTarget(kind);
  targets.push(t);
  return t.open();
}

/** Export as NDJSON text, exactly what `suture store export` writes. */
async function exportNdjson(store: Store): Promise<string> {
  let out = '';
  for await (const row of store.exportRows()) out += JSON.stringify(row) + '\n';
  return out;
}
async function* parseNdjson(text: string): AsyncGenerator<ExportRow> {
  for await (const { line } of readLines(Readable.from([text]), { source: 'export' })) if (line) yield JSON.parse(line) as ExportRow;
}
const dataLines = (ndjson: string) => ndjson.split('\n').filter((l) => l && !l.startsWith('{"table":"_meta"'));

describe.each([
  ['sqlite', 'postgres'],
  ['postgres', 'sqlite'],
] as const)('export from %s, import into %s', (from, to) => {
  it('moves every row with the same values, and a second import adds nothing', async () => {
    const source = await fresh(from);
    await seedHistory(source);
    const text = await exportNdjson(source);
    const rows = dataLines(text);
    const sourceInfo = await source.info();
    expect(rows.length).toBe(Object.values(sourceInfo.rows).reduce((a, b) => a + b, 0));
    expect(Object.entries(sourceInfo.rows).filter(([, n]) => n === 0)).toEqual([]); // the seed fills every table

    const dest = await fresh(to);
    expect(await dest.importRows(parseNdjson(text))).toBe(rows.length);
    expect((await dest.info()).rows).toEqual(sourceInfo.rows);
    expect(dataLines(await exportNdjson(dest))).toEqual(rows);
    const window = { since: '2026-03-01T00:00:00.000Z', until: '2026-03-08T00:00:00.000Z' };
    expect(await dest.metrics(window)).toEqual(await source.metrics(window));

    expect(await dest.importRows(parseNdjson(text))).toBe(0);
  });
});

describe.each(ADAPTER_KINDS)('import checks and prune on %s', (kind) => {
  const imp = async (store: Store, lines: object[]) => store.importRows(parseNdjson(lines.map((l) => JSON.stringify(l)).join('\n')));

  it('refuses rows that do not fit, naming the row', async () => {
    const store = await fresh(kind);
    await expect(imp(store, [{ table: 'nope', row: {} }])).rejects.toMatchObject({ code: 'E_STORE_IMPORT', message: "export row 1: unknown table 'nope'" });
    await expect(imp(store, [{ table: 'approvals', row: { patch_hash: 'h', approver: 'a', at: 'soon' } }])).rejects.toMatchObject({
      message: 'export row 1: approvals.at must be an integer',
    });
    await expect(imp(store, [{ table: '_meta', row: {} }, { table: 'approvals', row: { patch_hash: 'h', at: 1 } }])).rejects.toMatchObject({
      message: 'export row 2: approvals.approver is required',
    });
    await expect(imp(store, [{ table: 'approvals', row: { patch_hash: 'h', approver: 'a', at: 1, extra: 1 } }])).rejects.toMatchObject({
      message: "export row 1: table approvals has no column 'extra'",
    });
    await expect(imp(store, [{ table: '_meta', row: { format: 'suture-store-export', schema_version: 99 } }])).rejects.toMatchObject({ code: 'E_STORE_TOO_NEW' });
    expect((await store.info()).rows.approvals).toBe(0);
  });

  it('prunes history older than a cutoff and keeps what was learned', async () => {
    const store = await fresh(kind);
    await seedHistory(store);
    const before = (await store.info()).rows;
    const deleted = await store.prune('2026-03-02T00:00:00.000Z');
    const after = (await store.info()).rows;
    expect(deleted).toBe(Object.keys(before).reduce((n, t) => n + before[t]! - after[t]!, 0));
    expect(after).toMatchObject({
      runs: 5, events: 3, cluster_sightings: 1, clusters: 1, attempts: 1, outcomes: 2, verdicts: 0,
      model_calls: 1, actions: 0, playbooks: 1, approvals: 1, breakers: 1, patches: 1,
    });
    expect(await store.prune('2026-03-02T00:00:00.000Z')).toBe(0);
  });
});
