/**
 * test_id is the key every later stage joins on (history, flakiness, targeted re-runs), so the same
 * test must get the same id whichever report its framework wrote, pass or fail, in whatever checkout.
 * Checked on reports of the same runs written by the real tools (the fixture projects, go-junit-report's
 * and gotestsum's golden pairs, captured bun output) and on real pytest and node:test runs in temp
 * monorepos made here.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readEvents, type FailureEvent, type TestResult } from '../../src/events/index.js';
import { openReport } from '../../src/ingest/index.js';
import { fixtureReport } from '../../src/ingest/testing/fixture-report.js';
import { runCli } from './run-cli.js';

const CORPUS = fileURLToPath(new URL('../fixtures/corpus/test-reports/', import.meta.url));
const CAPTURED = fileURLToPath(new URL('../fixtures/projects/captured/', import.meta.url));
const tmp = mkdtempSync(path.join(tmpdir(), 'suture-e2e-ids-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function read(file: string, repoRoot: string, pkg?: string): Promise<TestResult[]> {
  const opened = await openReport(file, { repoRoot, package: pkg });
  const out: TestResult[] = [];
  for await (const r of opened.results) out.push(r);
  return out;
}

/** A fixture report with its project as the repository (the project's test files are read). */
const fixture = (rel: string): Promise<TestResult[]> => {
  const { file, repoRoot } = fixtureReport(rel, `${rel.split('/')[0]}/project`);
  return read(file, repoRoot);
};
const ids = (rs: TestResult[]) => rs.map((r) => r.test_id).sort();

describe('the same test gets the same test_id from every report format of its framework', () => {
  it.each([
    // [framework, twin A, twin B, ids only A has (and why)]
    ['jest', 'jest/report.json', 'jest/junit.xml', ['test/broken.test.js::(test file)']], // jest-junit writes no case for a file that did not load
    ['vitest', 'vitest/report.json', 'vitest/junit.xml', []],
    ['mocha', 'mocha/report.json', 'mocha/junit.xml', ['test/calc.test.js::calc > multiplies (not written yet)']], // mocha-junit-reporter leaves pending tests out
    ['node:test', 'node-test/report.tap', 'node-test/junit.xml', []],
    ['go', 'go/report.json', 'go/report.txt', []],
  ] as const)('%s: %s and %s', async (_fw, a, b, onlyA) => {
    const [ra, rb] = [await fixture(a), await fixture(b)];
    expect(ids(rb)).toEqual(ids(ra).filter((id) => !(onlyA as readonly string[]).includes(id)));
    // Every id is scoped by its repository-relative test file (Go: the import path).
    for (const r of [...ra, ...rb]) if (r.framework !== 'go') expect(r.test_id, r.test_id).toMatch(/^test\/[\w.]+\.test\.js::/);
    // Suite and name agree too: the runners re-run a test by them.
    const byId = new Map(ra.map((r) => [r.test_id, `${r.suite ?? ''} | ${r.name}`]));
    for (const r of rb) expect(`${r.suite ?? ''} | ${r.name}`, r.test_id).toBe(byId.get(r.test_id));
  });

  it('jest: the passing, failing and nested tests by id, in both formats', async () => {
    for (const f of ['jest/report.json', 'jest/junit.xml']) {
      const rs = await fixture(f);
      expect(rs.find((r) => r.test_id === 'test/calc.test.js::calc > add > adds two numbers'), f).toMatchObject({ status: 'passed', suite: 'calc > add', name: 'adds two numbers', file: 'test/calc.test.js' });
      expect(rs.find((r) => r.test_id === 'test/calc.test.js::calc > subtracts two numbers'), f).toMatchObject({ status: 'failed', file: 'test/calc.test.js', line: 11 });
    }
  });

  it('go: go-junit-report and gotestsum JUnit of a run agree with the go test output they were made from', async () => {
    const dir = `${CORPUS}jstemmer+go-junit-report/testdata/`;
    const files = readdirSync(dir);
    // Each NNN-report.xml is go-junit-report's golden output for the NNN input beside it.
    const pairs = files.filter((f) => f.endsWith('-report.xml')).map((x) => [x, files.find((f) => f.startsWith(x.slice(0, 4)) && !f.endsWith('.xml'))] as const);
    // go test lists each compiler error; go-junit-report one "[build failed]" case per package. 007 is
    // a test binary run directly: go test printed no package, the JUnit has the one given on the command line.
    const differ = new Set(['013', '031', '038', '102', '007']);
    let compared = 0;
    for (const [xml, input] of pairs) {
      if (!input || differ.has(xml.slice(0, 3))) continue;
      const [a, b] = [await read(dir + xml, '/repo'), await read(dir + input, '/repo')];
      // go test -count=N lists every run; the JUnit folds them into one case (016): compare distinct ids.
      expect([...new Set(ids(a))], xml).toEqual([...new Set(ids(b))]);
      compared++;
    }
    expect(compared).toBe(43);
    // A package that failed outside any test is "(package)" in both (go-junit-report calls it "Failure").
    expect(ids(await read(`${dir}106-report.xml`, '/repo'))).toContain('package/name/main/fail::(package)');
    // The fixture project's go test output and a go-junit-report-shaped file made from it by hand
    // (it leaves out the parent TestDivide and one passing test): every case it has, go test names alike.
    const json = new Set(ids(await fixture('go/report.json')));
    const { file: xml, repoRoot } = fixtureReport('xml-edge/go-junit-report.xml', 'go/project');
    const fromXml = ids(await read(xml, repoRoot)).filter((id) => !id.endsWith('::[build failed]'));
    expect(fromXml).toHaveLength(6);
    for (const id of fromXml) expect(json.has(id), id).toBe(true);
    const g = `${CORPUS}gotestyourself+gotestsum/`;
    const [junit, goJson] = [await read(`${g}internal/junitxml/testdata/junitxml-report.golden`, '/repo'), await read(`${g}testjson/testdata/input/go-test-json.out`, '/repo')];
    expect(junit).toHaveLength(60);
    expect(ids(junit)).toEqual(ids(goJson));
  });

  it('bun: JUnit is bun (not PHPUnit), nested describes are kept, and the re-run filter matches them', async () => {
    const results = await read(`${CAPTURED}bun/full.junit.xml`, '/tmp/exp/bun');
    expect(results.map((r) => [r.framework, r.status, r.test_id])).toEqual([
      ['bun', 'passed', 'test/strings.test.js::joins words'],
      ['bun', 'passed', 'test/calc.test.js::calc > adds'],
      ['bun', 'passed', 'test/calc.test.js::calc > subtracts'],
      ['bun', 'failed', 'test/calc.test.js::calc > multiplies'],
      ['bun', 'passed', 'test/calc.test.js::calc > edge > adds zero'],
      ['bun', 'failed', 'test/calc.test.js::network > retries once'],
    ]);
    expect(results[4]).toMatchObject({ suite: 'calc > edge', name: 'adds zero', file: 'test/calc.test.js', line: 16 });
    expect(results[3]).toMatchObject({ file: 'test/calc.test.js', line: 12, error_class: 'AssertionError', repro_cmd: "bun test test/calc.test.js -t '^calc multiplies$'" });
    // The re-run bun made with such a filter reports the same ids.
    const rerun = await read(`${CAPTURED}bun/rerun.junit.xml`, '/tmp/exp/bun');
    expect(rerun.filter((r) => r.status !== 'skipped').map((r) => `${r.status} ${r.test_id}`)).toEqual(['failed test/calc.test.js::calc > multiplies', 'passed test/calc.test.js::network > retries once']);
  });
});

describe('pytest ids are repository-relative node ids (a monorepo of real pytest runs)', { timeout: 60_000 }, () => {
  const repo = path.join(tmp, 'py-monorepo');
  const test = 'def test_title():\n    assert "a b".title() == "A B"\n\ndef test_fails():\n    assert 1 == 2\n';
  for (const pkg of ['pkg-a', 'pkg-b']) {
    mkdirSync(path.join(repo, pkg, 'tests'), { recursive: true });
    writeFileSync(path.join(repo, pkg, 'pyproject.toml'), '[tool.pytest.ini_options]\n');
    writeFileSync(path.join(repo, pkg, 'tests', 'test_report.py'), test);
  }
  mkdirSync(path.join(repo, 'pkg-c', 'tests'), { recursive: true });
  writeFileSync(path.join(repo, 'pkg-c', 'pyproject.toml'), '[tool.pytest.ini_options]\n');
  writeFileSync(path.join(repo, 'pkg-c', 'tests', 'test_only_here.py'), test);
  /** Runs the real pytest in a package, as a CI job or the runners stage does. */
  const junit = (pkg: string, family: 'xunit1' | 'xunit2'): string => {
    const out = path.join(tmp, `${pkg}-${family}.xml`);
    spawnSync('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', `--junitxml=${out}`, '-o', `junit_family=${family}`], { cwd: path.join(repo, pkg), encoding: 'utf8' });
    return out;
  };

  it.each(['xunit1', 'xunit2'] as const)('%s: two packages with the same test file never collide; repro runs from the package', async (family) => {
    const a = await read(junit('pkg-a', family), repo, 'pkg-a');
    const b = await read(junit('pkg-b', family), repo, 'pkg-b');
    expect(ids([...a, ...b])).toEqual([
      'pkg-a/tests/test_report.py::test_fails',
      'pkg-a/tests/test_report.py::test_title',
      'pkg-b/tests/test_report.py::test_fails',
      'pkg-b/tests/test_report.py::test_title',
    ]);
    // xunit1 writes the test function's line; xunit2 none, so the failing assert's frame gives it.
    expect(a.find((r) => r.status === 'failed')).toMatchObject({ file: 'pkg-a/tests/test_report.py', line: family === 'xunit1' ? 4 : 5, repro_cmd: 'cd pkg-a && python3 -m pytest tests/test_report.py::test_fails' });
    expect(a.find((r) => r.status === 'passed')).toMatchObject({ file: 'pkg-a/tests/test_report.py' });
  });

  it('without --package, a test file found in exactly one package is placed there; the repro command re-runs it', async () => {
    const [failing] = (await read(junit('pkg-c', 'xunit2'), repo)).filter((r) => r.status === 'failed');
    expect(failing).toMatchObject({ test_id: 'pkg-c/tests/test_only_here.py::test_fails', file: 'pkg-c/tests/test_only_here.py', repro_cmd: 'python3 -m pytest pkg-c/tests/test_only_here.py::test_fails' });
    const rerun = spawnSync('sh', ['-c', `${failing!.repro_cmd} -q -p no:cacheprovider`], { cwd: repo, encoding: 'utf8' });
    expect(rerun.stdout).toMatch(/1 failed in/);
  });

  it('suture ingest --package gives the same ids on the command line', async () => {
    const out = path.join(tmp, 'pkg-a.ndjson');
    const r = await runCli(['ingest', junit('pkg-a', 'xunit2'), '--repo-root', repo, '--package', 'pkg-a', '--out', out]);
    expect(r.code, r.stderr).toBe(1);
    const events: FailureEvent[] = [];
    for await (const e of readEvents(createReadStream(out), { source: out })) events.push(e);
    expect(events.map((e) => [e.test_id, e.package, e.repro_cmd])).toEqual([['pkg-a/tests/test_report.py::test_fails', 'pkg-a', 'cd pkg-a && python3 -m pytest tests/test_report.py::test_fails']]);
    const outside = await runCli(['ingest', junit('pkg-a', 'xunit2'), '--repo-root', repo, '--package', '../elsewhere']);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/^suture: error \[E_PACKAGE_OUTSIDE\] --package \.\.\/elsewhere is outside the repository/);
  });
});

describe('node:test reports name no file for passing tests (Node 20): the file comes from the test files', { timeout: 60_000 }, () => {
  const repo = path.join(tmp, 'node-project');
  mkdirSync(path.join(repo, 'test'), { recursive: true });
  writeFileSync(path.join(repo, 'test/a.test.js'), "const { describe, it } = require('node:test');\nconst assert = require('node:assert');\ndescribe('parser', () => {\n  it('works', () => assert.equal(1, 2));\n});\n");
  writeFileSync(path.join(repo, 'test/b.test.js'), "const { describe, it } = require('node:test');\ndescribe('printer', () => {\n  it('works', () => {});\n});\n");
  const run = (reporter: 'tap' | 'junit'): string => {
    const out = path.join(tmp, `node.${reporter}`);
    spawnSync(process.execPath, ['--test', `--test-reporter=${reporter}`, `--test-reporter-destination=${out}`, 'test/'], { cwd: repo });
    return out;
  };

  it('two tests titled "works" in two files: TAP and JUnit give each its file, pass or fail', async () => {
    const [tap, junit] = [await read(run('tap'), repo), await read(run('junit'), repo)];
    for (const rs of [tap, junit]) {
      expect(rs.map((r) => `${r.status === 'errored' ? 'failed' : r.status} ${r.test_id} ${r.file}`)).toEqual([
        'failed test/a.test.js::parser > works test/a.test.js',
        'passed test/b.test.js::printer > works test/b.test.js',
      ]);
    }
    // The same ids when the failing test passes: nothing comes from the failure's location.
    writeFileSync(path.join(repo, 'test/a.test.js'), "const { describe, it } = require('node:test');\ndescribe('parser', () => {\n  it('works', () => {});\n});\n");
    expect(ids(await read(run('tap'), repo))).toEqual(ids(tap));
  });
});
