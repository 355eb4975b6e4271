import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collect } from '../input/collect.js';
import { goJson } from './index.js';

const fixture = fileURLToPath(new URL('../../../test/fixtures/reports/go/report.json', import.meta.url));
const repoRoot = '/work/main/test/fixtures/reports/go/project';
const ev = (o: Record<string, unknown>): string => JSON.stringify(o);

describe('go test -json (real report from go 1.19, stderr mixed in)', () => {
  it('yields tests, subtests, the panic and the build failure with exact fields', async () => {
    const { results, error } = await collect(goJson, { path: fixture }, { repoRoot });
    expect(error).toBeUndefined();
    // Passes stream through; failures are held to the end of the report (to fold in re-runs).
    expect(results.map((r) => `${r.kind} ${r.status} ${r.test_id}`).sort()).toEqual([
      'build errored go:broken/broken_test.go::undefined: Tripple',
      'test errored example.com/calc/crash::TestStoreNil',
      'test failed example.com/calc/calc::TestDivide',
      'test failed example.com/calc/calc::TestDivide/by_zero',
      'test failed example.com/calc/calc::TestSubtract',
      'test passed example.com/calc/calc::TestAdd',
      'test passed example.com/calc/calc::TestDivide/by_one',
      'test passed example.com/calc/crash::TestStoreFirst',
      'test skipped example.com/calc/calc::TestMultiply',
    ]);
    const by = (id: string) => results.find((r) => r.test_id === id);
    const build = by('go:broken/broken_test.go::undefined: Tripple');
    const panic = by('example.com/calc/crash::TestStoreNil');
    const subtract = by('example.com/calc/calc::TestSubtract');
    const divide = by('example.com/calc/calc::TestDivide');
    const byZero = by('example.com/calc/calc::TestDivide/by_zero');
    const skip = by('example.com/calc/calc::TestMultiply');
    expect(build).toMatchObject({ framework: 'go', file: 'broken/broken_test.go', line: 6, column: 5, message: 'undefined: Tripple', suite: 'example.com/calc/broken', repro_cmd: 'go test ./broken -count=1' });
    expect(panic).toMatchObject({ error_class: 'panic', message: 'assignment to entry in nil map', file: 'crash/crash.go', line: 3, repro_cmd: "go test ./crash -run '^TestStoreNil$' -count=1" });
    expect(panic!.stack).toContain('crash/crash_test.go:11');
    expect(subtract).toMatchObject({
      suite: 'example.com/calc/calc',
      name: 'TestSubtract',
      file: 'calc/calc_test.go',
      line: 14,
      message: 'Subtract(5, 3) = 8, want 2',
      stack: '    calc_test.go:12: checking 5 - 3\n    calc_test.go:14: Subtract(5, 3) = 8, want 2',
      duration_ms: 0,
      repro_cmd: "go test ./calc -run '^TestSubtract$' -count=1",
    });
    expect(divide).toMatchObject({ message: 'subtests failed: by_zero' });
    expect(byZero).toMatchObject({ file: 'calc/calc_test.go', line: 26, message: 'Divide(1, 0) failed: division by zero', repro_cmd: "go test ./calc -run '^TestDivide$/^by_zero$' -count=1" });
    expect(skip).toMatchObject({ message: 'not written yet' });
  });

  it('uses the module path when given instead of learning it', async () => {
    const text = [
      ev({ Action: 'run', Package: 'github.com/acme/app/internal/db', Test: 'TestOpen' }),
      ev({ Action: 'output', Package: 'github.com/acme/app/internal/db', Test: 'TestOpen', Output: '    db_test.go:9: cannot open\n' }),
      ev({ Action: 'fail', Package: 'github.com/acme/app/internal/db', Test: 'TestOpen', Elapsed: 0.25 }),
      ev({ Action: 'fail', Package: 'github.com/acme/app/internal/db', Elapsed: 0.3 }),
    ].join('\n');
    const { results } = await collect(goJson, { text }, { repoRoot: '/r', goModule: 'github.com/acme/app' });
    expect(results).toEqual([
      expect.objectContaining({ file: 'internal/db/db_test.go', line: 9, duration_ms: 250, message: 'cannot open', repro_cmd: "go test ./internal/db -run '^TestOpen$' -count=1" }),
    ]);
    const unknown = await collect(goJson, { text }, { repoRoot: '/r' });
    expect(unknown.results[0]).toMatchObject({ message: 'cannot open', repro_cmd: "go test github.com/acme/app/internal/db -run '^TestOpen$' -count=1" });
    // The base name alone does not say where the file is, so no file (and no line) rather than a wrong one.
    expect(unknown.results[0]!.file).toBeUndefined();
    expect(unknown.results[0]!.line).toBeUndefined();
  });

  it('gives buffered output back to the (sub)test whose indentation it has', async () => {
    const P = 'p';
    const text = [
      ev({ Action: 'run', Package: P, Test: 'TestA' }),
      ev({ Action: 'run', Package: P, Test: 'TestA/sub' }),
      ev({ Action: 'output', Package: P, Test: 'TestA', Output: '--- FAIL: TestA (0.00s)\n' }),
      ev({ Action: 'output', Package: P, Test: 'TestA/sub', Output: '    --- PASS: TestA/sub (0.00s)\n' }),
      ev({ Action: 'output', Package: P, Test: 'TestA/sub', Output: '        a_test.go:9: from sub\n' }),
      ev({ Action: 'output', Package: P, Test: 'TestA/sub', Output: '    a_test.go:22: from the parent\n' }),
      ev({ Action: 'pass', Package: P, Test: 'TestA/sub' }),
      ev({ Action: 'fail', Package: P, Test: 'TestA' }),
      ev({ Action: 'fail', Package: P }),
    ].join('\n');
    const { results } = await collect(goJson, { text }, { repoRoot: '/r' });
    expect(results.find((r) => r.name === 'TestA')).toMatchObject({ status: 'failed', message: 'from the parent' });
    expect(results.find((r) => r.name === 'TestA/sub')).toMatchObject({ status: 'passed' });
  });

  it('blames the innermost unfinished test when the fail event is missing, and passes unfinished tests of a passing package', async () => {
    const text = [
      ev({ Action: 'run', Package: 'a', Test: 'TestCrash' }),
      ev({ Action: 'run', Package: 'a', Test: 'TestCrash/inner' }),
      ev({ Action: 'output', Package: 'a', Test: 'TestCrash/inner', Output: 'panic: runtime error: index out of range [1] with length 1\n' }),
      ev({ Action: 'output', Package: 'a', Output: 'FAIL\ta\t0.005s\n' }),
      ev({ Action: 'fail', Package: 'a', Elapsed: 0.005 }),
      ev({ Action: 'run', Package: 'b', Test: 'TestQuiet' }),
      ev({ Action: 'pass', Package: 'b', Elapsed: 0 }),
    ].join('\n');
    const { results } = await collect(goJson, { text }, { repoRoot: '/r' });
    expect(results.map((r) => `${r.status} ${r.test_id}`)).toEqual(['passed b::TestQuiet', 'errored a::TestCrash/inner']);
    expect(results[1]).toMatchObject({ error_class: 'panic', message: 'runtime error: index out of range [1] with length 1' });
  });

  it('reports tests of a stream that stops mid-package as cut off, and TestMain failures at package level', async () => {
    const text = [
      ev({ Action: 'output', Package: 'm', Output: 'TestMain failed, returning early\n' }),
      ev({ Action: 'output', Package: 'm', Output: 'FAIL\tm\t0.001s\n' }),
      ev({ Action: 'fail', Package: 'm', Elapsed: 0.001 }),
      ev({ Action: 'run', Package: 'c', Test: 'TestSlow' }),
    ].join('\n');
    const { results } = await collect(goJson, { text }, { repoRoot: '/r' });
    expect(results).toEqual([
      expect.objectContaining({ test_id: 'm::(package)', status: 'errored', message: 'TestMain failed, returning early', repro_cmd: 'go test m -count=1' }),
      expect.objectContaining({ test_id: 'c::TestSlow', status: 'errored', message: 'the report ends before this test finished' }),
    ]);
  });

  it('reads build-output events of newer go and ignores stdout lines that are not events', async () => {
    const text = [
      ev({ ImportPath: 'ex.com/m/pkg [ex.com/m/pkg.test]', Action: 'build-output', Output: '# ex.com/m/pkg [ex.com/m/pkg.test]\n' }),
      ev({ ImportPath: 'ex.com/m/pkg [ex.com/m/pkg.test]', Action: 'build-output', Output: 'pkg/x_test.go:3:10: undefined: assert.foo\n' }),
      ev({ ImportPath: 'ex.com/m/pkg [ex.com/m/pkg.test]', Action: 'build-fail' }),
      '|||not test2json|||',
      '{"half": ',
      ev({ Action: 'start', Package: 'ex.com/m/pkg' }),
      ev({ Action: 'output', Package: 'ex.com/m/pkg', Output: 'FAIL\tex.com/m/pkg [build failed]\n' }),
      ev({ Action: 'fail', Package: 'ex.com/m/pkg', Elapsed: 0, FailedBuild: 'ex.com/m/pkg [ex.com/m/pkg.test]' }),
    ].join('\n');
    const { results, error } = await collect(goJson, { text }, { repoRoot: '/r' });
    expect(error).toBeUndefined();
    expect(results).toEqual([
      expect.objectContaining({ kind: 'build', status: 'errored', file: 'pkg/x_test.go', line: 3, column: 10, message: 'undefined: assert.foo', repro_cmd: 'go test ./pkg -count=1' }),
    ]);
  });

  it('folds re-runs of a test into one result: flaky when a later run passed (gotestsum --rerun-fails)', async () => {
    const run = (action: string, test?: string) => ev({ Action: action, Package: 'p', ...(test ? { Test: test } : {}) });
    const text = [
      run('run', 'TestA'), run('fail', 'TestA'), run('run', 'TestB'), run('fail', 'TestB'), run('fail'),
      run('run', 'TestA'), run('pass', 'TestA'), run('run', 'TestB'), run('fail', 'TestB'), run('fail'),
    ].join('\n');
    const { results } = await collect(goJson, { text }, { repoRoot: '/r' });
    expect(results).toEqual([
      expect.objectContaining({ test_id: 'p::TestA', status: 'flaky', flaky: { source: 'framework-rerun', runs: 2, failures: 1, passes: 1, messages: ['failed without a message (t.Fail)'] } }),
      expect.objectContaining({ test_id: 'p::TestB', status: 'failed' }),
    ]);
    expect(results[1]!.flaky).toBeUndefined();
  });

  it('survives an output line longer than the line limit: the line is cut, the test still gets its result', async () => {
    const huge = ev({ Action: 'output', Package: 'p', Test: 'TestBig', Output: `    big_test.go:3: ${'x'.repeat(17 * 1024 * 1024)}\n` });
    const text = [ev({ Action: 'run', Package: 'p', Test: 'TestBig' }), huge, ev({ Action: 'fail', Package: 'p', Test: 'TestBig' }), ev({ Action: 'fail', Package: 'p' })].join('\n');
    const { results, error } = await collect(goJson, { text }, { repoRoot: '/r' });
    expect(error).toBeUndefined();
    expect(results).toEqual([expect.objectContaining({ test_id: 'p::TestBig', status: 'failed' })]);
  });

  it('says so when nothing in the input is go test output', async () => {
    const { results, error } = await collect(goJson, { text: 'hello\nworld\n' }, { repoRoot: '/r', displayName: 'x.json' });
    expect(results).toEqual([]);
    expect((error as Error).message).toBe('x.json: no go test -json events found');
  });
});
