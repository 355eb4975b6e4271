import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collect } from '../input/collect.js';
import { vitestJson } from './index.js';
import { jestJson } from '../jest-json/index.js';

const fixture = fileURLToPath(new URL('../../../test/fixtures/reports/vitest/report.json', import.meta.url));
const repoRoot = '/work/main/test/fixtures/reports/vitest/project';

describe('vitest --reporter=json (real report from vitest 4)', () => {
  it('yields every test case with exact fields', async () => {
    const { results, totals, error } = await collect(vitestJson, { path: fixture }, { repoRoot });
    expect(error).toBeUndefined();
    expect(totals).toEqual([{ tests: 7, failures: 3, skipped: 2, errors: undefined }]);
    expect(results.map((r) => `${r.status} ${r.test_id}`)).toEqual([
      'errored test/broken.test.js::(test file)',
      'passed test/calc.test.js::calc > add > adds two numbers',
      'failed test/calc.test.js::calc > subtracts two numbers',
      'errored test/calc.test.js::calc > divides by zero',
      'skipped test/calc.test.js::calc > multiplies (not written yet)',
      'skipped test/calc.test.js::calc > computes a square root',
      'passed test/strings.test.js::joins strings with add',
      "errored test/strings.test.js::has a 'quoted' name",
    ]);
    expect(results[2]).toEqual({
      kind: 'test',
      framework: 'vitest',
      test_id: 'test/calc.test.js::calc > subtracts two numbers',
      status: 'failed',
      suite: 'calc',
      name: 'subtracts two numbers',
      file: 'test/calc.test.js',
      line: 12,
      column: 28,
      error_class: 'AssertionError',
      error_code: undefined,
      message: 'expected 8 to be 2 // Object.is equality',
      stack: expect.stringMatching(/^AssertionError: expected 8 to be 2 \/\/ Object.is equality\n {4}at \/work\/main\/test\/fixtures\/reports\/vitest\/project\/test\/calc.test.js:12:28\n/),
      duration_ms: expect.closeTo(3.42, 2),
      repro_cmd: "npx vitest run test/calc.test.js -t '^calc subtracts two numbers$'",
      package: undefined,
    });
    expect(results[3]).toMatchObject({ error_class: 'RangeError', message: 'division by zero', file: 'test/calc.test.js', line: 16, column: 12 });
    expect(results[0]).toMatchObject({
      file: 'test/broken.test.js',
      message: "Cannot find module '../src/does-not-exist.js' imported from /work/main/test/fixtures/reports/vitest/project/test/broken.test.js",
      repro_cmd: 'npx vitest run test/broken.test.js',
    });
  });

  it('is told apart from jest by content', () => {
    const head = readFileSync(fixture, 'utf8').slice(0, 65536);
    expect(vitestJson.sniff(head, 'report.json')).toBeGreaterThan(0.9);
    expect(jestJson.sniff(head, 'report.json')).toBe(0);
  });
});
