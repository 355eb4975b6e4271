import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collect } from '../input/collect.js';
import { MalformedReportError, ReportTooLargeError } from '../errors.js';
import { readDocument } from '../input/document.js';
import { Readable } from 'node:stream';
import { jestJson } from './index.js';

const fixture = fileURLToPath(new URL('../../../test/fixtures/reports/jest/report.json', import.meta.url));
// The reports were generated in this directory (see the fixture's generate.sh); paths in them are absolute.
const repoRoot = '/work/main/test/fixtures/reports/jest/project';

describe('jest --json (real report from jest 30)', () => {
  it('yields every test case with exact fields', async () => {
    const { results, totals, error } = await collect(jestJson, { path: fixture }, { repoRoot });
    expect(error).toBeUndefined();
    expect(totals).toEqual([{ tests: 7, failures: 3, skipped: 2, errors: 1 }]);
    const byId = new Map(results.map((r) => [r.test_id, r]));
    expect([...byId.keys()].sort()).toEqual([
      'test/broken.test.js::(test file)',
      'test/calc.test.js::calc > add > adds two numbers',
      'test/calc.test.js::calc > computes a square root',
      'test/calc.test.js::calc > divides by zero',
      'test/calc.test.js::calc > multiplies (not written yet)',
      'test/calc.test.js::calc > subtracts two numbers',
      "test/strings.test.js::has a 'quoted' name",
      'test/strings.test.js::joins strings with add',
    ]);
    expect(byId.get('test/calc.test.js::calc > subtracts two numbers')).toMatchObject({
      kind: 'test',
      framework: 'jest',
      status: 'failed',
      suite: 'calc',
      name: 'subtracts two numbers',
      file: 'test/calc.test.js',
      line: 11,
      column: 28,
      error_class: 'JestAssertionError',
      message: 'expect(received).toBe(expected) // Object.is equality\n\nExpected: 2\nReceived: 8',
      duration_ms: 2,
      repro_cmd: "npx jest test/calc.test.js -t '^calc subtracts two numbers$'",
    });
    expect(byId.get('test/calc.test.js::calc > divides by zero')).toMatchObject({
      status: 'errored',
      error_class: 'RangeError',
      message: 'division by zero',
      file: 'test/calc.test.js',
      line: 15,
      column: 12,
    });
    expect(byId.get("test/strings.test.js::has a 'quoted' name")).toMatchObject({
      status: 'errored',
      error_class: 'TypeError',
      message: "Cannot read properties of undefined (reading 'name')",
      line: 9,
      repro_cmd: `npx jest test/strings.test.js -t '^has a '\\''quoted'\\'' name$'`,
    });
    expect(byId.get('test/broken.test.js::(test file)')).toMatchObject({
      status: 'errored',
      file: 'test/broken.test.js',
      line: 2,
      column: 17,
      message: "Cannot find module '../src/does-not-exist' from 'test/broken.test.js'",
      repro_cmd: 'npx jest test/broken.test.js',
    });
    expect(byId.get('test/calc.test.js::calc > multiplies (not written yet)')).toMatchObject({ status: 'skipped' });
    expect(byId.get('test/calc.test.js::calc > multiplies (not written yet)')?.repro_cmd).toBeUndefined();
    expect(byId.get('test/calc.test.js::calc > computes a square root')).toMatchObject({ status: 'skipped' });
    expect(byId.get('test/calc.test.js::calc > add > adds two numbers')).toMatchObject({ status: 'passed', duration_ms: 2 });
  });

  it('makes relative paths start at the workspace package', async () => {
    const { results } = await collect(jestJson, { path: fixture }, { repoRoot: '/work/main/test/fixtures/reports/jest', package: 'project' });
    const r = results.find((x) => x.name === 'subtracts two numbers');
    expect(r).toMatchObject({ file: 'project/test/calc.test.js', package: 'project', repro_cmd: "cd project && npx jest test/calc.test.js -t '^calc subtracts two numbers$'" });
  });

  it('marks a test that passed on a jest.retryTimes retry as flaky, keeping the failed attempts', async () => {
    const report = {
      numTotalTests: 1,
      testResults: [
        {
          name: '/r/a.test.js',
          status: 'passed',
          assertionResults: [
            { ancestorTitles: [], title: 't', status: 'passed', duration: 3, invocations: 2, retryReasons: ['Error: boom\n    at x (/r/a.test.js:1:1)'], failureMessages: [] },
          ],
        },
      ],
      openHandles: [],
    };
    const { results } = await collect(jestJson, { text: JSON.stringify(report) }, { repoRoot: '/r' });
    expect(results[0]).toMatchObject({ status: 'flaky', message: 'boom', flaky: { source: 'framework-rerun', runs: 2, failures: 1, passes: 1, messages: ['boom'] } });
  });

  it('skips an npm banner before the document and reports JSON errors with line and column', async () => {
    const ok = await collect(jestJson, { text: '> pkg@1.0.0 test\n> jest --json\n\n{"numTotalTests":0,"testResults":[]}' }, { repoRoot: '/r' });
    expect(ok.error).toBeUndefined();
    const bad = await collect(jestJson, { text: '> banner\n{"numTotalTests":0,\n "testResults": [}\n' }, { repoRoot: '/r', displayName: 'r.json' });
    expect(bad.error).toBeInstanceOf(MalformedReportError);
    expect((bad.error as Error).message).toMatch(/^r\.json:3:\d+: not valid JSON/);
    const truncated = await collect(jestJson, { text: '{"numTotalTests":0,"testResults":[{"name":"a"' }, { repoRoot: '/r', displayName: 'r.json' });
    expect((truncated.error as Error).message).toMatch(/^r\.json:1:\d+: not valid JSON: the document ends early/);
    const shape = await collect(jestJson, { text: '{"testResults":[{"name":3}]}' }, { repoRoot: '/r', displayName: 'r.json' });
    expect((shape.error as Error).message).toBe('r.json: not a jest JSON report at "testResults.0.name": Invalid input: expected string, received number');
  });

  it('refuses a document over the size limit instead of reading it', async () => {
    const big = Readable.from([Buffer.alloc(600, 32), Buffer.alloc(600, 32)]);
    await expect(readDocument(big, 'big.json', 'jest JSON report', 1000)).rejects.toBeInstanceOf(ReportTooLargeError);
  });

  it('sniffs jest output but not vitest output', () => {
    expect(jestJson.sniff('{"numFailedTestSuites":0,"numRuntimeErrorTestSuites":0,"numTotalTests":1,"openHandles":[],"testResults":[', 'x.json')).toBeGreaterThan(0.9);
    expect(jestJson.sniff('{"numTotalTestSuites":5,"numTotalTests":7,"testResults":[{"assertionResults":[{"meta":{}}]}]}', 'x.json')).toBe(0);
  });
});
