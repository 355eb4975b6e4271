/**
 * The XML part of the real-world corpus (test/fixtures/corpus/test-reports, an in-repo copy of the shared
 * corpus: public projects' report fixtures with a manifest; provenance in test/fixtures/corpus/PROVENANCE.md). Every JUnit, TRX, NUnit and xUnit.net file parses; every negative file gets
 * its own clear error; the results agree with the totals each file states about itself, except where a
 * file's own numbers are wrong or count something else (each exception below says which and why).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { StatedTotals, TestResult } from '../../src/events/index.js';
import { EmptyReportError } from '../../src/ingest/errors.js';
import { junitParser } from '../../src/ingest/junit/parser.js';
import { nunitParser } from '../../src/ingest/nunit/parser.js';
import { trxParser } from '../../src/ingest/trx/parser.js';
import { collect } from '../../src/ingest/xml/collect.js';
import { ReportParseError } from '../../src/ingest/xml/errors.js';
import { xunitParser } from '../../src/ingest/xunit/parser.js';

const CORPUS = fileURLToPath(new URL('../fixtures/corpus/test-reports/', import.meta.url));
const file = (p: string): string => path.join(CORPUS, p);

interface Entry {
  path: string;
  format: string;
}

/** MANIFEST.tsv rows whose content is XML (the other formats are the JSON/TAP/go parsers' corpus test). */
function xmlEntries(): Entry[] {
  const rows = fs.readFileSync(file('MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1);
  return rows
    .map((row) => row.split('\t'))
    .map(([repo, , p, format]) => ({ path: `${repo}/${p}`, format: format! }))
    .filter((e) => /XML|TRX/i.test(e.format) || (e.format === 'empty-file' && e.path.endsWith('.xml')));
}

const PARSER = { 'NUnit2 XML': nunitParser, 'NUnit3 XML': nunitParser, TRX: trxParser, 'xUnit.net XML': xunitParser } as const;
const parserFor = (format: string) => PARSER[format as keyof typeof PARSER] ?? junitParser;

const E = 'EnricoMi+publish-unit-test-result-action/python/test/files/';
const M = 'mikepenz+action-junit-report/test_results/';

/** Files that must fail, with the error they must get (and how many results come before it). */
const NEGATIVES: Record<string, { code: string; message: RegExp; before: number }> = {
  [`${E}xml/empty.xml`]: { code: 'E_REPORT_EMPTY', message: /: the report is empty$/, before: 0 },
  [`${E}xml/non-xml.xml`]: { code: 'E_XML_NOT_XML', message: /non-xml\.xml:1:1: not XML: text "this is not an xml file" before the first element$/, before: 0 },
  [`${E}junit-xml/non-junit.xml`]: { code: 'E_REPORT_NOT_TEST_REPORT', message: /non-junit\.xml:2:1: the root element <suites> is not a test report suture reads$/, before: 0 },
  [`${E}junit-xml/pytest/corrupt-xml.xml`]: { code: 'E_XML_TRUNCATED', message: /corrupt-xml\.xml:11:22: the document ends inside <skipped>: the report is truncated$/, before: 1 },
  [`${E}nunit/nunit3/jenkins/NUnit-issue47367.xml`]: { code: 'E_XML_MALFORMED', message: /NUnit-issue47367\.xml:5:109: missing space between attributes in <test-case>$/, before: 0 },
  [`${E}nunit/nunit3/jenkins/NUnit-sec1752-file.xml`]: { code: 'E_XML_UNSAFE_DTD', message: /NUnit-sec1752-file\.xml:2:1: the DOCTYPE declares entity "xxe" with an external SYSTEM\/PUBLIC source \(XXE\): suture never expands or fetches entities$/, before: 0 },
  [`${E}nunit/nunit3/jenkins/NUnit-sec1752-https.xml`]: { code: 'E_XML_UNSAFE_DTD', message: /NUnit-sec1752-https\.xml:2:1: the DOCTYPE declares entity "xxe" with an external SYSTEM\/PUBLIC source \(XXE\)/, before: 0 },
  [`${M}corrupt-junit/e2e-tests/corrupt/target/sf-reports/TEST-test.CorruptTest.xml`]: { code: 'E_XML_TRUNCATED', message: /TEST-test\.CorruptTest\.xml:18:26: the document ends inside a CDATA section: the report is truncated$/, before: 0 },
};

const OWN_COUNT = "the file's stated counts do not match the test cases it contains (hand-written or trimmed fixture)";
const RERUNS = 'repeated test cases are re-runs of one test and become one result (pytest/go); the file counts every run';

/** Files whose results disagree with their stated totals, and why. Each must still disagree. */
const EXCEPTIONS: Record<string, string> = {
  [`${E}junit-xml/no-cases-but-tests.xml`]: 'a fixture of counts without any test case',
  [`${E}junit-xml/xunit/xunit.xml`]: OWN_COUNT,
  [`${E}nunit/nunit3/jenkins/NUnit-failure.xml`]: OWN_COUNT,
  [`${E}nunit/nunit3/jenkins/NUnit-healthReport.xml`]: OWN_COUNT,
  [`${E}nunit/nunit3/jenkins/NUnit-ignored.xml`]: OWN_COUNT,
  [`${E}nunit/nunit3/jenkins/NUnit-simple.xml`]: OWN_COUNT,
  [`${E}nunit/nunit3/jenkins/NUnitUnicode.xml`]: OWN_COUNT,
  [`${E}nunit/nunit3/jenkins/NUnit-issue6353.xml`]: 'total includes the not-run case, unlike NUnit 2.5 (NUnit-correct.xml), and cases carry neither result nor success',
  [`${E}nunit/nunit3/jenkins/NUnit-multinamespace.xml`]: 'the failing case says success="Turue" and has no <failure>: nothing in the case says it failed',
  [`${E}xunit/mstest/jenkinsci/testcase2.xml`]: OWN_COUNT,
  'ScaCap+action-surefire-report/integration-tests/custom_reports/TEST-test.MyIntegrationTestSuite.xml': 'an excerpt of a 924-test suite',
  'dorny+test-reporter/__tests__/fixtures/nette-tester/tester-v1.7-report.xml': 'Nette Tester counts its <failure> as an error',
  'dorny+test-reporter/__tests__/fixtures/python-xunit-pytest.xml': 'pytest-subtests counts subtests in tests="15" but writes no test case for them',
  'dorny+test-reporter/__tests__/fixtures/test-errors/jest/jest-test-results.xml': 'jest-junit counts a suite that failed to run in errors but not in tests',
  'gotestyourself+gotestsum/internal/junitxml/testdata/junitxml-report-hide-skipped-tests.golden': "gotestsum counts the failing TestMain case in errors but not in tests",
  'gotestyourself+gotestsum/internal/junitxml/testdata/junitxml-report-skip-empty.golden': "gotestsum counts the failing TestMain case in errors but not in tests",
  'gotestyourself+gotestsum/internal/junitxml/testdata/junitxml-report.golden': "gotestsum counts the failing TestMain case in errors but not in tests",
  'inorton+junit2html/tests/junit-simple_suite.xml': OWN_COUNT,
  'inorton+junit2html/tests/junit-simple_suites.xml': OWN_COUNT,
  'inorton+junit2html/tests/junit-sonobouy.xml': 'Ginkgo states only the specs that ran (5) and writes the 705 skipped ones too',
  'inorton+junit2html/tests/junit-testrun.xml': 'an excerpt of a 769-test Eclipse run',
  'inorton+junit2html/tests/junit-unicode2.xml': OWN_COUNT,
  'inorton+junit2html/tests/pytest-binary-names.xml': 'an excerpt of a 3121-test run',
  'jstemmer+go-junit-report/testdata/016-report.xml': RERUNS,
  [`${M}container-structure/test.xml`]: OWN_COUNT,
  [`${M}flaky_retries/flaky_all_failures.xml`]: RERUNS,
  [`${M}flaky_retries/flaky_success_first.xml`]: RERUNS,
  [`${M}flaky_retries/flaky_with_classname_file.xml`]: RERUNS,
  [`${M}junit-server-test/report.xml`]: `${RERUNS}; a run that failed and then passed is flaky, not a failure`,
  [`${M}junit-web-test/expected.xml`]: 'errors="1" but no test case has an <error>',
  [`${M}junit-web-test/expectedRetries.xml`]: 'a retrying reporter writes both runs of the flaky test while counting one (JS dialect: repeated names are kept apart)',
  [`${M}mocha/mocha.xml`]: 'an excerpt of a 15515-test run',
  [`${M}multiple/test_10.xml`]: OWN_COUNT,
  [`${M}multiple/test_11.xml`]: OWN_COUNT,
  [`${M}multiple/test_12.xml`]: OWN_COUNT,
  [`${M}multiple_failures/test_multiple_errors.xml`]: 'counts <error> elements, not test cases (one case has two)',
  [`${M}multiple_failures/test_multiple_failures.xml`]: 'counts <failure> elements, not test cases (cases have several)',
  [`${M}nested/junit.xml`]: OWN_COUNT,
  [`${M}nested/multi-level.xml`]: OWN_COUNT,
  [`${M}python/report_flaky.xml`]: OWN_COUNT,
  'weiwei+junitparser/tests/data/no_fails.xml': OWN_COUNT,
};

/**
 * Whether results agree with stated totals. A flaky result passed in the end (as Surefire counts it);
 * without a separate error count (NUnit 3, xUnit.net), errors are inside failures.
 */
function disagreement(results: TestResult[], t: StatedTotals): string | undefined {
  const count = (s: TestResult['status']): number => results.filter((r) => r.status === s).length;
  const problems: string[] = [];
  if (t.tests !== undefined && t.tests !== results.length) problems.push(`tests ${t.tests} vs ${results.length}`);
  const failures = t.errors === undefined ? count('failed') + count('errored') : count('failed');
  if (t.failures !== undefined && t.failures !== failures) problems.push(`failures ${t.failures} vs ${failures}`);
  if (t.errors !== undefined && t.errors !== count('errored')) problems.push(`errors ${t.errors} vs ${count('errored')}`);
  if (t.skipped !== undefined && t.skipped !== count('skipped')) problems.push(`skipped ${t.skipped} vs ${count('skipped')}`);
  return problems.length ? problems.join(', ') : undefined;
}

describe('real-world corpus, XML part', () => {
  const entries = xmlEntries();

  it('finds the XML files of the manifest', () => {
    expect(entries.length).toBe(228);
    for (const p of [...Object.keys(NEGATIVES), ...Object.keys(EXCEPTIONS)]) expect(entries.some((e) => e.path === p), p).toBe(true);
  });

  it('parses every report and agrees with its stated totals (or says why not)', async () => {
    const unexplained: string[] = [];
    const stale: string[] = [];
    let withTotals = 0;
    for (const e of entries) {
      if (NEGATIVES[e.path]) continue;
      const r = await collect(parserFor(e.format), file(e.path), '/repo');
      expect(r.error, e.path).toBeUndefined();
      for (const x of r.results) {
        expect(x.kind, e.path).toBe('test');
        expect(x.test_id.length, e.path).toBeGreaterThan(0);
      }
      if (!r.totals) continue;
      withTotals++;
      const d = disagreement(r.results, r.totals);
      if (d && !EXCEPTIONS[e.path]) unexplained.push(`${e.path}: ${d}`);
      if (!d && EXCEPTIONS[e.path]) stale.push(e.path);
    }
    expect(unexplained, 'results disagree with the stated totals').toEqual([]);
    expect(stale, 'listed as exceptions but they agree now: remove them').toEqual([]);
    expect(withTotals).toBeGreaterThan(150);
  });

  it('gives every negative file its own clear error, after the results before the break', async () => {
    for (const [p, want] of Object.entries(NEGATIVES)) {
      const e = xmlEntries().find((x) => x.path === p)!;
      const r = await collect(parserFor(e.format), file(p), '/repo');
      expect(r.results, p).toHaveLength(want.before);
      expect(r.error, p).toBeInstanceOf(want.code === 'E_REPORT_EMPTY' ? EmptyReportError : ReportParseError);
      expect(r.error!.code, p).toBe(want.code);
      expect(r.error!.message, p).toMatch(want.message);
    }
  });
});

describe('real-world corpus, exact values per producer', () => {
  const parse = async (p: string, root = '/repo') => {
    const r = await collect(parserFor(xmlEntries().find((e) => e.path === p)!.format), file(p), root);
    expect(r.error).toBeUndefined();
    return r.results;
  };

  it('go-junit-report: [build failed] cases and a TestMain failure', async () => {
    const build = await parse('jstemmer+go-junit-report/testdata/013-report.xml');
    expect(build.map((r) => [r.framework, r.test_id, r.status])).toEqual([
      ['go', 'package/name/passing1::TestA', 'passed'],
      ['go', 'package/name/passing2::TestB', 'passed'],
      ['go', 'package/name/failing1::[build failed]', 'errored'],
      ['go', 'package/name/failing2::[build failed]', 'errored'],
      ['go', 'package/name/setupfailing1::[setup failed]', 'errored'],
    ]);
    expect(build[2]).toMatchObject({ message: 'Build error', stack: 'failing1/failing_test.go:15: undefined: x' });
    const main = await parse('jstemmer+go-junit-report/testdata/106-report.xml');
    // go-junit-report's "Failure" case is the package failing outside any test: "(package)", as go test -json's own report says.
    expect(main[2]).toMatchObject({ test_id: 'package/name/main/fail::(package)', name: '(package)', status: 'errored', message: 'Runtime error', stack: 'TestMain failed, returning early' });
  });

  it('gotestsum: message="Failed" gives way to the output, a failing TestMain is the package, subtests re-run with -run', async () => {
    const results = await parse('gotestyourself+gotestsum/internal/junitxml/testdata/junitxml-report.golden');
    const main = results[0]!;
    expect(main).toMatchObject({ framework: 'go', test_id: 'gotest.tools/gotestsum/testjson/internal/badmain::(package)', status: 'errored', suite: 'gotest.tools/gotestsum/testjson/internal/badmain', message: 'sometimes main can exit 2\nFAIL\tgotest.tools/gotestsum/testjson/internal/badmain\t0.001s' });
    const sub = results.find((r) => r.status === 'failed' && r.name?.includes('/'))!;
    expect(sub.repro_cmd).toMatch(/^go test gotest\.tools\/gotestsum\/testjson\/internal\/\w+ -run '\^Test\w+\$\/\^.+\$'$/);
  });

  it('Catch2: the location is on the failure', async () => {
    const [r] = await parse(`${M}catch2/report.xml`);
    expect(r).toEqual({
      kind: 'test',
      framework: 'catch2',
      test_id: 'ut_detail_utility_is_constant_evaluated::is constant evaluated',
      status: 'failed',
      name: 'is constant evaluated',
      suite: 'ut_detail_utility_is_constant_evaluated',
      duration_ms: 0,
      message: 'REQUIRE(v == 1) expands to 0 == 10',
      stack: 'FAILED:\n  REQUIRE( v == 1 )\nwith expansion:\n  0 == 1\n0\nat /__w/futures/futures/test/unit/detail/utility/is_constant_evaluated.cpp:19',
      file: 'test/unit/detail/utility/is_constant_evaluated.cpp',
      line: 19,
    });
  });

  it('PHPUnit: file and line attributes, namespaced classes, .phpt tests re-run by path', async () => {
    const results = await parse('dorny+test-reporter/__tests__/fixtures/phpunit/phpunit.xml', '/home/matteo/OSS/phpunit');
    expect(results.every((r) => r.framework === 'phpunit')).toBe(true);
    expect(results.find((r) => r.name === 'testHasNoCollectedEventsWhenFlushedImmediatelyAfterCreation')).toMatchObject({
      test_id: 'tests/unit/Event/Dispatcher/CollectingDispatcherTest.php::testHasNoCollectedEventsWhenFlushedImmediatelyAfterCreation',
      status: 'passed',
      file: 'tests/unit/Event/Dispatcher/CollectingDispatcherTest.php',
      line: 20,
    });
    const failed = results.filter((r) => r.status === 'failed');
    expect(failed.map((r) => [r.error_class, r.file, r.repro_cmd])).toEqual([
      ['PHPUnit\\Framework\\PhptAssertionFailedError', 'tests/end-to-end/metadata/targeting-traits-with-coversclass-attribute-is-deprecated.phpt', 'vendor/bin/phpunit tests/end-to-end/metadata/targeting-traits-with-coversclass-attribute-is-deprecated.phpt'],
      ['PHPUnit\\Framework\\PhptAssertionFailedError', 'tests/end-to-end/metadata/targeting-traits-with-usesclass-attribute-is-deprecated.phpt', 'vendor/bin/phpunit tests/end-to-end/metadata/targeting-traits-with-usesclass-attribute-is-deprecated.phpt'],
    ]);
  });

  it('Surefire: flakyFailure on a passing case is flaky; the report is Surefire by its properties', async () => {
    const results = await parse('ScaCap+action-surefire-report/integration-tests/custom_reports/TEST-test.MyIntegrationTestSuite.xml');
    const flaky = results.filter((r) => r.status === 'flaky');
    expect(flaky).toHaveLength(2);
    for (const r of flaky) {
      expect(r.framework).toBe('surefire');
      expect(r.flaky?.source).toBe('framework-rerun');
      expect(r.flaky!.passes).toBe(1);
      expect(r.flaky!.failures).toBe(r.flaky!.runs - 1);
    }
    const [marathon] = await parse(`${M}junit_flaky_failure/marathon_junit_report.xml`);
    expect(marathon!.status).toBe('flaky');
  });

  it('pytest: inherited tests keep the node id of the class that runs them (file attribute elsewhere)', async () => {
    const results = await parse(`${E}junit-xml/pytest/junit.gloo.elastic.xml`);
    expect(results).toHaveLength(14);
    expect(new Set(results.map((r) => r.test_id)).size).toBe(14);
    expect(results[1]).toMatchObject({ test_id: 'test/integration/test_elastic_torch.py::ElasticTorchTests::test_all_ranks_failure', file: 'test/integration/elastic_common.py', line: 197 });
  });

  it('bazel: a failing target with its log in the suite', async () => {
    const [r] = await parse(`${E}junit-xml/bazel/suite-logs.xml`);
    expect(r).toMatchObject({ test_id: 'bazel/failing_absl_test::bazel/failing_absl_test', status: 'errored', message: 'exited with error code 1' });
  });

  it('TRX from MSTest: Spanish messages, aborted and not-runnable outcomes', async () => {
    const results = await parse(`${E}trx/yami_YAMILEX_2015-10-24_04_18_59.trx`);
    expect(results).toHaveLength(25);
    expect(results.filter((r) => r.status === 'skipped')).toHaveLength(20);
    expect(results.find((r) => r.name === 'EST_SEG_TEMPTest')).toMatchObject({ status: 'errored', framework: 'mstest', suite: 'Prueba_Sistema.SIARAlgorithmTest' });
  });

  it('NUnit 3 with a parameterized fixture: names keep their arguments, ids stay unique', async () => {
    const results = await parse(`${E}nunit/nunit3/jenkins/NUnit-issue44527.xml`);
    expect(results).toHaveLength(150);
    expect(results.filter((r) => r.status === 'passed')).toHaveLength(6);
  });
});
