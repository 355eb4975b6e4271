import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readEvents, testCaseRecordSchema, type FailureEvent } from '../../events/index.js';
import { UsageError } from '../../errors.js';
import { runIngest, type IngestCommandOptions } from './run.js';
import { makeStamp } from './stamp.js';

const REPORTS = fileURLToPath(new URL('../../../test/fixtures/reports/', import.meta.url));
const tmp = mkdtempSync(path.join(tmpdir(), 'suture-ingest-run-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function ingest(inputs: string[], opts: Partial<IngestCommandOptions> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (d: Buffer) => out.push(d));
  stderr.on('data', (d: Buffer) => err.push(d));
  const { exitCode, summary } = await runIngest({ inputs, cwd: REPORTS, stdin: Readable.from([]), stdout, stderr, runId: 'run-1', ...opts });
  const text = Buffer.concat(out).toString('utf8');
  const events: FailureEvent[] = [];
  const lines = text.split('\n').filter((l) => l !== '');
  const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.record === 'test_case');
  const plain = lines.filter((l) => !l.includes('"record":"test_case"')).join('\n');
  for await (const e of readEvents(Readable.from([plain]), { source: 'stdout' })) events.push(e);
  return { exitCode, summary, events, records, stderr: Buffer.concat(err).toString('utf8') };
}

describe('runIngest over every real fixture', () => {
  // Each report with the project directory it was generated in (its paths are relative to that).
  const cases: [string, string, number, string][] = [
    ['jest/report.json', 'jest/project', 4, 'jest-json'],
    ['vitest/report.json', 'vitest/project', 4, 'vitest-json'],
    ['mocha/report.json', 'mocha/project', 5, 'mocha-json'],
    ['node-test/report.tap', 'node-test/project', 3, 'tap'],
    ['go/report.json', 'go/project', 5, 'go-json'],
    ['go/report.txt', 'go/project', 5, 'go-text'],
    ['tsc/tsc.log', 'tsc/project', 6, 'tsc'],
    ['tsc/tsc-pretty.log', 'tsc/project', 6, 'tsc'],
    ['eslint/eslint.json', 'eslint/project', 4, 'eslint-json'],
    ['eslint/eslint-stylish.log', 'eslint/project', 4, 'eslint'],
    ['pytest/collection-error.log', 'pytest/broken-project', 1, 'pytest-collection'],
    ['python/name_error.log', 'python/project', 1, 'python-traceback'],
    ['python/syntax_error.log', 'python/project', 1, 'python-traceback'],
    ['npm/npm-install-e404.log', 'npm/project', 1, 'npm'],
    ['npm/node-cannot-find-module.log', 'npm/project', 1, 'npm'],
  ];
  it.each(cases)('%s: valid v1 events whose files exist, exit 1', async (report, project, failures, format) => {
    const r = await ingest([report], { repoRoot: project });
    expect(r.exitCode).toBe(1);
    expect(r.summary.files).toEqual([expect.objectContaining({ input: report, format, failures })]);
    expect(r.events).toHaveLength(failures);
    for (const e of r.events) {
      expect(e).toMatchObject({ v: 1, run_id: 'run-1' });
      if (e.file) expect(readFileSync(path.join(REPORTS, project, e.file)).length).toBeGreaterThan(0);
    }
  });

  it('--all adds a TestCaseRecord for every passed and skipped case', async () => {
    const r = await ingest(['jest/report.json'], { repoRoot: 'jest/project', all: true });
    expect(r.records.map((l) => `${l.status} ${l.test_id}`).sort()).toEqual([
      'passed test/calc.test.js::calc > add > adds two numbers',
      'passed test/strings.test.js::joins strings with add',
      'skipped test/calc.test.js::calc > computes a square root',
      'skipped test/calc.test.js::calc > multiplies (not written yet)',
    ]);
    for (const rec of r.records) expect(testCaseRecordSchema.parse(rec)).toEqual(rec);
    expect(r.summary).toMatchObject({ events_written: 4, records_written: 4, cases: 8 });
  });

  it('without --all counts JUnit passes without building them: the same summary and events as with it', async () => {
    const inputs = ['xml-edge/*.xml', 'xml-edge/checklist/*.xml'];
    const counted = await ingest(inputs, { repoRoot: 'xml-edge' });
    const built = await ingest(inputs, { repoRoot: 'xml-edge', all: true });
    expect(counted.summary.cases).toBeGreaterThan(50);
    expect({ ...counted.summary, records_written: 0 }).toEqual({ ...built.summary, records_written: 0 });
    // The same keys in the same order (the --json summary's bytes).
    expect(JSON.stringify(counted.summary.by_status)).toBe(JSON.stringify(built.summary.by_status));
    const untimed = (events: FailureEvent[]) => events.map((e) => ({ ...e, ts: '' }));
    expect(counted.events.length).toBeGreaterThan(20);
    expect(untimed(counted.events)).toEqual(untimed(built.events));
    expect(counted.stderr.replace(/ and \d+ test case records?/, '')).toBe(built.stderr.replace(/ and \d+ test case records?/, ''));
  });

  it('summarises status, kind and the files with most failures', async () => {
    const r = await ingest(['go/report.json', 'tsc/tsc.log'], { repoRoot: 'go/project' });
    expect(r.summary).toMatchObject({ cases: 15, by_status: { passed: 3, skipped: 1, failed: 3, errored: 8 }, by_kind: { test: 8, build: 1, typecheck: 6 } });
    expect(r.summary.top_files[0]).toEqual({ file: 'src/main.ts', failures: 4 });
    expect(r.stderr).toContain('  status: 3 failed, 8 errored, 3 passed, 1 skipped\n');
    expect(r.stderr).toContain('  most failures: src/main.ts (4), calc/calc_test.go (2), src/user.ts (2), broken/broken_test.go (1), crash/crash.go (1)\n');
  });
});

describe('runIngest flags and errors', () => {
  it('refuses --out naming an input, a glob with no match, and conflicting flags', async () => {
    await expect(ingest(['jest/report.json'], { out: 'jest/report.json' })).rejects.toThrow(/is also an input/);
    await expect(ingest(['nowhere/*.json'])).rejects.toThrow('nowhere/*.json: the pattern matches no file');
    await expect(ingest(['jest/report.json'], { log: true, format: 'tap' })).rejects.toBeInstanceOf(UsageError);
    await expect(ingest(['-', '-'])).rejects.toThrow(/more than once/);
  });

  it('writes --out only when done, through a temp file', async () => {
    const out = path.join(tmp, 'events.ndjson');
    const r = await ingest(['mocha/report.json'], { repoRoot: 'mocha/project', out });
    expect(r.events).toEqual([]); // nothing on stdout
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(5);
  });

  it('--log hands inputs to the CI-log extractor instead of format detection', async () => {
    const r = await ingest(['tsc/tsc.log'], { log: true });
    expect(r.summary.files).toEqual([expect.objectContaining({ input: 'tsc/tsc.log', format: 'ci-log' })]);
    // Whatever the extractor found is written like any other result.
    expect(r.summary.events_written).toBe(r.summary.files[0]!.failures);
    expect(r.events).toHaveLength(r.summary.files[0]!.failures);
  });

  it('stamps no commit or branch outside a git repository', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'suture-nogit-'));
    writeFileSync(path.join(dir, 'x'), '');
    try {
      const s = await makeStamp(dir, undefined, new Date('2025-01-02T03:04:05.678Z'));
      expect(s).toEqual({ run_id: expect.stringMatching(/^ingest-[0-9a-f-]{36}$/), ts: '2025-01-02T03:04:05.678Z' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
