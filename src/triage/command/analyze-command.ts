import type { Writable } from 'node:stream';
import type { SutureConfig } from '../../config/schema.js';
import { storeExists, withStore } from '../../store/index.js';
import { analyzeHistory, type HistoryEvent, type Trends } from '../analyze.js';
import { renderTrends } from '../render.js';
import { readEventFile } from './read-events.js';

export interface AnalyzeOptions {
  inputs: string[];
  root: string;
  config: SutureConfig;
  since?: string;
  repo?: string;
  top?: number;
  json?: boolean;
  stdin: NodeJS.ReadableStream;
  stdout: Writable;
}

/** Failure history from the store: the `events` rows (one per run and test) as the export streams them. */
async function storeHistory(o: AnalyzeOptions): Promise<HistoryEvent[] | undefined> {
  const opts = { root: o.root, config: o.config };
  if (!storeExists(opts).exists) return undefined;
  return withStore(opts, async (store) => {
    const rows: HistoryEvent[] = [];
    for await (const r of store.exportRows()) {
      if (r.table !== 'events') continue;
      const row = r.row as { run_id: string; test_id: string; repo: string; ts: number; status: string; category: string | null; fingerprint: string | null };
      if (o.repo && row.repo !== o.repo) continue;
      const h: HistoryEvent = { run_id: row.run_id, test_id: row.test_id, ts: new Date(Number(row.ts)).toISOString(), status: row.status };
      if (row.category) h.category = row.category;
      if (row.fingerprint) h.fingerprint = row.fingerprint;
      rows.push(h);
    }
    return rows;
  });
}

/** `suture triage analyze [files]`: trends from NDJSON files, or from the store's history. */
export async function runAnalyze(o: AnalyzeOptions): Promise<Trends | undefined> {
  let rows: HistoryEvent[] | undefined;
  if (o.inputs.length) {
    rows = [];
    for (const input of o.inputs) for (const e of await readEventFile(input, o.stdin)) rows.push(e);
  } else rows = await storeHistory(o);
  if (!rows) {
    o.stdout.write('No history yet: no store and no event files given.\nRecord runs with `suture run`/`suture heal` or `suture triage --record`, or pass NDJSON files.\n');
    return undefined;
  }
  const opts: { top?: number; since?: string } = {};
  if (o.top !== undefined) opts.top = o.top;
  if (o.since !== undefined) opts.since = o.since;
  const t = analyzeHistory(rows, opts);
  o.stdout.write(o.json ? `${JSON.stringify(t, null, 2)}\n` : renderTrends(t));
  return t;
}
