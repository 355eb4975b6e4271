/**
 * npm run bench:triage [-- --events 1000000 --log-mb 1024]
 *
 * 1. Events: the data set's real failures (data/triage/examples.jsonl, extracted to events) replayed as
 *    many CI runs: each run re-emits every failure with a new run id, timestamp, line numbers and
 *    values (test ids stay: the same tests fail again). Classified and fingerprinted by the streaming
 *    accumulator; timed without the generation; RSS sampled to show memory follows clusters, not events.
 *    Then the same through NDJSON (write 1M events to a temp file, read + validate + triage).
 * 2. A raw CI log of ~1 GB (real failing outputs wrapped as GitHub/GitLab/Travis jobs, between long
 *    passing-output stretches), streamed through the CI-log extractor. Prints MB/s and peak RSS.
 * Figures are whatever this machine gives; targets: >= 100k events/s, >= 50 MB/s.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readEvents, type FailureEvent } from '../../src/events/index.js';
import { extractCiLog } from '../../src/ingest/ci-log/index.js';
import { loadExamples, exampleEvent } from '../../src/triage/dataset.js';
import { classifierFor } from '../../src/triage/index.js';
import { TriageAccumulator } from '../../src/triage/stream.js';
import { Classifier, cacheStats } from '../../src/triage/classify.js';
import { fingerprint } from '../../src/triage/fingerprint.js';
import { shippedModel } from '../../src/triage/model/model-file.js';
import { wrapLog, type Style } from '../eval/ci-log-wrap.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const arg = (n: string, d: number): number => (args.includes(n) ? Number(args[args.indexOf(n) + 1]) : d);
const EVENTS = arg('--events', 1_000_000);
const LOG_MB = arg('--log-mb', 1024);

const mb = (b: number): string => `${(b / 1048576).toFixed(0)} MB`;
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);

function vary(ev: FailureEvent, run: number, k: number): FailureEvent {
  const bump = (s: string): string => s.replace(/:(\d+):(\d+)/g, (_m, l: string, c: string) => `:${Number(l) + (run % 7)}:${c}`).replace(/\b(\d{2,5}) ?ms\b/g, () => `${(run * 37 + k) % 5000} ms`);
  const out: FailureEvent = { ...ev, run_id: `bench-${run}`, ts: new Date(Date.UTC(2024, 0, 1) + run * 3_600_000 + k).toISOString().replace(/\.\d+Z$/, 'Z'), message: bump(ev.message) };
  if (ev.stack) out.stack = bump(ev.stack).slice(0, 4000);
  if (ev.line) out.line = ev.line + (run % 7);
  return out;
}

async function benchEvents(base: FailureEvent[]): Promise<void> {
  const classifier = classifierFor(undefined, ROOT);
  const acc = new TriageAccumulator(classifier);
  const runs = Math.ceil(EVENTS / base.length);
  let done = 0;
  let ms = 0;
  let cpuMs = 0;
  const rssAt: string[] = [];
  const chunk: FailureEvent[] = [];
  for (let r = 0; r < runs && done < EVENTS; r++) {
    chunk.length = 0;
    for (let k = 0; k < base.length && done + chunk.length < EVENTS; k++) chunk.push(vary(base[k]!, r, k));
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const ev of chunk) acc.add(ev);
    ms += performance.now() - t0;
    const c1 = process.cpuUsage(c0);
    cpuMs += (c1.user + c1.system) / 1000;
    const before = done;
    done += chunk.length;
    for (const mark of [100_000, 250_000, 500_000, 1_000_000]) if (before < mark && done >= mark) rssAt.push(`${mark / 1000}k: ${mb(process.memoryUsage().rss)}`);
  }
  const t0 = performance.now();
  const clusters = acc.clusters({ infrastructureRatio: 0.5, infrastructureMinFailures: 5 });
  const clusterMs = performance.now() - t0;
  process.stdout.write(`events (in memory): ${done.toLocaleString('en')} classified+fingerprinted in ${(ms / 1000).toFixed(2)} s = ${Math.round(done / (ms / 1000)).toLocaleString('en')} events/s wall, ${Math.round(done / (cpuMs / 1000)).toLocaleString('en')} events per CPU-second; ${clusters.length.toLocaleString('en')} clusters built in ${clusterMs.toFixed(0)} ms; classification cache ${cacheStats.hits.toLocaleString('en')} hits / ${cacheStats.misses.toLocaleString('en')} misses\n`);
  // Cold path: every distinct failure once, nothing cached (the first run of a new repository).
  const cold = new Classifier(shippedModel());
  const tc = performance.now();
  for (const ev of base) {
    cold.classify(ev);
    fingerprint(ev);
  }
  const coldS = (performance.now() - tc) / 1000;
  process.stdout.write(`  cold (no cache, ${base.length} distinct failures): ${Math.round(base.length / coldS).toLocaleString('en')} events/s\n`);
  process.stdout.write(`  RSS after ${rssAt.join(', ')} (flat = memory follows clusters, not events)\n`);

  // The same through NDJSON: write, then read + validate + triage.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'suture-bench-triage-'));
  try {
    const file = path.join(dir, 'events.ndjson');
    const w = createWriteStream(file);
    let n = 0;
    for (let r = 0; n < EVENTS; r++) {
      let buf = '';
      for (let k = 0; k < base.length && n < EVENTS; k++, n++) buf += JSON.stringify(vary(base[k]!, r, k)) + '\n';
      if (!w.write(buf)) await once(w, 'drain');
    }
    w.end();
    await once(w, 'finish');
    const size = (await stat(file)).size;
    const acc2 = new TriageAccumulator(classifier);
    const t1 = performance.now();
    const cn = process.cpuUsage();
    for await (const ev of readEvents(createReadStream(file, { highWaterMark: 1 << 20 }), { source: file })) acc2.add(ev);
    const s = (performance.now() - t1) / 1000;
    const cnd = process.cpuUsage(cn);
    const cpuS = (cnd.user + cnd.system) / 1e6;
    process.stdout.write(`events (NDJSON ${mb(size)}): read + schema-validated + triaged ${acc2.events.toLocaleString('en')} in ${s.toFixed(2)} s = ${Math.round(acc2.events / s).toLocaleString('en')} events/s wall (${Math.round(acc2.events / cpuS).toLocaleString('en')} per CPU-second, ${(size / 1048576 / s).toFixed(0)} MB/s), ${acc2.groups.toLocaleString('en')} root-cause groups\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const NOISE = [
  (i: number) => `    ✓ handles case ${i} of the pricing table (${i % 40} ms)`,
  (i: number) => `tests/test_api.py::test_endpoint_${i} PASSED${' '.repeat(20)}[ ${i % 100}%]`,
  (i: number) => `[webpack] asset chunk-${i}.js ${(i * 13) % 900} KiB [emitted] [minimized] (name: chunk-${i})`,
  (i: number) => `ok  \tgithub.com/acme/app/internal/pkg${i % 50}\t0.0${i % 9}s`,
  (i: number) => `   Compiling crate${i % 300} v0.${i % 9}.${i % 5}`,
];

async function benchLog(examples: Awaited<ReturnType<typeof loadExamples>>): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'suture-bench-log-'));
  try {
    const file = path.join(dir, 'job.log');
    const w = createWriteStream(file);
    const target = LOG_MB * 1048576;
    let size = 0;
    let jobs = 0;
    const styles: Style[] = ['github', 'gitlab', 'travis'];
    for (let i = 0; size < target; i++) {
      const ex = examples[i % examples.length]!;
      // A long passing step (a build, a passing test run) before each failing job, as real jobs have.
      let noise = '##[group]Run npm run build\n##[endgroup]\n';
      for (let k = 0; k < 2000; k++) noise += NOISE[(i + k) % NOISE.length]!(k) + '\n';
      const chunk = noise + wrapLog(ex, styles[i % 3]!, { interleave: i % 5 === 0 });
      size += Buffer.byteLength(chunk);
      jobs++;
      if (!w.write(chunk)) await once(w, 'drain');
    }
    w.end();
    await once(w, 'finish');
    // Extracted in a fresh process, so its peak RSS is the extractor's alone.
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--log-phase', file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    await once(child, 'close');
    const r = JSON.parse(out) as { s: number; cpuS: number; results: number; peak: number };
    process.stdout.write(`raw CI log: ${mb(size)} (${jobs.toLocaleString('en')} wrapped failing jobs, each after a long passing step) extracted in ${r.s.toFixed(2)} s = ${(size / 1048576 / r.s).toFixed(1)} MB/s wall, ${(size / 1048576 / r.cpuS).toFixed(1)} MB per CPU-second, ${r.results.toLocaleString('en')} results, peak RSS ${mb(r.peak)}\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function logPhase(file: string): Promise<void> {
  peak = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let results = 0;
  for await (const _ of extractCiLog(createReadStream(file, { highWaterMark: 1 << 20 }), { repoRoot: ROOT, displayName: file })) results++;
  const s = (performance.now() - t0) / 1000;
  const c1 = process.cpuUsage(c0);
  peak = Math.max(peak, process.memoryUsage().rss);
  clearInterval(sampler);
  process.stdout.write(JSON.stringify({ s, cpuS: (c1.user + c1.system) / 1e6, results, peak }));
}

async function main(): Promise<void> {
  if (args.includes('--log-phase')) return logPhase(args[args.indexOf('--log-phase') + 1]!);
  const examples = await loadExamples(path.join(ROOT, 'data/triage/examples.jsonl'));
  const base: FailureEvent[] = [];
  for (const e of examples) base.push(await exampleEvent(e));
  process.stdout.write(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (wall-clock rates fall with other work on the machine; per-CPU-second rates do much less)\n`);
  process.stdout.write(`bench:triage on ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), node ${process.version}; ${base.length} distinct real failures as the base\n`);
  await benchEvents(base);
  await benchLog(examples);
  clearInterval(sampler);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
