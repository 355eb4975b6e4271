import { Readable, type Writable } from 'node:stream';
import { createReadStream } from 'node:fs';
import { writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { SutureConfig } from '../../config/schema.js';
import { ExitCode, InputError } from '../../errors.js';
import { toFailureEvent, type Cluster, type FailureEvent } from '../../events/index.js';
import { extractCiLog } from '../../ingest/ci-log/index.js';
import type { Store } from '../../store/types.js';
import { triage } from '../index.js';
import { renderClusters } from '../render.js';
import { readEventFile } from './read-events.js';

export interface TriageRunOptions {
  input: string;
  /** Read the input as a raw CI log instead of NDJSON events. */
  log?: boolean;
  config: SutureConfig;
  root: string;
  out?: string;
  json?: boolean;
  totalTests?: number;
  store?: Store;
  repo?: string;
  record?: boolean;
  stdin: NodeJS.ReadableStream;
  stdout: Writable;
  color?: boolean;
}

async function eventsFromLog(input: string, stdin: NodeJS.ReadableStream, root: string): Promise<FailureEvent[]> {
  const stream = input === '-' ? stdin : createReadStream(input);
  if (input !== '-') {
    await new Promise<void>((resolve, reject) => {
      (stream as Readable).once('open', () => resolve());
      (stream as Readable).once('error', (e: NodeJS.ErrnoException) => reject(new InputError(`cannot read ${input}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`, { code: 'E_INPUT_READ', hint: 'Pass a CI job log file, or - for stdin.' })));
    });
  }
  const stamp = { run_id: `log-${path.basename(input)}`, ts: new Date().toISOString().replace(/\.\d+Z$/, 'Z') };
  const out: FailureEvent[] = [];
  for await (const r of extractCiLog(stream, { repoRoot: root, displayName: input === '-' ? 'stdin' : input })) {
    const ev = toFailureEvent(r, stamp);
    if (ev) out.push(ev);
  }
  return out;
}

/** `suture triage`: annotate events, print clusters in heal order; exit 1 when there is anything to heal. */
export async function runTriage(o: TriageRunOptions): Promise<{ exitCode: number; events: FailureEvent[]; clusters: Cluster[] }> {
  const input = o.log ? await eventsFromLog(o.input, o.stdin, o.root) : await readEventFile(o.input, o.stdin);
  const topts: Parameters<typeof triage>[1] = { config: o.config, root: o.root };
  if (o.totalTests !== undefined) topts.totalTests = o.totalTests;
  if (o.store) topts.store = o.store;
  if (o.repo) topts.repo = o.repo;
  const { events, clusters } = await triage(input, topts);
  if (o.out) {
    // Written beside the target and renamed, so an interrupted run never leaves half a file.
    const tmp = `${o.out}.tmp-${process.pid}`;
    await writeFile(tmp, events.map((e) => JSON.stringify(e)).join('\n') + (events.length ? '\n' : ''));
    await rename(tmp, o.out);
  }
  if (o.record && o.store && o.repo) {
    await o.store.recordEvents(events, o.repo);
    await o.store.upsertClusters(o.repo, clusters);
  }
  if (o.json) o.stdout.write(`${JSON.stringify({ events: o.out ? undefined : events, clusters }, null, 2)}\n`);
  else o.stdout.write(renderClusters(clusters, events.length, o.color));
  return { exitCode: clusters.some((c) => !c.flaky) ? ExitCode.FAILURES : ExitCode.OK, events, clusters };
}
