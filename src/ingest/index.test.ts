import fs, { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { TestResult } from '../events/index.js';
import { EmptyReportError, MalformedReportError, ReportUnreadableError, UnknownFormatError, extractBuildLog, openReport, parseReport } from './index.js';

const fixture = (p: string): string => fileURLToPath(new URL(`../../test/fixtures/reports/${p}`, import.meta.url));
const tmp = mkdtempSync(path.join(tmpdir(), 'suture-ingest-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function all(gen: AsyncGenerator<TestResult>): Promise<{ results: TestResult[]; error?: unknown }> {
  const results: TestResult[] = [];
  try {
    for await (const r of gen) results.push(r);
  } catch (error) {
    return { results, error };
  }
  return { results };
}

describe('parseReport / openReport', () => {
  it('detects the format from content, whatever the file is called', async () => {
    const copy = path.join(tmp, 'results.xml');
    writeFileSync(copy, Buffer.from(await import('node:fs/promises').then((f) => f.readFile(fixture('vitest/report.json')))));
    const opened = await openReport(copy, { repoRoot: '/work/main/test/fixtures/reports/vitest/project' });
    expect(opened.format).toBe('vitest-json');
    const { results } = await all(opened.results);
    expect(results).toHaveLength(8);
  });

  it('reads a stream (stdin) and honours a forced format', async () => {
    const text = '=== RUN   TestA\n--- PASS: TestA (0.01s)\nok  \tp\t0.02s\n';
    const { results } = await all(parseReport(Readable.from([text]), { repoRoot: '/r', format: 'go-text' }));
    expect(results).toEqual([expect.objectContaining({ test_id: 'p::TestA', status: 'passed', duration_ms: 10 })]);
  });

  it('transcodes UTF-16 (what PowerShell redirection writes)', async () => {
    const text = '\uFEFFTAP version 13\n1..1\nnot ok 1 - caf\u00e9 fails\n';
    const { results } = await all(parseReport(Readable.from([Buffer.from(text, 'utf16le')]), { repoRoot: '/r' }));
    expect(results).toEqual([expect.objectContaining({ name: 'caf\u00e9 fails', status: 'failed' })]);
  });

  it('gives each kind of bad input its own one-line error', async () => {
    const empty = path.join(tmp, 'empty.json');
    writeFileSync(empty, '  \n');
    await expect(openReport(empty, { repoRoot: '/r' })).rejects.toThrow(new EmptyReportError(empty));
    const binary = path.join(tmp, 'core.bin');
    writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3]));
    await expect(openReport(binary, { repoRoot: '/r' })).rejects.toThrow(`${binary}: binary data, not a test report or build log`);
    await expect(openReport(binary, { repoRoot: '/r' })).rejects.toBeInstanceOf(UnknownFormatError);
    await expect(openReport(path.join(tmp, 'nope.json'), { repoRoot: '/r' })).rejects.toThrow(`${path.join(tmp, 'nope.json')}: no such file`);
    await expect(openReport(tmp, { repoRoot: '/r' })).rejects.toBeInstanceOf(ReportUnreadableError);
    await expect(openReport(fixture('go/report.txt'), { repoRoot: '/r', format: 'cobol' })).rejects.toThrow(/unknown format 'cobol'/);
    const prose = path.join(tmp, 'notes.txt');
    writeFileSync(prose, 'Dear diary, today the build was green.\n');
    const err = await openReport(prose, { repoRoot: '/r' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnknownFormatError);
    expect((err as UnknownFormatError).hint).toMatch(/^Pass --format with one of: jest-json, vitest-json, mocha-json, go-json, go-text, tap/);
  });

  it('yields what parsed before a break, then throws an error naming the line', async () => {
    const lines = [
      JSON.stringify({ protocolVersion: '0.1.1', runnerVersion: '1', type: 'start', time: 0 }),
      JSON.stringify({ suite: { id: 0, path: 'test/a_test.dart' }, type: 'suite', time: 0 }),
      JSON.stringify({ test: { id: 1, name: 'a', suiteID: 0, groupIDs: [] }, type: 'testStart', time: 1 }),
      JSON.stringify({ testID: 1, result: 'success', skipped: false, hidden: false, type: 'testDone', time: 2 }),
      '{"test":{"id":2,"na',
    ].join('\n');
    const { results, error } = await all(parseReport(Readable.from([lines]), { repoRoot: '/r', displayName: 'cut.json' }));
    expect(results.map((r) => r.name)).toEqual(['a']);
    expect(error).toBeInstanceOf(MalformedReportError);
    expect((error as Error).message).toBe('cut.json:5: not valid JSON in a dart test event');
  });
});

describe('XML error positions through the facade', () => {
  const broken = '<?xml version="1.0"?>\n<testsuite name="s">\n  <testcase name="a"/>\n  <testcase name="b" time=1/>\n</testsuite>\n';
  const where = async (file: string) => ((await all((await openReport(file, { repoRoot: '/r' })).results)).error as Error).message;

  it('for a file: the file is passed on, and re-read up to the error rather than lines counted as it streams', async () => {
    const file = path.join(tmp, 'broken.xml');
    writeFileSync(file, broken);
    const reads = vi.spyOn(fs, 'createReadStream');
    try {
      expect(await where(file)).toBe(`${file}:4:27: value of attribute time is not quoted`);
      // The locator's read of the file up to the error's offset (the only read of it with an end).
      expect(reads.mock.calls.some(([p, o]) => p === file && typeof o === 'object' && o?.start === 0 && o.end !== undefined)).toBe(true);
    } finally {
      reads.mockRestore();
    }
    // A UTF-8 byte-order mark (dropped before parsing) does not shift the column.
    writeFileSync(file, `\uFEFF${broken}`);
    expect(await where(file)).toBe(`${file}:4:27: value of attribute time is not quoted`);
  });

  it('for UTF-16 (transcoded on the way, so file offsets do not apply) and for a stream: counted as it streams', async () => {
    const file = path.join(tmp, 'broken16.xml');
    writeFileSync(file, Buffer.from(`\uFEFF${broken}`, 'utf16le'));
    expect(await where(file)).toBe(`${file}:4:27: value of attribute time is not quoted`);
    const { error } = await all(parseReport(Readable.from([broken]), { repoRoot: '/r', displayName: 'stdin' }));
    expect((error as Error).message).toBe('stdin:4:27: value of attribute time is not quoted');
  });
});

describe('extractBuildLog', () => {
  const read = (p: string) => import('node:fs').then((f) => f.readFileSync(fixture(p), 'utf8'));

  it('uses the named tool, however it was invoked', async () => {
    const text = await read('tsc/tsc.log');
    const r = extractBuildLog(text, { repoRoot: '/work/main/test/fixtures/reports/tsc/project', tool: 'node_modules/.bin/tsc' });
    expect(r.map((x) => x.error_code)).toEqual(['TS2307', 'TS2552', 'TS2741', 'TS2322', 'TS2339', 'TS2322']);
  });

  it('tries every extractor when the tool is unknown, and lets the caller set the kind', async () => {
    const text = [await read('eslint/eslint-stylish.log'), await read('python/name_error.log'), await read('npm/npm-install-e404.log')].join('\n');
    const r = extractBuildLog(text, { repoRoot: '/work/main/test/fixtures/reports', tool: 'make' });
    expect(r.map((x) => `${x.framework} ${x.kind}`)).toEqual(['eslint lint', 'eslint lint', 'eslint lint', 'eslint lint', 'npm build', 'python runtime']);
    expect(extractBuildLog(text, { repoRoot: '/r', kind: 'build' }).every((x) => x.kind === 'build')).toBe(true);
  });

  it('returns nothing for clean output', () => {
    expect(extractBuildLog('Compiled successfully.\n', { repoRoot: '/r' })).toEqual([]);
  });
});
