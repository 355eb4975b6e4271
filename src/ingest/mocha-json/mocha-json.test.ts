import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collect } from '../input/collect.js';
import { mochaJson } from './index.js';

const fixture = fileURLToPath(new URL('../../../test/fixtures/reports/mocha/report.json', import.meta.url));
const repoRoot = '/work/main/test/fixtures/reports/mocha/project';

describe('mocha --reporter json (real report from mocha 12)', () => {
  it('yields every test and the failing hook with exact fields', async () => {
    const { results, totals, error } = await collect(mochaJson, { path: fixture }, { repoRoot });
    expect(error).toBeUndefined();
    expect(totals).toEqual([{ tests: 7, failures: 5, skipped: 1 }]);
    expect(results.map((r) => `${r.status} ${r.test_id}`)).toEqual([
      'passed test/strings.test.js::joins strings with add',
      "errored test/strings.test.js::has a 'quoted' name",
      'failed test/calc.test.js::calc > subtracts two numbers',
      'errored test/calc.test.js::calc > divides by zero',
      'skipped test/calc.test.js::calc > multiplies (not written yet)',
      'errored test/calc.test.js::calc > times out',
      'passed test/calc.test.js::calc add > adds two numbers',
      'errored test/strings.test.js::with a failing hook > "before all" hook for "is never run"',
    ]);
    expect(results[2]).toMatchObject({
      framework: 'mocha',
      suite: 'calc',
      name: 'subtracts two numbers',
      file: 'test/calc.test.js',
      line: 12,
      column: 12,
      error_class: 'AssertionError',
      error_code: 'ERR_ASSERTION',
      message: 'Expected values to be strictly equal:\n\n8 !== 2',
      duration_ms: 1,
      repro_cmd: "npx mocha test/calc.test.js --grep '^calc subtracts two numbers$'",
    });
    expect(results[3]).toMatchObject({ error_class: 'RangeError', message: 'division by zero', file: 'test/calc.test.js', line: 16, column: 18 });
    expect(results[5]).toMatchObject({ error_class: 'Error', message: expect.stringMatching(/^Timeout of 20ms exceeded\./), file: 'test/calc.test.js', line: undefined });
    expect(results[7]).toMatchObject({
      suite: 'with a failing hook',
      name: '"before all" hook for "is never run"',
      message: 'database not reachable',
      line: 15,
      repro_cmd: "npx mocha test/strings.test.js --grep '^with a failing hook '",
    });
  });

  it('marks a test that passed on a retry as flaky', async () => {
    const t = { title: 't', fullTitle: 's t', file: '/r/a.js', duration: 1, currentRetry: 2, err: {} };
    const { results } = await collect(mochaJson, { text: JSON.stringify({ stats: { tests: 1, passes: 1, pending: 0 }, tests: [t], passes: [t], pending: [], failures: [] }) }, { repoRoot: '/r' });
    expect(results[0]).toMatchObject({ status: 'flaky', flaky: { source: 'framework-rerun', runs: 3, failures: 2, passes: 1 } });
  });
});
