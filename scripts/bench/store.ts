/**
 * npm run bench:store [-- --events 1000000 --adapter sqlite|postgres|both]
 *
 * Inserts N failure events (plus the runs, clusters, attempts, outcomes and model calls a real history
 * has around them) through the Store API, then computes every metric over them, on each adapter.
 * PostgreSQL: SUTURE_DATABASE_URL, else SUTURE_TEST_DATABASE_URL, else the throwaway loopback server
 * (scripts/pg-test-server.sh). Each run uses a fresh SQLite file / PostgreSQL schema and removes it.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { configSchema } from '../../src/config/schema.js';
import type { FailureEvent } from '../../src/events/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { formatTable } from '../../src/store/render/table.js';
import { adminQuery, dropSchema, testDatabaseUrl, uniqueSchema } from '../../src/store/testing/postgres.js';

const { values: args } = parseArgs({
  options: { events: { type: 'string', default: '1000000' }, adapter: { type: 'string', default: 'both' }, keep: { type: 'boolean', default: false } },
});
const TOTAL = Number(args.events);
const PER_RUN = 50;
const RUNS = Math.ceil(TOTAL / PER_RUN);
const REPOS = 10;
const DAYS = 90;
const BATCH = 20_000;
const CATEGORIES = ['assertion', 'type-error', 'import-error', 'timeout', 'snapshot', 'null-reference', 'lint', 'build', 'network', 'env'];
const START = Date.parse('2026-01-01T00:00:00.000Z');
const DAY = 86_400_000;

// Deterministic pseudo-random numbers, so both adapters get identical data.
let seed = 42;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff) / 0x7fffffff);
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;

interface Row { label: string; value: string; cpu?: string }

async function bench(kind: 'sqlite' | 'postgres'): Promise<Row[]> {
  seed = 42;
  const root = mkdtempSync(path.join(os.tmpdir(), 'suture-bench-'));
  const schema = kind === 'postgres' ? uniqueSchema('bench') : undefined;
  const env = kind === 'postgres' ? { SUTURE_DATABASE_URL: process.env.SUTURE_DATABASE_URL ?? testDatabaseUrl() } : {};
  const config = configSchema.parse({ store: kind === 'postgres' ? { schema, adapter: 'postgres' } : { adapter: 'sqlite' } });
  const store = await openStore({ root, config, env });
  const rows: Row[] = [];
  try {
    const runAt = (r: number) => START + Math.floor((r / RUNS) * DAYS * DAY);
    const repoOf = (r: number) => `org/repo-${r % REPOS}`;

    // Runs first (as `suture run` records them), timed separately.
    let t0 = performance.now();
    cpu();
    for (let r = 0; r < RUNS; r++) {
      const at = runAt(r);
      await store.recordRun({
        runId: `run-${r}`, repo: repoOf(r), branch: r % 7 === 0 ? 'feature' : 'main', command: 'npm test',
        startedAt: new Date(at).toISOString(), finishedAt: new Date(at + 300_000 + (r % 11) * 60_000).toISOString(),
        status: r % 5 === 0 ? 'passed' : r % 5 === 1 ? 'healed' : 'failed',
      });
    }
    rows.push({ label: `record ${RUNS.toLocaleString('en')} runs (one call each)`, value: rate(RUNS, performance.now() - t0, 'runs'), cpu: cpu() });

    // Events: 50 per run. Bulk: the events of 400 consecutive runs (20,000, several repositories) per
    // recordEvents call, as an import or a backfill does. The repo of each event comes from its run.
    const eventsOf = (r: number): FailureEvent[] => {
      const ts = new Date(runAt(r) + 60_000).toISOString();
      const offset = Math.floor(rand() * 2000);
      const out: FailureEvent[] = [];
      for (let i = 0; i < PER_RUN && r * PER_RUN + i < TOTAL; i++) {
        const test = (offset + i * 7) % 2000; // distinct within a run
        const category = pick(CATEGORIES);
        out.push({
          v: 1, kind: 'test', run_id: `run-${r}`, ts, framework: 'vitest', test_id: `src/mod${test % 200}.test.ts > suite > case ${test}`,
          message: `AssertionError: expected ${test} to equal ${test + 1}`, status: rand() < 0.1 ? 'flaky' : 'failed',
          file: `src/mod${test % 200}.test.ts`, line: 10 + (test % 90), category, fingerprint: `fp1:${category}:${test % 500}`,
          ...(rand() < 0.25 ? { stack: `AssertionError: expected\n    at Context.<anonymous> (src/mod${test % 200}.test.ts:${test % 90}:11)\n    at processImmediate (node:internal/timers:476:21)` } : {}),
        });
      }
      return out;
    };
    const perRunShare = Math.floor(RUNS / 10); // the last 10% of runs are recorded one run per call
    t0 = performance.now();
    cpu();
    let inserted = 0;
    for (let r = 0; r < RUNS - perRunShare; r += BATCH / PER_RUN) {
      const batch: FailureEvent[] = [];
      for (let k = r; k < Math.min(RUNS - perRunShare, r + BATCH / PER_RUN); k++) batch.push(...eventsOf(k));
      inserted += await store.recordEvents(batch);
    }
    const bulkCount = inserted;
    rows.push({ label: `insert ${bulkCount.toLocaleString('en')} events, ${BATCH.toLocaleString('en')} per call`, value: rate(bulkCount, performance.now() - t0, 'events'), cpu: cpu() });
    // Per run: what `suture run` does, one call (one transaction) per run's 50 events.
    t0 = performance.now();
    for (let r = RUNS - perRunShare; r < RUNS; r++) inserted += await store.recordEvents(eventsOf(r), repoOf(r));
    rows.push({ label: `insert ${(inserted - bulkCount).toLocaleString('en')} events, one run (${PER_RUN}) per call`, value: rate(inserted - bulkCount, performance.now() - t0, 'events'), cpu: cpu() });
    if (inserted !== TOTAL) throw new Error(`inserted ${inserted} of ${TOTAL}`);

    // The heal history around them: one outcome per failing run, a few attempts, model calls, sightings.
    t0 = performance.now();
    let extra = 0;
    for (let r = 0; r < RUNS; r += 1) {
      if (r % 5 === 0) continue;
      const repo = repoOf(r);
      const at = runAt(r);
      const fp = `fp1:${pick(CATEGORIES)}:${r % 500}`;
      const resolution = r % 5 === 1 ? 'healed' : rand() < 0.3 ? 'escalated' : 'proposed';
      const n = 1 + Math.floor(rand() * 3);
      for (let a = 1; a <= n; a++) {
        await store.recordAttempt(`run-${r}`, repo, {
          fingerprint: fp, attempt: a, fixer: pick(['ts-codefix', 'did-you-mean', 'llm', 'lint-fix']),
          outcome: a === n && resolution !== 'escalated' ? 'healed' : 'still-failing', reason: 'bench', durationMs: 2000, testsRun: 40,
          startedAt: new Date(at + a * 10_000).toISOString(), costUsd: 0.01,
        });
      }
      await store.recordOutcome(`run-${r}`, repo, {
        fingerprint: fp, resolution, category: fp.split(':')[1]!, attempts: n, at: new Date(at + 200_000).toISOString(),
        ...(resolution !== 'escalated' ? { fixer: 'llm', timeToFixMs: 60_000 + n * 30_000 } : {}),
      });
      await store.recordModelCall({ runId: `run-${r}`, repo, provider: 'anthropic', model: 'm', inputTokens: 3000, outputTokens: 400, usd: 0.012, at: new Date(at + 20_000).toISOString() });
      extra += n + 2;
    }
    rows.push({ label: `record heal history (${extra.toLocaleString('en')} rows, one call each)`, value: rate(extra, performance.now() - t0, 'rows'), cpu: cpu() });

    if (kind === 'postgres') {
      // What autovacuum does shortly after a bulk load (and `suture store import` does itself): fresh
      // statistics and a visibility map, so the metrics read their covering indexes only.
      t0 = performance.now();
      await adminQuery(`VACUUM (ANALYZE) ${schema}.events`);
      await adminQuery(`VACUUM (ANALYZE) ${schema}.runs`);
      rows.push({ label: 'VACUUM ANALYZE events, runs (as autovacuum would)', value: secs(performance.now() - t0) });
    }
    const window = { since: new Date(START).toISOString(), until: new Date(START + DAYS * DAY).toISOString() };
    const times: number[] = [];
    const cpus: string[] = [];
    let m;
    for (let i = 0; i < 3; i++) {
      t0 = performance.now();
      cpu();
      m = await store.metrics(window);
      times.push(performance.now() - t0);
      cpus.push(cpu());
    }
    if (m!.failures !== TOTAL) throw new Error(`metrics saw ${m!.failures} failures, expected ${TOTAL}`);
    rows.push({ label: `all metrics over ${TOTAL.toLocaleString('en')} events, ${DAYS}-day window`, value: `${secs(times[0]!)} first, ${secs(Math.min(...times))} best of 3`, cpu: cpus[times.indexOf(Math.min(...times))]! });
    t0 = performance.now();
    cpu();
    await store.metrics({ ...window, repo: 'org/repo-3' });
    rows.push({ label: 'all metrics, one repository of 10', value: secs(performance.now() - t0), cpu: cpu() });
    t0 = performance.now();
    for (let i = 0; i < 100; i++) await store.testHistory('org/repo-3', `src/mod${i}.test.ts > suite > case ${i}`);
    rows.push({ label: 'testHistory (flaky/risk lookup)', value: `${((performance.now() - t0) / 100).toFixed(2)} ms per call` });
    rows.push({ label: 'database size', value: await size(kind, root, schema) });
    return rows;
  } finally {
    await store.close();
    if (args.keep) process.stderr.write(`kept: ${schema ? `schema ${schema}` : path.join(root, '.suture', 'suture.db')}\n`);
    else {
      if (schema) await dropSchema(schema);
      rmSync(root, { recursive: true, force: true });
    }
  }
}

let cpuMark = process.cpuUsage();
/** Client CPU since the last mark: on a loaded machine wall time overstates cost; CPU time does not. */
function cpu(): string {
  const used = process.cpuUsage(cpuMark);
  cpuMark = process.cpuUsage();
  return `${((used.user + used.system) / 1e6).toFixed(2)} s`;
}
function rate(n: number, ms: number, unit: string): string {
  return `${Math.round(n / (ms / 1000)).toLocaleString('en')} ${unit}/s (${secs(ms)})`;
}
function secs(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
async function size(kind: string, root: string, schema?: string): Promise<string> {
  if (kind === 'sqlite') {
    const f = path.join(root, '.suture', 'suture.db');
    const bytes = statSync(f).size + (statSync(`${f}-wal`, { throwIfNoEntry: false })?.size ?? 0);
    return `${(bytes / 1e6).toFixed(0)} MB`;
  }
  const [r] = await adminQuery<{ b: string }>(
    `SELECT sum(pg_total_relation_size(c.oid))::text AS b FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'`,
    [schema],
  );
  return `${(Number(r!.b) / 1e6).toFixed(0)} MB`;
}

const kinds = args.adapter === 'both' ? (['sqlite', 'postgres'] as const) : [args.adapter as 'sqlite' | 'postgres'];
const load = os.loadavg()[0]!.toFixed(1);
for (const kind of kinds) {
  process.stderr.write(`bench:store ${kind}: ${TOTAL.toLocaleString('en')} events...\n`);
  const rows = await bench(kind);
  process.stdout.write(`\n${kind} (node ${process.version}, ${os.cpus().length} cores, load average ${load} at start)\n`);
  const cpuNote = kind === 'sqlite' ? 'suture CPU (all of SQLite\'s work)' : 'suture CPU (the server\'s work is not included)';
  process.stdout.write(formatTable(['measure', 'wall clock', cpuNote], rows.map((r) => [r.label, r.value, r.cpu ?? ''])));
}
