import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LOGS = path.join(ROOT, 'test/fixtures/logs');
let dir: string;

function event(i: number, over: Record<string, unknown> = {}): string {
  return JSON.stringify({ v: 1, kind: 'test', run_id: 'run-1', ts: `2024-05-01T10:00:${String(i % 60).padStart(2, '0')}Z`, framework: 'jest', test_id: `test/db.test.js::db > case ${i}`, message: 'Error: connect ECONNREFUSED 127.0.0.1:5432', stack: `at Object.<anonymous> (/w/test/db.test.js:${i + 3}:1)`, status: 'failed', ...over });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'suture-triage-e2e-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('suture triage', () => {
  it('reads a raw CI log (--log) and prints the cluster with stage, category, confidence and next step', async () => {
    const r = await runCli(['triage', '--log', path.join(LOGS, 'npm-e404.github.log'), '--root', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/#1 \[dependency-install\] dependency-missing {2}confidence 0\.\d+/);
    expect(r.stdout).toMatch(/next: +Add the dependency to the manifest/);
  });

  it('triages the events `suture ingest --log` writes, from stdin', async () => {
    const ingest = await runCli(['ingest', '--log', path.join(LOGS, 'ts-property-missing.github.log')], { cwd: dir });
    expect(ingest.stdout).toMatch(/"framework":"tsc"/);
    const r = await runCli(['triage', '-', '--json', '--root', dir], { input: ingest.stdout });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { events: Array<Record<string, unknown>>; clusters: Array<Record<string, unknown>> };
    expect(out.events[0]).toMatchObject({ framework: 'tsc', stage: 'compile', category: 'api-contract-mismatch', error_code: 'TS2339' });
    expect(out.events[0]!.fingerprint).toMatch(/^fp1:[0-9a-f]{20}$/);
    expect(out.clusters).toHaveLength(1);
    expect(out.clusters[0]).toMatchObject({ priority: 1, count: 1, category: 'api-contract-mismatch' });
  });

  it('makes one infrastructure cluster when most of the run fails at once, and writes annotated events with --out', async () => {
    const file = path.join(dir, 'events.ndjson');
    await writeFile(file, Array.from({ length: 30 }, (_, i) => event(i)).join('\n') + '\n' + event(99, { kind: 'lint', framework: 'eslint', test_id: 'eslint:src/a.js', message: "'x' is defined but never used", error_code: 'no-unused-vars', file: 'src/a.js' }) + '\n');
    const out = path.join(dir, 'annotated.ndjson');
    const r = await runCli(['triage', file, '--total-tests', '40', '--json', '--out', out, '--root', dir, '--no-store']);
    expect(r.code).toBe(1);
    const { clusters } = JSON.parse(r.stdout) as { clusters: Array<Record<string, unknown>> };
    expect(clusters).toHaveLength(2);
    expect(clusters[0]).toMatchObject({ infrastructure: true, stage: 'setup', category: 'network-timeout', count: 30, priority: 1 });
    expect((clusters[0]!.testIds as string[]).length).toBe(30);
    const annotated = (await readFile(out, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(annotated).toHaveLength(31);
    expect(annotated[30]).toMatchObject({ category: 'style', stage: 'lint' });
  });

  it('exits 0 when only flaky failures remain', async () => {
    const file = path.join(dir, 'flaky.ndjson');
    await writeFile(file, event(1, { status: 'flaky', flaky: { source: 'suture-rerun', runs: 3, failures: 1, passes: 2 } }) + '\n');
    const r = await runCli(['triage', file, '--root', dir, '--no-store']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\bflaky\b.*FLAKY/);
  });

  it('gives a one-line error and exit 3 for a missing file or a line that is not an event', async () => {
    const missing = await runCli(['triage', path.join(dir, 'nope.ndjson'), '--root', dir]);
    expect(missing.code, missing.stderr).toBe(3);
    expect(missing.stderr).toMatch(/cannot read .*nope\.ndjson: no such file/);
    const bad = path.join(dir, 'bad.ndjson');
    await writeFile(bad, `${event(1)}\n{"v":1,"kind":"test"}\n`);
    const r = await runCli(['triage', bad, '--root', dir]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/bad\.ndjson:2: not a v1 failure event/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('records into the store and analyses the history', async () => {
    const file = path.join(dir, 'hist.ndjson');
    await writeFile(file, [event(1, { run_id: 'r1', ts: '2024-05-01T10:00:00Z' }), event(1, { run_id: 'r2', ts: '2024-05-02T10:00:00Z' }), event(2, { run_id: 'r2', ts: '2024-05-02T10:00:01Z', message: 'AssertionError: expected 1 to equal 2', stack: 'at Context.<anonymous> (/w/test/a.spec.js:3:1)', test_id: 'a > b' })].join('\n') + '\n');
    const rec = await runCli(['triage', file, '--record', '--repo', 'acme/app', '--root', dir]);
    expect(rec.code).toBe(1);
    const r = await runCli(['triage', 'analyze', '--root', dir, '--json']);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.stdout) as { events: number; runs: number; topCategories: Array<{ category: string; count: number }>; recurring: Array<{ runs: number }> };
    expect(t).toMatchObject({ events: 3, runs: 2 });
    expect(t.topCategories[0]).toMatchObject({ category: 'network-timeout', count: 2 });
    expect(t.recurring[0]).toMatchObject({ runs: 2 });
  });
});

describe('suture triage predict / train', () => {
  it('prints stage, category, confidence, root cause and suggested fix', async () => {
    const r = await runCli(['triage', 'predict', "ModuleNotFoundError: No module named 'requests'", '--framework', 'pytest']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^stage: +test$/m);
    expect(r.stdout).toMatch(/^category: +dependency-missing$/m);
    expect(r.stdout).toMatch(/^confidence: +0\.\d{3} \(rule py:module-not-found\)$/m);
    expect(r.stdout).toMatch(/^root cause: +A third-party package/m);
    const stdin = await runCli(['triage', 'predict', '-', '--json'], { input: 'src/a.ts(1,7): error TS2322: Type \'string\' is not assignable to type \'number\'.' });
    expect(JSON.parse(stdin.stdout)).toMatchObject({ category: 'type', source: 'rule' });
  });

  it('rejects an empty message with a usage error', async () => {
    const r = await runCli(['triage', 'predict', '-'], { input: '  ' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the message is empty/);
  });

  it('retrains from a labelled file with custom patterns and prints held-out precision/recall/F1', async () => {
    const lines = (await readFile(path.join(ROOT, 'data/triage/examples.jsonl'), 'utf8')).trim().split('\n');
    // A slice: a few examples of every template, so the held-out split has every category.
    const seen = new Map<string, number>();
    const slice = lines.filter((l) => {
      const t = (JSON.parse(l) as { template: string }).template;
      seen.set(t, (seen.get(t) ?? 0) + 1);
      return seen.get(t)! <= 2;
    });
    const data = path.join(dir, 'slice.jsonl');
    await writeFile(data, slice.join('\n') + '\n');
    const custom = path.join(dir, 'custom.yml');
    await writeFile(custom, '- id: flaky-selenium\n  pattern: "StaleElementReferenceException"\n  category: flaky\n  stage: test\n');
    const out = path.join(dir, 'model.json');
    const r = await runCli(['triage', 'train', '--data', data, '--custom', custom, '--out', out], { timeoutMs: 120_000 });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Held-out accuracy \d+\.\d%/);
    expect(r.stdout).toMatch(/^dependency-missing +\d\.\d{3} +\d\.\d{3} +\d\.\d{3} +\d+$/m);
    const model = JSON.parse(await readFile(out, 'utf8')) as { format: string; version: number; custom: unknown[] };
    expect(model).toMatchObject({ format: 'suture-triage-model', version: 1 });
    expect(model.custom).toHaveLength(1);
    await writeFile(path.join(dir, 'suture.yml'), `triage:\n  model: model.json\n`);
    const p = await runCli(['triage', 'predict', 'org.openqa.selenium.StaleElementReferenceException: element is not attached', '--root', dir, '--json']);
    expect(JSON.parse(p.stdout)).toMatchObject({ category: 'flaky', rule: 'custom:flaky-selenium' });
  });
});
