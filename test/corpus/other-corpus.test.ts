/**
 * The non-XML part of the real-world corpus (reports from public projects' fixtures, copied into
 * test/fixtures/corpus/test-reports with its manifest; the files' sha1 are checked in manifest.test.ts): every report parses through the facade, every
 * negative file gets its clear error, and counts agree with the totals a file states about itself.
 * Exceptions are listed where they apply, with the reason.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { StatedTotals, TestResult } from '../../src/events/index.js';
import { EmptyReportError, MalformedReportError, UnknownFormatError, openReport, parseReport } from '../../src/ingest/index.js';

const DIR = fileURLToPath(new URL('../fixtures/corpus/test-reports/', import.meta.url));
const rows = readFileSync(`${DIR}MANIFEST.tsv`, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => {
    const [repo, commit, path, format, bytes, sha1] = l.split('\t') as [string, string, string, string, string, string];
    return { repo, commit, path, format, bytes: Number(bytes), sha1, file: `${DIR}${repo}/${path}`, name: `${repo}/${path}` };
  });

/** Manifest format (sniffed by the corpus author) → suture's format name. */
const FORMAT: Record<string, string> = {
  'dart/flutter JSON (NDJSON)': 'dart-json',
  'mocha JSON': 'mocha-json',
  'rspec JSON': 'rspec-json',
  'go-test-json (NDJSON)': 'go-json',
  'go-test-v text': 'go-text',
  TAP: 'tap',
};

/**
 * Detection exceptions. 102-broken.gojson.txt is listed as go test -json but holds no JSON at all: it
 * is go's plain-text build failure (before go 1.24, `go test -json` printed build errors as text), so it
 * is detected as go test text. The go-json parser reads it too (asserted below).
 */
const DETECTED_AS: Record<string, string> = { 'jstemmer+go-junit-report/testdata/102-broken.gojson.txt': 'go-text' };

/** Files with nothing to report, on purpose (no test ran, or only the runner's hidden loading tests). */
const NO_RESULTS = new Set([
  'dorny+test-reporter/__tests__/fixtures/empty/dart-json.json',
  'dorny+test-reporter/__tests__/fixtures/empty/mocha-json.json',
  'dorny+test-reporter/__tests__/fixtures/empty/rspec-json.json',
  'jstemmer+go-junit-report/testdata/015-empty.txt', // "testing: warning: no tests to run"
  'jstemmer+go-junit-report/testdata/034-notest.txt', // "[no test files]"
  'jstemmer+go-junit-report/testdata/111-empty.gojson.txt', // the same, as JSON
  'test-summary+action/test/resources/tap/05-skip-everything.tap', // "1..0 # skip"
]);

/** Results suture adds for a run that broke (not test cases of the report): excluded from counts. */
const SYNTHETIC = new Set(['(plan)', 'Bail out!', '(outside examples)', '(package)', '(test file)']);

async function parse(file: string, name: string): Promise<{ format: string; results: TestResult[]; totals: StatedTotals[]; error?: unknown }> {
  const totals: StatedTotals[] = [];
  const results: TestResult[] = [];
  const opened = await openReport(file, { repoRoot: '/repo', displayName: name, onTotals: (t) => totals.push(t) });
  try {
    for await (const r of opened.results) results.push(r);
  } catch (error) {
    return { format: opened.format, results, totals, error };
  }
  return { format: opened.format, results, totals };
}

describe('real-world corpus, non-XML part', () => {
  const reports = rows.filter((r) => FORMAT[r.format]);
  it.each(reports.map((r) => [r.name, r] as const))('%s parses', async (_name, r) => {
    const { format, results, error } = await parse(r.file, r.name);
    expect(error).toBeUndefined();
    expect(format).toBe(DETECTED_AS[r.name] ?? FORMAT[r.format]);
    if (NO_RESULTS.has(r.name)) expect(results).toEqual([]);
    else expect(results.length).toBeGreaterThan(0);
    for (const x of results) {
      expect(x.test_id, `${r.name}: every result has an id`).not.toBe('');
      if (x.status === 'failed' || x.status === 'errored') expect(x.message, `${r.name} ${x.test_id}: failures say why`).toBeTruthy();
      if (x.file !== undefined) expect(x.file).not.toMatch(/^\/|\\|^\.\.\//);
    }
  });

  it('agrees with the totals each report states about itself', async () => {
    const checked: string[] = [];
    for (const r of reports) {
      const { results, totals } = await parse(r.file, r.name);
      if (!totals.length) continue; // go, dart and most TAP state no totals
      const cases = results.filter((x) => !SYNTHETIC.has(x.name ?? ''));
      const t = totals[0]!;
      // mocha counts a failing hook as a failure but not as a test; so does suture (an errored hook result).
      const hooks = results.filter((x) => x.framework === 'mocha' && /^"(before|after) (all|each)" hook/.test(x.name ?? '')).length;
      if (t.tests !== undefined) expect(cases.length - hooks, `${r.name} tests`).toBe(t.tests);
      if (t.failures !== undefined) expect(cases.filter((x) => x.status === 'failed' || x.status === 'errored').length, `${r.name} failures`).toBe(t.failures);
      if (t.skipped !== undefined) expect(cases.filter((x) => x.status === 'skipped').length, `${r.name} skipped`).toBe(t.skipped);
      checked.push(r.name);
    }
    // The 4 mocha and 2 RSpec reports, and the 2 TAP files with a node-tap trailer ("# failed 4 of 10 tests").
    expect(checked).toHaveLength(8);
  });

  it('gives the empty file and the non-JSON files their clear errors', async () => {
    const file = (n: string) => `${DIR}EnricoMi+publish-unit-test-result-action/python/test/files/json/${n}`;
    await expect(openReport(file('empty.json'), { repoRoot: '/repo', displayName: 'empty.json' })).rejects.toThrow(new EmptyReportError('empty.json'));
    const emptyXml = `${DIR}EnricoMi+publish-unit-test-result-action/python/test/files/xml/empty.xml`;
    await expect(openReport(emptyXml, { repoRoot: '/repo', displayName: 'empty.xml' })).rejects.toBeInstanceOf(EmptyReportError);
    for (const n of ['malformed-json.json', 'non-json.json']) {
      const err = await openReport(file(n), { repoRoot: '/repo', displayName: n }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UnknownFormatError);
      expect((err as Error).message).toBe(`${n}: not a test report or build log suture recognises`);
    }
    // Forced to be a JSON report, the same files say where the JSON breaks.
    const forced = async (n: string) => {
      const out: unknown[] = [];
      try {
        for await (const x of parseReport(file(n), { repoRoot: '/repo', displayName: n, format: 'mocha-json' })) out.push(x);
      } catch (e) {
        return e as Error;
      }
      throw new Error('expected an error');
    };
    const malformed = await forced('malformed-json.json');
    expect(malformed).toBeInstanceOf(MalformedReportError);
    expect(malformed.message).toMatch(/^malformed-json\.json:\d+:\d+: not valid JSON/);
    expect((await forced('non-json.json')).message).toBe('non-json.json: not a mocha JSON report: no JSON object found');
  });
});

describe('exact results from corpus files', () => {
  const get = async (name: string) => (await parse(`${DIR}${name}`, name)).results;

  it('mocha (dorny): timeouts and thrown errors are errored, assertions failed, Windows paths made relative', async () => {
    const results = await get('dorny+test-reporter/__tests__/fixtures/mocha-json.json');
    const failing = results.find((r) => r.name === 'Failing test')!;
    expect(failing).toMatchObject({ status: 'failed', suite: 'Test 1 Test 1.1', error_class: 'AssertionError', error_code: 'ERR_ASSERTION', message: 'Expected values to be strictly equal:\n\nfalse !== true', line: 11, column: 14 });
    expect(results.find((r) => r.name === 'Timeout test')).toMatchObject({ status: 'errored', error_code: 'ERR_MOCHA_TIMEOUT', message: expect.stringMatching(/^Timeout of 1ms exceeded/) });
  });

  it('gotestsum: a panic with no fail event blames the running test', async () => {
    const results = await get('gotestyourself+gotestsum/testjson/testdata/input/go-test-json-missing-test-fail.out');
    expect(results).toEqual([
      expect.objectContaining({ test_id: 'gotest.tools/v3/poll::TestWaitOn_WithCompare', status: 'errored', error_class: 'panic', message: 'runtime error: index out of range [1] with length 1' }),
    ]);
  });

  it('gotestsum: output go attributed to the wrong subtest goes back to the parent', async () => {
    const results = await get('gotestyourself+gotestsum/testjson/testdata/input/go-test-json-misattributed.out');
    const root = results.find((r) => r.name === 'TestOutputWithSubtest')!;
    expect(root).toMatchObject({ status: 'failed', message: 'output after sub test' });
    expect(root.stack).toContain('foo_test.go:22: output from root test');
    expect(results.find((r) => r.name === 'TestOutputWithSubtest/sub_test/sub2')!.stack ?? '').not.toContain('output from root test');
  });

  it('gotestsum: --rerun-fails output becomes flaky results with the run counts', async () => {
    const results = await get('gotestyourself+gotestsum/cmd/testdata/go-test-json-flaky-rerun.out');
    const flaky = Object.fromEntries(results.filter((r) => r.status === 'flaky').map((r) => [r.name, r.flaky && [r.flaky.runs, r.flaky.failures, r.flaky.passes]]));
    expect(flaky).toEqual({ TestFailsRarely: [2, 1, 1], TestFailsSometimes: [3, 2, 1], TestFailsOften: [4, 3, 1] });
  });

  it('gotestsum: build and setup failures (build-output events) are build results at the compiler error', async () => {
    expect(await get('gotestyourself+gotestsum/cmd/testdata/input/go-test-build-failed.out')).toEqual([
      expect.objectContaining({ kind: 'build', suite: 'example.com/internal/cacher', message: 'undefined: assert.foo', status: 'errored' }),
    ]);
    const setup = await get('gotestyourself+gotestsum/cmd/testdata/input/go-test-setup-failed.out');
    expect(setup.map((r) => r.message)).toEqual(["expected ';', found o", "expected 'package', found aldfjadskfs"]);
    expect(setup[1]).toMatchObject({ file: 'subpkg/main_test.go', line: 1, column: 1 });
  });

  it('go-junit-report: a test binary whose TestMain fails is a package-level error', async () => {
    const results = await get('jstemmer+go-junit-report/testdata/106-testmain.gojson.txt');
    expect(results.find((r) => r.status === 'errored')).toMatchObject({ test_id: 'package/name/main/fail::(package)', message: 'TestMain failed, returning early' });
  });

  it('go-junit-report: the same plain-text build failure through the go-json parser', async () => {
    const name = 'jstemmer+go-junit-report/testdata/102-broken.gojson.txt';
    const viaJson: TestResult[] = [];
    for await (const r of parseReport(`${DIR}${name}`, { repoRoot: '/repo', format: 'go-json' })) viaJson.push(r);
    expect(viaJson.map((r) => r.message)).toEqual(['unused declared but not used', 'undefined: fmt', 'undefined: value']);
  });

  it('test-summary TAP: bail out, and results printed after the trailing plan', async () => {
    expect((await get('test-summary+action/test/resources/tap/03-bail-out.tap')).map((r) => `${r.status} ${r.name}`)).toEqual(['failed database handle', 'errored Bail out!']);
    const after = await get('test-summary+action/test/resources/tap/10-results-after-trailer.tap');
    expect(after.filter((r) => r.status === 'failed').map((r) => r.name)).toEqual(['fails test five', 'fails test six', 'fails test seven', 'fails test eight']);
    expect(after.find((r) => r.name === 'fails test five')).toMatchObject({ file: 'test.js', line: 8, column: 5, message: 'fails test five\n--- expected\n+++ actual\n@@ -1,1 +1,1 @@\n-43\n+42' });
  });
});
