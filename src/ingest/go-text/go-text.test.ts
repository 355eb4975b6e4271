import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collect } from '../input/collect.js';
import { goText } from './index.js';
import { goJson } from '../go-json/index.js';
import { readFileSync } from 'node:fs';
import type { TestResult } from '../../events/index.js';

const fixture = fileURLToPath(new URL('../../../test/fixtures/reports/go/report.txt', import.meta.url));
const repoRoot = '/work/main/test/fixtures/reports/go/project';

describe('go test -v text (real output of go 1.19)', () => {
  it('yields the same results as the -json run of the same project', async () => {
    const text = await collect(goText, { path: fixture }, { repoRoot });
    const json = await collect(goJson, { path: fixture.replace('report.txt', 'report.json') }, { repoRoot });
    expect(text.error).toBeUndefined();
    const strip = (r: TestResult): TestResult => ({ ...r, duration_ms: undefined, stack: undefined });
    const sort = (a: TestResult, b: TestResult): number => a.test_id.localeCompare(b.test_id);
    expect(text.results.map(strip).sort(sort)).toEqual(json.results.map(strip).sort(sort));
    expect(text.results.find((r) => r.name === 'TestSubtract')).toMatchObject({ file: 'calc/calc_test.go', line: 14, message: 'Subtract(5, 3) = 8, want 2', duration_ms: 0 });
  });

  it('reads old-style output: tab-indented logs after the result line, "(0.02 seconds)"', async () => {
    const text = ['=== RUN TestOne', '--- FAIL: TestOne (0.02 seconds)', '\tfile_test.go:11: Error message', '\tfile_test.go:11: Longer', '\t\terror', '\t\tmessage.', '=== RUN TestTwo', '--- PASS: TestTwo (0.13 seconds)', 'FAIL', 'exit status 1', 'FAIL\tpackage/name 0.151s', ''].join('\n');
    const { results } = await collect(goText, { text }, { repoRoot: '/r' });
    expect(results).toEqual([
      expect.objectContaining({ test_id: 'package/name::TestTwo', status: 'passed', duration_ms: 130 }),
      expect.objectContaining({ test_id: 'package/name::TestOne', status: 'failed', duration_ms: 20, message: 'Longer\nerror\nmessage.' }),
    ]);
  });

  it('turns "# pkg" compiler errors into build results and an init panic into a package error', async () => {
    const text = [
      '# package/name/failing1',
      'failing1/failing_test.go:15: undefined: x',
      '=== RUN TestA',
      '--- PASS: TestA (0.10 seconds)',
      'PASS',
      'ok      package/name/passing1 0.100s',
      'panic: init',
      'stacktrace',
      'FAIL    package/panic  0.003s',
      'FAIL    package/name/failing1 [build failed]',
    ].join('\n');
    const { results } = await collect(goText, { text }, { repoRoot: '/r' });
    expect(results.map((r) => `${r.kind} ${r.status} ${r.test_id} ${r.message}`).sort()).toEqual([
      'build errored go:failing1/failing_test.go::undefined: x undefined: x',
      'test errored package/panic::(package) init',
      'test passed package/name/passing1::TestA undefined',
    ]);
    expect(results.find((r) => r.kind === 'build')).toMatchObject({ file: 'failing1/failing_test.go', line: 15, suite: 'package/name/failing1' });
  });

  it('gives a panic printed after "--- FAIL" to that test, and one printed after a pass to the package', async () => {
    const text = ['=== RUN   TestA', '--- FAIL: TestA (0.00s)', 'panic: boom [recovered]', '\tpanic: boom', '', 'goroutine 7 [running]:', 'main.f()', '\t/r/a_test.go:9 +0x1', 'FAIL\tp\t0.01s', '=== RUN   TestOne', '--- PASS: TestOne (0.00s)', 'PASS', 'panic: late', 'FAIL\tq\t0.005s'].join('\n');
    const { results } = await collect(goText, { text }, { repoRoot: '/r' });
    expect(results.map((r) => `${r.status} ${r.test_id} ${r.error_class} ${r.message}`)).toEqual([
      'passed q::TestOne undefined undefined',
      'errored p::TestA panic boom',
      'errored q::(package) panic late',
    ]);
    expect(results[1]).toMatchObject({ file: 'a_test.go', line: 9 });
  });

  it('sniffs -v text but leaves -json to go-json', () => {
    expect(goText.sniff(readFileSync(fixture, 'utf8'), 'report.txt')).toBeGreaterThanOrEqual(0.8);
    expect(goText.sniff(readFileSync(fixture.replace('report.txt', 'report.json'), 'utf8'), 'report.json')).toBe(0);
  });
});
