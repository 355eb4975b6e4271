import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TestResult } from '../../events/index.js';
import { collect } from '../xml/collect.js';
import { junitParser } from './parser.js';
import { fixtureReport } from '../testing/fixture-report.js';

// Reports written by the real tools (generate.sh beside each says how). The ones under reports/<tool>/
// are shared with the JSON parsers; xml-edge/producers/ holds the XML-only ones.
const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/reports/', import.meta.url));

/**
 * Parses a fixture with the project it was generated in as the repository (its paths are absolute
 * there; on another checkout a copy with the paths rewritten is read, see local-copy.ts).
 */
async function parse(rel: string, projectRel: string) {
  const { file, repoRoot } = fixtureReport(rel, projectRel);
  const r = await collect(junitParser, file, repoRoot);
  expect(r.error).toBeUndefined();
  return r;
}

const brief = (r: TestResult): string => `${r.status} ${r.test_id}`;
/** The fixture project's tests as vitest and node:test report them: the same ids from either report. */
const CALC_PROJECT_IDS = [
  'passed test/calc.test.js::calc > add > adds two numbers',
  'failed test/calc.test.js::calc > subtracts two numbers',
  'failed test/calc.test.js::calc > divides by zero',
  'skipped test/calc.test.js::calc > multiplies (not written yet)',
  'skipped test/calc.test.js::calc > computes a square root',
  'passed test/strings.test.js::joins strings with add',
  "failed test/strings.test.js::has a 'quoted' name",
];
const without = (r: TestResult, ...keys: (keyof TestResult)[]): Partial<TestResult> => Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k as keyof TestResult)));

describe('JUnit from real producers', () => {
  it('jest-junit: no file attribute, the full name in classname and name: file and titles found in the test files', async () => {
    const { results, totals } = await parse('jest/junit.xml', 'jest/project');
    // The same ids as jest --json gives (test/e2e/ingest-ids.test.ts compares the two reports).
    expect(results.map(brief)).toEqual([
      'passed test/calc.test.js::calc > add > adds two numbers',
      'failed test/calc.test.js::calc > subtracts two numbers',
      'failed test/calc.test.js::calc > divides by zero',
      'skipped test/calc.test.js::calc > multiplies (not written yet)',
      'passed test/calc.test.js::calc > computes a square root', // test.todo: jest-junit writes it as a plain case
      'passed test/strings.test.js::joins strings with add',
      "failed test/strings.test.js::has a 'quoted' name",
    ]);
    expect(results[0]).toMatchObject({ suite: 'calc > add', name: 'adds two numbers', file: 'test/calc.test.js' });
    expect(without(results[1]!, 'stack')).toEqual({
      kind: 'test',
      framework: 'jest',
      test_id: 'test/calc.test.js::calc > subtracts two numbers',
      status: 'failed',
      name: 'subtracts two numbers',
      suite: 'calc',
      duration_ms: 1,
      message: 'expect(received).toBe(expected) // Object.is equality\n\nExpected: 2\nReceived: 8',
      error_class: 'Error',
      file: 'test/calc.test.js',
      line: 11,
      repro_cmd: "npx jest test/calc.test.js -t '^calc subtracts two numbers$'",
    });
    expect(results[1]!.stack).toMatch(/^Error: expect\(received\)\.toBe\(expected\)[^]*\n {4}at Object\.toBe \([^()]*\/test\/fixtures\/reports\/jest\/project\/test\/calc\.test\.js:11:28\)/);
    // The error is thrown in src/calc.js; the test file's frame is where the test failed.
    expect(results[2]).toMatchObject({ error_class: 'RangeError', message: 'division by zero', file: 'test/calc.test.js', line: 15 });
    expect(results[6]).toMatchObject({ name: "has a 'quoted' name", repro_cmd: "npx jest test/strings.test.js -t '^has a '\\''quoted'\\'' name$'" });
    expect(totals).toEqual({ tests: 6, failures: 3, errors: 0 }); // jest-junit leaves the todo out of its count
  });

  it('vitest: the classname is the file, names are "a > b", the line comes from the ❯ frame', async () => {
    const { results, totals } = await parse('vitest/junit.xml', 'vitest/project');
    expect(results.map(brief)).toEqual([
      'failed test/broken.test.js::(test file)',
      ...CALC_PROJECT_IDS,
    ]);
    expect(without(results[3]!, 'stack')).toEqual({
      kind: 'test',
      framework: 'vitest',
      test_id: 'test/calc.test.js::calc > divides by zero',
      status: 'failed',
      name: 'divides by zero',
      suite: 'calc',
      duration_ms: 0.584,
      message: 'division by zero',
      error_class: 'RangeError',
      file: 'test/calc.test.js',
      line: 16,
      repro_cmd: "npx vitest run test/calc.test.js -t '^calc divides by zero$'",
    });
    expect(results[3]!.stack).toBe('RangeError: division by zero\n ❯ divide src/calc.js:11:22\n ❯ test/calc.test.js:16:12');
    expect(results[0]).toMatchObject({ name: '(test file)', error_class: 'Error', file: 'test/broken.test.js', line: 3, repro_cmd: 'npx vitest run test/broken.test.js' });
    expect(results[1]).toMatchObject({ name: 'adds two numbers', suite: 'calc > add', file: 'test/calc.test.js' });
    expect(results[0]!.message).toMatch(/^Cannot find module '\.\.\/src\/does-not-exist\.js' imported from /);
    expect(totals).toEqual({ tests: 8, failures: 4, errors: 0 });
  });

  it('mocha-junit-reporter: an empty root suite (its tests found in the test files), the file on the suite, the full title as name', async () => {
    const { results, totals } = await parse('mocha/junit.xml', 'mocha/project');
    // mocha's JSON keeps no describe structure either: `<describe titles> > <title>` in both.
    expect(results.map(brief)).toEqual([
      'passed test/strings.test.js::joins strings with add',
      "failed test/strings.test.js::has a 'quoted' name",
      'failed test/calc.test.js::calc > subtracts two numbers',
      'failed test/calc.test.js::calc > divides by zero',
      'failed test/calc.test.js::calc > times out',
      'passed test/calc.test.js::calc add > adds two numbers',
      'failed test/strings.test.js::with a failing hook > "before all" hook for "is never run"',
    ]);
    expect(without(results[2]!, 'stack')).toEqual({
      kind: 'test',
      framework: 'mocha',
      test_id: 'test/calc.test.js::calc > subtracts two numbers',
      status: 'failed',
      name: 'subtracts two numbers',
      suite: 'calc',
      duration_ms: 0,
      message: 'Expected values to be strictly equal:\n\n8 !== 2',
      error_class: 'AssertionError',
      file: 'test/calc.test.js',
      line: 12,
      repro_cmd: "npx mocha test/calc.test.js --grep '^calc subtracts two numbers$'",
    });
    // The skipped test is counted but mocha-junit-reporter does not write it: 7 cases for tests="8".
    expect(totals).toEqual({ tests: 8, failures: 5, skipped: 1 });
  });

  it('node:test: file and line only in the stack, nested suites, totals in comments, a failing todo is not a failure', async () => {
    const { results, totals } = await parse('node-test/junit.xml', 'node-test/project');
    // No file in the report at all: found from the titles in the test files, for passes too.
    expect(results.map(brief)).toEqual(CALC_PROJECT_IDS);
    expect(results[0]).toMatchObject({ suite: 'calc > add', file: 'test/calc.test.js' });
    expect(without(results[2]!, 'stack')).toEqual({
      kind: 'test',
      framework: 'node:test',
      test_id: 'test/calc.test.js::calc > divides by zero',
      status: 'failed',
      name: 'divides by zero',
      suite: 'calc',
      duration_ms: 0.075,
      message: 'division by zero',
      error_class: 'RangeError',
      file: 'test/calc.test.js',
      line: 17,
      repro_cmd: "node --test '--test-name-pattern=^divides by zero$' test/calc.test.js",
    });
    expect(results[4]).toMatchObject({ status: 'skipped', message: 'todo\n[failure] not implemented' });
    expect(totals).toEqual({ tests: 7, failures: 3, skipped: 2 });
  });

  it('pytest (xunit2, the default): dotted classnames become the file, node ids re-run', async () => {
    const { results, totals } = await parse('pytest/junit.xml', 'pytest/project');
    expect(results.map(brief)).toEqual([
      'passed tests/test_calc.py::TestAdd::test_adds_two_numbers',
      'failed tests/test_calc.py::test_subtracts_two_numbers',
      'failed tests/test_calc.py::test_divides_by_zero',
      'skipped tests/test_calc.py::test_multiplies',
      'passed tests/test_calc.py::test_add_params[1-1-2]',
      'failed tests/test_calc.py::test_add_params[2-2-5]',
      'errored tests/test_calc.py::test_uses_database',
    ]);
    expect(without(results[5]!, 'stack')).toEqual({
      kind: 'test',
      framework: 'pytest',
      test_id: 'tests/test_calc.py::test_add_params[2-2-5]',
      status: 'failed',
      name: 'test_add_params[2-2-5]',
      suite: 'pytest',
      duration_ms: 0,
      message: 'assert 4 == 5\n +  where 4 = add(2, 2)',
      error_class: 'AssertionError',
      file: 'tests/test_calc.py',
      line: 26,
      repro_cmd: "python3 -m pytest 'tests/test_calc.py::test_add_params[2-2-5]'",
    });
    expect(results[2]).toMatchObject({ error_class: 'ZeroDivisionError', message: 'division by zero', line: 16 });
    expect(results[6]).toMatchObject({ error_class: 'ConnectionError', message: 'failed on setup with "ConnectionError: database not reachable"' });
    expect(results[3]).toMatchObject({ message: 'not written yet' });
    expect(totals).toEqual({ tests: 7, failures: 3, errors: 1, skipped: 1 });
  });

  it('pytest collection error: the module is the test', async () => {
    const { results } = await parse('pytest/collection-error.xml', 'pytest/broken-project');
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'errored', framework: 'pytest', test_id: 'tests/test_broken.py', file: 'tests/test_broken.py', repro_cmd: 'python3 -m pytest tests/test_broken.py' });
    expect(results[0]!.message).toMatch(/collection failure|ModuleNotFoundError/);
  });

  it('pytest (xunit1): file and 0-based line attributes; a failure then a teardown error are one test', async () => {
    const { results, totals } = await parse('xml-edge/producers/pytest-xunit1/junit-xunit1.xml', 'xml-edge/producers/pytest-xunit1/project');
    expect(results.map((r) => `${brief(r)} :${r.line}`)).toEqual([
      'passed tests/test_math.py::test_add :4',
      'failed tests/test_math.py::test_add_wrong :7',
      'passed tests/test_math.py::test_param[1-2] :10',
      'failed tests/test_math.py::test_param[2-x] :10',
      'passed tests/test_math.py::TestClass::test_method :15',
      'skipped tests/test_math.py::TestClass::test_skipped :17',
      'errored tests/test_math.py::TestClass::test_error :20',
      'errored tests/test_math.py::test_setup_error :27',
      'errored tests/test_math.py::test_fails_then_teardown_errors :30',
    ]);
    expect(results[8]).toMatchObject({ message: 'assert 1 == 2\nfailed on teardown with "RuntimeError: teardown boom"', error_class: 'RuntimeError' });
    // pytest counts the case that failed and then errored in both failures and errors.
    expect(totals).toEqual({ tests: 9, failures: 3, errors: 3, skipped: 1 });
  });

  it('CTest: output in system-out, disabled and not-run tests skipped, ids without the build name', async () => {
    const { results, totals } = await parse('xml-edge/producers/ctest/ctest.xml', 'xml-edge/producers/ctest/project');
    expect(results.map(brief)).toEqual(['passed passes', 'failed fails', 'passed with space', 'skipped disabled_one', 'skipped skipped_one', 'skipped missing_exe']);
    expect(without(results[1]!, 'duration_ms')).toEqual({
      kind: 'test',
      framework: 'ctest',
      test_id: 'fails',
      status: 'failed',
      name: 'fails',
      suite: '(empty)',
      message: 'tests/math.c:12: expected 3 got 4',
      stack: 'tests/math.c:12: expected 3 got 4',
      file: 'tests/math.c',
      line: 12,
      repro_cmd: "ctest -R '^fails$'",
    });
    expect(results[4]).toMatchObject({ message: 'SKIP_RETURN_CODE=77' });
    expect(totals).toEqual({ tests: 6, failures: 1, skipped: 3 });
  });
});
