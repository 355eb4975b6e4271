import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ADAPTER_KINDS, makeTarget, type TestTarget } from './testing/targets.js';

const WRITER = fileURLToPath(new URL('../../test/fixtures/store/writer.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const N = 4; // processes
const M = 400; // events each
const OVERLAP = 100; // of the neighbour's events each process also sends

function runWriter(t: TestTarget, worker: number): Promise<{ worker: number; fresh: number }> {
  const args = JSON.stringify({ root: t.root, storeConfig: t.config.store, worker, workers: N, perWorker: M, batch: 25, overlap: OVERLAP });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, args], { cwd: ROOT, env: { PATH: process.env.PATH, ...t.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`writer ${worker} exited ${code}: ${err}`))));
  });
}

describe.each(ADAPTER_KINDS)('concurrent writers on %s', (kind) => {
  let target: TestTarget;
  afterEach(() => target.cleanup());

  it(`${N} processes x ${M} events on a brand-new store: nothing lost, nothing doubled`, async () => {
    target = makeTarget(kind);
    const results = await Promise.all(Array.from({ length: N }, (_, w) => runWriter(target, w)));
    // Every event was new to exactly one writer, whichever process got there first.
    expect(results.reduce((n, r) => n + r.fresh, 0)).toBe(N * M);

    const store = await target.open();
    const info = await store.info();
    expect(info.rows).toMatchObject({ runs: N, events: N * M, model_calls: N * 10 });
    const keys = new Set<string>();
    let flaky = 0;
    for await (const { table, row } of store.exportRows()) {
      if (table !== 'events') continue;
      keys.add(`${row.run_id}/${row.test_id}`);
      if (row.status === 'flaky') flaky++;
    }
    expect(keys.size).toBe(N * M);
    expect(flaky).toBe(N * (M / 10));
    const spend = await store.spend('2026-03-01T00:00:00.000Z');
    expect(spend.calls).toBe(N * 10);
    expect(spend.usd).toBeCloseTo(N * 10 * 0.01, 9);
    const m = await store.metrics({ since: '2026-03-01T00:00:00.000Z', until: '2026-03-02T00:00:00.000Z' });
    expect(m).toMatchObject({ runs: N, failures: N * M, flaky: N * (M / 10) });
  });
});
