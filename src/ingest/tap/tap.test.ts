import { describe, expect, it } from 'vitest';
import { collect } from '../input/collect.js';
import { tap } from './index.js';
import { fixtureReport } from '../testing/fixture-report.js';

// The report holds the paths of the checkout that made it; the project's test files are read.
const { file: fixture, repoRoot } = fixtureReport('node-test/report.tap', 'node-test/project');

describe('TAP (real node:test --test-reporter=tap output, node 20)', () => {
  it('yields leaf tests with nested names, diagnostics and totals', async () => {
    const { results, totals, error } = await collect(tap, { path: fixture }, { repoRoot });
    expect(error).toBeUndefined();
    expect(totals).toEqual([{ tests: 7, failures: 3, skipped: 2 }]);
    // node:test (Node 20) names a file only in a failure's location: the file of every test, passes
    // included, comes from its titles in the project's test files (the same ids as its JUnit report).
    expect(results.map((r) => `${r.status} ${r.framework} ${r.test_id}`)).toEqual([
      'passed node:test test/calc.test.js::calc > add > adds two numbers',
      'failed node:test test/calc.test.js::calc > subtracts two numbers',
      'errored node:test test/calc.test.js::calc > divides by zero',
      'skipped node:test test/calc.test.js::calc > multiplies (not written yet)',
      'skipped node:test test/calc.test.js::calc > computes a square root',
      'passed node:test test/strings.test.js::joins strings with add',
      "errored node:test test/strings.test.js::has a 'quoted' name",
    ]);
    expect(results[0]).toMatchObject({ suite: 'calc > add', name: 'adds two numbers', file: 'test/calc.test.js' });
    expect(results[1]).toMatchObject({
      framework: 'node:test',
      suite: 'calc',
      name: 'subtracts two numbers',
      file: 'test/calc.test.js',
      line: 13,
      column: 12,
      error_class: 'AssertionError',
      error_code: 'ERR_ASSERTION',
      message: 'Expected values to be strictly equal:\n\n8 !== 2',
      duration_ms: 0.774965,
      repro_cmd: "node --test '--test-name-pattern=^subtracts two numbers$' test/calc.test.js",
    });
    expect(results[1]!.stack).toMatch(/^AssertionError: Expected values to be strictly equal:\n\n8 !== 2\n {4}at TestContext.<anonymous> \([^()]*\/test\/fixtures\/reports\/node-test\/project\/test\/calc.test.js:13:12\)\n/);
    expect(results[2]).toMatchObject({ error_class: 'RangeError', message: 'division by zero', file: 'test/calc.test.js', line: 17, column: 18 });
  });

  it('turns a bail out into an errored result and stops', async () => {
    const { results } = await collect(tap, { text: 'TAP version 13\n1..573\nnot ok 1 - database handle\nBail out! Couldn\'t connect to database.\nok 2 - never\n' }, { repoRoot: '/r' });
    expect(results.map((r) => `${r.status} ${r.name} ${r.message ?? ''}`)).toEqual(['failed database handle database handle', "errored Bail out! Couldn't connect to database."]);
  });

  it('reads TODO and SKIP directives, YAML messages, and a plan at the end', async () => {
    const text = ['TAP version 13', 'ok 1 - one', 'not ok 2 - pinged saphire', '  ---', "  message: 'hostname \"saphire\" unknown'", '  severity: fail', '  ...', 'not ok 3 - loop # TODO halting problem', 'ok 4 - # SKIP no /sys', '1..4', ''].join('\n');
    const { results } = await collect(tap, { text }, { repoRoot: '/r' });
    expect(results.map((r) => [r.status, r.name, r.message])).toEqual([
      ['passed', 'one', undefined],
      ['failed', 'pinged saphire', 'hostname "saphire" unknown'],
      ['skipped', 'loop', undefined],
      ['skipped', '(test 4)', undefined],
    ]);
  });

  it('keeps results printed after a trailing plan, and reports a short run against its plan', async () => {
    const after = await collect(tap, { text: 'ok 1 - a\n1..3\nok 2 - b\nnot ok 3 - c\n' }, { repoRoot: '/r' });
    expect(after.results.map((r) => `${r.status} ${r.name}`)).toEqual(['passed a', 'passed b', 'failed c']);
    const short = await collect(tap, { text: '1..5\nok 1 - a\nok 2 - b\n' }, { repoRoot: '/r' });
    expect(short.results.map((r) => `${r.status} ${r.name} ${r.message ?? ''}`)).toEqual(['passed a ', 'passed b ', 'errored (plan) incorrect number of tests: planned 5, ran 2']);
  });

  it('scopes ids by file: a file-level subtest (node-tap), else the titles found in one test file, else none', async () => {
    const text = ['TAP version 14', '# Subtest: test/a.test.js', '    ok 1 - works', '    1..1', 'ok 1 - test/a.test.js', '# Subtest: test/b.test.js', '    ok 1 - works', '    1..1', 'ok 2 - test/b.test.js', '1..2', ''].join('\n');
    const files = await collect(tap, { text }, { repoRoot: '/r' });
    expect(files.results.map((r) => r.test_id)).toEqual(['test/a.test.js::works', 'test/b.test.js::works']);
    // The node:test fixture project: "add" is a describe title in test/calc.test.js only.
    const found = await collect(tap, { text: 'TAP version 13\n# Subtest: add\n    ok 1 - adds two numbers\n    1..1\nok 1 - add\n1..1\n' }, { repoRoot });
    expect(found.results.map((r) => r.test_id)).toEqual(['test/calc.test.js::add > adds two numbers']);
    // Titles in no test file (or in several): no file rather than a guess.
    const none = await collect(tap, { text: 'TAP version 13\nok 1 - not a title anywhere\n1..1\n' }, { repoRoot });
    expect(none.results.map((r) => r.test_id)).toEqual(['not a title anywhere']);
  });

  it('rejects input with no TAP in it', async () => {
    const { error } = await collect(tap, { text: 'just a log line\n' }, { repoRoot: '/r', displayName: 'x.tap' });
    expect((error as Error).message).toBe('x.tap: no TAP found (no "TAP version", plan or "ok"/"not ok" lines)');
  });
});
