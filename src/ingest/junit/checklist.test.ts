import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TestResult } from '../../events/index.js';
import { collect } from '../xml/collect.js';
import { junitParser } from './parser.js';

// One hand-made file per point of the shared corpus README's checklist ("What real reports do").
// Points 14-15 (hostile and broken XML) are in src/ingest/xml/bad-input.test.ts; 17-18 are not XML.
const DIR = fileURLToPath(new URL('../../../test/fixtures/reports/xml-edge/checklist/', import.meta.url));
const ROOT = '/repo';

async function parse(file: string) {
  const r = await collect(junitParser, path.join(DIR, file), ROOT, { chunkSize: 97 });
  expect(r.error).toBeUndefined();
  return r;
}

const pick = (r: TestResult, ...keys: (keyof TestResult)[]): unknown[] => keys.map((k) => r[k]);

describe('the corpus checklist, point by point', () => {
  it('1. suites nest to any depth, with cases at several levels and directly under the root', async () => {
    const { results, totals } = await parse('01-nesting.xml');
    expect(results.map((r) => pick(r, 'test_id', 'suite', 'status'))).toEqual([
      ['root.Level0::at the root', undefined, 'passed'],
      ['l1.Case::one', 'L1', 'passed'],
      ['l4.Case::deep', 'L4', 'failed'],
      ['l3.Case::three', 'L3', 'passed'],
      ['l1.Case::after the nest', 'L1', 'passed'],
    ]);
    expect(totals).toEqual({ tests: 5, failures: 1 });
  });

  it('2. attributes go missing; counts may disagree with the cases present', async () => {
    const { results, totals } = await parse('02-missing-attributes.xml');
    expect(results.map((r) => pick(r, 'test_id', 'status', 'duration_ms', 'message'))).toEqual([
      ['(unnamed 1)', 'passed', undefined, undefined],
      ['no classname, no time', 'passed', undefined, undefined],
      ['only.Classname::(unnamed 2)', 'passed', undefined, undefined],
      ['failure without attributes', 'failed', undefined, undefined],
      ['error without attributes', 'errored', undefined, undefined],
      ['skipped without attributes', 'skipped', undefined, undefined],
      ['c.D::only one case', 'passed', undefined, undefined],
    ]);
    // The report's own totals are passed on as stated, not corrected.
    expect(totals).toEqual({ tests: 10, failures: 0, errors: 7, skipped: 3 });
  });

  it('3. one case with several results: error > failure > skipped, every message kept', async () => {
    const { results } = await parse('03-multi-results.xml');
    expect(results.map((r) => pick(r, 'status', 'error_class', 'message', 'stack'))).toEqual([
      ['errored', 'RuntimeError', 'then teardown crashed\n[failure] then an assertion failed\n[skipped] first marked skipped', 'Traceback: teardown'],
      ['failed', undefined, 'first failure\n[failure] second failure', 'one'],
      ['failed', undefined, 'failed anyway', undefined],
    ]);
  });

  it('4. a failure with only a body, only a message, a generic "Failed", only a type', async () => {
    const { results } = await parse('04-message-or-body.xml');
    expect(results.map((r) => pick(r, 'status', 'error_class', 'message', 'file', 'line'))).toEqual([
      ['failed', 'AssertionError', 'expected 1 to equal 2', 'test/a.test.js', 3],
      ['failed', 'AssertionError', 'expected true to be false', undefined, undefined],
      ['failed', undefined, 'calc_test.go:25: expected 5, got 6', 'calc_test.go', 25],
      ['errored', 'java.lang.OutOfMemoryError', 'java.lang.OutOfMemoryError', undefined, undefined],
    ]);
  });

  it('5. text mixing plain text, entities and several CDATA sections (one split `]]>`)', async () => {
    for (const chunkSize of [1, 2, 3, 5, 8, 13, 4096]) {
      const r = await collect(junitParser, path.join(DIR, '05-cdata-mixed.xml'), ROOT, { chunkSize });
      expect(r.results[0]!.stack).toBe('plain & text <cdata one & ]]> middle <text> cdata two end');
    }
  });

  it('6. the location on the case, the failure, the suite, as "file.c:38", only in the stack', async () => {
    const { results } = await parse('06-locations.xml');
    expect(results.map((r) => pick(r, 'test_id', 'file', 'line'))).toEqual([
      ['tests/Unit/CalcTest.php::testOnCase', 'tests/Unit/CalcTest.php', 42],
      ['tests/Unit/SuiteFile.php::testOnSuite', 'tests/Unit/SuiteFile.php', 17],
      ['exe.global::on the failure', 'src/test/math_test.cpp', 38],
      ['exe.global::as file:line in the text', 'src/lib/parse.c', 38],
      ['js suite::only in the stack', 'test/app.test.js', 12], // the test's frame, not node_modules or src
      ['/elsewhere/x.py::file outside the repository', undefined, undefined],
    ]);
  });

  it('7. Surefire flakyFailure/flakyError mean flaky; rerunFailure/rerunError beside a failure mean failed every time', async () => {
    const { results, totals } = await parse('07-surefire-reruns.xml');
    expect(results.map((r) => pick(r, 'framework', 'name', 'status'))).toEqual([
      ['surefire', 'passesOnSecondRun', 'flaky'],
      ['surefire', 'passesOnThirdRun', 'flaky'],
      ['surefire', 'failsEveryTime', 'failed'],
      ['surefire', 'errorsEveryTime', 'errored'],
    ]);
    expect(results[0]).toMatchObject({
      message: 'expected:<1> but was:<2>',
      error_class: 'org.opentest4j.AssertionFailedError',
      stack: 'org.opentest4j.AssertionFailedError: expected: <1> but was: <2>\n\tat com.acme.RetryTest.passesOnSecondRun(RetryTest.java:21)',
      flaky: { source: 'framework-rerun', runs: 2, failures: 1, passes: 1, messages: ['expected:<1> but was:<2>'] },
    });
    expect(results[1]!.flaky).toEqual({ source: 'framework-rerun', runs: 3, failures: 2, passes: 1, messages: ['Connection refused', 'timeout'] });
    expect(results[2]).toMatchObject({ message: 'still broken', repro_cmd: "mvn test '-Dtest=com.acme.RetryTest#failsEveryTime'" });
    expect(results[2]!.flaky).toBeUndefined();
    expect(results[3]).toMatchObject({ message: 'NPE\n[rerun error] NPE again', error_class: 'java.lang.NullPointerException' });
    expect(totals).toEqual({ tests: 4, failures: 1, errors: 1, skipped: 0 });
  });

  it('7. repeated test cases in one suite are re-runs: the last run decides, an earlier failure makes a pass flaky', async () => {
    const { results } = await parse('07b-duplicate-reruns.xml');
    expect(results.map((r) => pick(r, 'test_id', 'status', 'duration_ms', 'message'))).toEqual([
      ['tests/test_net.py::test_flaky', 'flaky', 3000, 'first try'],
      ['tests/test_other.py::test_between', 'passed', 100, undefined],
      ['tests/test_net.py::test_always', 'errored', 3000, 'try 1\ntry 2\ntry 3 crashed'],
      ['tests/test_other.py::test_flaky', 'passed', 500, undefined], // same name, other module: not a re-run
    ]);
    expect(results[0]!.flaky).toEqual({ source: 'framework-rerun', runs: 2, failures: 1, passes: 1, messages: ['first try'] });
  });

  it('8. a disabled test that failed is not a failure', async () => {
    const { results, totals } = await parse('08-disabled.xml');
    expect(results.map((r) => pick(r, 'name', 'status', 'message'))).toEqual([
      ['testSmemArithmetic', 'skipped', 'Assert: Boolean true check failed.'],
      ['testDisabledQuietly', 'skipped', undefined],
      ['testRuns', 'passed', undefined],
    ]);
    expect(totals).toEqual({ tests: 3, failures: 0, skipped: 2 });
  });

  it('9. a suite-level <error> with no test case becomes one errored result for the suite', async () => {
    const { results } = await parse('09-suite-error.xml');
    expect(results[0]).toEqual({
      kind: 'test',
      framework: 'junit',
      test_id: 'tests/db_test.py::(suite setup)',
      status: 'errored',
      name: '(suite setup)',
      suite: 'tests/db_test.py',
      message: "fixture 'database' setup failed",
      error_class: 'ConnectionError',
      stack: 'ConnectionError: could not connect to server\n  File "/repo/tests/conftest.py", line 14, in database',
      file: 'tests/conftest.py',
      line: 14,
    });
    expect(results.map((r) => r.status)).toEqual(['errored', 'passed']);
  });

  it('10. durations: seconds, negative, "1,234.5", decimal comma, missing, hh:mm:ss.fffffff, junk', async () => {
    const { results } = await parse('10-durations.xml');
    expect(results.map((r) => [r.name, r.duration_ms])).toEqual([
      ['seconds', 250],
      ['negative', undefined],
      ['thousands separator', 1_234_500],
      ['decimal comma', 500],
      ['missing', undefined],
      ['time span', 62_500],
      ['junk', undefined],
      ['exponent', 1],
      ['bazel duration', 2000],
    ]);
  });

  it('11. empty names get stable placeholder ids; one name in several files stays several tests', async () => {
    const { results } = await parse('11-names.xml');
    expect(results.map((r) => pick(r, 'test_id', 'status'))).toEqual([
      ['a.T::(unnamed 1)', 'passed'],
      ['a.T::(unnamed 2)', 'failed'],
      ['a.T::same name', 'passed'],
      ['b.T::same name', 'passed'],
      ['test/c_test.py::same name', 'passed'],
    ]);
  });

  it('12. properties as text, CDATA, and hundreds of them cost nothing', async () => {
    const { results, totals } = await parse('12-properties.xml');
    expect(results.map((r) => pick(r, 'name', 'status', 'message'))).toEqual([
      ['after 300 properties', 'passed', undefined],
      ['fails with properties', 'failed', 'boom'],
    ]);
    expect(totals).toEqual({ tests: 2 });
  });

  it('13. BOM, emoji and astral characters, raw ESC and &#27;, ANSI colours and NUL come through', async () => {
    const { results } = await parse('13-text-bytes.xml');
    expect(results[0]).toMatchObject({
      test_id: 't.T::emoji 😀 and astral 𠮷',
      suite: 'bytes 🧪',
      message: '\u001b[31mred\u001b[0m \u001b[1mbold\u001b[0m',
      stack: '\u001b[2mdim\u001b[0m \u0000nul 💥',
    });
  });

  it('16. a 300 MB system-out and a 100 KiB attribute stream past in bounded memory', async () => {
    const out = Buffer.alloc(1 << 20, 'o');
    const longName = 'n'.repeat(100 * 1024);
    function* doc(): Generator<Buffer> {
      yield Buffer.from(`<testsuite name="big"><testcase classname="big.T" name="${longName}"><failure message="m">small</failure><system-out>`);
      for (let i = 0; i < 300; i++) yield out;
      yield Buffer.from('</system-out></testcase></testsuite>');
    }
    const before = process.memoryUsage().heapUsed;
    const results = [];
    for await (const r of junitParser.parse(Readable.from(doc()), { repoRoot: ROOT, displayName: 'big.xml' })) results.push(r);
    expect(results).toHaveLength(1);
    expect(results[0]!.name).toHaveLength(100 * 1024);
    expect(results[0]!.stack).toBe('small');
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(32 * 1024 * 1024);
  });
});
